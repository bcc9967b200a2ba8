// Execution's records: tables (migrations), projectors, and the queries the execution
// commands and the order views need. Each table keeps the event's columns a query
// filters on plus the whole payload (canonical JSON), read back as the event's struct,
// so the payload-to-row mapping is written once. The tables decisions read are guarded
// (row seals, docs/decisions/0006-projection-integrity.md): acknowledgements,
// parameters, characteristics, exceptions. Not thread-safe per storage::Database, like
// every query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/entry.h"
#include "mes/execution/domain/complete.h"
#include "mes/execution/events.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::execution {

// exec_acknowledgement, exec_parameter, exec_characteristic, exec_exception and
// exec_refusal (one row per event, keyed by its seq) as migrations.
store::TableSet Tables();
// Registers the projector of each execution event type.
void RegisterProjectors();
// Registers the guarded tables (every column sealed).
void RegisterGuards();

// One recorded event with its ledger entry's seq, actor and time.
template <typename P>
struct Recorded {
  std::int64_t seq = 0;
  std::string actor;
  TimeMicros time_us = 0;
  P event;
};

// The row of `entry` whose (current-version) payload is `payload`: the one mapping used by
// the projector and by a command's reply.
template <typename P>
Recorded<P> RowOf(const ledger::LedgerEntry& entry, const P& payload) {
  return Recorded<P>{entry.seq, entry.actor, entry.time_us, payload};
}

// The instruction hash `user_id` last acknowledged for (order, operation), if any.
// Seal-checked (integrity_violation when an edited row is read).
Result<std::optional<std::string>> AcknowledgedHash(storage::Database& db,
                                                    const std::string& order_id,
                                                    const std::string& operation,
                                                    std::int64_t user_id);

// The exceptions of (order, operation) that block completion and are not dispositioned,
// oldest first. Seal-checked.
Result<std::vector<Recorded<ExceptionRecorded>>> OpenBlockingExceptions(
    storage::Database& db, const std::string& order_id, const std::string& operation);

// The names of the characteristics with at least one recorded sample, sorted.
// Seal-checked.
Result<std::vector<std::string>> RecordedCharacteristics(storage::Database& db,
                                                         const std::string& order_id,
                                                         const std::string& operation);
// The names of the parameters with at least one recorded value, sorted. Seal-checked.
Result<std::vector<std::string>> RecordedParameters(storage::Database& db,
                                                    const std::string& order_id,
                                                    const std::string& operation);

// What DecideComplete needs: recorded parameters and characteristics and the subjects of
// the open blocking exceptions.
Result<RecordedData> RecordedDataOf(storage::Database& db, const std::string& order_id,
                                    const std::string& operation);

// The users (ids) who acknowledged or recorded data on (order, operation), sorted: with
// the operation's starter and completer, its performers for the four-eyes rule.
// Seal-checked.
Result<std::vector<std::int64_t>> RecordersOf(storage::Database& db, const std::string& order_id,
                                              const std::string& operation);

// Everything recorded on an order (operation "" = every operation), oldest first: for
// the order view and, later, the batch record.
Result<std::vector<Recorded<InstructionsAcknowledged>>> AcknowledgementsOf(
    storage::Database& db, const std::string& order_id, const std::string& operation);
// The last value of parameter `name` of (order, operation) recorded from tag `tag`
// (seal-checked), if any.
Result<std::optional<Recorded<ParameterRecorded>>> LastValueFromTag(storage::Database& db,
                                                                    const std::string& order_id,
                                                                    const std::string& operation,
                                                                    const std::string& name,
                                                                    const std::string& tag);
Result<std::vector<Recorded<ParameterRecorded>>> ParametersOf(storage::Database& db,
                                                              const std::string& order_id,
                                                              const std::string& operation);
Result<std::vector<Recorded<CharacteristicRecorded>>> CharacteristicsOf(
    storage::Database& db, const std::string& order_id, const std::string& operation);
Result<std::vector<Recorded<ExceptionRecorded>>> ExceptionsOf(storage::Database& db,
                                                              const std::string& order_id,
                                                              const std::string& operation);
Result<std::vector<Recorded<CommandRefused>>> RefusalsOf(storage::Database& db,
                                                         const std::string& order_id,
                                                         const std::string& operation);

// {"seq", "actor", "time", ...the event's payload fields}.
template <typename P>
Json ToJson(const Recorded<P>& row) {
  Json j = row.event;
  j["seq"] = row.seq;
  j["actor"] = row.actor;
  j["time"] = FormatUtcMicros(row.time_us);
  return j;
}

}  // namespace ordo::execution
