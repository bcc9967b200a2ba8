// Tests of the role projection: a grant and a revocation set app_user.roles and the
// version, and the active admins are counted from the projected users.
#include "mes/access/store/role_store.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/access/users.h"
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

}  // namespace
}  // namespace ordo::access
