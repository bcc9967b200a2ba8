// The API describes itself truthfully: the OpenAPI document (served, and printed by
// `ordo openapi` for the linter) names every operation once with its tag, description
// and real success status; the build's version is the same everywhere; every problem's
// `type` resolves on the server itself to what the problem means and what to do.
// The Spectral lint of the same document is tests/openapi_lint.sh.
#include <gtest/gtest.h>

#include <map>
#include <regex>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

using OpenApiTest = ApiTest;

// The status each problem code comes with (docs/api.md).
int HttpStatusOf(const std::string& code) {
  static const std::map<std::string, int> statuses = {
      {"invalid_argument", 400},   {"unauthenticated", 401},
      {"permission_denied", 403},  {"not_found", 404},
      {"conflict", 409},           {"failed_precondition", 422},
      {"resource_exhausted", 429}, {"unavailable", 503},
      {"internal", 500},           {"unsupported_media_type", 415},
      {"integrity_violation", 500}};
  auto it = statuses.find(code);
  return it == statuses.end() ? 0 : it->second;
}

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

TEST_F(OpenApiTest, TheServedDocumentIsTheOneOrdoOpenapiPrints) {
  ORDO_VERIFIES("ORDO-API-03");
  HttpReply served = http().Get("/api/v1/openapi.json");
  ASSERT_EQ(served.status, 200) << served.Describe();
  RunResult printed = sandbox_.Ordo({"openapi"});
  ASSERT_EQ(printed.status.code, 0) << printed.Describe();
  Json doc = Json::parse(printed.out, nullptr, false);
  ASSERT_FALSE(doc.is_discarded()) << printed.Describe();
  EXPECT_EQ(doc, served.json());
}

TEST_F(OpenApiTest, VersionAndCommitAreTheBuildsEverywhere) {
  ORDO_VERIFIES("P11-11");
  Json health = http().Get("/api/v1/health").json();
  const std::string version = health.value("version", "");
  const std::string commit = health.value("commit", "");
  EXPECT_TRUE(std::regex_match(version, std::regex(R"(\d+\.\d+\.\d+)"))) << health.dump();
  EXPECT_FALSE(commit.empty()) << health.dump();
  RunResult line = sandbox_.Ordo({"--version"});
  ASSERT_EQ(line.status.code, 0) << line.Describe();
  EXPECT_EQ(line.out.rfind("ordo " + version + " (commit " + commit + ", built ", 0), 0u)
      << line.out;
  EXPECT_EQ(http().Get("/api/v1/openapi.json").json()["info"].value("version", ""), version);
}

TEST_F(OpenApiTest, EveryOperationHasAStableUniqueIdATagADescriptionAndOneSuccessStatus) {
  ORDO_VERIFIES("ORDO-API-03");
  Json doc = http().Get("/api/v1/openapi.json").json();
  std::set<std::string> declared_tags;
  for (const auto& t : doc["tags"]) {
    EXPECT_FALSE(t.value("description", "").empty()) << t.dump();
    declared_tags.insert(t.value("name", ""));
  }
  std::set<std::string> ids;
  int operations = 0;
  for (auto& [path, methods] : doc["paths"].items()) {
    for (auto& [method, op] : methods.items()) {
      SCOPED_TRACE(Upper(method) + " " + path);
      ++operations;
      const std::string id = op.value("operationId", "");
      EXPECT_TRUE(std::regex_match(id, std::regex("[a-z]+[A-Za-z0-9]*"))) << id;
      EXPECT_TRUE(ids.insert(id).second) << "operationId used twice: " << id;
      ASSERT_EQ(op["tags"].size(), 1u) << op.dump();
      EXPECT_EQ(declared_tags.count(op["tags"][0].get<std::string>()), 1u) << op.dump();
      const std::string description = op.value("description", "");
      EXPECT_EQ(description.rfind(op.value("summary", "?"), 0), 0u) << description;
      if (op.contains("x-ordo-permission")) {
        EXPECT_NE(description.find("`" + op["x-ordo-permission"].get<std::string>() + "`"),
                  std::string::npos)
            << description;
      } else {
        EXPECT_NE(description.find("Public"), std::string::npos) << description;
      }
      if (op.contains("x-ordo-signature-meaning")) {
        EXPECT_NE(description.find("`" + op["x-ordo-signature-meaning"].get<std::string>() + "`"),
                  std::string::npos)
            << description;
      }
      int successes = 0;
      for (auto& [status, response] : op["responses"].items()) {
        if (status.size() != 3 || status[0] != '2') continue;
        ++successes;
        if (status != "204") {
          EXPECT_TRUE(response["content"].is_object()) << response.dump();
        }
      }
      EXPECT_EQ(successes, 1) << op["responses"].dump();
    }
  }
  EXPECT_GE(operations, 40);
  // Derived from method and path, so clients generated today still fit tomorrow.
  EXPECT_EQ(doc["paths"]["/api/v1/change-requests/{id}/approve"]["post"].value("operationId", ""),
            "postChangeRequestsByIdApprove");
  EXPECT_EQ(doc["paths"]["/api/v1/logbook"]["post"].value("operationId", ""), "postLogbook");
}

TEST_F(OpenApiTest, DocumentedSuccessStatusesAreTheRealOnes) {
  ORDO_VERIFIES("ORDO-API-03");
  Json paths = http().Get("/api/v1/openapi.json").json()["paths"];
  const auto documented = [&](const std::string& path, const std::string& method) {
    for (auto& [status, response] : paths[path][method]["responses"].items())
      if (status[0] == '2') return std::stoi(status);
    return 0;
  };
  const std::string op = TokenFor("operator");
  HttpReply logbook = http().Post("/api/v1/logbook", LogbookEntry("documented as created"), op);
  EXPECT_EQ(logbook.status, 201) << logbook.Describe();
  EXPECT_EQ(documented("/api/v1/logbook", "post"), logbook.status);
  HttpReply list = http().Get("/api/v1/logbook", op);
  EXPECT_EQ(documented("/api/v1/logbook", "get"), list.status);

  const std::string admin = TokenFor("admin");
  HttpReply created = http().Post("/api/v1/users",
                                  Json{{"name", "openapi-user"},
                                       {"display_name", "O. Api"},
                                       {"roles", {"operator"}},
                                       {"password", StrongPassword("openapi")}},
                                  admin);
  EXPECT_EQ(documented("/api/v1/users", "post"), created.status) << created.Describe();
  ASSERT_TRUE(created.json()["user"].is_object()) << created.Describe();
  const std::string id = std::to_string(created.json()["user"]["id"].get<std::int64_t>());
  HttpReply disabled =
      http().Post("/api/v1/users/" + id + "/disable", Json{{"reason", "test"}}, admin);
  EXPECT_EQ(documented("/api/v1/users/{id}/disable", "post"), disabled.status)
      << disabled.Describe();
  HttpReply health = http().Get("/api/v1/health");
  EXPECT_EQ(documented("/api/v1/health", "get"), health.status);
}

TEST_F(OpenApiTest, ProblemTypesResolveOnTheServerItself) {
  ORDO_VERIFIES("ORDO-API-04");
  // Problems of several codes name a type that this server describes.
  struct Case {
    HttpReply reply;
    std::string code;
  };
  const std::string op = TokenFor("operator");
  std::vector<Case> cases = {
      {http().Get("/api/v1/no-such-thing"), "not_found"},
      {http().Get("/api/v1/users"), "unauthenticated"},
      {http().Get("/api/v1/users", op), "permission_denied"},
      {http().Post("/api/v1/logbook", Json{{"colour", "red"}}, op), "invalid_argument"},
      {http().Request("POST", "/api/v1/logbook", "{}", op, {{"Content-Type", "text/plain"}}),
       "unsupported_media_type"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.code);
    ExpectProblem(c.reply, HttpStatusOf(c.code), c.code);
    const std::string type = c.reply.json().value("type", "");
    EXPECT_EQ(type, "/api/v1/problems/" + c.code) << c.reply.Describe();
    HttpReply described = http().Get(type);  // no token: problem types are public
    ASSERT_EQ(described.status, 200) << described.Describe();
    Json d = described.json();
    EXPECT_EQ(d.value("type", ""), type);
    EXPECT_EQ(d.value("code", ""), c.code);
    EXPECT_EQ(d.value("status", 0), c.reply.status);
    EXPECT_FALSE(d.value("title", "").empty()) << d.dump();
    EXPECT_GE(d.value("description", "").size(), 40u) << d.dump();
    EXPECT_GE(d.value("what_to_do", "").size(), 20u) << d.dump();
  }

  // Every code the document lists resolves, with its own status.
  Json doc = http().Get("/api/v1/openapi.json").json();
  Json codes = doc["paths"]["/api/v1/problems/{code}"]["get"]["responses"]["200"]["content"]
                  ["application/json"]["schema"]["properties"]["code"]["enum"];
  ASSERT_EQ(codes.size(), 11u) << codes.dump();
  std::set<std::string> descriptions;
  for (const auto& code : codes) {
    HttpReply described = http().Get("/api/v1/problems/" + code.get<std::string>());
    ASSERT_EQ(described.status, 200) << described.Describe();
    EXPECT_EQ(described.json().value("status", 0), HttpStatusOf(code.get<std::string>()));
    descriptions.insert(described.json().value("description", ""));
  }
  EXPECT_EQ(descriptions.size(), codes.size()) << "each code has its own description";
  ExpectProblem(http().Get("/api/v1/problems/no_such_code"), 404, "not_found");

  // No problem type points at a domain the project does not own.
  EXPECT_EQ(doc.dump().find("ordo.dev"), std::string::npos);
}

}  // namespace
}  // namespace ordo::testing
