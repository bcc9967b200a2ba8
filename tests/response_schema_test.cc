// The published API document matches what the server sends: every GET operation is
// called (path parameters filled from the demo site) by a role that holds its
// permission, and its JSON answer must have the documented success status and fit the
// documented response schema; a logbook write checks a command's answer the same way.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "support/json_schema.h"

namespace ordo::testing {
namespace {

class ResponseSchemaTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    HttpReply doc = http().Get("/api/v1/openapi.json");
    ASSERT_EQ(doc.status, 200) << doc.Describe();
    document_ = doc.json();
  }

  // A token of the first demo role whose permissions include `permission`.
  std::string TokenWith(const std::string& permission) {
    for (const char* role : {"operator", "supervisor", "quality", "engineer", "admin"}) {
      if (!tokens_.count(role)) tokens_[role] = TokenFor(role);
      Json session = http().Get("/api/v1/session", tokens_[role]).json();
      const Json perms = session["user"]["permissions"];
      if (std::find(perms.begin(), perms.end(), Json(permission)) != perms.end())
        return tokens_[role];
    }
    return "";
  }

  // The documented success status and schema of `method` `path`.
  std::pair<int, Json> Success(const std::string& path, const std::string& method) {
    const Json& op = document_["paths"][path][method];
    for (const auto& [status, response] : op["responses"].items()) {
      if (status.empty() || status[0] != '2') continue;
      Json schema = response.contains("content")
                        ? response["content"]["application/json"].value("schema", Json())
                        : Json();
      return {std::stoi(status), schema};
    }
    return {0, Json()};
  }

  void ExpectFits(const std::string& what, const HttpReply& reply, int status, const Json& schema) {
    SCOPED_TRACE(what);
    EXPECT_EQ(reply.status, status) << reply.Describe();
    if (reply.status != status || schema.is_null()) return;
    auto mismatches = SchemaMismatches(schema, reply.json(), document_);
    std::string listed;
    for (std::size_t i = 0; i < mismatches.size() && i < 20; ++i) listed += mismatches[i] + "\n";
    EXPECT_TRUE(mismatches.empty()) << mismatches.size() << " mismatch(es):\n"
                                    << listed << reply.body.substr(0, 2000);
    ++checked_;
  }

  Json document_;
  std::map<std::string, std::string> tokens_;
  int checked_ = 0;
};

TEST_F(ResponseSchemaTest, EveryGetAnswerFitsItsDocumentedSchema) {
  const std::string engineer = TokenFor("engineer");
  Json routings = http().Get("/api/v1/masterdata/routing", engineer).json();
  ASSERT_TRUE(routings["objects"].is_array() && !routings["objects"].empty()) << routings.dump();
  const std::string routing = routings["objects"][0]["id"].get<std::string>();
  const std::map<std::string, std::string> values = {{"{kind}", "routing"},
                                                     {"{id}", routing},
                                                     {"{version}", "1"},
                                                     {"{code}", "not_found"},
                                                     {"{sha256}", ""}};
  int calls = 0;
  for (const auto& [path, methods] : document_["paths"].items()) {
    if (!methods.contains("get")) continue;
    if (path == "/api/v1/ledger/stream" || path.find("{sha256}") != std::string::npos)
      continue;  // an event stream and file bytes: not JSON answers
    std::string target = path;
    if (path.rfind("/api/v1/change-requests/{id}", 0) == 0) {
      target.replace(target.find("{id}"), 4, "CR-000001");
    } else {
      for (const auto& [name, value] : values)
        for (auto p = target.find(name); p != std::string::npos; p = target.find(name))
          target.replace(p, name.size(), value);
    }
    if (target.size() >= 5 && target.compare(target.size() - 5, 5, "/diff") == 0)
      target += "?from=0&to=1";  // both versions are required
    const Json& op = methods["get"];
    const std::string permission = op.value("x-ordo-permission", "");
    const std::string token = permission.empty() ? "" : TokenWith(permission);
    ASSERT_TRUE(permission.empty() || !token.empty()) << "no demo role holds " << permission;
    auto [status, schema] = Success(path, "get");
    ASSERT_NE(status, 0) << "GET " << path << " documents no success response";
    ExpectFits("GET " + target, http().Get(target, token), status, schema);
    ++calls;
  }
  EXPECT_GE(calls, 20);
  EXPECT_EQ(checked_, calls);
}

TEST_F(ResponseSchemaTest, ALogbookWriteFitsItsDocumentedSchema) {
  auto [status, schema] = Success("/api/v1/logbook", "post");
  ASSERT_EQ(status, 201);
  ExpectFits("POST /api/v1/logbook",
             http().Post("/api/v1/logbook", LogbookEntry("schema check"), TokenFor("operator")),
             status, schema);
}

}  // namespace
}  // namespace ordo::testing
