// The MIS OEE benchmark's code at a tiny size, in make test: a generated plant stored
// through the import and feed store code, and every OEE figure of the KPI engine (every
// scope, the period and every shift) equals the SQL written apart on the same tables.
// No timing.
#include <gtest/gtest.h>

#include <filesystem>

#include "core/testing/verifies.h"
#include "mis/bench/oee_plant.h"
#include "mis/feed/store/feed_store.h"
#include "mis/imports/store/schema.h"
#include "mis/store/mis_store.h"
#include "storage/rows.h"

namespace ordo::mis::bench {
namespace {

std::unique_ptr<storage::Database> OpenStore(const std::string& name) {
  const std::string dir = ::testing::TempDir() + "/" + name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  std::vector<store::Migration> migrations;
  for (const auto& m : imports::ImportsMigrations())
    migrations.push_back({imports::kMigrationModule, m.version, m.sql});
  for (const auto& m : feed::FeedMigrations()) migrations.push_back(m);
  auto opened = store::OpenMisStore(dir + "/mis.db", migrations, true);
  EXPECT_TRUE(opened.ok()) << opened.error().message;
  return opened.ok() ? std::move(opened->db) : nullptr;
}

MisPlantOptions Tiny() {
  MisPlantOptions o;
  o.areas = 2;
  o.lines_per_area = 2;
  o.units_per_line = 2;
  o.days = 3;
  o.page_rows = 500;  // several pages: the cursor moves as the consumer moves it
  return o;
}

TEST(MisOeeBenchSmoke, EngineFiguresEqualTheSqlAtEveryScopeForThePeriodAndEveryShift) {
  ORDO_VERIFIES("ORDO-MISBENCH-00", "ORDO-MISBENCH-01", "ORDO-MISBENCH-04");
  auto db = OpenStore("mis_oee_bench_smoke");
  ASSERT_TRUE(db);
  auto plant = GenerateMisPlant(*db, Tiny());
  ASSERT_TRUE(plant.ok()) << plant.error().message;
  EXPECT_EQ(plant->scopes.size(), 3u + 2 + 4 + 8);  // plant, E1, S1, areas, lines, units
  EXPECT_EQ(plant->shifts.size(), 9u);
  EXPECT_EQ(plant->counts, 8 * 72);
  EXPECT_GT(plant->state_changes, 8 * 72 * 3);
  auto cursor = feed::ReadCursor(*db);
  ASSERT_TRUE(cursor.ok());
  EXPECT_EQ(cursor->seq, plant->state_changes + plant->counts);
  auto engine = RunEngine(*db, *plant);
  ASSERT_TRUE(engine.ok()) << engine.error().message;
  EXPECT_EQ(engine->states, plant->state_changes);
  EXPECT_EQ(engine->counts, plant->counts);
  auto cache_before =
      storage::FirstRow<std::int64_t>(*db, "PRAGMA cache_size", storage::NoBind,
                                      [](const storage::Statement& s) { return s.Int(0); });
  ASSERT_TRUE(cache_before.ok() && *cache_before);
  auto sql = RunSql(*db, *plant, SqlPragmas{64 * 1024, 0}, /*explain=*/true);
  ASSERT_TRUE(sql.ok()) << sql.error().message;
  // The SQL ran with its own cache and temp store, and the driver's cache is back after.
  EXPECT_NE(sql->settings.find("cache_size=-65536, "), std::string::npos) << sql->settings;
  EXPECT_NE(sql->settings.find("temp_store=2"), std::string::npos) << sql->settings;
  auto cache_after =
      storage::FirstRow<std::int64_t>(*db, "PRAGMA cache_size", storage::NoBind,
                                      [](const storage::Statement& s) { return s.Int(0); });
  ASSERT_TRUE(cache_after.ok() && *cache_after);
  EXPECT_EQ(**cache_after, **cache_before);
  // The plan names each query and the windows' index the range joins use.
  for (const char* part :
       {"bench_apt:", "bench_pot:", "bench_cnt:", "figures:", "bench_window_from"})
    EXPECT_NE(sql->plan.find(part), std::string::npos) << part << "\n" << sql->plan;
  EXPECT_EQ(engine->figures.size(), plant->scopes.size() * 10);
  EXPECT_EQ(CompareOee(engine->figures, sql->figures, 1e-9), "");
  // The batch's figures are those of one ComputeKpis per scope and window, to the bit.
  auto per_request = RunEngine(*db, *plant, /*per_request=*/true);
  ASSERT_TRUE(per_request.ok()) << per_request.error().message;
  EXPECT_EQ(per_request->figures.size(), engine->figures.size());
  EXPECT_EQ(CompareOee(engine->figures, per_request->figures, 0), "");
  // The figures are real ones: every availability of a unit's shift is strictly between
  // 0 and 1 and every OEE is a number.
  for (const auto& [key, f] : engine->figures) {
    ASSERT_EQ(f.size(), 4u);
    ASSERT_TRUE(f[0] && f[3]) << key.first << " " << key.second;
    EXPECT_GT(*f[0], 0);
    EXPECT_LT(*f[0], 1);
  }
}

TEST(MisOeeBenchSmoke, TheComparisonFindsAChangedOrMissingFigure) {
  ORDO_VERIFIES("ORDO-MISBENCH-01");
  OeeTable a{{{"U001", 0}, {0.5, 0.9, 0.99, 0.5 * 0.9 * 0.99}}};
  OeeTable b = a;
  EXPECT_EQ(CompareOee(a, b, 1e-9), "");
  b.begin()->second[1] = 0.9 * (1 + 1e-7);
  EXPECT_NE(CompareOee(a, b, 1e-9).find("effectiveness"), std::string::npos);
  b = a;
  b.begin()->second[2] = std::nullopt;
  EXPECT_NE(CompareOee(a, b, 1e-9), "");
  b = a;
  b[{"U002", 0}] = a.begin()->second;
  EXPECT_NE(CompareOee(a, b, 1e-9), "");
  EXPECT_NE(CompareOee(a, {}, 1e-9), "");
}

}  // namespace
}  // namespace ordo::mis::bench
