// The consume command for a component serial (execution_commands.h: ConsumeInput with
// `serial`): the serial goes into a device of the order, as lots.serial_consumed.
#include "mes/execution/commands/detail/command_support.h"
#include "mes/execution/commands/execution_commands.h"
#include "mes/execution/commands/facts_loader.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/consume_serial.h"
#include "mes/genealogy/cycle.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"

namespace ordo::execution {

using detail::Events;

namespace detail {

Result<Events> ConsumeSerialEvents(engine::WriteContext& ctx, const OperationRef& ref,
                                   const std::string& serial, const std::string& field,
                                   const std::string& scanned_material, const RecordingStep& step,
                                   std::int64_t user_id, Json& extra) {
  auto named = [&field](Error e) {
    if (e.field == "serial") e.field = field;
    return e;
  };
  auto found = lots::FindSerial(ctx.db, serial);
  if (!found.ok()) return found.error();
  if (!*found)
    return named(Error{ErrorCode::kNotFound,
                       "no serial " + serial + " was produced; scan the serial on the component",
                       "serial", "serial_missing"});
  const lots::SerialUnit& unit = **found;
  if (!scanned_material.empty() && scanned_material != unit.material)
    return named(Refuse(ErrorCode::kFailedPrecondition, kWrongMaterial, "serial",
                        "Wrong material: the label's GTIN names " + scanned_material +
                            ", but serial " + serial + " is material " + unit.material + "."));
  auto bom = LoadBom(ctx.db, ref.order_id);
  if (!bom.ok()) return bom.error();
  SerialFacts facts{unit.serial, unit.material, unit.state, unit.order_id, unit.consumed_order_id};
  auto decided = DecideConsumeSerial(step.op, *bom, facts, step.context);
  if (!decided.ok()) return named(decided.error());
  // The genealogy stays acyclic: a serial cannot go into the order that made it.
  if (auto st = genealogy::WouldCycle(
          ctx.db, {{genealogy::SerialNode(decided->serial), genealogy::OrderNode(ref.order_id),
                    genealogy::EdgeKind::kConsumed, 0, "", ref.order_id, ref.operation, 0}});
      !st.ok()) {
    Error e = st.error();
    if (e.field.empty()) e.field = field;
    return e;
  }
  lots::SerialConsumed consumed;
  consumed.serial = decided->serial;
  consumed.material = decided->material;
  consumed.order_id = ref.order_id;
  consumed.operation = ref.operation;
  consumed.work_unit = step.op.work_unit;
  consumed.bom_material = decided->bom_material;
  consumed.alternate = decided->alternate;
  consumed.user_id = user_id;
  extra = Json{{"consumed", Json{{"serial", consumed.serial},
                                 {"material", consumed.material},
                                 {"bom_material", consumed.bom_material},
                                 {"alternate", consumed.alternate}}},
               {"exceptions", Json::array()}};
  return Events{ledger::MakeEvent(consumed, lots::kSerialSubjectKind, consumed.serial)};
}

}  // namespace detail

engine::Command ConsumeSerialCommand(engine::Actor actor, OperationRef ref, ConsumeInput input) {
  const Json details{{"serial", input.serial}, {"quantity", input.quantity}};
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  auto extra = std::make_shared<Json>(Json::object());
  return detail::Make(
      std::move(actor), ref, "consume", details,
      [ref, input, user_id, user, extra](engine::WriteContext& ctx) -> Result<Events> {
        if (!input.lot.empty() || !input.scan.empty())
          return Refuse(ErrorCode::kInvalidArgument, "conflicting_fields", "serial",
                        "Give a serial or a lot (lot or scan), not both.");
        if (input.quantity != 0 && input.quantity != 1)
          return Refuse(ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity",
                        "A serial is one piece: leave quantity out or give 1.");
        auto step = detail::BeginRecordingStep(ctx, ref, user_id, user);
        if (!step.ok()) return step.error();
        return detail::ConsumeSerialEvents(ctx, ref, input.serial, "serial", "", *step, user_id,
                                           *extra);
      },
      extra);
}

}  // namespace ordo::execution
