// Tests of the access tables: the user projectors and queries, and password hashes
// (moved from src/store/store_test.cc with their assertions).
#include "mes/access/store/access_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/projector.h"
#include "store/schema.h"
#include "store/testing/store_fixture.h"

namespace ordo::access {
namespace {

using AccessStoreTest = store::testing::StoreFixture;

TEST_F(AccessStoreTest, ProjectsUsers) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  Append("user.created", "system", "1",
         Json{{"user_id", 1}, {"name", "ann"}, {"display_name", "Ann A"}, {"roles", {"operator"}}});
  Append("user.created", "system", "2",
         Json{{"user_id", 2},
              {"name", "bob"},
              {"display_name", "Bob"},
              {"roles", {"quality", "admin"}}});
  auto next = NextUserId(*db_);
  ASSERT_TRUE(next.ok());
  EXPECT_EQ(*next, 3);
  auto ann = FindUserByName(*db_, "ann");
  ASSERT_TRUE(ann.ok() && ann->has_value());
  EXPECT_EQ((*ann)->id, 1);
  EXPECT_EQ((*ann)->display_name, "Ann A");
  EXPECT_EQ((*ann)->roles, (std::vector<std::string>{"operator"}));
  EXPECT_FALSE((*ann)->disabled);
  EXPECT_EQ((*ann)->version, 1);

  Append("user.disabled", "bob", "1",
         Json{{"user_id", 1},
              {"name", "ann"},
              {"old", {{"disabled", false}}},
              {"new", {{"disabled", true}}}},
         "left", 2);
  auto again = FindUserById(*db_, 1);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_TRUE((*again)->disabled);
  EXPECT_EQ((*again)->version, 2);
  auto bob = FindUserById(*db_, 2);
  ASSERT_TRUE(bob.ok() && bob->has_value());
  EXPECT_FALSE((*bob)->disabled);
  EXPECT_EQ(access::ToJson(**bob)["roles"], Json::array({"quality", "admin"}));

  auto users = ListUsers(*db_);
  ASSERT_TRUE(users.ok());
  ASSERT_EQ(users->size(), 2u);
  EXPECT_EQ((*users)[0].name, "ann");
  EXPECT_EQ((*users)[1].name, "bob");
  auto missing = FindUserByName(*db_, "carol");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  // Names are unique in the projection as well.
  ledger::LedgerEntry dup = entries_[0];
  dup.seq = 99;
  dup.payload["user_id"] = 5;
  EXPECT_FALSE(store::ApplyToProjections(*db_, dup).ok());
}

TEST_F(AccessStoreTest, ProjectsRenames) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  Append("user.created", "system", "1",
         Json{{"user_id", 1}, {"name", "ann"}, {"display_name", "Ann A"}, {"roles", {"operator"}}});
  Append("user.renamed", "admin", "1", Json{{"user_id", 1}, {"old", "Ann A"}, {"new", "Ann B"}},
         "married", 2);
  auto ann = FindUserById(*db_, 1);
  ASSERT_TRUE(ann.ok() && ann->has_value());
  EXPECT_EQ((*ann)->display_name, "Ann B");
  EXPECT_EQ((*ann)->version, 2);
}

TEST_F(AccessStoreTest, PasswordHashes) {
  ORDO_VERIFIES("P11-17", "ORDO-ACCESS-01");
  auto none = GetPasswordHash(*db_, 1);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
  ASSERT_TRUE(SetPasswordHash(*db_, 1, "h1", 2).ok());
  ASSERT_TRUE(SetPasswordHash(*db_, 1, "h2", 5).ok());
  auto h = GetPasswordHash(*db_, 1);
  ASSERT_TRUE(h.ok() && h->has_value());
  EXPECT_EQ(**h, "h2");
}

}  // namespace
}  // namespace ordo::access
