// The equipment commands (glue): load what the decisions in domain/ need from the store,
// master data (work units, the DOWNTIME list) and execution's view of each work unit
// (orders, lots, access reads), call the decision, reply.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/equipment/domain/batch.h"
#include "mes/equipment/domain/intervals.h"
#include "mes/equipment/domain/source.h"
#include "mes/equipment/domain/state.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {

// Registers `source` (key_hash already set for a rest source). Reply {"source"}.
engine::Command RegisterSourceCommand(engine::Actor actor, SourceRegistered source);
// Enables/disables a source and/or replaces its work units or (sparkplug) its device map
// and node work unit (DecideUpdateSource). Reply {"source"}; not_found source_missing for
// an unknown name.
engine::Command UpdateSourceCommand(engine::Actor actor, std::string name, SourceChange change);
// A rest source's new key hash. Reply {"source"}.
engine::Command RotateKeyCommand(engine::Actor actor, std::string name, std::string key_hash);

// Ingests `batch` (decoded at `received_us`, its canonical hash `batch_hash`) sent by
// the source `source` (whose key authenticated the call; "" = none did). DecideIngest's
// outcomes: reply {"refused": error} with the one equipment.data_refused recorded;
// {"duplicate": true, ...} with nothing appended; or the batch's events and
// {"duplicate": false, "states", "counts", "skewed"}. Errors as DecideIngest's.
// The command is bulk (engine::Command::bulk). `work_units`: the work units the batch may
// touch as the caller read them (the source's registration; for a Sparkplug message other
// than a node's death the one work unit of its device or node); declared as the command's
// work units, so people's commands for other work units may run before it. When a work
// unit the batch touches at the decision (of its states and counts, and the work units of
// its samples' tags, among the source's) is not among them (the source was changed
// meanwhile), the command fails with unavailable and writes nothing: the source sends
// the batch again. nullopt: none declared, and the command keeps its place in order.
engine::Command IngestCommand(engine::Actor actor, std::string source, Batch batch,
                              std::string batch_hash, TimeMicros received_us,
                              std::optional<std::set<std::string>> work_units = std::nullopt);

// Records that a call with an unknown API key was refused (equipment.data_refused,
// reason unknown_source; `detail` says what the caller claimed). Reply {"refused"}.
engine::Command RecordUnknownKeyCommand(engine::Actor actor, std::string claimed_source,
                                        std::string detail);

// Gives the down interval of `work_unit` starting at `start_us` the reason `reason_code`
// (DecideAssignReason against the DOWNTIME list in force). Reply {"assigned": {work_unit,
// start, reason_code, comment}}.
engine::Command AssignReasonCommand(engine::Actor actor, std::string work_unit, TimeMicros start_us,
                                    std::string reason_code, std::string comment);

// What runs on `work_unit` now, for stamping data: the running (else paused) operation on
// it, its order's product, the lot last consumed at that operation, and the operator who
// started it. Empty when nothing runs.
Result<Context> ContextOfWorkUnit(storage::Database& db, const std::string& work_unit);

// The work unit's micro-stop threshold (master data micro_stop_seconds, default 120 s);
// not_found unknown_work_unit when `work_unit` is no work unit in force at `now`.
Result<TimeMicros> MicroStopThreshold(storage::Database& db, const std::string& work_unit,
                                      TimeMicros now);

// The codes of the reason_codes list DOWNTIME in force at `now` (version 0 when none).
Result<DowntimeCodes> LoadDowntimeCodes(storage::Database& db, TimeMicros now);

}  // namespace ordo::equipment
