// Graceful shutdown: SIGTERM while clients write. The server must exit 0, and every
// write it acknowledged must be in the store after a restart.
#include <gtest/gtest.h>

#include <atomic>
#include <map>
#include <mutex>
#include <thread>

#include "core/testing/verifies.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

TEST(ShutdownTest, SigtermRightAfterListeningDrainsInsteadOfKilling) {
  ORDO_VERIFIES("A11-14", "ORDO-ENGINE-04");
  // A supervisor may stop the server the moment it says it listens: the signal handler
  // must already be in place then (it was installed just after the announcement once,
  // and a SIGTERM in between killed the process with 143). The window was small: this
  // test met it under load, not on an idle machine, so it repeats the start and stop.
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  OrdoServer server(sandbox.data(), sandbox.root());
  for (int i = 0; i < 10; ++i) {
    ASSERT_TRUE(server.Start(&error)) << error;
    auto status = server.Stop();
    ASSERT_TRUE(status.has_value()) << server.Logs();
    EXPECT_EQ(status->code, 0) << "run " << i << ": " << status->ToString() << "\n"
                               << server.Logs();
  }
}

TEST(ShutdownTest, SigtermWhileWritingKeepsEveryAcknowledgedWrite) {
  ORDO_VERIFIES("A11-14", "ORDO-ENGINE-04");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  OrdoServer server(sandbox.data(), sandbox.root());
  ASSERT_TRUE(server.Start(&error)) << error;

  const std::vector<std::string> roles{"operator", "supervisor", "quality", "engineer"};
  std::vector<std::string> tokens;
  for (const auto& role : roles) {
    HttpReply r;
    tokens.push_back(
        Login(server.Client(), sandbox.user(role).name, sandbox.user(role).password, &r));
    ASSERT_FALSE(tokens.back().empty()) << r.Describe();
  }

  std::mutex mu;
  std::map<std::string, std::int64_t> acked;  // text -> seq
  std::vector<std::string> unexpected;
  std::atomic<int> acked_count{0};
  std::vector<std::thread> writers;
  for (std::size_t t = 0; t < roles.size(); ++t) {
    writers.emplace_back([&, t] {
      HttpClient c = server.Client();
      c.set_timeout_seconds(30);
      for (int n = 0; n < 100000; ++n) {
        const std::string text = "shutdown t" + std::to_string(t) + " n" + std::to_string(n);
        Headers h;
        if (n % 2) h.emplace_back("Idempotency-Key", "k-" + text);
        HttpReply r = c.Post("/api/v1/logbook", LogbookEntry(text, "LINE-" + std::to_string(t)),
                             tokens[t], h);
        if (r.status == 201) {
          std::lock_guard<std::mutex> lock(mu);
          acked[text] = r.json()["entry"]["seq"].get<std::int64_t>();
          ++acked_count;
          continue;
        }
        // After SIGTERM: refused connections (status 0) or 503 are expected; nothing else.
        if (r.status != 0 && r.status != 503) {
          std::lock_guard<std::mutex> lock(mu);
          unexpected.push_back(text + ": " + r.Describe());
        }
        return;
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (acked_count < 200 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  EXPECT_GE(acked_count.load(), 200) << "clients could not write";
  auto stopped = server.Stop(std::chrono::seconds(30));
  for (auto& w : writers) w.join();
  ASSERT_TRUE(stopped.has_value()) << "no exit within 30 s of SIGTERM\n" << server.Logs();
  EXPECT_EQ(stopped->code, 0) << stopped->ToString() << "\n" << server.Logs();
  EXPECT_TRUE(unexpected.empty()) << unexpected.size()
                                  << " unexpected replies, first: " << unexpected.front();

  RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();

  ASSERT_TRUE(server.Start(&error)) << error;
  const std::string reader =
      Login(server.Client(), sandbox.user("operator").name, sandbox.user("operator").password);
  ASSERT_FALSE(reader.empty());
  std::vector<Json> rows = AllLogbook(server.Client(), reader, &error);
  ASSERT_EQ(error, "");
  std::map<std::string, std::int64_t> stored;
  for (const auto& row : rows) {
    const std::string text = row["text"].get<std::string>();
    EXPECT_EQ(stored.count(text), 0u) << "duplicate entry " << text;
    stored[text] = row["seq"].get<std::int64_t>();
  }
  std::size_t missing = 0;
  for (const auto& [text, seq] : acked) {
    auto it = stored.find(text);
    if (it == stored.end()) {
      if (++missing <= 5)
        ADD_FAILURE() << "acknowledged write lost: " << text << " (seq " << seq << ")";
    } else {
      EXPECT_EQ(it->second, seq) << text;
    }
  }
  EXPECT_EQ(missing, 0u) << "of " << acked.size() << " acknowledged writes";
  std::printf("acknowledged %zu writes, %zu stored\n", acked.size(), stored.size());
  stopped = server.Stop();
  ASSERT_TRUE(stopped.has_value());
  EXPECT_EQ(stopped->code, 0) << server.Logs();
  verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
}

}  // namespace
}  // namespace ordo::testing
