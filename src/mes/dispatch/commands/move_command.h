// The supervisor's move of an operation on a work unit's dispatch list, as an engine
// command: records dispatch.operation_moved (subject: the unit's work center) and answers
// the unit's new list.
#pragma once

#include <string>

#include "engine/engine.h"
#include "mes/dispatch/domain/sequencing.h"

namespace ordo::dispatch {

// Refuses (changing nothing): an unknown work unit (404, field `id`), a move CheckMove
// refuses (400 naming the field), an operation that is not on the unit's list (404,
// field `operation`, reason not_on_list). `move.by` and `move.seq` are ignored (the
// ledger entry's actor and seq).
engine::Command MoveCommand(engine::Actor actor, std::string work_unit, Move move);

}  // namespace ordo::dispatch
