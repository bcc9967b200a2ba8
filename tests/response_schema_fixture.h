// Shared fixture of the response schema tests (response_schema_test.cc: the platform's
// reads and commands; response_schema_mes_test.cc: the MES capabilities' flows): the
// published API document, the documented success status and schema of an operation, and
// a checker that records which operations a flow covered.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <string>

#include "masterdata_fixture.h"
#include "support/json_schema.h"

namespace ordo::testing {

class ResponseSchemaTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
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

  // Quality signs a review of the audit trail up to the newest entry (AR-000001 on a
  // fresh site).
  HttpReply SignReview() {
    HttpReply head = http().Get("/api/v1/ledger?before=0&limit=1", quality_);
    const Json entries = head.json()["entries"];
    EXPECT_FALSE(entries.empty()) << head.Describe();
    Json body = SigOf("quality");
    body["from"] = "1970-01-01T00:00:00Z";
    body["to"] = entries.empty() ? "" : entries[0].value("time", "");
    body["filters"] = {{"type", "session.login_succeeded"}};
    return http().Post("/api/v1/audit-reviews", body, quality_);
  }

  // A receipt of 2 drums of the demo's RM-PCM-API.
  static Json ReceiptOf(const std::string& lot) {
    return Json{{"lot", lot},
                {"material", "RM-PCM-API"},
                {"supplier", "Acme"},
                {"supplier_lot", "A-1"},
                {"quantity", 2},
                {"unit", "drum"},
                {"expiry", "2099-12-31"}};
  }

  Json document_;
  std::map<std::string, std::string> tokens_;
  int checked_ = 0;
};

// Walks a flow through the API as the demo users do, checking every answer.
class ResponseSchemaFlowTest : public ResponseSchemaTest {
 protected:
  // Checks the answer to `method` `target` against the operation of `path` (its template
  // in the document): the documented success status and schema, or `status` when given
  // (an answer the document does not name, such as plant apply's no-op 200). Records the
  // operation as covered; returns the answer's JSON.
  Json Fits(const std::string& method, const std::string& path, const std::string& target,
            const HttpReply& reply, int status = 0) {
    std::string lower = method;
    for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    auto [documented, schema] = Success(path, lower);
    EXPECT_NE(documented, 0) << method << " " << path << " documents no success response";
    EXPECT_FALSE(schema.is_null()) << method << " " << path << " documents no JSON schema";
    ExpectFits(method + " " + target, reply, status ? status : documented, schema);
    covered_.insert(method + " " + path);
    ++calls_;
    return reply.json();
  }
  // GET `target` as the engineer (every masterdata read needs masterdata.read).
  Json FitsGet(const std::string& path, const std::string& target) {
    return Fits("GET", path, target, http().Get(target, engineer_));
  }
  // A signed change request step (submit, review, approve, reject) as the demo `role`.
  Json Step(const std::string& cr, const std::string& verb, const std::string& role,
            const std::string& comment = "") {
    const std::string token = role == "engineer" ? engineer_ : quality_;
    return Fits("POST", "/api/v1/change-requests/{id}/" + verb,
                "/api/v1/change-requests/" + cr + "/" + verb,
                Command(token, cr, verb, SigOf(role, comment)));
  }
  Json Draft(const std::string& cr, const std::string& kind, const std::string& id,
             const Json& body) {
    const std::string target = "/api/v1/change-requests/" + cr + "/items/" + kind + "/" + id;
    return Fits("PUT", "/api/v1/change-requests/{id}/items/{kind}/{object}", target,
                Put(target, body, engineer_));
  }
  Json Open(const Json& body) {
    return Fits("POST", "/api/v1/change-requests", "/api/v1/change-requests",
                http().Post("/api/v1/change-requests", body, engineer_));
  }
  Json ObjectOf(const std::string& kind, const std::string& id) {
    return FitsGet("/api/v1/masterdata/{kind}/{id}", "/api/v1/masterdata/" + kind + "/" + id);
  }

  std::set<std::string> covered_;  // "METHOD /path/{template}"
  int calls_ = 0;
};

}  // namespace ordo::testing
