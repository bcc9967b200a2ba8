// Unit tests for ordo_store: schema and triggers, ledger rows, projections, queries, data dir.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "ledger/checkpoint.h"
#include "mes/access/users.h"
#include "mes/logbook/store/logbook_store.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/data_dir.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/schema.h"
#include "store/testing/store_fixture.h"

namespace ordo::store {
namespace {

class StoreTest : public testing::StoreFixture {
 protected:
  ledger::LedgerEntry Log(const std::string& actor, const std::string& subject,
                          const std::string& text, std::optional<std::int64_t> corrects = {}) {
    Json p{{"subject", subject}, {"category", "use"}, {"text", text}};
    std::optional<std::string> reason;
    if (corrects) {
      p["corrects"] = *corrects;
      reason = "fix";
    }
    const std::string next = std::to_string(entries_.size() + 1);
    return Append(corrects ? "logbook.entry_corrected" : "logbook.entry_recorded", actor, next, p,
                  reason);
  }
  std::vector<std::int64_t> Seqs(const LedgerQuery& q) {
    auto r = QueryEntries(*db_, q);
    EXPECT_TRUE(r.ok()) << r.error().message;
    std::vector<std::int64_t> out;
    if (r.ok())
      for (const auto& e : *r) out.push_back(e.seq);
    return out;
  }
};

TEST_F(StoreTest, SchemaIsIdempotentAndRecordsItsVersion) {
  ORDO_VERIFIES("ORDO-STORE-01");
  EXPECT_TRUE(CreateSchema(*db_).ok());
  auto v = GetMeta(*db_, "schema_version");
  ASSERT_TRUE(v.ok());
  ASSERT_TRUE(v->has_value());
  EXPECT_EQ(**v, std::to_string(kSchemaVersion));
  for (const auto& t : ProjectionTables())
    EXPECT_TRUE(db_->Exec("SELECT * FROM " + t.name + " ORDER BY " + t.order_by).ok()) << t.name;
  EXPECT_TRUE(SetMeta(*db_, "site_name", "A").ok());
  EXPECT_TRUE(SetMeta(*db_, "site_name", "B").ok());
  auto site = GetMeta(*db_, "site_name");
  ASSERT_TRUE(site.ok() && site->has_value());
  EXPECT_EQ(**site, "B");
  auto none = GetMeta(*db_, "no_such_key");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());
}

TEST_F(StoreTest, TriggersRefuseUpdateAndDelete) {
  ORDO_VERIFIES("P11-05", "ORDO-LEDGER-02");
  Log("ann", "GRAN-01", "one");
  Log("ann", "GRAN-01", "two");
  auto c =
      ledger::SignCheckpoint(2, entries_[1].hash, kT0, GenerateSigningKeyPair().secret_key_hex);
  ASSERT_TRUE(AppendCheckpoint(*db_, c).ok());
  const char* refused[] = {
      "UPDATE ledger SET payload = '{}' WHERE seq = 1",
      "UPDATE ledger SET time_us = time_us + 1",
      "DELETE FROM ledger WHERE seq = 2",
      "DELETE FROM ledger",
      "UPDATE checkpoint SET head_hash = 'x'",
      "DELETE FROM checkpoint",
  };
  for (const char* sql : refused) {
    Status s = db_->Exec(sql);
    ASSERT_FALSE(s.ok()) << sql;
    EXPECT_NE(s.error().message.find("append-only"), std::string::npos) << s.error().message;
  }
  auto rows = QueryEntries(*db_, LedgerQuery{});
  ASSERT_TRUE(rows.ok());
  EXPECT_EQ(*rows, entries_);
  auto cps = ReadCheckpoints(*db_);
  ASSERT_TRUE(cps.ok());
  ASSERT_EQ(cps->size(), 1u);
  EXPECT_EQ(cps->front(), c);
  // A second entry with an existing seq is refused too.
  EXPECT_FALSE(AppendEntry(*db_, entries_[0]).ok());
}

TEST_F(StoreTest, AppendReadHeadAndForEach) {
  auto empty = ReadHead(*db_);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(empty->seq, 0);
  EXPECT_EQ(empty->hash, ledger::kGenesisHash);
  Log("ann", "GRAN-01", "one");
  auto last = Log("bob", "MIX-02", "two", std::nullopt);
  auto head = ReadHead(*db_);
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->seq, last.seq);
  EXPECT_EQ(head->hash, last.hash);
  EXPECT_EQ(head->time_us, last.time_us);
  std::vector<ledger::LedgerEntry> seen;
  ASSERT_TRUE(ForEachEntry(*db_, [&](const ledger::LedgerEntry& e) {
                seen.push_back(e);
                return true;
              }).ok());
  EXPECT_EQ(seen, entries_);  // stored and read back field for field
  int visits = 0;
  ASSERT_TRUE(ForEachEntry(*db_, [&](const ledger::LedgerEntry&) { return ++visits < 1; }).ok());
  EXPECT_EQ(visits, 1);
}

TEST_F(StoreTest, QueryEntriesFilters) {
  ORDO_VERIFIES("DI-09");
  Append("user.created", "system", "1",
         Json{{"user_id", 1}, {"name", "ann"}, {"display_name", "Ann"}, {"roles", {"operator"}}});
  Log("ann", "GRAN-01", "a");     // 2
  Log("bob", "MIX-02", "b");      // 3
  Log("ann", "MIX-02", "c");      // 4
  Log("ann", "GRAN-01", "d", 2);  // 5
  EXPECT_EQ(Seqs({}), (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
  LedgerQuery q;
  q.type = "logbook.entry_recorded";
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{2, 3, 4}));
  q = {};
  q.actor = "ann";
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{2, 4, 5}));
  q = {};
  q.subject = "MIX-02";  // payload subject
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{3, 4}));
  q.subject = "1";  // subject_id
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{1}));
  q = {};
  q.from_us = entries_[2].time_us;  // inclusive
  q.to_us = entries_[4].time_us;    // exclusive
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{3, 4}));
  q = {};
  q.after = 2;
  q.limit = 2;
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{3, 4}));
  q = {};
  q.actor = "ann";
  q.type = "logbook.entry_recorded";
  q.subject = "GRAN-01";
  EXPECT_EQ(Seqs(q), (std::vector<std::int64_t>{2}));
  q.actor = "nobody";
  EXPECT_TRUE(Seqs(q).empty());
}

TEST_F(StoreTest, ProjectsLogbookAndCorrections) {
  ORDO_VERIFIES("DI-04", "ORDO-LOG-01");
  using logbook::FindLogbookEntry;
  using logbook::ListLogbook;
  using logbook::LogbookRow;
  using logbook::ToJson;
  Log("ann", "GRAN-01", "first");      // 1
  Log("bob", "MIX-02", "other");       // 2
  Log("ann", "GRAN-01", "fixed", 1);   // 3
  Log("cy", "GRAN-01", "fixed 2", 1);  // 4

  auto state = FindLogbookEntry(*db_, 1);
  ASSERT_TRUE(state.ok() && state->has_value());
  EXPECT_EQ((*state)->subject, "GRAN-01");
  auto none = FindLogbookEntry(*db_, 77);
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->has_value());

  auto first_page = ListLogbook(*db_, "GRAN-01", 0, 10);
  ASSERT_TRUE(first_page.ok());
  ASSERT_EQ(first_page->size(), 3u);
  const LogbookRow* row = &first_page->back();  // oldest of the subject: seq 1
  ASSERT_EQ(row->seq, 1);
  EXPECT_EQ(row->text, "first");
  EXPECT_EQ(row->actor, "ann");
  EXPECT_EQ(row->time_us, entries_[0].time_us);
  EXPECT_FALSE(row->corrects.has_value());
  EXPECT_EQ(row->corrected_by.size(), 2u);
  const LogbookRow* fix = &(*first_page)[1];  // seq 3
  ASSERT_EQ(fix->seq, 3);
  EXPECT_EQ(fix->corrects, 1);
  EXPECT_EQ(fix->reason, "fix");
  Json j = ToJson(*fix);
  EXPECT_EQ(j["corrects"], 1);
  EXPECT_EQ(j["time"], FormatUtcMicros(entries_[2].time_us));

  auto all = ListLogbook(*db_, "", 0, 10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 4u);
  EXPECT_EQ(all->front().seq, 4);  // newest first
  auto gran = ListLogbook(*db_, "GRAN-01", 4, 10);
  ASSERT_TRUE(gran.ok());
  ASSERT_EQ(gran->size(), 2u);
  EXPECT_EQ((*gran)[0].seq, 3);
  EXPECT_EQ((*gran)[1].seq, 1);
  auto limited = ListLogbook(*db_, "", 0, 1);
  ASSERT_TRUE(limited.ok());
  EXPECT_EQ(limited->size(), 1u);
}

TEST_F(StoreTest, ProjectorAcceptsTypesWithoutProjectionAndRejectsUnknown) {
  ORDO_VERIFIES("ORDO-LEDGER-07");
  auto session = Append("session.login_succeeded", "ann", "1", Json{{"user", "ann"}});
  auto users = access::ListUsers(*db_);
  ASSERT_TRUE(users.ok());
  EXPECT_TRUE(users->empty());
  ledger::LedgerEntry unknown = session;
  unknown.type = "widget.exploded";
  EXPECT_FALSE(ApplyToProjections(*db_, unknown).ok());
  ledger::LedgerEntry misshapen = session;
  misshapen.type = "logbook.entry_recorded";
  misshapen.payload = Json{{"subject", 5}};
  Status s = ApplyToProjections(*db_, misshapen);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.error().message.find("does not fit its schema"), std::string::npos);
}

TEST_F(StoreTest, SigningKeyFile) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  DataDir dir{root_};
  auto missing = ReadSigningKey(dir);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find(dir.SigningKeyPath()), std::string::npos);
  const auto keys = GenerateSigningKeyPair();
  ASSERT_TRUE(WriteSigningKey(dir, keys.secret_key_hex).ok());
  EXPECT_FALSE(WriteSigningKey(dir, keys.secret_key_hex).ok());  // never overwritten
  auto key = ReadSigningKey(dir);
  ASSERT_TRUE(key.ok());
  EXPECT_EQ(*key, keys.secret_key_hex);
  EXPECT_EQ(
      std::filesystem::status(dir.SigningKeyPath()).permissions() & std::filesystem::perms::all,
      std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
}

TEST_F(StoreTest, CheckpointLog) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  DataDir dir{root_};
  std::filesystem::create_directory(dir.KeysDir());
  auto missing = ReadCheckpointLog(dir);  // init always writes it: missing means removed
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.error().message.find(dir.CheckpointLogPath()), std::string::npos);
  const std::string sk = GenerateSigningKeyPair().secret_key_hex;
  auto a = ledger::SignCheckpoint(2, std::string(64, 'a'), kT0, sk);
  auto b = ledger::SignCheckpoint(5, std::string(64, 'b'), kT0 + 1, sk);
  ASSERT_TRUE(AppendCheckpointLog(dir, a).ok());
  ASSERT_TRUE(AppendCheckpointLog(dir, b).ok());
  auto log = ReadCheckpointLog(dir);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(*log, (std::vector<ledger::Checkpoint>{a, b}));
  {
    std::ofstream torn(dir.CheckpointLogPath(), std::ios::app);
    torn << "{\"seq\":8,\"head";  // crash mid-append: tolerated
  }
  log = ReadCheckpointLog(dir);
  ASSERT_TRUE(log.ok());
  EXPECT_EQ(log->size(), 2u);
  {
    std::ofstream more(dir.CheckpointLogPath(), std::ios::app);
    more << "\n" << CanonicalJson(ledger::ToJson(b)) << "\n";  // garbage now mid-file
  }
  EXPECT_FALSE(ReadCheckpointLog(dir).ok());
}

}  // namespace
}  // namespace ordo::store
