// Tests of the role projection: a grant and a revocation set app_user.roles and the
// version, and the active admins are counted from the projected users, each row checked
// against its seal.
#include "mes/access/store/role_store.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/access/users.h"
#include "store/row_seal.h"
#include "store/testing/store_fixture.h"

namespace ordo::access {
namespace {

using RoleStoreTest = store::testing::StoreFixture;

TEST_F(RoleStoreTest, GrantAndRevocationSetTheRoles) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-20", "ORDO-ACCESS-22");
  Append("user.created", "system", "1",
         Json{{"user_id", 1}, {"name", "root.admin"}, {"display_name", "A"}, {"roles", {"admin"}}});
  Append("user.created", "system", "2",
         Json{{"user_id", 2}, {"name", "ann"}, {"display_name", "Ann"}, {"roles", {"operator"}}});
  EXPECT_EQ(CountActiveAdmins(*db_).value(), 1);
  Append("user.role_granted", "root.admin", "2",
         Json{{"user_id", 2},
              {"name", "ann"},
              {"role", "admin"},
              {"old", {{"roles", {"operator"}}}},
              {"new", {{"roles", {"operator", "admin"}}}}},
         std::string("second admin"), 2);
  auto ann = FindUserById(*db_, 2);
  ASSERT_TRUE(ann.ok() && ann->has_value());
  EXPECT_EQ((*ann)->roles, (std::vector<std::string>{"operator", "admin"}));
  EXPECT_EQ((*ann)->version, 2);
  EXPECT_EQ(CountActiveAdmins(*db_).value(), 2);
  Append("user.disabled", "ann", "1",
         Json{{"user_id", 1},
              {"name", "root.admin"},
              {"old", {{"disabled", false}}},
              {"new", {{"disabled", true}}}},
         std::string("left"), 2);
  EXPECT_EQ(CountActiveAdmins(*db_).value(), 1);  // a disabled admin does not count
  Append("user.role_revoked", "ann", "2",
         Json{{"user_id", 2},
              {"name", "ann"},
              {"role", "operator"},
              {"old", {{"roles", {"operator", "admin"}}}},
              {"new", {{"roles", {"admin"}}}}},
         std::string("admin only"), 3);
  ann = FindUserById(*db_, 2);
  EXPECT_EQ((*ann)->roles, (std::vector<std::string>{"admin"}));
  EXPECT_EQ((*ann)->version, 3);
}

TEST_F(RoleStoreTest, TheAdminCountRefusesAnEditedRowItReads) {
  ORDO_VERIFIES("ORDO-INTEGRITY-01", "ORDO-INTEGRITY-06", "ORDO-ACCESS-22");
  Append("user.created", "system", "1",
         Json{{"user_id", 1}, {"name", "root.admin"}, {"display_name", "A"}, {"roles", {"admin"}}});
  Append("user.created", "system", "2",
         Json{{"user_id", 2}, {"name", "ann"}, {"display_name", "Ann"}, {"roles", {"operator"}}});
  // Seal the rows as the engine does, and install the key as the engine does for its store.
  std::string key;
  ASSERT_TRUE(FromHex(RandomHex(32), &key));
  const store::GuardedTable* users = store::FindGuardedTable("app_user");
  ASSERT_NE(users, nullptr) << "access registers app_user as a guarded table";
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  ASSERT_TRUE(store::SealAllRows(*db_, key, *users, 2).ok());
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  store::InstallSealKey(db_->path(), key);
  EXPECT_EQ(CountActiveAdmins(*db_).value(), 1);
  // Someone with the database file makes ann an admin: the count (which would be 2 and let
  // the one real admin lose the role) is refused, naming ann's row.
  ASSERT_TRUE(
      db_->Exec("UPDATE app_user SET roles = '[\"operator\",\"admin\"]' WHERE id = 2").ok());
  auto count = CountActiveAdmins(*db_);
  ASSERT_FALSE(count.ok()) << "counted " << count.value();
  EXPECT_EQ(count.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(count.error().message.find("app_user id=2"), std::string::npos)
      << count.error().message;
  // The row as it was passes again.
  ASSERT_TRUE(db_->Exec("UPDATE app_user SET roles = '[\"operator\"]' WHERE id = 2").ok());
  EXPECT_EQ(CountActiveAdmins(*db_).value(), 1);
  store::RemoveSealKey(db_->path());
}

}  // namespace
}  // namespace ordo::access
