// The equipment board (issue 12, section 6): every work unit in force, grouped by its line
// (the work center it belongs to in the site hierarchy), with its current machine state
// and since when, what runs on it (orders' public read) and its counts; and the down
// intervals of the downtime list, assigned or not. Reads only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/equipment/domain/intervals.h"
#include "mes/equipment/store/equipment_store.h"
#include "storage/database.h"

namespace ordo::equipment {

// The board at `now` as the API shows it (BoardSchema in http/board_schemas.cc):
// {at, since, lines: [{id, name, level, work_units: [...]}]}. Each unit's counts are
// summed from `since` when given, else from the start of the operation running on it
// (basis "operation"), else absent (basis "none", zeros). A unit without data is
// `offline` with `since` null. Failures: the store's (internal).
Result<Json> ComputeBoard(storage::Database& db, TimeMicros now, std::optional<TimeMicros> since);

// One state interval of `work_unit` as the API shows it (IntervalSchema): its true start
// and end, the part inside the window [from, to) (`window_start`, `window_end`), state,
// sub-reason, reason code (the one assigned after the fact when `assigned` is given, else
// the machine's), micro-stop flag, source, context, and `assigned` {by, at, comment} or
// null. The one builder of the states read and the downtime list.
Json IntervalRow(const std::string& work_unit, const StateInterval& interval, TimeMicros from,
                 TimeMicros to, const AssignedReason* assigned);

// The down intervals (micro-stops left out) of every work unit starting in [from, to),
// newest first, each as the API shows an interval (with `assigned` who/when, or null),
// plus the unplanned codes of the DOWNTIME list in force at `now` ({code, description}).
// `unassigned_only`: only those without a reason.
Result<Json> ComputeDowntimeList(storage::Database& db, TimeMicros from, TimeMicros to,
                                 TimeMicros now, bool unassigned_only);

}  // namespace ordo::equipment
