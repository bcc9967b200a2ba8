// The OEE figures of the MIS benchmark written as SQL on the MIS store (oee_plant.h):
// the baseline the KPI engine is measured against, and the check that it is right.
//
// What the SQL implements, as docs/kpi.md and feed_inputs.h define it for this data:
// - a unit's intervals run from each state change to the next in the feed's order
//   (device time, source, source seq, item, seq), the last one to the feed's read-up-to
//   time; empty intervals are dropped;
// - APT: `running` intervals clipped to the window; POT: the `shift` calendar entries
//   that apply to the unit (its scope is the unit or an ancestor) clipped to the window;
//   PBT = POT (the data has no breaks, planned stops, no_demand or holiday entries, and
//   states only inside shifts: if it had, the figures would differ and the check fail);
// - counts in the window that holds their time; Σ cycle time × PQ, null effectiveness
//   when a count has no cycle time;
// - work units are the leaves of the imported hierarchy; a scope sums its units.
// A range join on the window's start, bounded by the longest window, is the SQL form of
// the engine's sorted lookups (without it each interval would scan every window). CROSS
// JOIN fixes SQLite's join order to the one written: the intervals (calendar entries,
// counts) outside, the windows searched by their index inside. Left to itself, the planner
// (no statistics on the temp tables) put the windows outside and scanned every interval
// once per window: 1,096 x 22 million at a year (EXPLAIN QUERY PLAN: ordo_mis_oee_bench
// --explain).
#include <cstdlib>
#include <map>

#include "mis/bench/oee_plant.h"
#include "storage/rows.h"

namespace ordo::mis::bench {

namespace {

constexpr const char* kIntervals = R"(
WITH iv AS (
  SELECT work_unit AS u, time_us AS s, state,
         COALESCE(LEAD(time_us) OVER o,
                  MAX((SELECT caught_up_us FROM feed_cursor WHERE id = 1), time_us)) AS e
  FROM mes_state_change
  WINDOW o AS (PARTITION BY work_unit ORDER BY time_us, source, source_seq, item, seq))
SELECT iv.u AS u, w.id AS wid, SUM(MIN(iv.e, w.to_us) - MAX(iv.s, w.from_us)) AS apt
FROM iv CROSS JOIN temp.bench_window w
  ON w.from_us < iv.e AND w.to_us > iv.s
 AND w.from_us > iv.s - (SELECT MAX(to_us - from_us) FROM temp.bench_window)
WHERE iv.state = 'running' AND iv.e > iv.s
GROUP BY iv.u, w.id)";

constexpr const char* kClosure = R"(
CREATE TEMP TABLE bench_up AS
WITH RECURSIVE eq AS (
  SELECT id, parent FROM import_equipment WHERE superseded_by_import IS NULL),
leaf AS (SELECT id FROM eq WHERE id NOT IN (SELECT parent FROM eq)),
up(u, node) AS (
  SELECT id, id FROM leaf
  UNION ALL SELECT up.u, eq.parent FROM up JOIN eq ON eq.id = up.node WHERE eq.parent <> '')
SELECT u, node FROM up UNION ALL SELECT id, '' FROM leaf)";

constexpr const char* kPot = R"(
SELECT up.u AS u, w.id AS wid, SUM(MIN(c."end", w.to_us) - MAX(c."start", w.from_us)) AS pot
FROM import_calendar c CROSS JOIN temp.bench_up up ON up.node = c.scope
CROSS JOIN temp.bench_window w
  ON w.from_us < c."end" AND w.to_us > c."start"
 AND w.from_us > c."start" - (SELECT MAX(to_us - from_us) FROM temp.bench_window)
WHERE c.kind = 'shift' AND c.superseded_by_import IS NULL
GROUP BY up.u, w.id)";

constexpr const char* kCounts = R"(
SELECT c.work_unit AS u, w.id AS wid, SUM(c.total) AS pq, SUM(c.good) AS gq,
       SUM(c.total * CAST(t.ideal_cycle_time_s AS REAL)) AS ideal,
       SUM(CASE WHEN t.row_id IS NULL THEN c.total ELSE 0 END) AS missing
FROM mes_count c
CROSS JOIN temp.bench_window w
  ON w.from_us <= c.time_us AND w.to_us > c.time_us
 AND w.from_us > c.time_us - (SELECT MAX(to_us - from_us) FROM temp.bench_window)
LEFT JOIN import_ideal_cycle_times t
  ON t.work_unit = c.work_unit AND t.product = c.product AND t.superseded_by_import IS NULL
GROUP BY c.work_unit, w.id)";

constexpr const char* kFigures = R"(
WITH s AS (
  SELECT up.node AS node, p.wid AS wid, SUM(p.pot) AS pbt, SUM(COALESCE(a.apt, 0)) AS apt,
         SUM(COALESCE(n.pq, 0)) AS pq, SUM(COALESCE(n.gq, 0)) AS gq,
         SUM(COALESCE(n.ideal, 0)) AS ideal, SUM(COALESCE(n.missing, 0)) AS missing
  FROM temp.bench_pot p JOIN temp.bench_up up ON up.u = p.u
  LEFT JOIN temp.bench_apt a ON a.u = p.u AND a.wid = p.wid
  LEFT JOIN temp.bench_cnt n ON n.u = p.u AND n.wid = p.wid
  GROUP BY up.node, p.wid),
r AS (
  SELECT node, wid,
         CASE WHEN pbt > 0 THEN (apt / 1e6) / (pbt / 1e6) END AS av,
         CASE WHEN missing = 0 AND apt > 0 THEN ideal / (apt / 1e6) END AS ef,
         CASE WHEN pq > 0 THEN CAST(gq AS REAL) / pq END AS qr
  FROM s)
SELECT node, wid, printf('%!.20e', av), printf('%!.20e', ef), printf('%!.20e', qr),
       printf('%!.20e', av * ef * qr)
FROM r)";

Status Exec(storage::Database& db, const std::string& sql) { return db.Exec(sql); }

std::optional<double> Number(const storage::Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  const std::string text = s.Text(column);
  if (text.empty()) return std::nullopt;
  return std::strtod(text.c_str(), nullptr);
}

Result<std::int64_t> PragmaValue(storage::Database& db, const std::string& name) {
  auto v = storage::FirstRow<std::int64_t>(db, "PRAGMA " + name, storage::NoBind,
                                           [](const storage::Statement& s) { return s.Int(0); });
  if (!v.ok()) return v.error();
  if (!*v) return Error::Make(ErrorCode::kInternal, "PRAGMA " + name + " returned no row");
  return **v;
}

// Appends the EXPLAIN QUERY PLAN of `sql`, under `name` and indented by its tree, to `plan`.
Status Explain(storage::Database& db, const std::string& name, const std::string& sql,
               std::string* plan) {
  *plan += name + ":\n";
  std::map<std::int64_t, int> depth;
  auto rows = storage::Rows<int>(db, "EXPLAIN QUERY PLAN " + sql, storage::NoBind,
                                 [&](const storage::Statement& s) {
                                   const auto parent = depth.find(s.Int(1));
                                   const int d = parent == depth.end() ? 1 : parent->second + 1;
                                   depth[s.Int(0)] = d;
                                   *plan += std::string(2 * d, ' ') + s.Text(3) + "\n";
                                   return 0;
                                 });
  return rows.ok() ? Ok() : Status(rows.error());
}

// One pass over a set of windows (ids: the OeeKey window index). With `plan`, the
// EXPLAIN QUERY PLAN of each query is appended to it.
Status Pass(storage::Database& db,
            const std::vector<std::pair<int, std::pair<TimeMicros, TimeMicros>>>& windows,
            OeeTable* out, std::string* plan) {
  ORDO_TRY(Exec(db, "DELETE FROM temp.bench_window"));
  for (const auto& [id, w] : windows)
    ORDO_TRY(storage::Run(db, "INSERT INTO temp.bench_window VALUES (?, ?, ?)",
                          [&](storage::Statement& s) {
                            s.Bind(1, std::int64_t{id}).Bind(2, w.first).Bind(3, w.second);
                          }));
  for (const char* table : {"bench_apt", "bench_pot", "bench_cnt"})
    ORDO_TRY(Exec(db, std::string("DROP TABLE IF EXISTS temp.") + table));
  const std::pair<const char*, const char*> parts[] = {
      {"bench_apt", kIntervals}, {"bench_pot", kPot}, {"bench_cnt", kCounts}};
  for (const auto& [table, sql] : parts) {
    if (plan) ORDO_TRY(Explain(db, table, sql, plan));
    ORDO_TRY(Exec(db, std::string("CREATE TEMP TABLE ") + table + " AS " + sql));
  }
  ORDO_TRY(Exec(db,
                "CREATE INDEX temp.bench_apt_key ON bench_apt(u, wid);"
                "CREATE INDEX temp.bench_cnt_key ON bench_cnt(u, wid)"));
  if (plan) ORDO_TRY(Explain(db, "figures", kFigures, plan));
  auto rows = storage::Rows<int>(db, kFigures, storage::NoBind, [&](const storage::Statement& s) {
    OeeFigures& f = (*out)[{s.Text(0), static_cast<int>(s.Int(1))}];
    for (int k = 2; k < 6; ++k) f.push_back(Number(s, k));
    return 0;
  });
  return rows.ok() ? Ok() : Status(rows.error());
}

}  // namespace

PragmaScope::~PragmaScope() {
  if (!saved_) return;
  (void)db_.Exec("PRAGMA cache_size=" + std::to_string(cache_) + "; PRAGMA mmap_size=" +
                 std::to_string(mmap_) + "; PRAGMA temp_store=" + std::to_string(temp_));
}

Result<std::string> PragmaScope::Set(const SqlPragmas& p) {
  for (auto [name, slot] : {std::pair{"cache_size", &cache_}, std::pair{"mmap_size", &mmap_},
                            std::pair{"temp_store", &temp_}}) {
    auto v = PragmaValue(db_, name);
    if (!v.ok()) return v.error();
    *slot = *v;
  }
  saved_ = true;
  ORDO_TRY(db_.Exec("PRAGMA cache_size=-" + std::to_string(p.cache_kib) + "; PRAGMA mmap_size=" +
                    std::to_string(p.mmap_bytes) + "; PRAGMA temp_store=MEMORY"));
  std::string out;
  for (const char* name : {"cache_size", "mmap_size", "temp_store", "threads"}) {
    auto v = PragmaValue(db_, name);
    if (!v.ok()) return v.error();
    out += std::string(out.empty() ? "" : ", ") + name + "=" + std::to_string(*v);
  }
  return out + " (the driver's: cache_size=" + std::to_string(cache_) +
         ", mmap_size=" + std::to_string(mmap_) + ", temp_store=" + std::to_string(temp_) + ")";
}

Result<SqlRun> RunSql(storage::Database& db, const MisPlant& plant, const SqlPragmas& pragmas,
                      bool explain) {
  SqlRun run;
  PragmaScope scope(db);
  auto settings = scope.Set(pragmas);
  if (!settings.ok()) return settings.error();
  run.settings = *settings;
  auto start = SteadyClock::now();
  ORDO_TRY(Exec(db,
                "CREATE INDEX IF NOT EXISTS bench_state_order ON mes_state_change(work_unit, "
                "time_us, source, source_seq, item, seq)"));
  run.index_seconds = SecondsSince(start);
  start = SteadyClock::now();
  ORDO_TRY(Exec(db,
                "DROP TABLE IF EXISTS temp.bench_window; DROP TABLE IF EXISTS temp.bench_up;"
                "CREATE TEMP TABLE bench_window (id INTEGER PRIMARY KEY, from_us INTEGER "
                "NOT NULL, to_us INTEGER NOT NULL);"
                "CREATE INDEX temp.bench_window_from ON bench_window(from_us)"));
  ORDO_TRY(Exec(db, kClosure));
  std::vector<std::pair<int, std::pair<TimeMicros, TimeMicros>>> shifts;
  for (std::size_t i = 0; i < plant.shifts.size(); ++i)
    shifts.push_back({static_cast<int>(i), plant.shifts[i]});
  ORDO_TRY(Pass(db, shifts, &run.figures, explain ? &run.plan : nullptr));
  ORDO_TRY(Pass(db, {{-1, {plant.from, plant.to}}}, &run.figures, nullptr));
  run.query_seconds = SecondsSince(start);
  return run;
}

}  // namespace ordo::mis::bench
