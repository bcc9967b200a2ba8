// The consume command for a component serial (execution_commands.h: ConsumeInput with
// `serial`): the serial goes into a device of the order, as lots.serial_consumed.
#include <algorithm>

#include "mes/deviations/deviations.h"
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

namespace {

// The open deviations touching `unit`: those naming the serial, and those of the order
// that produced it (as lots' release block counts them).
Result<std::vector<std::string>> OpenDeviationIds(storage::Database& db,
                                                  const lots::SerialUnit& unit) {
  std::vector<std::string> ids;
  auto touching = deviations::OpenDeviationsTouchingLot(db, unit.serial);
  if (!touching.ok()) return touching.error();
  for (const auto& d : *touching) ids.push_back(d.id);
  auto of_order = deviations::DeviationsOfOrder(db, unit.order_id);
  if (!of_order.ok()) return of_order.error();
  for (const auto& d : *of_order)
    if (d.state == deviations::kStateOpen && std::find(ids.begin(), ids.end(), d.id) == ids.end())
      ids.push_back(d.id);
  return ids;
}

}  // namespace

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
  SerialFacts facts{unit.serial,   unit.material,          unit.state,
                    unit.order_id, unit.consumed_order_id, {}};
  auto open = OpenDeviationIds(ctx.db, unit);
  if (!open.ok()) return open.error();
  facts.open_deviations = std::move(*open);
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
  consumed.over_consumption = decided->over_consumption;
  Events events{ledger::MakeEvent(consumed, lots::kSerialSubjectKind, consumed.serial)};
  std::vector<ExceptionRecorded> raised;
  if (decided->exception) {
    raised.push_back(*decided->exception);
    events.push_back(OnOrder(ref, *decided->exception));
  }
  ORDO_TRY(OpenDeviations(ctx, ref, events, [&]() -> Result<std::vector<std::string>> {
    return std::vector<std::string>{consumed.serial};
  }));
  extra = Json{{"consumed", Json{{"serial", consumed.serial},
                                 {"material", consumed.material},
                                 {"bom_material", consumed.bom_material},
                                 {"alternate", consumed.alternate}}},
               {"exceptions", ExceptionsJson(raised)}};
  return events;
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
