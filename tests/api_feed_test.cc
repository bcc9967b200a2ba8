// API integration tests: the ledger feed (long-poll, SSE), sessions, user
// administration, verification, the web UI, export and backup.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

TEST_F(ApiTest, LongPollReturnsWhenAnotherClientWrites) {
  ORDO_VERIFIES("ORDO-API-05");
  const std::string op = TokenFor("operator");
  const std::string supervisor = TokenFor("supervisor");
  const std::int64_t head = HeadSeq(http());

  // Nothing new: the long-poll ends empty after its wait.
  HttpReply idle =
      http().Get("/api/v1/ledger?after=" + std::to_string(head) + "&wait=1", supervisor);
  ASSERT_EQ(idle.status, 200) << idle.Describe();
  EXPECT_TRUE(idle.json()["entries"].empty()) << idle.Describe();
  EXPECT_EQ(idle.json()["next"], head);

  // A long wait; the client gives up far sooner than the server would, so only a
  // wake-up on commit can make this pass.
  HttpReply polled;
  std::atomic<bool> started{false};
  std::thread poller([&] {
    HttpClient c = server_->Client();
    c.set_timeout_seconds(30);
    started = true;
    polled = c.Get("/api/v1/ledger?after=" + std::to_string(head) + "&wait=60", supervisor);
  });
  while (!started) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the poll reach the server
  const std::int64_t seq = Write(op, LogbookEntry("long-poll wake-up"));
  poller.join();
  ASSERT_EQ(polled.status, 200) << polled.Describe();
  Json entries = polled.json()["entries"];
  ASSERT_FALSE(entries.empty()) << polled.Describe();
  EXPECT_EQ(entries[0]["seq"], seq);
  EXPECT_EQ(entries[0]["payload"]["text"], "long-poll wake-up");
}

// Parses "id: N\nevent: entry\ndata: {...}\n\n" frames.
std::vector<std::pair<std::int64_t, Json>> ParseSse(const std::string& body) {
  std::vector<std::pair<std::int64_t, Json>> frames;
  std::size_t pos = 0;
  while (true) {
    std::size_t end = body.find("\n\n", pos);
    if (end == std::string::npos) break;
    std::string frame = body.substr(pos, end - pos);
    pos = end + 2;
    std::int64_t id = -1;
    Json data;
    std::size_t line_start = 0;
    while (line_start <= frame.size()) {
      std::size_t nl = frame.find('\n', line_start);
      std::string line =
          frame.substr(line_start, nl == std::string::npos ? std::string::npos : nl - line_start);
      if (line.rfind("id: ", 0) == 0) id = std::stoll(line.substr(4));
      if (line.rfind("data: ", 0) == 0) data = Json::parse(line.substr(6), nullptr, false);
      if (nl == std::string::npos) break;
      line_start = nl + 1;
    }
    if (id >= 0) frames.emplace_back(id, data);
  }
  return frames;
}

TEST_F(ApiTest, ServerSentEventsDeliverExistingAndNewEntries) {
  ORDO_VERIFIES("IND-11", "ORDO-API-05");
  const std::string op = TokenFor("operator");
  const std::string supervisor = TokenFor("supervisor");
  Write(op, LogbookEntry("sse one"));
  Write(op, LogbookEntry("sse two"));
  const std::int64_t head = HeadSeq(http());
  const std::string last_id = "id: " + std::to_string(head) + "\n";
  HttpReply r = http().Stream(
      "/api/v1/ledger/stream?after=0", supervisor,
      [&](const std::string& body) {
        return body.find(last_id) != std::string::npos && body.rfind("\n\n") > body.find(last_id);
      },
      20);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.error, "") << r.Describe();
  EXPECT_EQ(r.Header("content-type"), "text/event-stream");
  auto frames = ParseSse(r.body);
  ASSERT_EQ(frames.size(), static_cast<std::size_t>(head)) << r.body;
  for (std::size_t i = 0; i < frames.size(); ++i) {
    EXPECT_EQ(frames[i].first, static_cast<std::int64_t>(i + 1));
    ASSERT_TRUE(frames[i].second.is_object()) << "frame " << i + 1 << " has no JSON data";
    EXPECT_EQ(frames[i].second["seq"], frames[i].first);
    EXPECT_TRUE(frames[i].second["hash"].is_string());
  }
  EXPECT_EQ(frames[0].second["type"], "ledger.initialized");
  EXPECT_EQ(frames[head - 1].second["payload"]["text"], "sse two");

  // Live: a stream from the head receives an entry written after it started.
  HttpReply live;
  std::thread listener([&] {
    live = server_->Client().Stream(
        "/api/v1/ledger/stream?after=" + std::to_string(head), supervisor,
        [](const std::string& body) {
          return body.find("data: ") != std::string::npos &&
                 body.find("\n\n", body.find("data: ")) != std::string::npos;
        },
        30);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const std::int64_t seq = Write(op, LogbookEntry("sse live"));
  listener.join();
  ASSERT_EQ(live.status, 200) << live.Describe();
  auto live_frames = ParseSse(live.body);
  ASSERT_FALSE(live_frames.empty()) << live.Describe();
  EXPECT_EQ(live_frames[0].first, seq);
  EXPECT_EQ(live_frames[0].second["payload"]["text"], "sse live");
  // Resuming with Last-Event-ID skips what the client already has.
  HttpReply resumed =
      http().Stream("/api/v1/ledger/stream?after=0", supervisor,
                    [](const std::string& body) { return body.find("\n\n") != std::string::npos; },
                    20, {{"Last-Event-ID", std::to_string(seq - 1)}});
  ASSERT_EQ(resumed.status, 200) << resumed.Describe();
  auto resumed_frames = ParseSse(resumed.body);
  ASSERT_FALSE(resumed_frames.empty()) << resumed.Describe();
  EXPECT_EQ(resumed_frames[0].first, seq);
}

TEST_F(ApiTest, AStreamEndsWhenItsSessionEnds) {
  ORDO_VERIFIES("ORDO-ACCESS-03", "ORDO-API-05");
  const std::string op = TokenFor("operator");
  const std::string quality = TokenFor("quality");
  const std::int64_t head = HeadSeq(http());
  HttpReply stream;
  std::thread listener([&] {
    stream = server_->Client().Stream(
        "/api/v1/ledger/stream?after=" + std::to_string(head), quality,
        [](const std::string&) { return false; }, 30);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // let the stream start
  EXPECT_EQ(http().Request("DELETE", "/api/v1/session", "", quality).status, 204);
  Write(op, LogbookEntry("after the auditor signed out"));
  listener.join();
  // The server closed the stream (no client timeout) without sending the new entry,
  // apart from the sign-out event that committed before the write.
  EXPECT_NE(stream.error, "timeout") << stream.Describe();
  EXPECT_EQ(stream.body.find("after the auditor signed out"), std::string::npos) << stream.body;
}

// The account the MIS reads the MES with (role feed_reader), made by the admin, its
// one-time password changed at its first sign-in: its session token.
std::string NewFeedReader(const HttpClient& http, const std::string& admin) {
  HttpReply created = http.Post("/api/v1/users",
                                Json{{"name", "mis.feed"},
                                     {"display_name", "MIS ledger feed"},
                                     {"roles", {"feed_reader"}},
                                     {"password", "feed-one-time-password-2026"}},
                                admin);
  EXPECT_EQ(created.status, 201) << created.Describe();
  HttpReply first;
  const std::string feed = FirstSignIn(http, "mis.feed", "feed-one-time-password-2026",
                                       StrongPassword("mis feed"), &first);
  EXPECT_FALSE(feed.empty()) << first.Describe();
  return feed;
}

// The account the MIS reads the MES with (role feed_reader): the ledger and nothing else.
TEST_F(ApiTest, AFeedReaderReadsTheLedgerAndNothingElse) {
  ORDO_VERIFIES("ORDO-MIS-90");
  const std::string admin = TokenFor("admin");
  const std::string op = TokenFor("operator");
  const std::string feed = NewFeedReader(http(), admin);
  ASSERT_FALSE(feed.empty());
  const std::int64_t seq = Write(op, LogbookEntry("read by the MIS"));

  HttpReply page = http().Get("/api/v1/ledger?after=" + std::to_string(seq - 1), feed);
  ASSERT_EQ(page.status, 200) << page.Describe();
  ASSERT_FALSE(page.json()["entries"].empty());
  EXPECT_EQ(page.json()["entries"][0]["seq"], seq);
  EXPECT_EQ(http().Get("/api/v1/ledger/span", feed).status, 200);
  // Reads of every other kind, and every command, are refused.
  for (const char* target : {"/api/v1/logbook", "/api/v1/security/events", "/api/v1/users",
                             "/api/v1/audit-reviews", "/api/v1/ledger/verify"})
    ExpectProblem(http().Get(target, feed), 403, "permission_denied");
  ExpectProblem(http().Post("/api/v1/logbook", LogbookEntry("not from the feed"), feed), 403,
                "permission_denied");
}

// GET /api/v1/ledger/checkpoints: the signed checkpoints after a seq, in seq order, for the
// feed reader as for the ledger itself; each signs the hash of its ledger entry with the
// site's key (the public key of ledger entry 1).
TEST_F(ApiTest, AFeedReaderReadsTheSignedCheckpointsInSeqOrder) {
  ORDO_VERIFIES("ORDO-LEDGER-09");
  const std::string admin = TokenFor("admin");
  const std::string op = TokenFor("operator");
  const std::string feed = NewFeedReader(http(), admin);
  ASSERT_FALSE(feed.empty());
  std::vector<std::int64_t> signed_seqs;
  for (int i = 0; i < 3; ++i) {
    Write(op, LogbookEntry("checkpointed " + std::to_string(i)));
    HttpReply cp = http().Request("POST", "/api/v1/ledger/checkpoint", "", admin);
    ASSERT_EQ(cp.status, 200) << cp.Describe();
    signed_seqs.push_back(cp.json()["checkpoint_seq"].get<std::int64_t>());
  }

  ExpectProblem(http().Get("/api/v1/ledger/checkpoints"), 401, "unauthenticated");
  ExpectProblem(http().Get("/api/v1/ledger/checkpoints", op), 403, "permission_denied");
  HttpReply all = http().Get("/api/v1/ledger/checkpoints", feed);
  ASSERT_EQ(all.status, 200) << all.Describe();
  const Json checkpoints = all.json()["checkpoints"];
  ASSERT_GE(checkpoints.size(), 4u) << all.body;  // ordo init's, then the three above
  HttpReply genesis = http().Get("/api/v1/ledger?after=0&limit=1", feed);
  const std::string site_key = genesis.json()["entries"][0]["payload"]["public_key"];
  std::int64_t previous = 0;
  for (const auto& c : checkpoints) {
    const std::int64_t seq = c["seq"];
    EXPECT_GT(seq, previous) << all.body;
    previous = seq;
    EXPECT_EQ(c["public_key"], site_key);
    EXPECT_EQ(c["signature"].get<std::string>().size(), 128u);
    EXPECT_TRUE(c["time"].is_string());
    HttpReply entry =
        http().Get("/api/v1/ledger?after=" + std::to_string(seq - 1) + "&limit=1", feed);
    EXPECT_EQ(c["head_hash"], entry.json()["entries"][0]["hash"]) << c.dump();
  }
  const std::size_t n = checkpoints.size();
  for (std::size_t i = 0; i < 3; ++i)
    EXPECT_EQ(checkpoints[n - 3 + i]["seq"], signed_seqs[i]) << all.body;
  EXPECT_EQ(all.json()["next"], signed_seqs[2]);

  // after and limit page through them.
  HttpReply after = http().Get(
      "/api/v1/ledger/checkpoints?after=" + std::to_string(signed_seqs[0]) + "&limit=1", feed);
  ASSERT_EQ(after.status, 200) << after.Describe();
  ASSERT_EQ(after.json()["checkpoints"].size(), 1u) << after.body;
  EXPECT_EQ(after.json()["checkpoints"][0]["seq"], signed_seqs[1]);
  EXPECT_EQ(after.json()["next"], signed_seqs[1]);
  HttpReply none =
      http().Get("/api/v1/ledger/checkpoints?after=" + std::to_string(signed_seqs[2]), feed);
  ASSERT_EQ(none.status, 200) << none.Describe();
  EXPECT_TRUE(none.json()["checkpoints"].empty());
  EXPECT_EQ(none.json()["next"], signed_seqs[2]);

  // Bad values are refused naming the parameter.
  for (const auto& [query, field] :
       std::vector<std::pair<std::string, std::string>>{{"after=-1", "after"},
                                                        {"after=x", "after"},
                                                        {"limit=0", "limit"},
                                                        {"limit=1001", "limit"},
                                                        {"limit=ten", "limit"}})
    ExpectProblem(http().Get("/api/v1/ledger/checkpoints?" + query, feed), 400, "invalid_argument",
                  field);
}

TEST_F(ApiTest, LogoutInvalidatesTheToken) {
  ORDO_VERIFIES("DI-01", "ORDO-ACCESS-03");
  const std::string op = TokenFor("operator");
  HttpReply me = http().Get("/api/v1/session", op);
  ASSERT_EQ(me.status, 200) << me.Describe();
  EXPECT_EQ(me.json()["user"]["name"], sandbox_.user("operator").name);
  EXPECT_EQ(me.json()["user"]["roles"], Json::array({"operator"}));
  HttpReply out = http().Request("DELETE", "/api/v1/session", "", op);
  EXPECT_EQ(out.status, 204) << out.Describe();
  ExpectProblem(http().Get("/api/v1/session", op), 401, "unauthenticated");
  ExpectProblem(http().Post("/api/v1/logbook", LogbookEntry("after logout"), op), 401,
                "unauthenticated");
  ExpectProblem(http().Request("DELETE", "/api/v1/session", "", op), 401, "unauthenticated");
  const std::string supervisor = TokenFor("supervisor");
  HttpReply feed = http().Get("/api/v1/ledger?type=session.logged_out", supervisor);
  ASSERT_EQ(feed.status, 200);
  ASSERT_EQ(feed.json()["entries"].size(), 1u) << feed.Describe();
  EXPECT_EQ(feed.json()["entries"][0]["actor"], sandbox_.user("operator").name);
}

TEST_F(ApiTest, AdminCreatesAndDisablesAUser) {
  ORDO_VERIFIES("P11-15", "P11-18", "P11-20", "A11-10", "ORDO-ACCESS-04");
  const std::string admin = TokenFor("admin");
  const Json new_user{{"name", "op.night"},
                      {"display_name", "Night Operator"},
                      {"roles", {"operator"}},
                      {"password", "night-shift-one-time-2024"}};
  HttpReply created = http().Post("/api/v1/users", new_user, admin);
  ASSERT_EQ(created.status, 201) << created.Describe();
  const std::int64_t id = created.json()["user"]["id"].get<std::int64_t>();
  EXPECT_EQ(created.json()["user"]["disabled"], false);
  HttpReply dup = http().Post("/api/v1/users", new_user, admin);
  EXPECT_EQ(dup.status, 409) << dup.Describe();

  // Created with a one-time password: changed at the first sign-in.
  HttpReply first;
  const std::string night = FirstSignIn(http(), "op.night", "night-shift-one-time-2024",
                                        "night-shift-2024 chosen", &first);
  ASSERT_FALSE(night.empty()) << first.Describe();
  EXPECT_GT(Write(night, LogbookEntry("night shift start", "LINE-1", "shift_handover")), 0);

  ExpectProblem(
      http().Post("/api/v1/users/" + std::to_string(id) + "/disable", Json::object(), admin), 400,
      "invalid_argument", "reason");
  HttpReply disabled = http().Post("/api/v1/users/" + std::to_string(id) + "/disable",
                                   Json{{"reason", "left the company"}}, admin);
  ASSERT_EQ(disabled.status, 200) << disabled.Describe();
  EXPECT_EQ(disabled.json()["user"]["disabled"], true);
  ExpectProblem(http().Post("/api/v1/users/999/disable", Json{{"reason", "x"}}, admin), 404,
                "not_found", "id");

  // The live session ends and new sign-ins fail.
  ExpectProblem(http().Get("/api/v1/session", night), 401, "unauthenticated");
  HttpReply login;
  EXPECT_EQ(Login(http(), "op.night", "night-shift-2024 chosen", &login), "");
  ExpectProblem(login, 401, "unauthenticated");

  HttpReply users = http().Get("/api/v1/users", admin);
  ASSERT_EQ(users.status, 200);
  bool seen = false;
  const Json listed = users.json()["users"];
  for (const auto& u : listed)
    if (u["name"] == "op.night") {
      seen = true;
      EXPECT_EQ(u["disabled"], true);
    }
  EXPECT_TRUE(seen) << users.Describe();
  // The CLI sees the same (read-only, while the server runs).
  RunResult list = sandbox_.Ordo({"user", "list", "--data", sandbox_.data()});
  EXPECT_EQ(list.status.code, 0) << list.Describe();
  EXPECT_NE(list.out.find("op.night"), std::string::npos) << list.Describe();
}

TEST_F(ApiTest, LedgerVerifyEndpointReportsIntact) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-03");
  const std::string op = TokenFor("operator");
  for (int i = 0; i < 5; ++i) Write(op, LogbookEntry("verify me " + std::to_string(i)));
  const std::string quality = TokenFor("quality");
  HttpReply cp = http().Request("POST", "/api/v1/ledger/checkpoint", "", quality);
  EXPECT_EQ(cp.status, 200) << cp.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply r = http().Get("/api/v1/ledger/verify", quality);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json j = r.json();
  EXPECT_EQ(j["ok"], true) << r.Describe();
  EXPECT_EQ(j["head_seq"], head);
  EXPECT_EQ(j["entries"], head);
  EXPECT_GE(j["checkpoints"].get<int>(), 1);
  EXPECT_TRUE(j["first_bad_seq"].is_null());
}

TEST_F(ApiTest, WebUiIsServedAtRoot) {
  ORDO_VERIFIES("ORDO-WEB-01");
  HttpReply r = http().Get("/");
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.Header("content-type").rfind("text/html", 0), 0u) << r.Header("content-type");
  EXPECT_NE(Lower(r.body).find("<!doctype html"), std::string::npos) << r.body.substr(0, 200);
  HttpReply route = http().Get("/logbook");  // a client-side route falls back to the app
  EXPECT_EQ(route.status, 200);
  EXPECT_EQ(route.body, r.body);
  EXPECT_EQ(http().Request("POST", "/", "x").status, 404);
  HttpReply traversal = http().Get("/../../etc/passwd");
  EXPECT_EQ(traversal.body.find("root:"), std::string::npos);
}

TEST_F(ApiTest, OfflineExportVerifiesAndDetectsTampering) {
  ORDO_VERIFIES("P11-01", "P11-02", "A11-15", "ORDO-LEDGER-04");
  const std::string op = TokenFor("operator");
  for (int i = 0; i < 10; ++i) Write(op, LogbookEntry("exported entry " + std::to_string(i)));
  Write(op, LogbookEntry("UNIQUE-MARKER-TEXT"));
  const std::int64_t head = HeadSeq(http());
  auto stopped = server_->Stop();
  ASSERT_TRUE(stopped && stopped->code == 0) << server_->Logs();

  const std::string file = sandbox_.file("ledger-export.jsonl");
  RunResult exp = sandbox_.Ordo({"ledger", "export", "--data", sandbox_.data(), "--to", file});
  ASSERT_EQ(exp.status.code, 0) << exp.Describe();
  RunResult ok = sandbox_.Ordo({"ledger", "verify", "--export", file});
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
  EXPECT_NE(ok.out.find("head seq " + std::to_string(head)), std::string::npos) << ok.Describe();

  std::string contents = ReadFile(file);
  auto at = contents.find("UNIQUE-MARKER-TEXT");
  ASSERT_NE(at, std::string::npos);
  contents.replace(at, 18, "UNIQUE-MARKER-TEXX");
  const std::string tampered = sandbox_.file("tampered.jsonl");
  WriteFile(tampered, contents);
  RunResult bad = sandbox_.Ordo({"ledger", "verify", "--export", tampered});
  EXPECT_EQ(bad.status.code, 1) << bad.Describe();
  EXPECT_NE(bad.err.find("FAILED at seq " + std::to_string(head)), std::string::npos)
      << bad.Describe();
}

TEST_F(ApiTest, BackupWhileServingVerifies) {
  ORDO_VERIFIES("A11-05", "DI-08", "ORDO-STORE-03");
  const std::string op = TokenFor("operator");
  for (int i = 0; i < 5; ++i) Write(op, LogbookEntry("before backup " + std::to_string(i)));
  const std::int64_t head_before = HeadSeq(http());
  std::atomic<bool> stop{false};
  std::atomic<int> written{0};
  std::thread writer([&] {
    HttpClient c = server_->Client();
    for (int i = 0; !stop && i < 2000; ++i)
      if (c.Post("/api/v1/logbook", LogbookEntry("during backup " + std::to_string(i)), op)
              .status == 201)
        ++written;
  });
  const std::string file = sandbox_.file("backup.db");
  RunResult backup = sandbox_.Ordo({"backup", "--data", sandbox_.data(), "--to", file});
  stop = true;
  writer.join();
  ASSERT_EQ(backup.status.code, 0) << backup.Describe();
  // It holds the password hashes too: readable by the owner only.
  EXPECT_EQ(std::filesystem::status(file).permissions() & std::filesystem::perms::all,
            std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
  EXPECT_GT(written.load(), 0);
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--db", file});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  // The backup holds at least everything acknowledged before it started.
  auto p = verify.out.find("head seq ");
  ASSERT_NE(p, std::string::npos) << verify.Describe();
  EXPECT_GE(std::stoll(verify.out.substr(p + 9)), head_before) << verify.Describe();
  RunResult again = sandbox_.Ordo({"backup", "--data", sandbox_.data(), "--to", file});
  EXPECT_NE(again.status.code, 0) << "backup must refuse to overwrite\n" << again.Describe();
}

}  // namespace
}  // namespace ordo::testing
