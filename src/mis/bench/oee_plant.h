// The MIS OEE benchmark's plant (docs/PERFORMANCE.md, "The MIS"): a generated, deterministic
// MIS store as a plant with ordo has it. The equipment hierarchy, the shift calendar and
// the ideal cycle times come through the import code (RunImport: the MIS takes master
// data from files); the machine data (state changes and counts) through the feed store's
// ApplyPage, page by page with a moving cursor, exactly as the ledger consumer writes it.
// Then the one KPI engine (LoadKpiInputs, ElementIndex, ComputeKpis: the path of
// GET /api/v1/kpi) and the same OEE figures written as SQL on the same tables.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace ordo::mis::bench {

// Timing and medians (as bench/bench_util.h, which src/mis/ may not include).
using SteadyClock = std::chrono::steady_clock;
inline double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}
inline double Median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

struct MisPlantOptions {
  int areas = 5;
  int lines_per_area = 10;
  int units_per_line = 10;   // 5 x 10 x 10 = 500 work units
  int days = 30;             // make bench-mis-year: 365
  int changes_per_hour = 5;  // state changes per work unit (mean)
  int page_rows = 20000;     // rows per ApplyPage (one transaction)
  std::uint64_t seed = 42;
};

struct MisPlant {
  TimeMicros from = 0, to = 0;      // the period: [from, to), the shifts cover it
  std::vector<std::string> scopes;  // "" (the plant), every equipment node, every unit
  std::vector<std::pair<TimeMicros, TimeMicros>> shifts;  // in time order
  std::int64_t state_changes = 0, counts = 0;
};

// Writes the plant into `db` (a fresh MIS store with the imports and feed migrations).
Result<MisPlant> GenerateMisPlant(storage::Database& db, const MisPlantOptions& options);

// The four OEE figures of the iso22400 profile, per (scope, window): availability,
// effectiveness, quality_ratio, oee_index (nullopt = no figure).
using OeeFigures = std::vector<std::optional<double>>;
using OeeKey = std::pair<std::string, int>;  // scope, window index (-1 = the whole period)
using OeeTable = std::map<OeeKey, OeeFigures>;
inline const std::vector<std::string>& OeeKpiIds() {
  static const std::vector<std::string> ids = {"availability", "effectiveness", "quality_ratio",
                                               "oee_index"};
  return ids;
}

// The engine path: LoadKpiInputs (timed as load), then ElementIndex and one
// ComputeKpiBatch of every scope over the period and every shift (timed as compute):
// each report is what ComputeKpis gives for that scope and window (kpi_batch.h).
// `per_request`: one ComputeKpis per scope and window instead (as separate API calls).
struct EngineRun {
  OeeTable figures;
  double load_seconds = 0, compute_seconds = 0;
  std::int64_t states = 0, counts = 0;  // the inputs loaded
};
Result<EngineRun> RunEngine(storage::Database& db, const MisPlant& plant, bool per_request = false);

// The same figures as SQL on the same tables (oee_sql.cc): intervals from the state
// changes by LEAD() in the feed's order, the last one open to the feed's read-up-to time;
// each interval and the shift calendar clipped to each window; counts by window; summed up
// the hierarchy by a recursive closure. `index_seconds`: building the index the SQL needs.
// The SQL runs with the connection set for a large analytic query (SqlPragmas; the
// driver's own settings are put back afterwards, so the engine never runs with them):
// `settings` says what was in effect (as SQLite read it back), `plan` holds the EXPLAIN
// QUERY PLAN of each query of the shift pass when `explain` is set.
struct SqlRun {
  OeeTable figures;
  double index_seconds = 0, query_seconds = 0;
  std::string settings, plan;
};
// cache_size (KiB, as the negative pragma value), mmap_size (bytes; SQLite clamps it to
// its compile-time maximum), temp_store=MEMORY; threads stays 0 (one core, as the engine).
struct SqlPragmas {
  std::int64_t cache_kib = 4LL << 20;  // 4 GiB: the year's store is about 2.8 GB
  std::int64_t mmap_bytes = 8LL << 30;
};
// Sets SqlPragmas on a connection for its lifetime; the destructor puts back the values
// Set found (the storage driver's). Set returns the settings in effect, as SQLite reads
// them back, and the driver's; errors are the pragmas' own.
class PragmaScope {
 public:
  explicit PragmaScope(storage::Database& db) : db_(db) {}
  ~PragmaScope();
  PragmaScope(const PragmaScope&) = delete;
  PragmaScope& operator=(const PragmaScope&) = delete;
  Result<std::string> Set(const SqlPragmas& pragmas);

 private:
  storage::Database& db_;
  bool saved_ = false;
  std::int64_t cache_ = 0, mmap_ = 0, temp_ = 0;
};

Result<SqlRun> RunSql(storage::Database& db, const MisPlant& plant, const SqlPragmas& pragmas = {},
                      bool explain = false);

// Compares two tables: every key in both, every figure null in both or equal within
// `relative` (relative difference). Returns "" when equal, else the first difference
// and how many there are.
std::string CompareOee(const OeeTable& engine, const OeeTable& sql, double relative);

}  // namespace ordo::mis::bench
