// Integration tests of the HTTP API against the real `ordo serve` child process.
// Each test gets a fresh data directory (ordo init --demo) and server; TearDown stops
// it with SIGTERM (exit 0 expected) and then checks the data directory offline with
// `ordo ledger verify` and `ordo ledger replay --check`.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <set>
#include <thread>

#include "support/ordo.h"

namespace ordo::testing {
namespace {

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
  }

  void TearDown() override {
    if (!server_ || !server_->port()) return;
    auto status = server_->Stop();
    EXPECT_TRUE(status.has_value()) << "ordo serve did not exit after SIGTERM\n" << server_->Logs();
    if (status) {
      EXPECT_EQ(status->code, 0) << status->ToString() << "\n" << server_->Logs();
    }
    if (HasFailure()) std::fprintf(stderr, "%s\n", server_->Logs().c_str());
    RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
    EXPECT_EQ(verify.status.code, 0) << verify.Describe();
    RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", sandbox_.data()});
    EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  }

  const HttpClient& http() const { return *client_; }

  // Signs in the demo user of `role` (fails the test when that is impossible).
  std::string TokenFor(const std::string& role) {
    HttpReply reply;
    const Credentials& c = sandbox_.user(role);
    std::string token = Login(http(), c.name, c.password, &reply);
    EXPECT_FALSE(token.empty()) << "login as " << role << ": " << reply.Describe();
    return token;
  }

  // POSTs a logbook entry; returns its seq (0 after a failed expectation).
  std::int64_t Write(const std::string& token, const Json& body, const Headers& headers = {}) {
    HttpReply r = http().Post("/api/v1/logbook", body, token, headers);
    EXPECT_EQ(r.status, 201) << r.Describe();
    Json j = r.json();
    if (r.status != 201 || !j["entry"].is_object()) return 0;
    return j["entry"]["seq"].get<std::int64_t>();
  }

  static void ExpectProblem(const HttpReply& r, int status, const std::string& code,
                            const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.Describe();
    Json j = r.json();
    ASSERT_TRUE(j.is_object()) << "not a JSON problem: " << r.Describe();
    EXPECT_EQ(j.value("code", ""), code) << r.Describe();
    EXPECT_EQ(j.value("status", 0), status) << r.Describe();
    EXPECT_FALSE(j.value("detail", "").empty()) << r.Describe();
    if (!field.empty()) {
      EXPECT_EQ(j.value("field", ""), field) << r.Describe();
    }
  }

  Sandbox sandbox_;
  std::unique_ptr<OrdoServer> server_;
  std::unique_ptr<HttpClient> client_;
};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(ApiTest, HealthAndOpenApiNeedNoAuthentication) {
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
      SCOPED_TRACE(upper + " " + target);
      ExpectProblem(http().Request(upper, target, body), 401, "unauthenticated");
      ExpectProblem(http().Request(upper, target, body, "not-a-real-token"), 401,
                    "unauthenticated");
      ExpectProblem(http().Request(upper, target, body, "", {{"Authorization", "Basic YTpi"}}), 401,
                    "unauthenticated");
    }
  }
  EXPECT_GE(protected_ops, 10);
  // Deny by default: only these three operations may be anonymous.
  EXPECT_EQ(public_ops, (std::set<std::string>{"GET /api/v1/health", "GET /api/v1/openapi.json",
                                               "POST /api/v1/session"}));
}

TEST_F(ApiTest, RolesWithoutThePermissionGet403) {
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

TEST_F(ApiTest, LedgerPagesNewestFirstWithBefore) {
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

TEST_F(ApiTest, BadInputIsRefusedWithAProblemAndWritesNothing) {
  const std::string op = TokenFor("operator");
  const std::string supervisor = TokenFor("supervisor");
  const std::string admin = TokenFor("admin");
  const std::int64_t head = HeadSeq(http());
  ASSERT_GT(head, 0);

  std::string deep = "{\"subject\":";
  for (int i = 0; i < 40; ++i) deep += "[";
  for (int i = 0; i < 40; ++i) deep += "]";
  deep += ",\"category\":\"use\",\"text\":\"x\"}";
  const std::string huge =
      Json{{"subject", "TANK-1"}, {"category", "use"}, {"text", std::string((1 << 20) + 100, 'a')}}
          .dump();

  struct Case {
    std::string name, method, target, body, token;
    int status;
    std::string code, field;
    Headers headers = {};
  };
  const std::string lb = "/api/v1/logbook";
  const std::vector<Case> cases = {
      {"malformed JSON", "POST", lb, R"({"subject": "TANK-1", "category": )", op, 400,
       "invalid_argument", "body"},
      {"trailing garbage", "POST", lb, R"({"subject":"T","category":"use","text":"x"} x)", op, 400,
       "invalid_argument", "body"},
      {"empty body", "POST", lb, "", op, 400, "invalid_argument", "body"},
      {"not an object", "POST", lb, "[1,2,3]", op, 400, "invalid_argument", "body"},
      {"wrong type text", "POST", lb, R"({"subject":"T","category":"use","text":5})", op, 400,
       "invalid_argument", "text"},
      {"wrong type corrects", "POST", lb,
       R"({"subject":"T","category":"use","text":"x","corrects":"1","reason":"r"})", op, 400,
       "invalid_argument", "corrects"},
      {"float corrects", "POST", lb,
       R"({"subject":"T","category":"use","text":"x","corrects":1.5,"reason":"r"})", op, 400,
       "invalid_argument", "corrects"},
      {"unknown field", "POST", lb,
       R"({"subject":"T","category":"use","text":"x","approved":true})", op, 400,
       "invalid_argument", "approved"},
      {"missing field", "POST", lb, R"({"subject":"T","text":"x"})", op, 400, "invalid_argument",
       "category"},
      {"null required field", "POST", lb, R"({"subject":"T","category":"use","text":null})", op,
       400, "invalid_argument", "text"},
      {"text too long", "POST", lb,
       Json{{"subject", "T"}, {"category", "use"}, {"text", std::string(4001, 'x')}}.dump(), op,
       400, "invalid_argument", "text"},
      {"empty text", "POST", lb, R"({"subject":"T","category":"use","text":""})", op, 400,
       "invalid_argument", "text"},
      {"unknown category", "POST", lb, R"({"subject":"T","category":"party","text":"x"})", op, 400,
       "invalid_argument", "category"},
      {"bad subject", "POST", lb, R"({"subject":"tank 1; drop","category":"use","text":"x"})", op,
       400, "invalid_argument", "subject"},
      {"reason without corrects", "POST", lb,
       R"({"subject":"T","category":"use","text":"x","reason":"r"})", op, 400, "invalid_argument",
       "reason"},
      {"deep nesting", "POST", lb, deep, op, 400, "invalid_argument", "body"},
      {"invalid UTF-8", "POST", lb,
       "{\"subject\":\"T\",\"category\":\"use\",\"text\":\"\xff\xfe\xc3\"}", op, 400,
       "invalid_argument", "body"},
      {"overlong UTF-8", "POST", lb,
       "{\"subject\":\"T\",\"category\":\"use\",\"text\":\"\xc0\xaf\"}", op, 400,
       "invalid_argument", "body"},
      {"oversized body", "POST", lb, huge, op, 413, "payload_too_large", ""},
      {"long Idempotency-Key",
       "POST",
       lb,
       R"({"subject":"T","category":"use","text":"x"})",
       op,
       400,
       "invalid_argument",
       "Idempotency-Key",
       {{"Idempotency-Key", std::string(201, 'k')}}},
      {"limit=abc", "GET", lb + "?limit=abc", "", op, 400, "invalid_argument", "limit"},
      {"limit=0", "GET", lb + "?limit=0", "", op, 400, "invalid_argument", "limit"},
      {"limit too big", "GET", lb + "?limit=1001", "", op, 400, "invalid_argument", "limit"},
      {"before=-1", "GET", lb + "?before=-1", "", op, 400, "invalid_argument", "before"},
      {"before overflow", "GET", lb + "?before=99999999999999999999", "", op, 400,
       "invalid_argument", "before"},
      {"ledger after=x", "GET", "/api/v1/ledger?after=x", "", supervisor, 400, "invalid_argument",
       "after"},
      {"ledger wait too long", "GET", "/api/v1/ledger?wait=3600", "", supervisor, 400,
       "invalid_argument", "wait"},
      {"ledger from not a time", "GET", "/api/v1/ledger?from=yesterday", "", supervisor, 400,
       "invalid_argument", "from"},
      {"stream after=-5", "GET", "/api/v1/ledger/stream?after=-5", "", supervisor, 400,
       "invalid_argument", "after"},
      {"user id not a number", "POST", "/api/v1/users/abc/disable", R"({"reason":"r"})", admin, 400,
       "invalid_argument", "id"},
      {"unknown role", "POST", "/api/v1/users",
       R"({"name":"zed","display_name":"Z","roles":["root"],"password":"password123"})", admin, 400,
       "invalid_argument", "roles"},
      {"short password", "POST", "/api/v1/users",
       R"({"name":"zed","display_name":"Z","roles":["operator"],"password":"short"})", admin, 400,
       "invalid_argument", "password"},
      {"body on a GET-only endpoint", "POST", "/api/v1/ledger/checkpoint", R"({"x":1})", admin, 400,
       "invalid_argument", "body"},
      {"login wrong type", "POST", "/api/v1/session", R"({"user":"admin","password":123})", "", 400,
       "invalid_argument", "password"},
      {"unknown endpoint", "GET", "/api/v1/nope", "", op, 404, "not_found", ""},
      {"method not allowed", "PUT", lb, R"({"subject":"T","category":"use","text":"x"})", op, 405,
       "invalid_argument", ""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    Headers headers = c.headers;
    if (c.method == "POST") headers.emplace_back("Content-Type", "application/json");
    HttpReply r = http().Request(c.method, c.target, c.body, c.token, headers);
    ExpectProblem(r, c.status, c.code, c.field);
    EXPECT_EQ(HeadSeq(http()), head) << "a refused request moved the ledger head";
  }
  // A request that is not HTTP at all.
  HttpReply garbage = http().Raw("HELLO WORLD\r\n\r\n");
  EXPECT_EQ(garbage.status, 400) << garbage.Describe();
  // A chunked body that grows past the limit is cut off too.
  std::string chunked = "POST /api/v1/logbook HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + op +
                        "\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\n\r\n";
  const std::string chunk(64 * 1024, 'a');
  char size[16];
  std::snprintf(size, sizeof size, "%zx", chunk.size());
  for (int i = 0; i < 20; ++i) chunked += std::string(size) + "\r\n" + chunk + "\r\n";
  chunked += "0\r\n\r\n";
  HttpReply chunked_reply = http().Raw(chunked);
  EXPECT_EQ(chunked_reply.status, 413) << chunked_reply.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  // The server still works after all that.
  EXPECT_EQ(Write(op, LogbookEntry("still alive")), head + 1);
}

TEST_F(ApiTest, IdempotencyKeyReplaysTheFirstAnswer) {
  const std::string op = TokenFor("operator");
  const Json body = LogbookEntry("filter changed, idempotent", "AHU-3", "maintenance");
  const Headers key{{"Idempotency-Key", "retry-7f3a"}};
  HttpReply first = http().Post("/api/v1/logbook", body, op, key);
  ASSERT_EQ(first.status, 201) << first.Describe();
  EXPECT_EQ(first.Header("idempotent-replayed"), "");
  const std::int64_t seq = first.json()["entry"]["seq"].get<std::int64_t>();
  const std::int64_t head = HeadSeq(http());
  EXPECT_EQ(head, seq);

  for (int i = 0; i < 3; ++i) {
    HttpReply again = http().Post("/api/v1/logbook", body, op, key);
    ASSERT_EQ(again.status, 201) << again.Describe();
    EXPECT_EQ(again.Header("idempotent-replayed"), "true");
    EXPECT_EQ(again.json()["entry"]["seq"], seq) << again.Describe();
  }
  EXPECT_EQ(HeadSeq(http()), head) << "a replay must not write";

  HttpReply different = http().Post(
      "/api/v1/logbook", LogbookEntry("something else", "AHU-3", "maintenance"), op, key);
  ExpectProblem(different, 409, "conflict", "Idempotency-Key");
  EXPECT_EQ(HeadSeq(http()), head);

  // Keys belong to the caller: another user's identical key is a new request.
  const std::string supervisor = TokenFor("supervisor");
  const std::int64_t head2 = HeadSeq(http());
  HttpReply other = http().Post("/api/v1/logbook", body, supervisor, key);
  ASSERT_EQ(other.status, 201) << other.Describe();
  EXPECT_EQ(other.Header("idempotent-replayed"), "");
  EXPECT_EQ(other.json()["entry"]["seq"], head2 + 1);

  std::string error;
  int copies = 0;
  for (const auto& row : AllLogbook(http(), op, &error))
    if (row["text"] == "filter changed, idempotent") ++copies;
  EXPECT_EQ(error, "");
  EXPECT_EQ(copies, 2) << "one per user, none for the replays";
}

TEST_F(ApiTest, LongPollReturnsWhenAnotherClientWrites) {
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

TEST_F(ApiTest, LogoutInvalidatesTheToken) {
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
  const std::string admin = TokenFor("admin");
  const Json new_user{{"name", "op.night"},
                      {"display_name", "Night Operator"},
                      {"roles", {"operator"}},
                      {"password", "night-shift-2024"}};
  HttpReply created = http().Post("/api/v1/users", new_user, admin);
  ASSERT_EQ(created.status, 201) << created.Describe();
  const std::int64_t id = created.json()["user"]["id"].get<std::int64_t>();
  EXPECT_EQ(created.json()["user"]["disabled"], false);
  HttpReply dup = http().Post("/api/v1/users", new_user, admin);
  EXPECT_EQ(dup.status, 409) << dup.Describe();

  const std::string night = Login(http(), "op.night", "night-shift-2024");
  ASSERT_FALSE(night.empty());
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
  EXPECT_EQ(Login(http(), "op.night", "night-shift-2024", &login), "");
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
