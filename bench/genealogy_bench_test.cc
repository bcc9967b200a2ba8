// The genealogy benchmark's code at small scale, in make test: the generated graph is
// stored by genealogy's insert path, and every trace of the genealogy walk equals the
// recursive CTE's on the same data, both directions, from every level. No timing.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/testing/verifies.h"
#include "genealogy_graph.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::bench {
namespace {

TEST(GenealogyBenchSmoke, EveryWalkTraceEqualsTheRecursiveCteOnAGeneratedGraph) {
  ORDO_VERIFIES("ORDO-GEN-09", "IND-10", "DI-10");
  const std::string dir = ::testing::TempDir() + "/ordo_genealogy_bench_smoke";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  auto db = storage::OpenSqlite(dir + "/graph.db", storage::OpenMode::kCreate);
  ASSERT_TRUE(db.ok()) << db.error().message;
  GenealogyGraphOptions options;
  options.lots = 3000;
  options.levels = 10;
  options.window = 3;
  options.batch = 1000;
  auto stats = GenerateGenealogyGraph(**db, options);
  ASSERT_TRUE(stats.ok()) << stats.error().message;
  EXPECT_EQ(stats->lots, 3000);
  EXPECT_EQ(stats->orders, 2700);
  EXPECT_GE(stats->edges, 2700 * 2);
  EXPECT_LE(stats->edges, 2700 * 4);
  int traces = 0;
  std::size_t largest = 0;
  for (int level = 0; level < 10; ++level) {
    for (std::int64_t i = 0; i < 300; i += 37) {
      for (auto d : {genealogy::Direction::kBackward, genealogy::Direction::kForward}) {
        const std::string start = BenchLot(level, i);
        auto walk = TraceByWalk(**db, start, d);
        auto cte = TraceByCte(**db, start, d);
        ASSERT_TRUE(walk.ok() && cte.ok());
        EXPECT_TRUE(*walk == *cte) << start << " " << genealogy::DirectionName(d) << ": walk "
                                   << walk->nodes.size() << " nodes, CTE " << cte->nodes.size();
        largest = std::max(largest, walk->nodes.size());
        ++traces;
      }
    }
  }
  EXPECT_EQ(traces, 10 * 9 * 2);
  EXPECT_GT(largest, 50u) << "the traces must cross several levels";
  db->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace ordo::bench
