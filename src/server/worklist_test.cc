// Unit tests of the worklist registry's collection: permission filtering and the
// isolation of a failing source (worklist.h).
#include "server/worklist.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "core/permissions.h"
#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::server {
namespace {

constexpr TimeMicros kNow = 1'795'597'445'000'000;

class WorklistTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Permissions are process-wide; register the test's own once.
    if (RoleFor({"quality"}, "test.approve").empty()) {
      RegisterPermission({"test.approve", "test only", {"quality"}});
      RegisterPermission({"test.read", "test only", {"operator", "quality"}});
    }
  }
  void SetUp() override {
    auto db = storage::OpenSqlite(":memory:", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
  }
  static Session As(const std::string& role) {
    Session s;
    s.user_id = 7;
    s.user_name = "someone";
    s.roles = {role};
    return s;
  }
  static WorklistSource Good(const std::string& name, const std::string& permission) {
    return {name, permission, "lists one item",
            [name](storage::Database&, const Session& s,
                   TimeMicros now) -> Result<std::vector<WorklistItem>> {
              return std::vector<WorklistItem>{
                  {"test.item", "T-1", "for " + s.user_name, "waiting", true, "#/t/T-1", now}};
            }};
  }
  std::unique_ptr<storage::Database> db_;
};

TEST_F(WorklistTest, OnlySourcesTheRolesGrantRun) {
  ORDO_VERIFIES("P11-04", "ORDO-UI-21");
  std::vector<WorklistSource> sources = {Good("a.approve", "test.approve"),
                                         Good("a.read", "test.read")};
  Worklist quality = CollectWorklist(sources, *db_, As("quality"), kNow);
  ASSERT_EQ(quality.items.size(), 2u);
  EXPECT_EQ(quality.items[0].source, "a.approve");
  EXPECT_EQ(quality.items[1].source, "a.read");
  Worklist op = CollectWorklist(sources, *db_, As("operator"), kNow);
  ASSERT_EQ(op.items.size(), 1u);
  EXPECT_EQ(op.items[0].source, "a.read");
  Worklist admin = CollectWorklist(sources, *db_, As("admin"), kNow);
  EXPECT_TRUE(admin.items.empty());
  EXPECT_TRUE(admin.errors.empty());
}

TEST_F(WorklistTest, AFailingSourceBecomesAnErrorEntryAndTheOthersStillAnswer) {
  ORDO_VERIFIES("ORDO-UI-21");
  std::vector<WorklistSource> sources = {
      {"bad.error", "test.read", "returns an error",
       [](storage::Database&, const Session&, TimeMicros) -> Result<std::vector<WorklistItem>> {
         return Error::Make(ErrorCode::kUnavailable, "the table is busy");
       }},
      {"bad.throws", "test.read", "throws",
       [](storage::Database&, const Session&, TimeMicros) -> Result<std::vector<WorklistItem>> {
         throw std::runtime_error("boom");
       }},
      Good("good", "test.read")};
  Worklist w = CollectWorklist(sources, *db_, As("operator"), kNow);
  ASSERT_EQ(w.items.size(), 1u);
  EXPECT_EQ(w.items[0].source, "good");
  EXPECT_EQ(w.items[0].item.title, "for someone");
  ASSERT_EQ(w.errors.size(), 2u);
  EXPECT_EQ(w.errors[0].source, "bad.error");
  EXPECT_EQ(w.errors[0].code, "unavailable");
  EXPECT_EQ(w.errors[0].message, "the table is busy");
  EXPECT_EQ(w.errors[1].source, "bad.throws");
  EXPECT_EQ(w.errors[1].code, "internal");
  Json j = ToJson(w);
  ASSERT_EQ(j["items"].size(), 1u);
  EXPECT_EQ(j["items"][0]["link"], "#/t/T-1");
  EXPECT_EQ(j["items"][0]["since"], FormatUtcMicros(kNow));
  EXPECT_EQ(j["errors"].size(), 2u);
}

TEST_F(WorklistTest, RegistrationKeepsOrder) {
  ORDO_VERIFIES("ORDO-UI-21");
  const std::size_t before = RegisteredWorklistSources().size();
  RegisterWorklistSource(Good("test.registered.one", "test.read"));
  RegisterWorklistSource(Good("test.registered.two", "test.read"));
  const auto& all = RegisteredWorklistSources();
  ASSERT_EQ(all.size(), before + 2);
  EXPECT_EQ(all[before].name, "test.registered.one");
  EXPECT_EQ(all[before + 1].name, "test.registered.two");
}

}  // namespace
}  // namespace ordo::server
