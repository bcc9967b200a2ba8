// API integration tests: authentication, permissions, sign-in throttling, the
// logbook and its corrections, ledger paging.
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <vector>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "core/thread_scheduling.h"

namespace ordo::testing {
namespace {

TEST_F(ApiTest, HealthAndOpenApiNeedNoAuthentication) {
  ORDO_VERIFIES("P11-04");
  HttpReply health = http().Get("/api/v1/health");
  ASSERT_EQ(health.status, 200) << health.Describe();
  Json h = health.json();
  EXPECT_EQ(h.value("status", ""), "ok");
  EXPECT_GE(h.value("head_seq", -1), 1) << "init writes at least the ledger.initialized entry";
  HttpReply openapi = http().Get("/api/v1/openapi.json");
  ASSERT_EQ(openapi.status, 200) << openapi.Describe();
  EXPECT_EQ(openapi.json().value("openapi", ""), "3.0.3");
}

TEST_F(ApiTest, EveryProtectedEndpointRefusesAnonymousCallers) {
  ORDO_VERIFIES("P11-04", "ORDO-ACCESS-05");
  HttpReply doc = http().Get("/api/v1/openapi.json");
  ASSERT_EQ(doc.status, 200) << doc.Describe();
  Json paths = doc.json()["paths"];
  ASSERT_TRUE(paths.is_object() && !paths.empty()) << doc.Describe();
  std::set<std::string> public_ops;
  int protected_ops = 0;
  for (auto& [path, methods] : paths.items()) {
    for (auto& [method, op] : methods.items()) {
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      if (op["security"].empty()) {
        public_ops.insert(upper + " " + path);
        continue;
      }
      ++protected_ops;
      std::string target = path;
      if (auto p = target.find("{id}"); p != std::string::npos) target.replace(p, 4, "2");
      const std::string body = op.contains("requestBody") ? "{}" : "";
      // A body goes with its media type: without one the answer is 415 before anything.
      Headers json;
      if (!body.empty()) json.emplace_back("Content-Type", "application/json");
      Headers basic = json;
      basic.emplace_back("Authorization", "Basic YTpi");
      SCOPED_TRACE(upper + " " + target);
      ExpectProblem(http().Request(upper, target, body, "", json), 401, "unauthenticated");
      ExpectProblem(http().Request(upper, target, body, "not-a-real-token", json), 401,
                    "unauthenticated");
      ExpectProblem(http().Request(upper, target, body, "", basic), 401, "unauthenticated");
    }
  }
  EXPECT_GE(protected_ops, 10);
  // Deny by default: only these operations may be anonymous (a password change proves
  // the current password itself, like a sign-in).
  EXPECT_EQ(public_ops, (std::set<std::string>{"GET /api/v1/health", "GET /api/v1/openapi.json",
                                               "GET /api/v1/problems/{code}",
                                               "POST /api/v1/session",
                                               "POST /api/v1/session/password"}));
}

TEST_F(ApiTest, RolesWithoutThePermissionGet403) {
  ORDO_VERIFIES("P11-04", "P11-07", "ORDO-ACCESS-05");
  const std::string op = TokenFor("operator");
  ExpectProblem(http().Get("/api/v1/ledger", op), 403, "permission_denied");
  ExpectProblem(http().Get("/api/v1/ledger/stream?after=0", op), 403, "permission_denied");
  ExpectProblem(http().Get("/api/v1/ledger/verify", op), 403, "permission_denied");
  ExpectProblem(http().Get("/api/v1/users", op), 403, "permission_denied");
  ExpectProblem(http().Post("/api/v1/users",
                            Json{{"name", "mallory"},
                                 {"display_name", "M"},
                                 {"roles", {"admin"}},
                                 {"password", "password123"}},
                            op),
                403, "permission_denied");
  const std::string supervisor = TokenFor("supervisor");
  ExpectProblem(http().Get("/api/v1/ledger/verify", supervisor), 403, "permission_denied");
  EXPECT_EQ(http().Get("/api/v1/ledger", supervisor).status, 200);
  const std::string admin = TokenFor("admin");
  ExpectProblem(http().Post("/api/v1/logbook", LogbookEntry("admin may not write"), admin), 403,
                "permission_denied");
  EXPECT_EQ(http().Get("/api/v1/users", admin).status, 200);
}

TEST_F(ApiTest, WrongPasswordIs401AndRecordedInTheLedger) {
  ORDO_VERIFIES("P11-21", "DI-06", "ORDO-ACCESS-01");
  const Credentials& op = sandbox_.user("operator");
  HttpReply r =
      http().Post("/api/v1/session", Json{{"user", op.name}, {"password", "wrong-" + op.password}});
  ExpectProblem(r, 401, "unauthenticated");
  EXPECT_FALSE(r.json().contains("token"));
  HttpReply unknown =
      http().Post("/api/v1/session", Json{{"user", "nobody"}, {"password", "whatever1"}});
  // The second failure from this address may already be throttled; either way no token.
  EXPECT_TRUE(unknown.status == 401 || unknown.status == 429) << unknown.Describe();

  // The throttle delays (it does not lock out): wait for it, then read the ledger.
  std::string supervisor;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  HttpReply last;
  while (supervisor.empty() && std::chrono::steady_clock::now() < deadline) {
    supervisor = Login(http(), sandbox_.user("supervisor").name,
                       sandbox_.user("supervisor").password, &last);
    if (supervisor.empty()) {
      ASSERT_EQ(last.status, 429) << last.Describe();
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }
  ASSERT_FALSE(supervisor.empty()) << last.Describe();
  HttpReply feed = http().Get("/api/v1/ledger?type=session.login_failed", supervisor);
  ASSERT_EQ(feed.status, 200) << feed.Describe();
  bool found = false;
  const Json failed = feed.json()["entries"];
  for (const auto& e : failed) {
    EXPECT_EQ(e["type"], "session.login_failed");
    if (e["payload"].value("user", "") == op.name) {
      found = true;
      EXPECT_EQ(e["payload"].value("detail", ""), "wrong password") << e.dump();
      EXPECT_EQ(e["payload"].dump().find(op.password), std::string::npos)
          << "the ledger must not contain the attempted password";
    }
  }
  EXPECT_TRUE(found) << feed.Describe();
}

TEST_F(ApiTest, RepeatedLoginFailuresAreThrottledWith429) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  const Credentials& op = sandbox_.user("operator");
  const Json wrong{{"user", op.name}, {"password", "definitely-wrong"}};
  HttpReply r;
  int attempts = 0;
  for (; attempts < 6; ++attempts) {
    r = http().Post("/api/v1/session", wrong);
    if (r.status != 401) break;
  }
  ExpectProblem(r, 429, "resource_exhausted");
  EXPECT_GE(attempts, 1) << "the first failure must not be throttled";
  Json body = r.json();
  ASSERT_TRUE(body.contains("retry_after_seconds")) << r.Describe();
  EXPECT_GE(body["retry_after_seconds"].get<int>(), 1);
  EXPECT_EQ(r.Header("retry-after"), std::to_string(body["retry_after_seconds"].get<int>()));
  // Throttled means not even the right password is checked now.
  HttpReply right =
      http().Post("/api/v1/session", Json{{"user", op.name}, {"password", op.password}});
  ExpectProblem(right, 429, "resource_exhausted");
  // ... but it is a delay, not a lockout.
  std::string token;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (token.empty() && std::chrono::steady_clock::now() < deadline) {
    token = Login(http(), op.name, op.password, &r);
    if (token.empty()) {
      ASSERT_EQ(r.status, 429) << r.Describe();
      std::this_thread::sleep_for(std::chrono::milliseconds(250));
    }
  }
  ASSERT_FALSE(token.empty()) << r.Describe();
  const std::string supervisor = TokenFor("supervisor");
  std::string error;
  int throttled = 0;
  for (const auto& e : AllLedger(http(), supervisor, &error))
    if (e["type"] == "session.login_failed" && e["payload"].value("detail", "") == "throttled")
      ++throttled;
  EXPECT_EQ(error, "");
  // Recorded once per delay window (not per attempt, so a flood cannot grow the ledger):
  // the first 429 and the right-password 429 fell in the same window.
  EXPECT_GE(throttled, 1) << "throttled attempts are recorded in the ledger";
}

TEST_F(ApiTest, ParallelWrongPasswordsAreThrottledToo) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  // Attempts that arrive while earlier ones are still being hashed must count.
  const Json wrong{{"user", "admin"}, {"password", "guess-in-parallel"}};
  std::atomic<int> throttled{0}, unauthorized{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      HttpReply r = server_->Client().Post("/api/v1/session", wrong);
      if (r.status == 429) ++throttled;
      if (r.status == 401) ++unauthorized;
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(throttled + unauthorized, 8);
  EXPECT_GE(throttled.load(), 1) << "every parallel guess was checked";
}

TEST_F(ApiTest, LedgerPagesNewestFirstWithBefore) {
  ORDO_VERIFIES("DI-09", "ORDO-API-05");
  const std::string op = TokenFor("operator");
  const std::string supervisor = TokenFor("supervisor");
  for (int i = 0; i < 5; ++i)
    ASSERT_EQ(http().Post("/api/v1/logbook", LogbookEntry("page " + std::to_string(i)), op).status,
              201);
  const std::int64_t head = HeadSeq(http());
  HttpReply first = http().Get("/api/v1/ledger?before=0&limit=2", supervisor);
  ASSERT_EQ(first.status, 200) << first.Describe();
  Json page = first.json();
  ASSERT_EQ(page["entries"].size(), 2u);
  EXPECT_EQ(page["entries"][0]["seq"], head);
  EXPECT_EQ(page["entries"][1]["seq"], head - 1);
  EXPECT_EQ(page["next"], head - 1);
  HttpReply second = http().Get(
      "/api/v1/ledger?limit=2&before=" + std::to_string(page["next"].get<std::int64_t>()),
      supervisor);
  ASSERT_EQ(second.status, 200) << second.Describe();
  EXPECT_EQ(second.json()["entries"][0]["seq"], head - 2);
  // Filters apply; the oldest page says there is nothing older.
  HttpReply typed =
      http().Get("/api/v1/ledger?before=0&limit=100&type=ledger.initialized", supervisor);
  ASSERT_EQ(typed.status, 200) << typed.Describe();
  ASSERT_EQ(typed.json()["entries"].size(), 1u);
  EXPECT_EQ(typed.json()["entries"][0]["seq"], 1);
  EXPECT_EQ(typed.json()["next"], 0);
  ExpectProblem(http().Get("/api/v1/ledger?before=x", supervisor), 400, "invalid_argument",
                "before");
}

TEST_F(ApiTest, LogbookWriteAppearsInListAndLedgerFeed) {
  ORDO_VERIFIES("P11-05", "DI-01", "ORDO-LEDGER-01", "ORDO-LOG-01");
  const std::string op = TokenFor("operator");
  const std::string supervisor = TokenFor("supervisor");
  const std::int64_t head_before = HeadSeq(http());
  HttpReply r = http().Post(
      "/api/v1/logbook", LogbookEntry("cleaned with 70% IPA, lot 4711", "TANK-7", "cleaning"), op);
  ASSERT_EQ(r.status, 201) << r.Describe();
  Json entry = r.json()["entry"];
  const std::int64_t seq = entry.value("seq", std::int64_t{0});
  EXPECT_EQ(seq, head_before + 1);
  EXPECT_EQ(HeadSeq(http()), seq);
  EXPECT_EQ(entry.value("text", ""), "cleaned with 70% IPA, lot 4711");
  EXPECT_EQ(entry.value("actor", ""), sandbox_.user("operator").name);
  EXPECT_EQ(entry.value("role", ""), "operator");

  HttpReply list = http().Get("/api/v1/logbook?subject=TANK-7", op);
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.json()["entries"].size(), 1u) << list.Describe();
  EXPECT_EQ(list.json()["entries"][0]["seq"], seq);
  EXPECT_EQ(list.json()["entries"][0]["category"], "cleaning");

  HttpReply feed = http().Get("/api/v1/ledger?after=" + std::to_string(seq - 1), supervisor);
  ASSERT_EQ(feed.status, 200) << feed.Describe();
  Json entries = feed.json()["entries"];
  ASSERT_FALSE(entries.empty()) << feed.Describe();
  EXPECT_EQ(entries[0]["seq"], seq);
  EXPECT_EQ(entries[0]["type"], "logbook.entry_recorded");
  EXPECT_EQ(entries[0]["payload"]["text"], "cleaned with 70% IPA, lot 4711");
  EXPECT_EQ(entries[0]["actor"], sandbox_.user("operator").name);
  EXPECT_EQ(feed.json()["next"], entries.back()["seq"]);
  // The hash chain links this entry to the one before.
  HttpReply prev =
      http().Get("/api/v1/ledger?after=" + std::to_string(seq - 2) + "&limit=1", supervisor);
  ASSERT_EQ(prev.status, 200);
  EXPECT_EQ(entries[0]["prev_hash"], prev.json()["entries"][0]["hash"]);
}

TEST_F(ApiTest, CorrectionsNeedAReasonAndAnExistingEntry) {
  ORDO_VERIFIES("P11-05", "A11-07", "DI-04", "ORDO-LOG-01");
  const std::string op = TokenFor("operator");
  const std::int64_t seq = Write(op, LogbookEntry("pH 7.2", "TANK-2", "calibration"));
  ASSERT_GT(seq, 0);
  const std::int64_t head = HeadSeq(http());
  Json no_reason = LogbookEntry("pH 7.4", "TANK-2", "calibration");
  no_reason["corrects"] = seq;
  ExpectProblem(http().Post("/api/v1/logbook", no_reason, op), 400, "invalid_argument", "reason");
  Json empty_reason = no_reason;
  empty_reason["reason"] = "";
  ExpectProblem(http().Post("/api/v1/logbook", empty_reason, op), 400, "invalid_argument",
                "reason");
  Json missing = no_reason;
  missing["corrects"] = 999999;
  missing["reason"] = "typo";
  ExpectProblem(http().Post("/api/v1/logbook", missing, op), 404, "not_found", "corrects");
  EXPECT_EQ(HeadSeq(http()), head) << "refused corrections must not write";

  Json fix = no_reason;
  fix["reason"] = "transcription error";
  const std::int64_t fixed = Write(op, fix);
  ASSERT_GT(fixed, seq);
  HttpReply list = http().Get("/api/v1/logbook?subject=TANK-2", op);
  ASSERT_EQ(list.status, 200);
  Json rows = list.json()["entries"];
  ASSERT_EQ(rows.size(), 2u) << list.Describe();
  EXPECT_EQ(rows[0]["seq"], fixed);
  EXPECT_EQ(rows[0]["corrects"], seq);
  EXPECT_EQ(rows[0]["reason"], "transcription error");
  EXPECT_EQ(rows[1]["seq"], seq);
  EXPECT_EQ(rows[1]["corrected_by"], Json::array({fixed})) << rows[1].dump();
}

// The io thread (every request) and the engine's writer ask for 0.1 ms slices, so a
// person's request takes a core as soon as it wakes while machine data keeps both busy;
// no other thread of the server asks for it.
TEST_F(ApiTest, TheRequestThreadAndTheWriterAskForShortTimeSlices) {
  ORDO_VERIFIES("ORDO-ENGINE-08");
  if (!KernelKeepsThreadSlices()) GTEST_SKIP() << "this kernel (before Linux 6.12) keeps no slice";
  // A request first: the io thread has run past its start.
  ASSERT_EQ(http().Get("/api/v1/health").status, 200);
  const long pid = server_->pid();
  std::vector<long> short_slices;
  int threads = 0;
  for (const auto& task :
       std::filesystem::directory_iterator("/proc/" + std::to_string(pid) + "/task")) {
    const long tid = std::stol(task.path().filename().string());
    ++threads;
    std::optional<long long> slice = ThreadSliceMicros(tid);
    ASSERT_TRUE(slice.has_value()) << "thread " << tid;
    if (*slice == kRequestPathSlice.count()) short_slices.push_back(tid);
  }
  EXPECT_GT(threads, 2);
  ASSERT_EQ(short_slices.size(), 2u) << "the io thread and the writer, of " << threads;
  EXPECT_TRUE(short_slices[0] == pid || short_slices[1] == pid) << "the io thread is the main one";
}

}  // namespace
}  // namespace ordo::testing
