// The produce command (execution_commands.h): output lots of the order's product at a
// running operation.
#include "mes/execution/commands/detail/command_support.h"
#include "mes/execution/commands/execution_commands.h"
#include "mes/execution/domain/produce.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/domain/units.h"
#include "mes/orders/orders.h"

namespace ordo::execution {

using detail::Events;

engine::Command ProduceCommand(engine::Actor actor, OperationRef ref, ProduceInput input) {
  const Json details{{"lot", input.lot},           {"material", input.material},
                     {"quantity", input.quantity}, {"unit", input.unit},
                     {"expiry", input.expiry},     {"location", input.location}};
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
