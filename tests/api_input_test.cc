// API integration tests: bad input of every kind is refused with a problem and
// changes nothing; Idempotency-Key retries replay the first answer.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

TEST_F(ApiTest, BadInputIsRefusedWithAProblemAndWritesNothing) {
  ORDO_VERIFIES("A11-03", "ORDO-API-01");
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
      {"duplicate field", "POST", lb, R"({"subject":"T","category":"use","text":"x","text":"y"})",
       op, 400, "invalid_argument", "text"},
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
  ORDO_VERIFIES("A11-03", "ORDO-API-02");
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

}  // namespace
}  // namespace ordo::testing
