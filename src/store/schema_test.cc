// Schema records and upgrades: a new store is up to date, a store of release 0.1.0 (no
// migration records) re-runs every idempotent migration 1, later migrations run once in
// one transaction, and a store from a newer release is refused without a write.
#include "store/schema.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/ledger_store.h"

namespace ordo::store {
namespace {

class SchemaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    char tmpl[] = "/tmp/ordo_schema_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    auto db = storage::OpenSqlite(root_ + "/ordo.db", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(root_);
  }
  // The platform's first migration plus a made-up owner "widget" with `migrations` steps.
  static std::vector<TableSet> Tables(int migrations) {
    TableSet platform = RegisteredTables().front();
    platform.migrations.resize(1);
    std::vector<TableSet> tables = {platform};
    TableSet widget{"widget", {}, {{"widget", "id"}}};
    const char* steps[] = {
        "CREATE TABLE IF NOT EXISTS widget(id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
        "ALTER TABLE widget ADD COLUMN colour TEXT;",
        "CREATE INDEX widget_by_colour ON widget(colour);"};
    for (int i = 0; i < migrations; ++i) widget.migrations.push_back({i + 1, steps[i]});
    tables.push_back(widget);
    return tables;
  }
  Status Create(int migrations) {
    for (const auto& t : Tables(migrations))
      for (const auto& m : t.migrations) ORDO_TRY(db_->Exec(m.sql));
    ORDO_TRY(SetMeta(*db_, "schema_version", std::to_string(kSchemaVersion)));
    ORDO_TRY(SetMeta(*db_, "migration.platform", "1"));
    return SetMeta(*db_, "migration.widget", std::to_string(migrations));
  }
  std::string root_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(SchemaTest, ANewStoreIsUpToDate) {
  ORDO_VERIFIES("ORDO-STORE-01");
  ASSERT_TRUE(CreateSchema(*db_).ok());
  auto plan = PlanSchemaUpgrade(*db_);
  ASSERT_TRUE(plan.ok()) << plan.error().message;
  EXPECT_TRUE(plan->newer.empty());
  EXPECT_TRUE(plan->pending.empty());
  EXPECT_EQ(plan->Describe(), "up to date");
  auto platform = GetMeta(*db_, "migration.platform");
  ASSERT_TRUE(platform.ok() && platform->has_value());
  EXPECT_EQ(**platform, std::to_string(RegisteredTables().front().migrations.back().number));
}

TEST_F(SchemaTest, PendingMigrationsRunOnceInOrderAndAreRecorded) {
  ORDO_VERIFIES("ORDO-STORE-01");
  ASSERT_TRUE(Create(1).ok());
  ASSERT_TRUE(db_->Exec("INSERT INTO widget(id, name) VALUES(1, 'pump')").ok());
  auto plan = PlanSchemaUpgrade(*db_, Tables(3));
  ASSERT_TRUE(plan.ok());
  ASSERT_EQ(plan->pending.size(), 2u);
  EXPECT_EQ(plan->Describe(), "widget 2, widget 3");
  ASSERT_TRUE(ApplySchemaUpgrade(*db_, *plan).ok());
  auto colour = storage::FirstRow<bool>(*db_, "SELECT colour IS NULL FROM widget WHERE id = 1",
                                        storage::NoBind,
                                        [](const storage::Statement& s) { return s.Int(0) == 1; });
  ASSERT_TRUE(colour.ok()) << colour.error().message;  // the column exists now
  EXPECT_TRUE(colour->value_or(false));                // and the row survived
  auto again = PlanSchemaUpgrade(*db_, Tables(3));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->pending.empty());
  auto recorded = GetMeta(*db_, "migration.widget");
  ASSERT_TRUE(recorded.ok() && recorded->has_value());
  EXPECT_EQ(**recorded, "3");
}

TEST_F(SchemaTest, AFailedMigrationChangesNothing) {
  ORDO_VERIFIES("A11-02", "ORDO-STORE-01");
  ASSERT_TRUE(Create(1).ok());
  auto tables = Tables(3);
  tables.back().migrations[2].sql = "CREATE INDEX broken ON no_such_table(x);";
  auto plan = PlanSchemaUpgrade(*db_, tables);
  ASSERT_TRUE(plan.ok());
  Status s = ApplySchemaUpgrade(*db_, *plan);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("widget migration 3"), std::string::npos) << s.error().message;
  // Migration 2 ran inside the same transaction and was rolled back with it.
  EXPECT_FALSE(db_->Exec("SELECT colour FROM widget").ok());
  auto recorded = GetMeta(*db_, "migration.widget");
  ASSERT_TRUE(recorded.ok() && recorded->has_value());
  EXPECT_EQ(**recorded, "1");
}

TEST_F(SchemaTest, AStoreWithoutMigrationRecordsReRunsTheIdempotentFirstMigrations) {
  ORDO_VERIFIES("ORDO-STORE-01");
  ASSERT_TRUE(Create(1).ok());
  ASSERT_TRUE(db_->Exec("DELETE FROM meta WHERE key LIKE 'migration.%'").ok());  // as 0.1.0
  auto plan = PlanSchemaUpgrade(*db_, Tables(1));
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->Describe(), "platform 1, widget 1");
  ASSERT_TRUE(ApplySchemaUpgrade(*db_, *plan).ok());
  auto again = PlanSchemaUpgrade(*db_, Tables(1));
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->pending.empty());
}

TEST_F(SchemaTest, APlanIsRefusedWhenTheRecordsChangedSinceItWasMade) {
  ORDO_VERIFIES("ORDO-STORE-01");
  ASSERT_TRUE(Create(1).ok());
  auto plan = PlanSchemaUpgrade(*db_, Tables(3));
  ASSERT_TRUE(plan.ok());
  ASSERT_TRUE(SetMeta(*db_, "migration.widget", "2").ok());  // someone else upgraded meanwhile
  Status s = ApplySchemaUpgrade(*db_, *plan);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
  EXPECT_FALSE(db_->Exec("SELECT colour FROM widget").ok());  // migration 2 did not run
  auto recorded = GetMeta(*db_, "migration.widget");
  ASSERT_TRUE(recorded.ok() && recorded->has_value());
  EXPECT_EQ(**recorded, "2");
}

TEST_F(SchemaTest, AStoreFromANewerReleaseIsRefused) {
  ORDO_VERIFIES("P11-03", "ORDO-STORE-01");
  ASSERT_TRUE(Create(3).ok());
  auto plan = PlanSchemaUpgrade(*db_, Tables(2));
  ASSERT_TRUE(plan.ok());
  EXPECT_NE(plan->newer.find("widget schema 3"), std::string::npos) << plan->newer;
  EXPECT_NE(plan->newer.find("newer"), std::string::npos) << plan->newer;
  EXPECT_FALSE(ApplySchemaUpgrade(*db_, *plan).ok());

  ASSERT_TRUE(SetMeta(*db_, "migration.gadget", "1").ok());  // an owner this release lacks
  auto unknown = PlanSchemaUpgrade(*db_, Tables(3));
  ASSERT_TRUE(unknown.ok());
  EXPECT_NE(unknown->newer.find("gadget"), std::string::npos) << unknown->newer;

  ASSERT_TRUE(db_->Exec("DELETE FROM meta WHERE key = 'migration.gadget'").ok());
  ASSERT_TRUE(SetMeta(*db_, "schema_version", std::to_string(kSchemaVersion + 1)).ok());
  auto format = PlanSchemaUpgrade(*db_, Tables(3));
  ASSERT_TRUE(format.ok());
  EXPECT_NE(format->newer.find("schema version"), std::string::npos) << format->newer;
}

TEST_F(SchemaTest, NotAStore) {
  ORDO_VERIFIES("ORDO-STORE-01");
  ASSERT_TRUE(db_->Exec("CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)").ok());
  auto plan = PlanSchemaUpgrade(*db_);
  ASSERT_FALSE(plan.ok());
  EXPECT_EQ(plan.error().code, ErrorCode::kFailedPrecondition);
}

}  // namespace
}  // namespace ordo::store
