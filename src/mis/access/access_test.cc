// The MIS's roles and permission table, password rules and user store.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/access/password_policy.h"
#include "mis/access/roles.h"
#include "mis/access/users.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::access {
namespace {

TEST(MisRolesTest, EachRoleHoldsExactlyItsPermissions) {
  ORDO_VERIFIES("ORDO-MIS-07", "ORDO-MISTZ-17");
  EXPECT_EQ(PermissionsOf(kMisAdmin),
            (std::vector<std::string>{kUsersManage, kSettingsRead, kImportsRun, kRead}));
  EXPECT_EQ(PermissionsOf(kMisAnalyst), (std::vector<std::string>{kImportsRun, kRead}));
  EXPECT_EQ(PermissionsOf(kMisViewer), (std::vector<std::string>{kRead}));
  EXPECT_FALSE(RoleGrants(kMisViewer, kUsersManage));
  EXPECT_FALSE(RoleGrants(kMisAnalyst, kUsersManage));
  EXPECT_TRUE(RoleGrants(kMisAnalyst, kImportsRun));
  EXPECT_FALSE(RoleGrants(kMisAnalyst, kSettingsRead));
  EXPECT_FALSE(RoleGrants(kMisViewer, kSettingsRead));
}

TEST(MisRolesTest, UnknownRolesAndPermissionsGrantNothing) {
  ORDO_VERIFIES("ORDO-MIS-07");
  EXPECT_FALSE(RoleGrants("admin", kRead));  // the MES's admin is not an MIS role
  EXPECT_FALSE(RoleGrants(kMisAdmin, "mis.everything"));
  EXPECT_FALSE(RoleGrants("", ""));
  EXPECT_TRUE(PermissionsOf("operator").empty());
  EXPECT_TRUE(IsRole(kMisViewer));
  EXPECT_FALSE(IsRole("MIS_ADMIN"));
  EXPECT_TRUE(IsPermission(kImportsRun));
  EXPECT_FALSE(IsPermission("logbook.read"));
}

void ExpectRefused(const std::string& password, const std::string& reason) {
  Status s = CheckNewPassword(password, "alice", "password");
  ASSERT_FALSE(s.ok()) << password;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, "password");
  EXPECT_EQ(s.error().reason, reason) << password;
}

TEST(MisPasswordPolicyTest, RefusesWithAStableReasonNamingTheRule) {
  ORDO_VERIFIES("ORDO-MIS-06");
  ExpectRefused("short pass1", "password_too_short");  // 11 characters
  ExpectRefused(std::string(257, 'x'), "password_too_long");
  ExpectRefused("twelve chars\x01!", "password_control_character");
  ExpectRefused("twelve chars\xc2\x85!", "password_control_character");  // C1 NEL
  ExpectRefused("twelve chars\xff!", "password_not_utf8");
  ExpectRefused("twelve chars\xc0\xaf", "password_not_utf8");  // overlong '/'
  Status named = CheckNewPassword("alice.long.name", "ALICE.LONG.NAME");
  ASSERT_FALSE(named.ok());
  EXPECT_EQ(named.error().reason, "password_is_user_name");
  Status s = CheckNewPassword("short", "bob");
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("at least 12"), std::string::npos) << s.error().message;
}

TEST(MisPasswordPolicyTest, AcceptsTwelveCodePointsSpacesAndAnyScript) {
  ORDO_VERIFIES("ORDO-MIS-06");
  EXPECT_TRUE(CheckNewPassword("twelve chars", "alice").ok());
  EXPECT_TRUE(CheckNewPassword(std::string(256, 'x'), "alice").ok());
  // 12 code points of 2 bytes each; 11 of them is too short although it has 22 bytes.
  std::string twelve;
  for (int i = 0; i < 12; ++i) twelve += "\xc3\xa9";  // é
  EXPECT_TRUE(CheckNewPassword(twelve, "alice").ok());
  EXPECT_FALSE(CheckNewPassword(twelve.substr(2), "alice").ok());
}

class MisUsersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    // One directory per test: ctest runs the tests of this suite in parallel processes.
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("mis_users_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto opened = store::OpenMisStore(store::StorePath(dir_.string()), Migrations(), true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(opened->db);
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(dir_);
  }
  std::filesystem::path dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(MisUsersTest, CreatesFindsAndListsUsersWithTheirArgon2idHash) {
  ORDO_VERIFIES("ORDO-MIS-06");
  auto hash = HashPassword("a long enough password");
  ASSERT_TRUE(hash.ok());
  auto created = CreateUser(*db_, "alice", kMisAnalyst, *hash, "admin", 1'000'000);
  ASSERT_TRUE(created.ok()) << created.error().message;
  EXPECT_GT(created->id, 0);
  EXPECT_EQ(created->created_at, "1970-01-01T00:00:01.000000Z");
  auto found = FindUserByName(*db_, "alice");
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->role, kMisAnalyst);
  EXPECT_TRUE((*found)->enabled);
  auto stored = PasswordHashOf(*db_, created->id);
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_TRUE(VerifyPassword(**stored, "a long enough password"));
  EXPECT_FALSE(VerifyPassword(**stored, "another password"));
  EXPECT_EQ((*stored)->rfind("$argon2id$", 0), 0u) << **stored;
  ASSERT_TRUE(CreateUser(*db_, "bob", kMisViewer, *hash, "admin", 2'000'000).ok());
  auto all = ListUsers(*db_);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].name, "bob");
  const Json json = ToJson((*all)[0]);
  EXPECT_EQ(json["name"], "alice");
  EXPECT_FALSE(json.dump().find("argon2") != std::string::npos) << json.dump();
  auto missing = FindUserById(*db_, 999);
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
}

TEST_F(MisUsersTest, RefusesBadNamesUnknownRolesAndTakenNames) {
  ORDO_VERIFIES("ORDO-MIS-13");
  for (const char* bad : {"", "Alice", "al ice", ".alice", "-a", "älice"}) {
    auto r = CreateUser(*db_, bad, kMisViewer, "h", "admin", 0);
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_EQ(r.error().field, "name");
    EXPECT_EQ(r.error().reason, "invalid_user_name");
  }
  EXPECT_FALSE(CheckUserName(std::string(65, 'a')).ok());
  EXPECT_TRUE(CheckUserName("a.b_c-9").ok());
  auto role = CreateUser(*db_, "carol", "admin", "h", "admin", 0);
  ASSERT_FALSE(role.ok());
  EXPECT_EQ(role.error().field, "role");
  EXPECT_EQ(role.error().reason, "unknown_role");
  ASSERT_TRUE(CreateUser(*db_, "carol", kMisViewer, "h", "admin", 0).ok());
  auto twice = CreateUser(*db_, "carol", kMisAdmin, "h", "admin", 0);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kConflict);
  EXPECT_EQ(twice.error().reason, "name_taken");
}

}  // namespace
}  // namespace ordo::mis::access
