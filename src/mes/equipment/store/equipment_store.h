// The equipment capability's tables (migrations), projectors and queries: the source
// registry (eq_source), the (source, seq) record of accepted batches (eq_ingest), and the
// state changes and counts of each work unit (eq_state_change, eq_count) from which the
// read endpoints derive intervals and totals.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "mes/equipment/domain/counter.h"
#include "mes/equipment/domain/ingest.h"
#include "mes/equipment/domain/intervals.h"
#include "mes/equipment/events.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::equipment {

store::TableSet Tables();
void RegisterProjectors();
// The guarded (sealed) tables: eq_source (the registry a batch is authenticated and
// authorised by) and eq_availability_override (what lets a start through).
void RegisterGuards();

// The sources are read through their seals: FindSource, FindSourceByKeyHash, ListSources,
// FindSparkplugSources and FindMqttSourcesFor fail with integrity_violation for a row that does not
// match its seal. A registered source as the API shows it (never its key; `has_key` for rest
// sources).
struct SourceRow {
  std::string name, kind, counter, group_id, edge_node, key_hash;
  std::vector<std::string> work_units, topics;
  bool enabled = true;
  std::int64_t rollover_modulus = 0;
  std::int64_t registered_seq = 0, updated_seq = 0;
  std::map<std::string, std::string> devices;  // sparkplug: device id -> work unit
  std::string node_work_unit;                  // sparkplug: "" = the edge node id
};
Json ToJson(const SourceRow& row);
SourceFacts FactsOf(const SourceRow& row);

Result<std::optional<SourceRow>> FindSource(storage::Database& db, const std::string& name);
// The source whose API key has SHA-256 `key_hash`, or nullopt.
Result<std::optional<SourceRow>> FindSourceByKeyHash(storage::Database& db,
                                                     const std::string& key_hash);
// Every source, by name.
Result<std::vector<SourceRow>> ListSources(storage::Database& db);
// The sparkplug sources registered for the edge node (group_id, edge_node), enabled or
// not, by name. Reads and checks only their rows.
Result<std::vector<SourceRow>> FindSparkplugSources(storage::Database& db,
                                                    const std::string& group_id,
                                                    const std::string& edge_node);
// The mqtt sources that may own a topic of `work_unit` (nullopt: a topic of no work unit),
// by name: every one with topic filters, and those whose work units include `work_unit`
// (the default topics ordo/<site>/<work_unit>/#). Reads and checks only their rows; which
// of them owns the topic is the caller's decision.
Result<std::vector<SourceRow>> FindMqttSourcesFor(storage::Database& db,
                                                  const std::optional<std::string>& work_unit);

// The batch hash that took (source, seq), or nullopt.
Result<std::optional<std::string>> IngestedHash(storage::Database& db, const std::string& source,
                                                std::int64_t seq);

// The state changes of `work_unit` with device time in [from_us, to_us), plus the last one
// before from_us (the state at from) and the first at or after to_us (which closes the
// last interval), in device-time order.
Result<std::vector<StateChange>> ChangesAround(storage::Database& db, const std::string& work_unit,
                                               TimeMicros from_us, TimeMicros to_us);

// One stored count: the source, whether its counts are counter values, and the reading.
struct CountRow {
  std::string source, counter;
  CountReading reading;
};
// The counts of `work_unit` with device time in [from_us, to_us), plus, for every
// cumulative source, its last reading before from_us (the baseline), in device-time order.
Result<std::vector<CountRow>> CountsAround(storage::Database& db, const std::string& work_unit,
                                           TimeMicros from_us, TimeMicros to_us);

// True when a down change of `work_unit` begins at `start_us` (device time).
Result<bool> DownChangeAt(storage::Database& db, const std::string& work_unit, TimeMicros start_us);

// A reason given to a down interval after the fact (eq_downtime_reason): the latest.
struct AssignedReason {
  TimeMicros interval_start_us = 0;
  std::string reason_code, comment, actor;
  TimeMicros time_us = 0;
};
// Every assigned reason of `work_unit`, by interval start.
Result<std::map<TimeMicros, AssignedReason>> AssignedReasons(storage::Database& db,
                                                             const std::string& work_unit);
// The work units with a down change in [from_us, to_us), by id.
Result<std::vector<std::string>> WorkUnitsDownIn(storage::Database& db, TimeMicros from_us,
                                                 TimeMicros to_us);

}  // namespace ordo::equipment
