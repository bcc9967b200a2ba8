// Execution's read queries (execution_store.h): rows read back as their event structs,
// the guarded ones seal-checked before a decision uses them.
#include <algorithm>

#include "ledger/event_type.h"
#include "mes/deviations/deviations.h"
#include "mes/execution/store/execution_store.h"
#include "storage/rows.h"
#include "store/row_seal.h"

namespace ordo::execution {

namespace {

struct RawRow {
  std::int64_t seq = 0;
  std::string actor;
  TimeMicros time_us = 0;
  std::string payload;
  bool dispositioned = false;  // exec_exception only
};

// Rows of `table` for the order (and operation, unless ""), oldest first; each
// seal-checked when `guarded`. Guarded reads filter nothing in SQL, so an edited row is
// never skipped before its seal is checked; callers filter the typed rows. `raw_out`,
// when given, receives the raw rows (in the same order).
template <typename P>
Result<std::vector<Recorded<P>>> Read(storage::Database& db, const std::string& table,
                                      const std::string& order_id, const std::string& operation,
                                      bool guarded, std::vector<RawRow>* raw_out = nullptr) {
  const bool exceptions = table == "exec_exception";
  std::string sql = "SELECT seq, actor, time_us, payload" +
                    std::string(exceptions ? ", disposition_seq" : "") + " FROM " + table +
                    " WHERE order_id = ?1 AND (?2 = '' OR operation = ?2) ORDER BY seq";
  auto raw = storage::Rows<RawRow>(
      db, sql,
      [&](storage::Statement& s) {
        s.Bind(1, order_id);
        s.Bind(2, operation);
      },
      [exceptions](const storage::Statement& s) {
        return RawRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3), exceptions && !s.IsNull(4)};
      });
  if (!raw.ok()) return raw.error();
  std::vector<Recorded<P>> out;
  out.reserve(raw->size());
  for (const RawRow& r : *raw) {
    if (guarded) ORDO_TRY(store::CheckSealedRow(db, table, {std::to_string(r.seq)}));
    Json payload = Json::parse(r.payload, nullptr, false);
    if (payload.is_discarded())
      return Error::Make(ErrorCode::kInternal,
                         table + " seq " + std::to_string(r.seq) + " holds no JSON payload");
    auto event = ledger::ReadPayload<P>(payload);
    if (!event.ok()) return event.error();
    out.push_back(Recorded<P>{r.seq, r.actor, r.time_us, std::move(*event)});
  }
  if (raw_out) *raw_out = std::move(*raw);
  return out;
}

template <typename P>
std::vector<std::string> SortedNames(const std::vector<Recorded<P>>& rows) {
  std::vector<std::string> names;
  for (const auto& r : rows) names.push_back(r.event.name);
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace

Result<std::optional<std::string>> AcknowledgedHash(storage::Database& db,
                                                    const std::string& order_id,
                                                    const std::string& operation,
                                                    std::int64_t user_id) {
  auto rows = Read<InstructionsAcknowledged>(db, "exec_acknowledgement", order_id, operation, true);
  if (!rows.ok()) return rows.error();
  std::optional<std::string> hash;
  for (const auto& r : *rows)
    if (r.event.user_id == user_id && r.event.operation == operation)
      hash = r.event.instruction_hash;
  return hash;
}

Result<std::vector<Recorded<ExceptionRecorded>>> OpenBlockingExceptions(
    storage::Database& db, const std::string& order_id, const std::string& operation) {
  std::vector<RawRow> raw;
  auto rows = Read<ExceptionRecorded>(db, "exec_exception", order_id, operation, true, &raw);
  if (!rows.ok()) return rows.error();
  std::vector<Recorded<ExceptionRecorded>> open;
  for (std::size_t i = 0; i < rows->size(); ++i)
    if ((*rows)[i].event.blocks_completion && !raw[i].dispositioned)
      open.push_back(std::move((*rows)[i]));
  return open;
}

Result<std::vector<std::string>> RecordedCharacteristics(storage::Database& db,
                                                         const std::string& order_id,
                                                         const std::string& operation) {
  auto rows = Read<CharacteristicRecorded>(db, "exec_characteristic", order_id, operation, true);
  if (!rows.ok()) return rows.error();
  return SortedNames(*rows);
}

Result<std::vector<std::string>> RecordedParameters(storage::Database& db,
                                                    const std::string& order_id,
                                                    const std::string& operation) {
  auto rows = Read<ParameterRecorded>(db, "exec_parameter", order_id, operation, true);
  if (!rows.ok()) return rows.error();
  return SortedNames(*rows);
}

Result<RecordedData> RecordedDataOf(storage::Database& db, const std::string& order_id,
                                    const std::string& operation) {
  RecordedData data;
  auto parameters = RecordedParameters(db, order_id, operation);
  if (!parameters.ok()) return parameters.error();
  data.parameters = std::move(*parameters);
  auto characteristics = RecordedCharacteristics(db, order_id, operation);
  if (!characteristics.ok()) return characteristics.error();
  data.characteristics = std::move(*characteristics);
  // An open deviation that blocks completion names itself; a blocking exception no
  // deviation was opened for (recorded before deviations existed) still blocks by its
  // subject. A dispositioned (closed) deviation lifts its exception's block.
  auto of_order = deviations::DeviationsOfOrder(db, order_id);
  if (!of_order.ok()) return of_order.error();
  std::vector<std::int64_t> linked;
  for (const auto& d : *of_order)
    if (d.operation == operation && d.exception_seq > 0) linked.push_back(d.exception_seq);
  auto blocking = OpenBlockingExceptions(db, order_id, operation);
  if (!blocking.ok()) return blocking.error();
  for (const auto& b : *blocking)
    if (std::find(linked.begin(), linked.end(), b.seq) == linked.end())
      data.blocking.push_back(b.event.subject);
  for (const auto& d : *of_order)
    if (d.operation == operation && d.state == deviations::kStateOpen && d.blocks_completion)
      data.blocking.push_back("deviation " + d.id + " (" + d.title + ")");
  return data;
}

Result<std::vector<std::int64_t>> RecordersOf(storage::Database& db, const std::string& order_id,
                                              const std::string& operation) {
  std::vector<std::int64_t> ids;
  auto acks = Read<InstructionsAcknowledged>(db, "exec_acknowledgement", order_id, operation, true);
  if (!acks.ok()) return acks.error();
  for (const auto& r : *acks) ids.push_back(r.event.user_id);
  auto parameters = Read<ParameterRecorded>(db, "exec_parameter", order_id, operation, true);
  if (!parameters.ok()) return parameters.error();
  for (const auto& r : *parameters)
    if (r.event.user_id > 0) ids.push_back(r.event.user_id);  // 0: a value from a tag
  auto characteristics =
      Read<CharacteristicRecorded>(db, "exec_characteristic", order_id, operation, true);
  if (!characteristics.ok()) return characteristics.error();
  for (const auto& r : *characteristics) ids.push_back(r.event.user_id);
  std::sort(ids.begin(), ids.end());
  ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  return ids;
}

Result<std::vector<Recorded<InstructionsAcknowledged>>> AcknowledgementsOf(
    storage::Database& db, const std::string& order_id, const std::string& operation) {
  return Read<InstructionsAcknowledged>(db, "exec_acknowledgement", order_id, operation, false);
}

Result<std::optional<Recorded<ParameterRecorded>>> LastValueFromTag(storage::Database& db,
                                                                    const std::string& order_id,
                                                                    const std::string& operation,
                                                                    const std::string& name,
                                                                    const std::string& tag) {
  auto rows = Read<ParameterRecorded>(db, "exec_parameter", order_id, operation, true);
  if (!rows.ok()) return rows.error();
  std::optional<Recorded<ParameterRecorded>> last;
  for (auto& r : *rows)
    if (r.event.name == name && r.event.origin && r.event.origin->tag == tag) last = std::move(r);
  return last;
}

Result<std::vector<Recorded<ParameterRecorded>>> ParametersOf(storage::Database& db,
                                                              const std::string& order_id,
                                                              const std::string& operation) {
  return Read<ParameterRecorded>(db, "exec_parameter", order_id, operation, false);
}

Result<std::vector<Recorded<CharacteristicRecorded>>> CharacteristicsOf(
    storage::Database& db, const std::string& order_id, const std::string& operation) {
  return Read<CharacteristicRecorded>(db, "exec_characteristic", order_id, operation, false);
}

Result<std::vector<Recorded<ExceptionRecorded>>> ExceptionsOf(storage::Database& db,
                                                              const std::string& order_id,
                                                              const std::string& operation) {
  return Read<ExceptionRecorded>(db, "exec_exception", order_id, operation, false);
}

Result<std::vector<Recorded<CommandRefused>>> RefusalsOf(storage::Database& db,
                                                         const std::string& order_id,
                                                         const std::string& operation) {
  return Read<CommandRefused>(db, "exec_refusal", order_id, operation, false);
}

}  // namespace ordo::execution
