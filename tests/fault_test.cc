// Fault injection: a failed flush (the disk "fills up" under the server) must surface
// as an error, stop the writer with a clear log line and a non-zero exit, and lose
// nothing that was acknowledged (ARCHITECTURE.md section 8, invariant 4).
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

long FileSizeKib(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return -1;
  return static_cast<long>(st.st_size / 1024);
}

TEST(FaultTest, FailedFlushStopsTheWriterAndLosesNothingAcknowledged) {
  ORDO_VERIFIES("A11-14", "ORDO-ENGINE-02");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  const long db_kib = FileSizeKib(sandbox.data() + "/ordo.db");
  ASSERT_GT(db_kib, 0);

  OrdoServer server(sandbox.data(), sandbox.root());
  // Room for the login and a handful of commits in the WAL, then writes fail (EFBIG).
  server.set_file_size_limit_kib(db_kib + 160);
  ASSERT_TRUE(server.Start(&error)) << error;
  HttpClient client = server.Client();
  const Credentials& op = sandbox.user("operator");
  HttpReply login;
  const std::string token = Login(client, op.name, op.password, &login);
  ASSERT_FALSE(token.empty()) << login.Describe() << server.Logs();

  struct Acked {
    std::int64_t seq;
    std::string text;
  };
  std::vector<Acked> acked;
  int refused = 0;
  for (int i = 0; i < 2000 && server.Running(); ++i) {
    const std::string text = "fault-write-" + std::to_string(i) + " " + std::string(200, 'x');
    HttpReply r = client.Post("/api/v1/logbook", LogbookEntry(text, "FAULT-1"), token);
    if (r.status == 201) {
      acked.push_back({r.json()["entry"].value("seq", std::int64_t{0}), text});
      continue;
    }
    if (r.status == 0) break;  // the server went away: expected once a flush fails
    // Any other answer must be an error, never a success that is not durable.
    EXPECT_GE(r.status, 500) << r.Describe();
    ++refused;
  }
  auto status = server.Stop(std::chrono::seconds(20));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->signal, 0) << status->ToString();
  EXPECT_NE(status->code, 0) << "a failed flush must end the server with a non-zero exit\n"
                             << server.Logs();
  const std::string logs = ReadFile(server.stdout_path()) + ReadFile(server.stderr_path());
  EXPECT_NE(logs.find("commit (flush) failed"), std::string::npos) << server.Logs();
  EXPECT_FALSE(acked.empty()) << "some writes should fit before the limit\n" << server.Logs();

  // Without the limit: every acknowledged write is there and the store is consistent.
  OrdoServer again(sandbox.data(), sandbox.root());
  ASSERT_TRUE(again.Start(&error)) << error;
  HttpClient client2 = again.Client();
  const std::string token2 = Login(client2, op.name, op.password);
  ASSERT_FALSE(token2.empty());
  std::vector<Json> rows = AllLogbook(client2, token2, &error);
  ASSERT_EQ(error, "");
  for (const auto& a : acked) {
    bool found = false;
    for (const auto& row : rows)
      found =
          found || (row.value("seq", std::int64_t{0}) == a.seq && row.value("text", "") == a.text);
    EXPECT_TRUE(found) << "acknowledged write seq " << a.seq << " was lost";
  }
  auto stopped = again.Stop();
  ASSERT_TRUE(stopped.has_value());
  EXPECT_EQ(stopped->code, 0);
  RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  std::printf("fault test: %zu writes acknowledged, %d refused with 5xx before the exit\n",
              acked.size(), refused);
}

}  // namespace
}  // namespace ordo::testing
