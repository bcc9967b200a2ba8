// The site time zone setting: stored by init, overridden by serve's flag, UTC for stores
// without it; unknown names refused before anything is written.
#include "mis/app/site_time_zone.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/access/users.h"
#include "mis/app/init.h"
#include "mis/store/mis_store.h"
#include "storage/rows.h"

namespace ordo::mis::app {
namespace {

namespace fs = std::filesystem;

class SiteTimeZoneTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    dir_ =
        (fs::path(::testing::TempDir()) /
         ("mis_tz_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name())))
            .string();
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  Status Init(const std::string& zone) {
    return InitDataDir({dir_, "correct horse battery", false, zone}, access::Migrations(), clock_);
  }
  std::unique_ptr<storage::Database> Open() {
    auto opened = store::OpenMisStore(store::StorePath(dir_), access::Migrations(), false);
    EXPECT_TRUE(opened.ok());
    return opened.ok() ? std::move(opened->db) : nullptr;
  }
  std::string dir_;
  FakeClock clock_{1'767'225'600'000'000};
};

TEST_F(SiteTimeZoneTest, InitStoresTheZoneAndServesFlagOverridesIt) {
  ORDO_VERIFIES("ORDO-MISTZ-07", "ORDO-MISTZ-08");
  ASSERT_TRUE(Init("Europe/Berlin").ok());
  auto db = Open();
  ASSERT_TRUE(db);
  auto stored = store::GetStoreInfo(*db, kTimeZoneKey);
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ(**stored, "Europe/Berlin");
  auto effective = EffectiveTimeZone(*db, "");
  ASSERT_TRUE(effective.ok()) << effective.error().message;
  EXPECT_EQ(effective->zone.name(), "Europe/Berlin");
  EXPECT_EQ(effective->source, "the store");
  EXPECT_EQ(effective->zone.UtcOffset(1'782'864'000'000'000), 7200);  // 2026-07-01T00:00Z
  auto flagged = EffectiveTimeZone(*db, "America/New_York");
  ASSERT_TRUE(flagged.ok());
  EXPECT_EQ(flagged->zone.name(), "America/New_York");
  EXPECT_EQ(flagged->source, "--time-zone");
  auto bad = EffectiveTimeZone(*db, "../../etc/passwd");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason, "unknown_time_zone");
  EXPECT_EQ(bad.error().field, "time-zone");
  // A store from before the setting: UTC.
  ASSERT_TRUE(
      storage::Run(*db, "DELETE FROM store_info WHERE key = 'time_zone'", [](storage::Statement&) {
      }).ok());
  auto old = EffectiveTimeZone(*db, "");
  ASSERT_TRUE(old.ok());
  EXPECT_EQ(old->zone.name(), "UTC");
}

TEST_F(SiteTimeZoneTest, InitRefusesAnUnknownZoneBeforeWritingAnything) {
  ORDO_VERIFIES("ORDO-MISTZ-07");
  Status refused = Init("Europe/Atlantis");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().reason, "unknown_time_zone");
  EXPECT_EQ(refused.error().field, "time-zone");
  EXPECT_NE(refused.error().message.find("Europe/Atlantis"), std::string::npos);
  EXPECT_FALSE(fs::exists(store::StorePath(dir_)));
  ASSERT_TRUE(Init("UTC").ok());
}

}  // namespace
}  // namespace ordo::mis::app
