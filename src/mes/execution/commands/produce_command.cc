// The produce command (execution_commands.h): output lots, or serial numbers of a
// serial-tracked product, of the order's product at a running operation.
#include "mes/execution/commands/detail/command_support.h"
#include "mes/execution/commands/execution_commands.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/produce.h"
#include "mes/execution/domain/produce_serials.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/domain/serial_pattern.h"
#include "mes/masterdata/domain/units.h"
#include "mes/orders/orders.h"

namespace ordo::execution {

using detail::Events;

namespace {

// The serials of a serial-tracked product: generated from its pattern or scanned
// (produce_serials.h), one lots.serial_produced each.
Result<Events> ProduceSerials(engine::WriteContext& ctx, const OperationRef& ref,
                              const ProduceInput& input, const detail::RecordingStep& step,
                              const ProductFacts& product, const Json& content, Json& extra) {
  const std::string pattern = content.value("serial_pattern", std::string());
  std::int64_t last = 0;
  if (auto parsed = masterdata::ParseSerialPattern(pattern); parsed.ok()) {
    auto found = lots::LastSerialNumber(ctx.db, product.material,
                                        masterdata::SerialStem(*parsed, UtcDay(ctx.now)));
    if (!found.ok()) return found.error();
    last = *found;
  }
  SerialRequest request{input.material, input.lot, input.quantity, input.count, input.serials};
  SerialOwner owner = [&ctx](const std::string& serial) -> Result<std::optional<std::string>> {
    auto found = lots::FindSerial(ctx.db, serial);
    if (!found.ok()) return found.error();
    if (!*found) return std::optional<std::string>();
    return std::optional<std::string>((*found)->material);
  };
  auto decided =
      DecideProduceSerials(step.op, product, pattern, request, last, owner, step.context);
  if (!decided.ok()) return decided.error();
  Events events;
  for (std::size_t i = 0; i < decided->serials.size(); ++i) {
    lots::SerialProduced produced;
    produced.serial = decided->serials[i];
    produced.material = decided->material;
    produced.order_id = ref.order_id;
    produced.operation = ref.operation;
    produced.work_unit = step.op.work_unit;
    produced.source = decided->source;
    if (!decided->numbers.empty()) {
      produced.stem = decided->stem;
      produced.number = decided->numbers[i];
    }
    events.push_back(ledger::MakeEvent(produced, lots::kSerialSubjectKind, produced.serial));
  }
  extra = Json{{"produced", Json{{"serials", decided->serials},
                                 {"material", decided->material},
                                 {"source", decided->source},
                                 {"count", decided->serials.size()}}},
               {"exceptions", Json::array()}};
  return events;
}

}  // namespace

engine::Command ProduceCommand(engine::Actor actor, OperationRef ref, ProduceInput input) {
  Json details{{"lot", input.lot},   {"material", input.material}, {"quantity", input.quantity},
               {"unit", input.unit}, {"expiry", input.expiry},     {"location", input.location}};
  if (input.count) details["count"] = *input.count;
  if (!input.serials.empty()) details["serials"] = input.serials;
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  auto extra = std::make_shared<Json>(Json::object());
  return detail::Make(
      std::move(actor), ref, "produce", details,
      [ref, input, user_id, user, extra](engine::WriteContext& ctx) -> Result<Events> {
        auto step = detail::BeginRecordingStep(ctx, ref, user_id, user);
        if (!step.ok()) return step.error();
        auto order = orders::FindOrder(ctx.db, ref.order_id);
        if (!order.ok()) return order.error();
        if (!*order)
          return Error{ErrorCode::kNotFound, "no order " + ref.order_id, "order_id", "not_found"};
        const std::string product_material = (*order)->material;
        auto material = detail::MaterialInForce(
            ctx, product_material, "order_id",
            "the product material " + product_material + " of order " + ref.order_id);
        if (!material.ok()) return material.error();
        const Json& content = material->content;
        ProductFacts product{product_material, content.value("tracking", std::string("none")),
                             masterdata::BaseUnitOf(content)};
        if (product.tracking == "serial")
          return ProduceSerials(ctx, ref, input, *step, product, content, *extra);
        ProduceRequest request{input.lot, input.material, 0, input.expiry, input.location};
        // The material and the running state before any conversion: a wrong material is
        // refused (and recorded) whatever its unit.
        auto early = DecideProduce(step->op, product, request, false, step->context);
        if (!early.ok() && early.error().field != "quantity") return early.error();
        auto base = masterdata::ToBaseQuantity(content, input.quantity,
                                               input.unit.empty() ? product.base_unit : input.unit);
        if (!base.ok()) return base.error();
        request.base_quantity = *base;
        bool exists = false;
        if (!input.lot.empty()) {
          auto found = lots::FindLot(ctx.db, input.lot);
          if (!found.ok()) return found.error();
          exists = found->has_value();
        }
        auto decided = DecideProduce(step->op, product, request, exists, step->context);
        if (!decided.ok()) return decided.error();
        lots::LotProduced produced;
        produced.lot = decided->lot;
        produced.material = decided->material;
        produced.quantity = input.quantity;
        produced.unit = input.unit.empty() ? decided->base_unit : input.unit;
        produced.base_quantity = decided->base_quantity;
        produced.base_unit = decided->base_unit;
        produced.order_id = ref.order_id;
        produced.operation = ref.operation;
        produced.work_unit = step->op.work_unit;
        produced.expiry = decided->expiry;
        produced.location = decided->location;
        *extra = Json{{"produced", Json{{"lot", produced.lot},
                                        {"material", produced.material},
                                        {"base_quantity", produced.base_quantity},
                                        {"base_unit", produced.base_unit},
                                        {"location", produced.location},
                                        {"status", "quarantined"}}},
                      {"exceptions", Json::array()}};
        return Events{ledger::MakeEvent(produced, lots::kSubjectKind, produced.lot)};
      },
      extra);
}

}  // namespace ordo::execution
