// Glue of the orders commands.
#include "mes/orders/commands/order_commands.h"

#include <map>

#include "mes/masterdata/in_force.h"
#include "mes/orders/commands/views.h"
#include "mes/orders/domain/release.h"
#include "mes/orders/domain/transitions.h"
#include "mes/orders/orders.h"
#include "mes/orders/store/orders_store.h"

namespace ordo::orders {

namespace {

std::string TextOf(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// What the creation needs to know about `product` at `now`.
Result<ProductFacts> ProductFactsOf(storage::Database& db, const std::string& product,
                                    TimeMicros now) {
  ProductFacts facts;
  if (product.empty() || product.size() > 64) return facts;
  auto version = masterdata::InForce(db, "product", product, now);
  if (!version.ok()) return version.error();
  if (!*version) return facts;
  facts.in_force = true;
  facts.material = TextOf((*version)->content, "material");
  auto material = masterdata::InForce(db, "material", facts.material, now);
  if (!material.ok()) return material.error();
  if (*material) facts.material_content = (*material)->content;
  return facts;
}

Result<std::optional<DefinitionVersion>> Pinned(storage::Database& db, const std::string& kind,
                                                const std::string& id, TimeMicros now) {
  auto version = masterdata::InForce(db, kind, id, now);
  if (!version.ok()) return version.error();
  if (!*version) return std::optional<DefinitionVersion>();
  const auto& v = **version;
  return std::optional<DefinitionVersion>(
      DefinitionVersion{v.id, v.version, v.content_hash, v.content});
}

Result<ReleaseFacts> ReleaseFactsOf(storage::Database& db, const Order& order, TimeMicros now) {
  ReleaseFacts f;
  f.order_id = order.order_id;
  f.state = ParseOrderState(order.state).value_or(OrderState::kCreated);
  f.base_quantity = order.base_quantity;
  f.base_unit = order.base_unit;
  auto product = Pinned(db, "product", order.product, now);
  if (!product.ok()) return product.error();
  f.product = *product;
  if (!f.product) return f;
  auto routing = Pinned(db, "routing", TextOf(f.product->content, "routing"), now);
  if (!routing.ok()) return routing.error();
  f.routing = *routing;
  auto material = Pinned(db, "material", TextOf(f.product->content, "material"), now);
  if (!material.ok()) return material.error();
  f.material = *material;
  if (auto bom = f.product->content.find("bom"); bom != f.product->content.end() && bom->is_array())
    for (const auto& line : *bom) {
      const std::string id = TextOf(line, "material");
      auto component = masterdata::InForce(db, "material", id, now);
      if (!component.ok()) return component.error();
      f.components[id] = *component ? std::optional<Json>((*component)->content) : std::nullopt;
    }
  return f;
}

Json OrderReply(engine::WriteContext& ctx, const std::string& order_id) {
  auto order = FindOrder(ctx.db, order_id);
  return Json{{"order", order.ok() && *order ? ToJson(**order) : Json(nullptr)}};
}

Json ErrorsJson(const std::vector<FieldError>& errors) {
  Json out = Json::array();
  for (const auto& e : errors)
    out.push_back({{"field", e.field}, {"message", e.message}, {"reason", e.reason}});
  return out;
}

}  // namespace

engine::Command CreateOrderCommand(engine::Actor actor, CreateOrder order) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [order](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto facts = ProductFactsOf(ctx.db, order.product, ctx.now);
    if (!facts.ok()) return facts.error();
    OrderDecision d = DecideCreateOrder(order, *facts, "api");
    if (!d.errors.empty()) return ToError(d.errors.front());
    auto existing = FindOrder(ctx.db, order.order_id);
    if (!existing.ok()) return existing.error();
    if (*existing)
      return Error{ErrorCode::kConflict,
                   "order '" + order.order_id + "' exists already (state " + (*existing)->state +
                       "); an order id is used once",
                   "order_id", "order_exists"};
    return std::vector<ledger::Event>{ledger::MakeEvent(*d.event, kSubjectKind, order.order_id)};
  };
  c.reply = [id = order.order_id](engine::WriteContext& ctx,
                                  const std::vector<ledger::LedgerEntry>&) {
    return OrderReply(ctx, id);
  };
  return c;
}

engine::Command ImportOrdersCommand(engine::Actor actor, std::vector<ImportRow> rows) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  // The report is built by decide (it knows every row's outcome) and handed to reply.
  auto report = std::make_shared<Json>();  // shared: decide and reply are two copies of lambdas
  c.decide = [rows = std::move(rows),
              report](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    std::map<std::string, ProductFacts> products;
    std::map<std::string, OrderCreated> in_file;  // orders created earlier in this file
    std::vector<ledger::Event> events;
    int created = 0, unchanged = 0, refused = 0;
    Json lines = Json::array();
    for (const auto& row : rows) {
      auto known = products.find(row.order.product);
      if (known == products.end()) {
        auto facts = ProductFactsOf(ctx.db, row.order.product, ctx.now);
        if (!facts.ok()) return facts.error();
        known = products.emplace(row.order.product, *facts).first;
      }
      OrderDecision d = DecideImportRow(row, known->second);
      std::optional<OrderCreated> existing;
      if (d.errors.empty()) {
        if (auto it = in_file.find(row.order.order_id); it != in_file.end()) {
          existing = it->second;
        } else {
          auto stored = FindOrder(ctx.db, row.order.order_id);
          if (!stored.ok()) return stored.error();
          if (*stored) existing = CreatedOf(**stored);
        }
      }
      std::vector<FieldError> differences;
      const ImportOutcome outcome = ClassifyImportRow(d, existing, &differences);
      if (outcome == ImportOutcome::kCreated) {
        ++created;
        in_file.emplace(d.event->order_id, *d.event);
        events.push_back(ledger::MakeEvent(*d.event, kSubjectKind, d.event->order_id));
      } else if (outcome == ImportOutcome::kUnchanged) {
        ++unchanged;
      } else {
        ++refused;
      }
      lines.push_back(
          {{"line", row.line},
           {"order_id", row.order.order_id},
           {"outcome", ToString(outcome)},
           {"errors", ErrorsJson(outcome == ImportOutcome::kConflict ? differences : d.errors)}});
    }
    *report = Json{{"created", created},
                   {"unchanged", unchanged},
                   {"refused", refused},
                   {"rows", std::move(lines)}};
    return events;
  };
  c.reply = [report](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    return *report;
  };
  return c;
}

engine::Command ReleaseOrderCommand(engine::Actor actor, std::string order_id) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [order_id](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto order = FindOrder(ctx.db, order_id);
    if (!order.ok()) return order.error();
    if (!*order) return OrderNotFound(order_id);
    auto facts = ReleaseFactsOf(ctx.db, **order, ctx.now);
    if (!facts.ok()) return facts.error();
    auto released = DecideRelease(*facts);
    if (!released.ok()) return released.error();
    return std::vector<ledger::Event>{ledger::MakeEvent(*released, kSubjectKind, order_id)};
  };
  c.reply = [order_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto detail = OrderDetail(ctx.db, order_id);
    return detail.ok() ? *detail : Json(nullptr);
  };
  return c;
}

engine::Command OrderStateCommand(engine::Actor actor, std::string order_id, OrderAction action,
                                  std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [order_id, action,
              reason](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto order = FindOrder(ctx.db, order_id);
    if (!order.ok()) return order.error();
    if (!*order) return OrderNotFound(order_id);
    auto state = ParseOrderState((*order)->state);
    if (!state)
      return Error::Make(ErrorCode::kInternal,
                         "order '" + order_id + "' has an unknown state '" + (*order)->state + "'");
    // Hold pauses and cancel closes out the operations under way (DecideStateCommand).
    std::vector<OperationOfOrder> operations;
    if (action == OrderAction::kHold || action == OrderAction::kCancel) {
      auto ops = OperationsOf(ctx.db, order_id);
      if (!ops.ok()) return ops.error();
      for (const auto& op : *ops) {
        auto op_state = ParseOperationState(op.state);
        if (!op_state)
          return Error::Make(ErrorCode::kInternal, "operation " + op.operation + " of order '" +
                                                       order_id + "' has an unknown state '" +
                                                       op.state + "'");
        operations.push_back({op.operation, *op_state});
      }
    }
    return DecideStateCommand(order_id, *state, ParseOrderState((*order)->held_from), action,
                              reason, operations);
  };
  c.reply = [order_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return OrderReply(ctx, order_id);
  };
  return c;
}

}  // namespace ordo::orders
