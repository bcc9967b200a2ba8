// Test support: a fresh store (every registered table) in a temp dir, and Append(), which
// chains the next ledger entry and applies it to the projections as the engine would.
// Shared by the store's tests and the capabilities' store tests.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "ledger/entry.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/schema.h"

namespace ordo::store::testing {

class StoreFixture : public ::testing::Test {
 protected:
  static constexpr TimeMicros kT0 = 1'795'597'445'000'000;

  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_store_fixture_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    auto db = storage::OpenSqlite(root_ + "/ordo.db", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    ASSERT_TRUE(CreateSchema(*db_).ok());
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(root_);
  }

  // Appends the next chained entry and applies it to the projections.
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
    e.prev_hash = entries_.empty() ? ledger::kGenesisHash : entries_.back().hash;
    e.hash = ledger::ComputeHash(e);
    Status s = AppendEntry(*db_, e);
    EXPECT_TRUE(s.ok()) << s.error().message;
    Status p = ApplyToProjections(*db_, e);
    EXPECT_TRUE(p.ok()) << p.error().message;
    entries_.push_back(e);
    return e;
  }

  std::string root_;
  std::unique_ptr<storage::Database> db_;
  std::vector<ledger::LedgerEntry> entries_;
};

}  // namespace ordo::store::testing
