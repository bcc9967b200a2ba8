// The move command: checks against the list as it is, then one event.
#include "mes/dispatch/commands/move_command.h"

#include <algorithm>

#include "ledger/event_type.h"
#include "mes/dispatch/events.h"
#include "mes/dispatch/store/dispatch_list.h"

namespace ordo::dispatch {

engine::Command MoveCommand(engine::Actor actor, std::string work_unit, Move move) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [work_unit, move](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    if (Status s = CheckMove(move); !s.ok()) return s.error();
    auto list = ComputeDispatchList(ctx.db, work_unit, ctx.now);
    if (!list.ok()) return list.error();
    const bool listed =
        std::any_of(list->entries.begin(), list->entries.end(), [&](const ListEntry& e) {
          return e.entry.candidate.order_id == move.order_id &&
                 e.entry.candidate.operation == move.operation;
        });
    if (!listed)
      return Error{ErrorCode::kNotFound,
                   "operation " + move.order_id + "/" + move.operation +
                       " is not on the dispatch list of " + work_unit,
                   "operation", "not_on_list"};
    OperationMoved event{list->unit.work_center,
                         move.order_id,
                         move.operation,
                         std::string(DirectionName(move.direction)),
                         move.direction == Direction::kPosition ? move.to_position : 0,
                         move.reason};
    ledger::Event e = ledger::MakeEvent(event, "work_center", list->unit.work_center);
    e.reason = move.reason;
    return std::vector<ledger::Event>{std::move(e)};
  };
  c.reply = [work_unit](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto list = ComputeDispatchList(ctx.db, work_unit, ctx.now);
    return list.ok() ? ToJson(*list) : Json{{"work_unit", work_unit}};
  };
  return c;
}

}  // namespace ordo::dispatch
