// `ordo restore` end to end (issue 8 section 5b): back up while the server serves writes,
// restore into a new directory, verify, serve it, sign in and read back every entry
// acknowledged before the backup; refusals for an existing or running store and for a
// corrupted backup; flag errors; and a backup taken before row seals existed.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

#ifndef ORDO_FIXTURES_DIR
#error "ORDO_FIXTURES_DIR must name tests/fixtures"
#endif

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

// Every file below `dir` with its bytes.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.is_regular_file()) out[fs::relative(e.path(), dir).string()] = ReadFile(e.path());
  return out;
}

// The first number `sql` yields on the store file `path` (-1 when it cannot be read).
std::int64_t Count(const std::string& path, const std::string& sql) {
  auto db = storage::OpenSqlite(path, storage::OpenMode::kReadOnly);
  if (!db.ok()) return -1;
  auto n = storage::FirstRow<std::int64_t>(**db, sql, storage::NoBind,
                                           [](const storage::Statement& s) { return s.Int(0); });
  return n.ok() && *n ? **n : -1;
}

class RestoreTest : public ApiTest {
 protected:
  // Restores as the demo admin, authenticated against the backup.
  RunResult Restore(const std::string& backup, const std::string& target) {
    const std::string password_file = sandbox_.file("restorer.pw");
    WriteFile(password_file, sandbox_.user("admin").password + "\n");
    return sandbox_.Ordo({"restore", "--from", backup, "--keys", sandbox_.data() + "/keys",
                          "--data", target, "--user", sandbox_.user("admin").name,
                          "--password-file", password_file});
  }
  std::string BackupNow(const std::string& name) {
    const std::string file = sandbox_.file(name);
    RunResult b = sandbox_.Ordo({"backup", "--data", sandbox_.data(), "--to", file});
    EXPECT_EQ(b.status.code, 0) << b.Describe();
    return file;
  }
};

TEST_F(RestoreTest, BackupUnderWritesRestoresEveryAcknowledgedEntry) {
  ORDO_VERIFIES("A11-05", "DI-08", "P11-03", "ORDO-STORE-05", "ORDO-STORE-06", "ORDO-STORE-07");
  const std::string op = TokenFor("operator");
  std::mutex mu;
  std::vector<std::int64_t> acknowledged;  // guarded by mu
  std::atomic<bool> stop{false};
  std::atomic<int> failures{0};
  std::thread writer([&] {
    for (int i = 0; !stop; ++i) {
      HttpReply r =
          http().Post("/api/v1/logbook", LogbookEntry("restore load " + std::to_string(i)), op);
      if (r.status != 201) {
        ++failures;
        continue;
      }
      std::lock_guard<std::mutex> lock(mu);
      acknowledged.push_back(r.json()["entry"]["seq"].get<std::int64_t>());
    }
  });
  auto count = [&] {
    std::lock_guard<std::mutex> lock(mu);
    return acknowledged.size();
  };
  auto wait_for = [&](std::size_t n) {
    for (int i = 0; i < 6000 && count() < n; ++i)
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
  };
  wait_for(20);
  std::vector<std::int64_t> before_backup;
  {
    std::lock_guard<std::mutex> lock(mu);
    before_backup = acknowledged;
  }
  const std::string backup = BackupNow("under-load.db");  // while the writer goes on
  wait_for(before_backup.size() + 10);
  stop = true;
  writer.join();
  EXPECT_EQ(failures, 0);
  ASSERT_GE(before_backup.size(), 20u);
  ASSERT_GE(count(), before_backup.size() + 10) << "writes went on during and after the backup";

  const std::string restored = sandbox_.file("restored");
  RunResult r = Restore(backup, restored);
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  EXPECT_NE(r.out.find("store.restored at seq"), std::string::npos) << r.Describe();
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", restored});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", restored});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();

  fs::create_directories(sandbox_.file("restored-logs"));
  OrdoServer server2(restored, sandbox_.file("restored-logs"));
  std::string error;
  ASSERT_TRUE(server2.Start(&error)) << error;
  HttpClient c2 = server2.Client();
  const std::string op2 =
      Login(c2, sandbox_.user("operator").name, sandbox_.user("operator").password);
  ASSERT_FALSE(op2.empty()) << "the restored site's users sign in as before";
  std::vector<Json> rows = AllLogbook(c2, op2, &error);
  ASSERT_TRUE(error.empty()) << error;
  std::set<std::int64_t> present;
  for (const auto& row : rows) present.insert(row["seq"].get<std::int64_t>());
  for (std::int64_t seq : before_backup)
    EXPECT_EQ(present.count(seq), 1u) << "entry " << seq << " was acknowledged before the backup";

  // The restore is the first entry after the backup's head, with who and what.
  const std::string admin2 =
      Login(c2, sandbox_.user("admin").name, sandbox_.user("admin").password);
  std::vector<Json> ledger = AllLedger(c2, admin2, &error);
  ASSERT_TRUE(error.empty()) << error;
  int restores = 0;
  for (std::size_t i = 0; i < ledger.size(); ++i) {
    if (ledger[i]["type"] != "store.restored") continue;
    ++restores;
    const Json& p = ledger[i]["payload"];
    EXPECT_EQ(p["source_head_seq"].get<std::int64_t>() + 1, ledger[i]["seq"].get<std::int64_t>());
    ASSERT_GT(i, 0u);
    EXPECT_EQ(ledger[i - 1]["seq"], p["source_head_seq"]);
    EXPECT_EQ(p["backup_file"], "under-load.db");
    EXPECT_EQ(p["backup_sha256"].get<std::string>().size(), 64u);
    EXPECT_EQ(ledger[i]["actor"], sandbox_.user("admin").name) << ledger[i].dump();
    EXPECT_EQ(ledger[i]["origin"]["address"], "local") << ledger[i].dump();
  }
  EXPECT_EQ(restores, 1);
  EXPECT_TRUE(server2.Stop().has_value());
}

TEST_F(RestoreTest, RefusesAStoreInUseOrExistingAndChangesNothing) {
  ORDO_VERIFIES("A11-05", "ORDO-STORE-05");
  const std::string backup = BackupNow("b.db");
  // The running server's own directory: in use.
  RunResult in_use = Restore(backup, sandbox_.data());
  EXPECT_EQ(in_use.status.code, 2) << in_use.Describe();
  EXPECT_NE(in_use.err.find("in use"), std::string::npos) << in_use.Describe();
  // Another site's store, stopped.
  WriteFile(sandbox_.file("other.pw"), "other-site-admin-pw\n");
  const std::string other = sandbox_.file("other");
  RunResult init = sandbox_.Ordo({"init", "--data", other, "--site", "other",
                                  "--admin-password-file", sandbox_.file("other.pw")});
  ASSERT_EQ(init.status.code, 0) << init.Describe();
  const auto before = Snapshot(other);
  RunResult existing = Restore(backup, other);
  EXPECT_EQ(existing.status.code, 2) << existing.Describe();
  EXPECT_NE(existing.err.find("already holds an ordo store"), std::string::npos)
      << existing.Describe();
  EXPECT_EQ(Snapshot(other), before) << "nothing in the existing store changed";
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", other});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
}

TEST_F(RestoreTest, CorruptedBackupIsRefusedAndLeavesNoStore) {
  ORDO_VERIFIES("A11-05", "DI-08", "ORDO-STORE-05");
  const std::string op = TokenFor("operator");
  Write(op, LogbookEntry("corrupt-me-unique-text"));
  const std::string backup = BackupNow("good.db");
  const std::string bytes = ReadFile(backup);
  // The text is in the ledger entry and in the logbook projection: flip a byte in the
  // first and in the last copy (the chain, or the replay check, must notice).
  const std::size_t first = bytes.find("corrupt-me-unique-text");
  const std::size_t last = bytes.rfind("corrupt-me-unique-text");
  ASSERT_NE(first, std::string::npos);
  int n = 0;
  for (std::size_t at : {first, last}) {
    SCOPED_TRACE("byte flipped at offset " + std::to_string(at + 3));
    std::string flipped = bytes;
    flipped[at + 3] ^= 0x01;
    const std::string file = sandbox_.file("flipped-" + std::to_string(n) + ".db");
    WriteFile(file, flipped);
    const std::string target = sandbox_.file("target-" + std::to_string(n++));
    RunResult r = Restore(file, target);
    EXPECT_EQ(r.status.code, 1) << r.Describe();
    EXPECT_NE(r.err.find("restore refused"), std::string::npos) << r.Describe();
    EXPECT_FALSE(fs::exists(target + "/ordo.db"));
    EXPECT_FALSE(fs::exists(target + "/keys"));
    RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", target});
    EXPECT_NE(verify.status.code, 0) << verify.Describe();
  }
  // The intact backup restores.
  RunResult ok = Restore(backup, sandbox_.file("target-good"));
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
}

TEST_F(RestoreTest, UsageErrorsExitTwoNamingTheFlagAndCreateNothing) {
  ORDO_VERIFIES("A11-05", "ORDO-STORE-05");
  const std::string backup = BackupNow("usage.db");
  WriteFile(sandbox_.file("restorer.pw"), sandbox_.user("admin").password + "\n");
  const std::string target = sandbox_.file("usage-target");
  const std::vector<std::string> rest{"--data",          target,
                                      "--user",          sandbox_.user("admin").name,
                                      "--password-file", sandbox_.file("restorer.pw")};
  auto restore = [&](std::vector<std::string> args) {
    args.insert(args.begin(), "restore");
    args.insert(args.end(), rest.begin(), rest.end());
    return sandbox_.Ordo(args);
  };
  const std::string keys = sandbox_.data() + "/keys";
  struct Case {
    std::vector<std::string> args;
    std::string flag;
  };
  const std::vector<Case> cases{
      {{"--keys", keys}, "--from"},                                              // missing
      {{"--from", "", "--keys", keys}, "--from"},                                // empty
      {{"--from", sandbox_.file("no-such.db"), "--keys", keys}, "--from"},       // no file
      {{"--from", backup}, "--keys"},                                            // missing
      {{"--from", backup, "--keys", sandbox_.file("no-such-keys")}, "--keys"}};  // no folder
  for (const auto& c : cases) {
    RunResult r = restore(c.args);
    EXPECT_EQ(r.status.code, 2) << r.Describe();
    EXPECT_NE(r.err.find(c.flag), std::string::npos) << r.Describe();
    EXPECT_FALSE(fs::exists(target)) << r.Describe();
  }
  // Every command's flag errors exit 2 as well; --help still exits 0.
  RunResult add = sandbox_.Ordo({"user", "add", "--data", sandbox_.data()});
  EXPECT_EQ(add.status.code, 2) << add.Describe();
  EXPECT_NE(add.err.find("--name"), std::string::npos) << add.Describe();
  EXPECT_EQ(sandbox_.Ordo({"restore", "--help"}).status.code, 0);
  // With the flags right, the same backup restores.
  RunResult ok = restore({"--from", backup, "--keys", keys});
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
}

TEST(RestoreBeforeSealsTest, ABackupFromBeforeRowSealsRestoresServesAndInventsNoSeals) {
  ORDO_VERIFIES("A11-05", "DI-08", "P11-03", "ORDO-STORE-02", "ORDO-STORE-05", "ORDO-INTEGRITY-07");
  // The store release 0.1.0 wrote (no row_seal table, no keys/row-seals.json), copied.
  TempDir tmp("ordo-restore-pre-seal");
  const std::string site = tmp / "site";
  fs::copy(std::string(ORDO_FIXTURES_DIR) + "/release-0.1.0", site, fs::copy_options::recursive);
  fs::permissions(site, fs::perms::owner_all);
  fs::permissions(site + "/keys", fs::perms::owner_all);
  for (const auto& e : fs::recursive_directory_iterator(site))
    if (e.is_regular_file())
      fs::permissions(e.path(), fs::perms::owner_read | fs::perms::owner_write);
  std::map<std::string, Credentials> users;
  {
    std::istringstream in(ReadFile(site + "/demo-credentials.txt"));
    static const std::regex line(R"(demo user: (\S+) role: (\S+) password: (\S+))");
    for (std::string l; std::getline(in, l);) {
      std::smatch m;
      if (std::regex_search(l, m, line)) users[m[2]] = Credentials{m[1], m[2], m[3]};
    }
  }
  ASSERT_TRUE(users.count("admin") && users.count("operator"));
  auto ordo = [&](std::vector<std::string> args) {
    args.insert(args.begin(), OrdoBinary());
    return ordo::testing::Run(args, tmp.path());
  };
  const std::string backup = tmp / "before-seals.db";
  RunResult b = ordo({"backup", "--data", site, "--to", backup});
  ASSERT_EQ(b.status.code, 0) << b.Describe();
  ASSERT_EQ(Count(backup, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'row_seal'"), 0)
      << "the backup is from before row seals";
  const std::int64_t source_head = Count(backup, "SELECT MAX(seq) FROM ledger");
  ASSERT_GT(source_head, 0);
  WriteFile(tmp / "admin.pw", users["admin"].password + "\n");
  // Restores the backup into `restored` with the site's keys/ as they are now, checks it
  // and serves it.
  auto restore_and_serve = [&](const std::string& restored) {
    SCOPED_TRACE(restored);
    const bool site_has_seal_key = fs::exists(site + "/keys/row-seals.json");
    RunResult r = ordo({"restore", "--from", backup, "--keys", site + "/keys", "--data", restored,
                        "--user", users["admin"].name, "--password-file", tmp / "admin.pw"});
    ASSERT_EQ(r.status.code, 0) << r.Describe();
    // No seal it cannot have: a seal key of the site is not copied, and every seal in the
    // restored store was made at the restore (after its rows were verified against a
    // replay of its ledger), none claims an earlier entry.
    ASSERT_TRUE(fs::exists(restored + "/keys/row-seals.json"));
    if (site_has_seal_key)
      EXPECT_NE(ReadFile(restored + "/keys/row-seals.json"),
                ReadFile(site + "/keys/row-seals.json"));
    const std::string db = restored + "/ordo.db";
    EXPECT_GT(Count(db, "SELECT COUNT(*) FROM row_seal"), 0);
    EXPECT_EQ(
        Count(db, "SELECT COUNT(*) FROM row_seal WHERE seq <> " + std::to_string(source_head)), 0);
    for (const char* check : {"verify", "audit"}) {
      RunResult c = ordo({"ledger", check, "--data", restored});
      EXPECT_EQ(c.status.code, 0) << c.Describe();
    }
    RunResult replay = ordo({"ledger", "replay", "--check", "--data", restored});
    EXPECT_EQ(replay.status.code, 0) << replay.Describe();
    // It serves, and the demo users sign in with their passwords of release 0.1.0.
    fs::create_directories(restored + "-logs");
    OrdoServer server(restored, restored + "-logs");
    std::string error;
    ASSERT_TRUE(server.Start(&error)) << error;
    HttpClient c = server.Client();
    for (const char* role : {"admin", "operator", "quality"}) {
      HttpReply reply;
      EXPECT_FALSE(Login(c, users[role].name, users[role].password, &reply).empty())
          << role << ": " << reply.Describe();
    }
    const std::string admin = Login(c, users["admin"].name, users["admin"].password);
    std::vector<Json> ledger = AllLedger(c, admin, &error);
    ASSERT_TRUE(error.empty()) << error;
    ASSERT_GT(ledger.size(), static_cast<std::size_t>(source_head));
    EXPECT_EQ(ledger[source_head]["type"], "store.restored");
    EXPECT_TRUE(server.Stop().has_value());
  };
  // The site's keys/ as release 0.1.0 left them: no seal key anywhere.
  ASSERT_FALSE(fs::exists(site + "/keys/row-seals.json"));
  restore_and_serve(tmp / "restored-a");
  // The site then served by this release (upgraded, its rows sealed under a key of its
  // own): the keys/ copy holds a seal key the backup never had.
  {
    OrdoServer live(site, tmp.path());
    std::string error;
    ASSERT_TRUE(live.Start(&error)) << error;
    ASSERT_TRUE(live.Stop().has_value());
  }
  ASSERT_TRUE(fs::exists(site + "/keys/row-seals.json"));
  restore_and_serve(tmp / "restored-b");
}

}  // namespace
}  // namespace ordo::testing
