// Tests of the access tables: the user projectors and queries, and password hashes
// (moved from src/store/store_test.cc with their assertions).
#include "mes/access/store/access_store.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/projector.h"
#include "store/schema.h"

namespace ordo::access {
namespace {

constexpr TimeMicros kT0 = 1'795'597'445'000'000;

class AccessStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_access_store_test_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    auto db = storage::OpenSqlite(root_ + "/ordo.db", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(store::CreateSchema(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(root_);
  }

  // Applies the next entry to the projections (the ledger itself is not needed here).
  ledger::LedgerEntry Append(const std::string& type, const std::string& actor,
                             const std::string& subject_id, Json payload,
                             std::optional<std::string> reason = {}, std::int64_t version = 1) {
    ledger::LedgerEntry e;
    e.seq = static_cast<std::int64_t>(entries_.size()) + 1;
    e.time_us = kT0 + e.seq * 1'000'000;
    e.actor = actor;
    e.role = "operator";
    e.type = type;
    e.subject = ledger::Subject{type.substr(0, type.find('.')), subject_id, version};
    e.payload = std::move(payload);
    e.reason = std::move(reason);
    Status p = store::ApplyToProjections(*db_, e);
    EXPECT_TRUE(p.ok()) << p.error().message;
    entries_.push_back(e);
    return e;
  }

  std::string root_;
  std::unique_ptr<storage::Database> db_;
  std::vector<ledger::LedgerEntry> entries_;
};

TEST_F(AccessStoreTest, ProjectsUsers) {
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
