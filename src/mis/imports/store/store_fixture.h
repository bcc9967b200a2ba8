// Test fixture of the import store tests: a real SQLite file in a fresh temp directory
// with the tables of ImportsMigrations() created from their SQL.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "core/crypto.h"
#include "mis/imports/store/schema.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::imports::testing {

class ImportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo-mis-imports-XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    auto db = storage::OpenSqlite(root_ + "/mis.db", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok()) << db.error().message;
    db_ = std::move(*db);
    for (const auto& m : ImportsMigrations()) {
      auto applied = db_->Exec(m.sql);
      ASSERT_TRUE(applied.ok()) << applied.error().message;
    }
  }
  void TearDown() override {
    db_.reset();
    std::filesystem::remove_all(root_);
  }
  // The single integer `sql` returns (-1 when it returns no row or fails).
  std::int64_t Scalar(const std::string& sql) {
    auto n = storage::FirstRow<std::int64_t>(*db_, sql, storage::NoBind,
                                             [](const storage::Statement& s) { return s.Int(0); });
    return n.ok() && *n ? **n : -1;
  }
  std::string root_;
  std::unique_ptr<storage::Database> db_;
};

}  // namespace ordo::mis::imports::testing
