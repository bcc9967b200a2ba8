// Row seals across the upgrade that gave eq_source its sealed columns `devices` and
// `node_work_unit` (equipment store migration 3): the first start checks every row against
// the seal it carries over the columns the seal file recorded before sealing it afresh, and
// refuses a row changed before the upgrade; `ordo ledger audit` on the upgraded store checks
// the same way (docs/decisions/0006-projection-integrity.md).
#include <gtest/gtest.h>
#include <stdlib.h>

#include <algorithm>
#include <filesystem>

#include "admin/data_dir_ops.h"
#include "admin/integrity_audit.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/engine.h"
#include "mes/equipment/events.h"
#include "storage/sqlite/sqlite_database.h"
#include "store/row_seal.h"

namespace ordo::equipment {
namespace {

constexpr TimeMicros kT0 = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z

class SealUpgradeTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    char tmpl[] = "/tmp/ordo_seal_upgrade_XXXXXX";
    ASSERT_NE(mkdtemp(tmpl), nullptr);
    root_ = tmpl;
    dir_.root = root_ + "/data";
    admin::InitOptions init;
    init.dir = dir_;
    init.admin_password = "admin-password-1";
    auto r = admin::InitDataDir(init, clock_);
    ASSERT_TRUE(r.ok()) << r.error().message;
    auto e = Start();
    ASSERT_TRUE(e.ok()) << e.error().message;
    // A populated eq_source: a REST source with its API key's hash, an MQTT and a
    // Sparkplug source (recorded as their events; the decisions are tested elsewhere).
    SourceRegistered rest;
    rest.name = "rest-1";
    rest.kind = "rest";
    rest.work_units = {"WU-1"};
    rest.key_hash = std::string(64, 'a');
    SourceRegistered mqtt;
    mqtt.name = "mqtt-1";
    mqtt.kind = "mqtt";
    mqtt.work_units = {"WU-2"};
    mqtt.topics = {"plant/line1/#"};
    SourceRegistered spb;
    spb.name = "spb-1";
    spb.kind = "sparkplug";
    spb.work_units = {"edge", "WU-3"};
    spb.group_id = "plant";
    spb.edge_node = "edge";
    for (const auto& s : {rest, mqtt, spb}) {
      engine::Command c;
      c.actor = engine::Actor{0, "test", "admin", std::nullopt};
      c.decide = [s](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
        return std::vector<ledger::Event>{ledger::MakeEvent(s, kSourceSubject, s.name)};
      };
      auto done = (*e)->SubmitAndWait(std::move(c));
      ASSERT_TRUE(done.ok()) << done.error().message;
    }
    (*e)->Stop();
  }
  void TearDown() override { std::filesystem::remove_all(root_); }

  Result<std::unique_ptr<engine::Engine>> Start() {
    engine::EngineOptions options;
    options.data_dir = dir_;
    options.clock = &clock_;
    return engine::Engine::Start(options);
  }
  // Runs SQL as an attacker (or an old release) would: straight through the SQLite driver.
  void Sql(const std::string& sql) {
    auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }
  static store::GuardedTable OldSourceTable() {
    store::GuardedTable t = *store::FindGuardedTable("eq_source");
    std::erase_if(t.content_columns,
                  [](const std::string& c) { return c == "devices" || c == "node_work_unit"; });
    return t;
  }
  // The store as a release before migration 3 left it, after `ordo upgrade` added the
  // columns: eq_source's seals cover the columns of then, and the seal file records them.
  void SealUnderOldColumns() {
    auto state = store::ReadSealState(dir_);
    ASSERT_TRUE(state.ok() && *state);
    {
      auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE(store::SealAllRows(**db, (*state)->key, OldSourceTable(), 1).ok());
    }
    (*state)->sealed["eq_source"] = store::TableSpec(OldSourceTable());
    ASSERT_TRUE(store::WriteSealState(dir_, **state).ok());
  }
  std::string Recorded() {
    auto state = store::ReadSealState(dir_);
    EXPECT_TRUE(state.ok() && *state);
    return state.ok() && *state ? (*state)->sealed["eq_source"] : "";
  }
  std::string Seals() {
    std::string out;
    auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    auto st = (*db)->PrepareOwned(
        "SELECT row_key || '=' || mac FROM row_seal WHERE tbl = 'eq_source' ORDER BY row_key");
    EXPECT_TRUE(st.ok());
    while (st.ok()) {
      auto row = (*st)->Step();
      if (!row.ok() || !*row) break;
      out += (*st)->Text(0) + "\n";
    }
    return out;
  }

  FakeClock clock_{kT0};
  std::string root_;
  store::DataDir dir_;
};

TEST_F(SealUpgradeTest, AnUntamperedStoreIsSealedAfreshAndStartsAuditsAndReplaysClean) {
  ORDO_VERIFIES("ORDO-SEAL-30");
  ORDO_VERIFIES("ORDO-SEAL-33");
  SealUnderOldColumns();
  const std::string before = Seals();
  {
    auto e = Start();
    ASSERT_TRUE(e.ok()) << e.error().message;
    (*e)->Stop();
  }
  const store::GuardedTable* current = store::FindGuardedTable("eq_source");
  EXPECT_EQ(Recorded(), store::TableSpec(*current));
  EXPECT_NE(Seals(), before);  // sealed afresh over the new columns
  auto report = admin::AuditDataDir(dir_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->violations.empty())
      << report->violations.front().table << " " << report->violations.front().key;
  EXPECT_TRUE(report->notes.empty());
  EXPECT_GE(report->rows_checked, 3);
  auto diffs = admin::ReplayCheck(dir_.DatabasePath());
  ASSERT_TRUE(diffs.ok()) << diffs.error().message;
  EXPECT_TRUE(diffs->empty()) << diffs->front();
}

TEST_F(SealUpgradeTest, AStartThatSealedAfreshButDidNotWriteTheSealFileIsNoViolation) {
  ORDO_VERIFIES("ORDO-SEAL-34");
  SealUnderOldColumns();
  const std::string old_spec = Recorded();
  {
    auto e = Start();
    ASSERT_TRUE(e.ok()) << e.error().message;
    (*e)->Stop();
  }
  // As if that start had stopped between the sealing transaction and the file write.
  auto state = store::ReadSealState(dir_);
  ASSERT_TRUE(state.ok() && *state);
  (*state)->sealed["eq_source"] = old_spec;
  ASSERT_TRUE(store::WriteSealState(dir_, **state).ok());
  auto report = admin::AuditDataDir(dir_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->violations.empty())
      << report->violations.front().table << " " << report->violations.front().key;
  {
    auto e = Start();
    ASSERT_TRUE(e.ok()) << e.error().message;
    (*e)->Stop();
  }
  EXPECT_EQ(Recorded(), store::TableSpec(*store::FindGuardedTable("eq_source")));
  // A row changed after that start is still found, under either column list.
  (*state)->sealed["eq_source"] = old_spec;
  ASSERT_TRUE(store::WriteSealState(dir_, **state).ok());
  Sql("UPDATE eq_source SET key_hash = '" + std::string(64, 'c') + "' WHERE name = 'rest-1'");
  auto e = Start();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kIntegrityViolation);
}

TEST_F(SealUpgradeTest, AKeyHashSwappedBeforeTheUpgradeRefusesTheStartAndKeepsTheSeals) {
  ORDO_VERIFIES("ORDO-SEAL-30");
  SealUnderOldColumns();
  Sql("UPDATE eq_source SET key_hash = '" + std::string(64, 'b') + "' WHERE name = 'rest-1'");
  const std::string seals = Seals();
  auto e = Start();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(e.error().message.find("eq_source name=rest-1"), std::string::npos)
      << e.error().message;
  EXPECT_EQ(e.error().message.find("mqtt-1"), std::string::npos) << e.error().message;
  // Nothing resealed: the file still records the old columns and the seals are as they were,
  // so the next start refuses again.
  EXPECT_EQ(Recorded(), store::TableSpec(OldSourceTable()));
  EXPECT_EQ(Seals(), seals);
  EXPECT_FALSE(Start().ok());
}

TEST_F(SealUpgradeTest, ARecordedColumnTheStoreNoLongerHasRefusesTheStart) {
  ORDO_VERIFIES("ORDO-SEAL-31");
  auto state = store::ReadSealState(dir_);
  ASSERT_TRUE(state.ok() && *state);
  store::GuardedTable dropped = OldSourceTable();
  dropped.content_columns.push_back("site_code");  // a column some release dropped
  (*state)->sealed["eq_source"] = store::TableSpec(dropped);
  ASSERT_TRUE(store::WriteSealState(dir_, **state).ok());
  auto e = Start();
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(e.error().message.find("eq_source"), std::string::npos) << e.error().message;
  EXPECT_NE(e.error().message.find("'site_code'"), std::string::npos) << e.error().message;
  EXPECT_EQ(Recorded(), store::TableSpec(dropped));
  // A recorded list that cannot be read is refused the same way.
  (*state)->sealed["eq_source"] = "name";
  ASSERT_TRUE(store::WriteSealState(dir_, **state).ok());
  auto garbled = Start();
  ASSERT_FALSE(garbled.ok());
  EXPECT_EQ(garbled.error().code, ErrorCode::kFailedPrecondition);
}

TEST_F(SealUpgradeTest, TheAuditOfAnUpgradedStoreNotYetServedChecksTheRecordedColumns) {
  ORDO_VERIFIES("ORDO-SEAL-32");
  SealUnderOldColumns();
  auto clean = admin::AuditDataDir(dir_);
  ASSERT_TRUE(clean.ok()) << clean.error().message;
  EXPECT_TRUE(clean->violations.empty())
      << clean->violations.front().table << " " << clean->violations.front().key;
  ASSERT_EQ(clean->notes.size(), 1u);
  EXPECT_NE(clean->notes[0].find("eq_source"), std::string::npos) << clean->notes[0];
  EXPECT_NE(clean->notes[0].find("ordo serve"), std::string::npos) << clean->notes[0];
  Sql("UPDATE eq_source SET key_hash = '" + std::string(64, 'b') + "' WHERE name = 'rest-1'");
  auto tampered = admin::AuditDataDir(dir_);
  ASSERT_TRUE(tampered.ok()) << tampered.error().message;
  ASSERT_EQ(tampered->violations.size(), 1u);
  EXPECT_EQ(tampered->violations[0].table, "eq_source");
  EXPECT_EQ(tampered->violations[0].key, "name=rest-1");
}

TEST_F(SealUpgradeTest, TheAuditOfAStoreWithoutTheNewColumnsChecksTheRecordedOnes) {
  ORDO_VERIFIES("ORDO-SEAL-32");
  SealUnderOldColumns();
  // Not yet upgraded: the columns migration 3 adds are not there.
  Sql("ALTER TABLE eq_source DROP COLUMN devices");
  Sql("ALTER TABLE eq_source DROP COLUMN node_work_unit");
  auto report = admin::AuditDataDir(dir_);
  ASSERT_TRUE(report.ok()) << report.error().message;
  EXPECT_TRUE(report->violations.empty())
      << report->violations.front().table << " " << report->violations.front().key;
  EXPECT_EQ(report->notes.size(), 1u);
}

}  // namespace
}  // namespace ordo::equipment
