// The MIS OEE benchmark (make bench; docs/PERFORMANCE.md, "The MIS"): OEE for 500 work
// units x 30 days (make bench-mis-year: one year) of state history (about 5 state changes
// per unit and hour, hourly counts), at every hierarchy level (the plant, enterprise, site, areas,
// work centers, work units), for the period and per shift (3 a day), through the one KPI engine on
// a real MIS store (oee_plant.h), against the same computation as SQL on the same SQLite data in
// the same run. The figures must be equal (1e-9 relative) or the benchmark fails.
//
// usage: ordo_mis_oee_bench [--quick] [--days N] [--units-per-line N] [--repeats N]
//                            [--sql-cache-mib N] [--sql-mmap-mib N] [--explain]
//                            [--engine-pragmas] [--per-request]
// The SQL runs with cache_size and mmap_size of the two --sql- flags (default 4096 and
// 8192 MiB: SqlPragmas) and temp_store=MEMORY; --explain prints its query plans. The
// engine runs at the storage driver's settings, as ordo-mis does; --engine-pragmas gives
// its load the SQL's settings too (a measurement: ordo-mis does not set them).
// The engine computes every scope and window in one ComputeKpiBatch (each report equal to
// ComputeKpis's); --per-request makes one ComputeKpis call per scope and window instead.
// Env ORDO_MIS_BENCH_QUICK=1 is --quick (12 units, 7 days, 1 repeat).
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "mis/bench/oee_plant.h"
#include "mis/feed/store/feed_store.h"
#include "mis/imports/store/schema.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::bench {
namespace {

struct Config {
  MisPlantOptions plant;
  int repeats = 3;
  SqlPragmas sql;
  bool explain = false;
  bool engine_pragmas = false;
  bool per_request = false;
};

Config Parse(int argc, char** argv) {
  Config c;
  auto quick = [&c] {
    c.plant.areas = 2;
    c.plant.lines_per_area = 2;
    c.plant.units_per_line = 3;
    c.plant.days = 7;
    c.repeats = 1;
  };
  if (const char* q = std::getenv("ORDO_MIS_BENCH_QUICK"); q && std::string(q) == "1") quick();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> int {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return std::atoi(argv[++i]);
    };
    if (a == "--quick")
      quick();
    else if (a == "--days")
      c.plant.days = next();
    else if (a == "--units-per-line")
      c.plant.units_per_line = next();
    else if (a == "--repeats")
      c.repeats = next();
    else if (a == "--sql-cache-mib")
      c.sql.cache_kib = std::int64_t{next()} * 1024;
    else if (a == "--sql-mmap-mib")
      c.sql.mmap_bytes = std::int64_t{next()} << 20;
    else if (a == "--explain")
      c.explain = true;
    else if (a == "--engine-pragmas")
      c.engine_pragmas = true;
    else if (a == "--per-request")
      c.per_request = true;
    else
      throw std::runtime_error("unknown argument " + a +
                               " (--quick, --days N, --units-per-line N, --repeats N, "
                               "--sql-cache-mib N, --sql-mmap-mib N, --explain, --engine-pragmas, "
                               "--per-request)");
  }
  return c;
}

int Run(const Config& c, const std::string& dir) {
  std::vector<store::Migration> migrations;
  for (const auto& m : imports::ImportsMigrations())
    migrations.push_back({imports::kMigrationModule, m.version, m.sql});
  for (const auto& m : feed::FeedMigrations()) migrations.push_back(m);
  auto opened = store::OpenMisStore(dir + "/mis.db", migrations, /*create=*/true);
  if (!opened.ok()) throw std::runtime_error(opened.error().message);
  storage::Database& db = *opened->db;
  auto start = SteadyClock::now();
  auto plant = GenerateMisPlant(db, c.plant);
  if (!plant.ok()) throw std::runtime_error(plant.error().message);
  const double generate_seconds = SecondsSince(start);
  const int units = c.plant.areas * c.plant.lines_per_area * c.plant.units_per_line;
  std::printf(
      "MIS OEE: %d work units x %d days: %lld state changes, %lld counts through the feed "
      "store (ApplyPage), %zu scopes x (%zu shifts + the whole period), 4 KPIs; generated in "
      "%.1f s\n",
      units, c.plant.days, static_cast<long long>(plant->state_changes),
      static_cast<long long>(plant->counts), plant->scopes.size(), plant->shifts.size(),
      generate_seconds);
  std::fflush(stdout);
  std::vector<double> load, compute, engine, sql, ratio;
  double index_seconds = 0;
  for (int r = 0; r < c.repeats; ++r) {
    std::optional<PragmaScope> engine_scope;
    if (c.engine_pragmas) {
      engine_scope.emplace(db);
      auto set = engine_scope->Set(c.sql);
      if (!set.ok()) throw std::runtime_error("engine pragmas: " + set.error().message);
      if (r == 0) std::printf("  engine connection: %s\n", set->c_str());
    }
    auto e = RunEngine(db, *plant, c.per_request);
    if (!e.ok()) throw std::runtime_error("engine: " + e.error().message);
    engine_scope.reset();
    std::printf("  run %d (engine part): load %.2f s + compute %.2f s = %.2f s\n", r + 1,
                e->load_seconds, e->compute_seconds, e->load_seconds + e->compute_seconds);
    std::fflush(stdout);
    auto s = RunSql(db, *plant, c.sql, c.explain && r == 0);
    if (!s.ok()) throw std::runtime_error("SQL: " + s.error().message);
    if (r == 0) {
      index_seconds = s->index_seconds;
      std::printf("  SQL connection: %s\n%s", s->settings.c_str(), s->plan.c_str());
    }
    const std::string diff = CompareOee(e->figures, s->figures, 1e-9);
    if (!diff.empty()) {
      std::fprintf(stderr, "MIS OEE: THE ENGINE AND THE SQL DIFFER: %s\n", diff.c_str());
      return 1;
    }
    load.push_back(e->load_seconds);
    compute.push_back(e->compute_seconds);
    engine.push_back(e->load_seconds + e->compute_seconds);
    sql.push_back(s->query_seconds);
    ratio.push_back(s->query_seconds / (e->load_seconds + e->compute_seconds));
    std::printf(
        "  run %d: engine load %.2f s + compute %.2f s = %.2f s; SQL %.2f s; %zu figure sets "
        "equal\n",
        r + 1, e->load_seconds, e->compute_seconds, engine.back(), sql.back(), e->figures.size());
    std::fflush(stdout);
  }
  std::printf(
      "  median of %d: engine load %.2f s, compute %.2f s, total %.2f s; SQL %.2f s (its "
      "index, once: %.2f s)\n"
      "  ratio SQL / engine (median): %.2f (> 1: the engine is faster); figures equal\n",
      c.repeats, Median(load), Median(compute), Median(engine), Median(sql), index_seconds,
      Median(ratio));
  return 0;
}

}  // namespace
}  // namespace ordo::mis::bench

int main(int argc, char** argv) {
  using namespace ordo::mis::bench;
  const std::string dir =
      std::filesystem::temp_directory_path() / ("ordo-mis-oee-bench-" + std::to_string(::getpid()));
  int rc = 1;
  try {
    const Config c = Parse(argc, argv);
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    rc = Run(c, dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "MIS OEE bench: %s\n", e.what());
  }
  std::filesystem::remove_all(dir);
  return rc;
}
