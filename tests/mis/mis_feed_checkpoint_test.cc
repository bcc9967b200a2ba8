// The MIS's check of a real MES's signed checkpoints beyond the signature
// (mis_feed_test.cc has the verified and the wrong-key cases): checkpoints that stop
// coming raise checkpoint_overdue, which leaves the feed following and is resolved by the
// next checkpoint verified; a checkpoint signed by the site's own key over another chain
// (a second MES holding the same key, its answers spliced in by a proxy) stops the feed
// with checkpoint_mismatch before anything of its page is stored (issue 13 section 1).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include "core/testing/verifies.h"
#include "mis_feed_fixture.h"
#include "split_mes_proxy.h"

namespace ordo::testing {
namespace {

namespace fs = std::filesystem;

class MisFeedCheckpointTest : public MisFeedFixture {
 protected:
  // Restarts the MES so that it never signs a checkpoint by itself (only on POST
  // /api/v1/ledger/checkpoint and when it stops); its stop now signs the head.
  void RestartMesWithoutCheckpoints() {
    ASSERT_TRUE(server_->Stop().has_value());
    const std::string logs = mis_sandbox_.file("mes-logs");
    fs::create_directories(logs);
    server_ =
        std::make_unique<OrdoServer>(sandbox_.data(), logs,
                                     std::vector<std::string>{"--checkpoint-every", "10000000",
                                                              "--checkpoint-seconds", "86400"});
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
  }
  // The checkpoint_overdue alarms of a feed status.
  static std::vector<Json> Overdue(const Json& status) {
    std::vector<Json> out;
    for (const auto& a : status["alarms"])
      if (a.value("kind", "") == "checkpoint_overdue") out.push_back(a);
    return out;
  }
};

// An MES that stops signing: more entries than --checkpoint-overdue-entries past the
// newest verified checkpoint raise checkpoint_overdue at the cursor, once; the feed goes
// on following and taking entries; the next checkpoint verified resolves the alarm.
TEST_F(MisFeedCheckpointTest, TooManyEntriesWithoutACheckpointRaiseAnAlarmThatDoesNotStopTheFeed) {
  ORDO_VERIFIES("ORDO-MISFEED-36", "ORDO-MISFEED-37");
  const std::string key = SitePublicKey();
  ASSERT_EQ(key.size(), 64u);
  // The flags are checked at start, naming themselves.
  for (const auto& [flags, field] :
       {std::pair{std::vector<std::string>{"--mes-public-key", key, "--checkpoint-overdue-entries",
                                           "many"},
                  "checkpoint-overdue-entries"},
        std::pair{std::vector<std::string>{"--checkpoint-overdue-seconds", "60"},
                  "checkpoint-overdue-seconds"}}) {
    std::vector<std::string> args = {"serve", "--data", mis_sandbox_.data(), "--listen",
                                     "127.0.0.1:0"};
    for (const auto& flag : FeedFlags(server_->port(), mis_sandbox_.file("mes-password")))
      args.push_back(flag);
    args.insert(args.end(), flags.begin(), flags.end());
    RunResult refused = RunMis(args, mis_sandbox_.root());
    EXPECT_EQ(refused.status.code, 2) << refused.Describe();
    EXPECT_NE(refused.err.find(std::string("--") + field), std::string::npos) << refused.Describe();
  }

  ASSERT_NO_FATAL_FAILURE(RestartMesWithoutCheckpoints());
  mis_ = StartMis(mis_sandbox_.data(), "",
                  {"--mes-public-key", key, "--checkpoint-overdue-entries", "5"});
  const std::string token = MisAdmin(*mis_);
  const Json caught_up = WaitCaughtUp(*mis_, token);
  const std::int64_t verified = caught_up["checkpoint_verified_seq"];
  ASSERT_GT(verified, 0) << "the checkpoint the MES signed when it stopped: " << caught_up.dump();
  ASSERT_LE(caught_up["cursor"]["seq"].get<std::int64_t>() - verified, 5) << caught_up.dump();
  EXPECT_TRUE(caught_up["alarms"].empty()) << caught_up.dump();

  // Six entries more, none signed: more than 5 past the newest verified checkpoint.
  for (int i = 0; i < 6; ++i)
    Send(Json::array(
             {State("2026-01-05T06:0" + std::to_string(i) + ":00Z", i % 2 ? "down" : "running")}),
         Json::array());
  Json overdue = WaitFeed(*mis_, token, [](const Json& s) { return !Overdue(s).empty(); });
  ASSERT_EQ(Overdue(overdue).size(), 1u) << overdue.dump();
  const Json alarm = Overdue(overdue)[0];
  EXPECT_GT(alarm["seq"].get<std::int64_t>(), verified + 5) << overdue.dump();
  EXPECT_LE(alarm["seq"].get<std::int64_t>(), overdue["cursor"]["seq"].get<std::int64_t>());
  EXPECT_TRUE(alarm["resolved_at"].is_null()) << overdue.dump();
  EXPECT_NE(alarm["detail"].get<std::string>().find("--checkpoint-overdue-entries"),
            std::string::npos)
      << overdue.dump();
  EXPECT_EQ(overdue["state"], "following") << "not stopped: " << overdue.dump();
  EXPECT_EQ(overdue["checkpoint_verified_seq"], verified) << overdue.dump();
  EXPECT_NE(mis_->Logs().find("ALARM checkpoint_overdue"), std::string::npos) << mis_->Logs();

  // The feed goes on taking entries, and the alarm is not raised again for each page.
  for (int i = 0; i < 3; ++i)
    Send(Json::array({State("2026-01-05T07:0" + std::to_string(i) + ":00Z", "running")}),
         Json::array());
  const Json later = WaitCaughtUp(*mis_, token);
  EXPECT_GT(later["cursor"]["seq"].get<std::int64_t>(), alarm["seq"].get<std::int64_t>());
  EXPECT_EQ(Overdue(later).size(), 1u) << later.dump();
  EXPECT_EQ(later["state"], "following") << later.dump();

  // The MES signs its head: verified, and the alarm is resolved (kept, with its time).
  const std::int64_t signed_at = SignHead();
  ASSERT_GE(signed_at, alarm["seq"].get<std::int64_t>());
  Json resolved = WaitFeed(*mis_, token, [signed_at](const Json& s) {
    return s.value("checkpoint_verified_seq", std::int64_t{0}) >= signed_at;
  });
  ASSERT_EQ(Overdue(resolved).size(), 1u) << resolved.dump();
  EXPECT_EQ(Overdue(resolved)[0]["id"], alarm["id"]) << resolved.dump();
  EXPECT_TRUE(Overdue(resolved)[0]["resolved_at"].is_string()) << resolved.dump();
  EXPECT_EQ(resolved["state"], "following") << resolved.dump();
}

// The same by time: entries taken past the newest verified checkpoint that wait longer
// than --checkpoint-overdue-seconds raise checkpoint_overdue (the count alone is off).
TEST_F(MisFeedCheckpointTest, EntriesWaitingTooLongForACheckpointRaiseAnAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-36");
  const std::string key = SitePublicKey();
  ASSERT_NO_FATAL_FAILURE(RestartMesWithoutCheckpoints());
  mis_ = StartMis(mis_sandbox_.data(), "",
                  {"--mes-public-key", key, "--checkpoint-overdue-entries", "0",
                   "--checkpoint-overdue-seconds", "1"});
  const std::string token = MisAdmin(*mis_);
  WaitCaughtUp(*mis_, token);
  Send(Json::array({State("2026-01-05T06:00:00Z", "running")}), Json::array());
  Json overdue = WaitFeed(*mis_, token, [](const Json& s) { return !Overdue(s).empty(); });
  ASSERT_EQ(Overdue(overdue).size(), 1u) << overdue.dump();
  EXPECT_NE(Overdue(overdue)[0]["detail"].get<std::string>().find("--checkpoint-overdue-seconds"),
            std::string::npos)
      << overdue.dump();
  EXPECT_EQ(overdue["state"], "following") << overdue.dump();
}

// A checkpoint validly signed by the site's key over another chain. Two real MES servers
// hold the same key: the second is a copy of the first's data directory, and both then
// write different entries. A proxy gives the MIS the first's entries and the second's
// checkpoints: the second signs its head at a seq of the MIS's next page, so the
// signature verifies under the pinned key and the hash it signs is not the entry's.
TEST_F(MisFeedCheckpointTest, ACheckpointOfTheSitesKeyOverAnotherChainStopsTheFeed) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  const std::string key = SitePublicKey();
  ASSERT_EQ(key.size(), 64u);
  ASSERT_TRUE(server_->Stop().has_value());
  const std::string fork_dir = mis_sandbox_.file("mes-fork");
  fs::copy(sandbox_.data(), fork_dir, fs::copy_options::recursive);
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  const std::string fork_logs = mis_sandbox_.file("mes-fork-logs");
  fs::create_directories(fork_logs);
  OrdoServer fork(fork_dir, fork_logs);
  ASSERT_TRUE(fork.Start(&error)) << error;
  const HttpClient other = fork.Client();
  const std::string feed_on_fork = Login(other, kFeedUser, kFeedPassword);
  ASSERT_FALSE(feed_on_fork.empty());
  SplitMesProxy proxy(server_->port(), fork.port(), feed_on_fork);
  ASSERT_TRUE(proxy.Start(&error)) << error;

  // Through the proxy the MIS follows: up to here both MES hold the same checkpoints.
  mis_ = StartMis(mis_sandbox_.data(), "", {"--mes-public-key", key}, proxy.port());
  const std::string token = MisAdmin(*mis_);
  const Json caught_up = WaitCaughtUp(*mis_, token);
  const std::int64_t cursor = caught_up["cursor"]["seq"];
  const std::int64_t verified = caught_up["checkpoint_verified_seq"];
  EXPECT_GT(verified, 0) << caught_up.dump();
  EXPECT_TRUE(caught_up["alarms"].empty()) << caught_up.dump();
  EXPECT_GT(proxy.checkpoint_requests(), 0);
  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());

  // The copy writes other entries past the cursor and signs its head there; the first
  // writes on past that seq.
  const Credentials& admin = sandbox_.user("admin");
  const std::string fork_admin = Login(other, admin.name, admin.password);
  ASSERT_FALSE(fork_admin.empty());
  for (int i = 0; HeadSeq(other) < cursor + 2; ++i) {
    HttpReply r = other.Post("/api/v1/equipment-data",
                             Json{{"source", kFeedSource},
                                  {"seq", 100'000 + i},
                                  {"states", Json::array({State("2026-01-05T09:00:00Z", "down")})},
                                  {"counts", Json::array()}},
                             key_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }
  HttpReply signed_reply = other.Request("POST", "/api/v1/ledger/checkpoint", "", fork_admin);
  ASSERT_EQ(signed_reply.status, 200) << signed_reply.Describe();
  const std::int64_t forged_at = signed_reply.json().value("checkpoint_seq", std::int64_t{0});
  ASSERT_GT(forged_at, cursor);
  while (HeadSeq(http()) < forged_at + 1)
    Send(Json::array({State("2026-01-05T08:00:00Z", "running")}), Json::array());

  mis_ = StartMis(mis_sandbox_.data(), "", {"--mes-public-key", key}, proxy.port());
  const std::string again = MisAdmin(*mis_);
  Json stopped = WaitFeed(*mis_, again, [](const Json& s) { return s["state"] == "stopped"; });
  ASSERT_FALSE(stopped["alarms"].empty()) << stopped.dump();
  EXPECT_EQ(stopped["alarms"][0]["kind"], "checkpoint_mismatch") << stopped.dump();
  EXPECT_EQ(stopped["alarms"][0]["seq"], forged_at) << stopped.dump();
  // Nothing of the page is stored: the cursor and the newest verified checkpoint are
  // where they were, and no row past the cursor.
  EXPECT_EQ(stopped["cursor"]["seq"], cursor) << stopped.dump();
  EXPECT_EQ(stopped["checkpoint_verified_seq"], verified) << stopped.dump();
  client::HttpReply after =
      mis_->Client().Get("/api/v1/feed/entries?first=" + std::to_string(cursor + 1) +
                             "&last=" + std::to_string(cursor + 1000),
                         again);
  ASSERT_EQ(after.status, 200) << after.Describe();
  EXPECT_TRUE(after.json()["entries"].empty()) << after.body;
  EXPECT_NE(mis_->Logs().find("ALARM checkpoint_mismatch"), std::string::npos) << mis_->Logs();
  // It stays stopped while the MES writes on.
  Send(Json::array({State("2026-01-05T08:30:00Z", "down")}), Json::array());
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(mis_->Client().Get("/api/v1/feed", again).json()["cursor"]["seq"], cursor);

  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());
  mis_.reset();
  proxy.Stop();
  EXPECT_TRUE(fork.Stop().has_value()) << fork.Logs();
}

}  // namespace
}  // namespace ordo::testing
