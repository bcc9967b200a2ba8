// ordo_genealogy_bench: full backward and forward traces on a generated graph of N lots
// (default 1,000,000: 10 levels, up to 3 inputs per lot), stored by genealogy's own insert
// path, each traced by the genealogy walk and by a recursive-CTE query on the same SQLite
// data in the same run, interleaved. Prints generation time, store size, p50/p99 per
// method and direction per round, the medians over the rounds and the walk/CTE ratio.
// Every trace of the walk is compared with the CTE's: exit status 1 when one differs.
// `ordo_genealogy_bench --help`; docs/PERFORMANCE.md.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>

#include "bench_util.h"
#include "cli/capabilities.h"
#include "genealogy_graph.h"
#include "storage/sqlite/sqlite_database.h"

namespace {

using namespace ordo;
using namespace ordo::bench;

struct Config {
  GenealogyGraphOptions graph;
  int traces = 500;  // per direction and round
  int rounds = 3;
  std::string dir;
  bool keep = false;
  bool reuse = false;  // trace DIR/genealogy/graph.db as it is when it exists
};

void Usage() {
  std::printf(
      "usage: ordo_genealogy_bench [--lots N] [--levels N] [--max-inputs N] [--window N]\n"
      "                            [--traces N] [--rounds N] [--dir DIR] [--keep] [--reuse]\n"
      "                            [--quick]\n"
      "defaults: 1000000 lots, 10 levels, 3 inputs, window 2, 500 traces per direction\n"
      "and round, 3 rounds; --quick: 20000 lots, 100 traces, 1 round. --reuse traces the\n"
      "graph a --keep run left in DIR (the same options) instead of generating it.\n");
}

Config Parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--lots")
      c.graph.lots = std::stoll(next());
    else if (a == "--levels")
      c.graph.levels = std::stoi(next());
    else if (a == "--max-inputs")
      c.graph.max_inputs = std::stoi(next());
    else if (a == "--window")
      c.graph.window = std::stoi(next());
    else if (a == "--traces")
      c.traces = std::stoi(next());
    else if (a == "--rounds")
      c.rounds = std::stoi(next());
    else if (a == "--dir")
      c.dir = next();
    else if (a == "--keep")
      c.keep = true;
    else if (a == "--reuse")
      c.keep = c.reuse = true;
    else if (a == "--quick") {
      c.graph.lots = 20000;
      c.traces = 100;
      c.rounds = 1;
    } else if (a == "--help" || a == "-h") {
      Usage();
      std::exit(0);
    } else {
      throw std::invalid_argument("unknown option " + a);
    }
  }
  if (c.graph.levels < 2 || c.graph.lots < c.graph.levels * 10 || c.traces < 1 || c.rounds < 1)
    throw std::invalid_argument(
        "need --levels >= 2, --lots >= 10 per level, --traces/--rounds >= 1");
  return c;
}

double Ms(SteadyClock::time_point start) { return SecondsSince(start) * 1000; }

struct Figures {
  std::vector<double> walk_ms, cte_ms;
  double nodes = 0;  // mean nodes per trace
};

std::int64_t FileBytes(const std::string& path) {
  std::int64_t total = 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    std::error_code ec;
    const auto n = std::filesystem::file_size(path + suffix, ec);
    if (!ec) total += static_cast<std::int64_t>(n);
  }
  return total;
}

int Main(int argc, char** argv) {
  Config c = Parse(argc, argv);
  if (c.dir.empty()) c.dir = (std::filesystem::path(argv[0]).parent_path() / "work").string();
  cli::RegisterCapabilities();
  const std::string path = c.dir + "/genealogy/graph.db";
  const bool reuse = c.reuse && std::filesystem::exists(path);
  std::optional<ScratchDir> dir;
  if (!reuse) dir.emplace(c.dir, "genealogy", c.keep);
  std::int64_t per_level = c.graph.lots / c.graph.levels;
  if (reuse) {
    std::printf("graph: reusing %s\n", path.c_str());
  } else {
    auto db = storage::OpenSqlite(path, storage::OpenMode::kCreate);
    if (!db.ok()) throw std::runtime_error(db.error().message);
    auto stats = GenerateGenealogyGraph(**db, c.graph);
    if (!stats.ok()) throw std::runtime_error("generate: " + stats.error().message);
    per_level = stats->lots / c.graph.levels;
    std::printf(
        "graph: %lld lots, %lld orders, %lld edges in %d levels (up to %d inputs, "
        "window %d); generated and stored in %.1f s\n",
        static_cast<long long>(stats->lots), static_cast<long long>(stats->orders),
        static_cast<long long>(stats->edges), c.graph.levels, c.graph.max_inputs, c.graph.window,
        stats->seconds);
  }
  std::printf("store: %.1f MB (ordo schema, gen_edge with its indexes)\n",
              static_cast<double>(FileBytes(path)) / 1e6);
  auto db = storage::OpenSqlite(path, storage::OpenMode::kReadOnly);
  if (!db.ok()) throw std::runtime_error(db.error().message);
  std::mt19937_64 rng(7);
  std::uniform_int_distribution<std::int64_t> pick(0, per_level - 1);
  int mismatches = 0;
  std::vector<double> medians[2][4];  // [direction][walk p50, walk p99, cte p50, cte p99]
  double nodes[2] = {0, 0};
  for (int round = 1; round <= c.rounds; ++round) {
    for (int d = 0; d < 2; ++d) {
      const auto direction =
          d == 0 ? genealogy::Direction::kBackward : genealogy::Direction::kForward;
      Figures f;
      for (int t = 0; t < c.traces; ++t) {
        // Backward from a finished lot (top level), forward from a supplier lot (level 0).
        const std::string start = BenchLot(d == 0 ? c.graph.levels - 1 : 0, pick(rng));
        // Interleaved, the order alternating, so neither method always runs on a warmer cache.
        Result<TraceSet> walk = TraceSet{}, cte = TraceSet{};
        for (int k = 0; k < 2; ++k) {
          const bool walk_now = (k == 0) == (t % 2 == 0);
          const auto began = SteadyClock::now();
          if (walk_now) {
            walk = TraceByWalk(**db, start, direction);
            f.walk_ms.push_back(Ms(began));
          } else {
            cte = TraceByCte(**db, start, direction);
            f.cte_ms.push_back(Ms(began));
          }
        }
        if (!walk.ok() || !cte.ok())
          throw std::runtime_error("trace: " + (walk.ok() ? cte : walk).error().message);
        if (!(*walk == *cte)) ++mismatches;
        f.nodes += static_cast<double>(walk->nodes.size()) / c.traces;
      }
      std::sort(f.walk_ms.begin(), f.walk_ms.end());
      std::sort(f.cte_ms.begin(), f.cte_ms.end());
      const double v[4] = {Quantile(f.walk_ms, 0.5), Quantile(f.walk_ms, 0.99),
                           Quantile(f.cte_ms, 0.5), Quantile(f.cte_ms, 0.99)};
      for (int k = 0; k < 4; ++k) medians[d][k].push_back(v[k]);
      nodes[d] += f.nodes / c.rounds;
      std::printf(
          "round %d %-8s (%d traces, %.0f nodes each on average): walk p50 %.2f ms "
          "p99 %.2f ms | CTE p50 %.2f ms p99 %.2f ms\n",
          round, genealogy::DirectionName(direction), c.traces, f.nodes, v[0], v[1], v[2], v[3]);
    }
  }
  std::printf("\nmedians of %d round(s):\n", c.rounds);
  for (int d = 0; d < 2; ++d) {
    const double w50 = Median(medians[d][0]), w99 = Median(medians[d][1]);
    const double c50 = Median(medians[d][2]), c99 = Median(medians[d][3]);
    std::printf(
        "  %-8s %6.0f nodes: walk p50 %.2f ms p99 %.2f ms; CTE p50 %.2f ms p99 %.2f "
        "ms; walk/CTE ratio p50 %.2f p99 %.2f\n",
        d == 0 ? "backward" : "forward", nodes[d], w50, w99, c50, c99, c50 > 0 ? w50 / c50 : 0,
        c99 > 0 ? w99 / c99 : 0);
  }
  if (mismatches > 0) {
    std::printf("FAILED: %d traces of the walk differ from the CTE's\n", mismatches);
    return 1;
  }
  std::printf("every trace of the walk equals the CTE's\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Main(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ordo_genealogy_bench: %s\n", e.what());
    return 2;
  }
}
