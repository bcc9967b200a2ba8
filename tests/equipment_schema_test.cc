// Every equipment operation's answer fits its documented success status and response
// schema in the published OpenAPI document: the source registry, machine data ingest and
// the read-back of states and counts, called as the demo users and a rest source do.
#include <gtest/gtest.h>

#include <set>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "support/json_schema.h"

namespace ordo::testing {
namespace {

class EquipmentSchemaTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    document_ = http().Get("/api/v1/openapi.json").json();
  }

  // Checks `reply` against the operation `method` `path` of the document.
  Json Fits(const std::string& method, const std::string& path, const HttpReply& reply) {
    SCOPED_TRACE(method + " " + path);
    const Json& op = document_["paths"][path][method];
    int status = 0;
    Json schema;
    for (const auto& [code, response] : op["responses"].items()) {
      if (code.empty() || code[0] != '2') continue;
      status = std::stoi(code);
      schema = response["content"]["application/json"].value("schema", Json());
    }
    EXPECT_NE(status, 0) << "no success response documented";
    EXPECT_FALSE(schema.is_null()) << "no response schema documented";
    EXPECT_EQ(reply.status, status) << reply.Describe();
    if (reply.status == status && !schema.is_null()) {
      auto mismatches = SchemaMismatches(schema, reply.json(), document_);
      std::string listed;
      for (const auto& m : mismatches) listed += m + "\n";
      EXPECT_TRUE(mismatches.empty()) << listed << reply.body.substr(0, 2000);
    }
    covered_.insert(method + " " + path);
    return reply.json();
  }

  Json document_;
  std::set<std::string> covered_;
};

TEST_F(EquipmentSchemaTest, EveryEquipmentAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-EQ-20");
  const std::string engineer = TokenFor("engineer");
  const std::string op = TokenFor("operator");
  const Headers json{{"Content-Type", "application/json"}};
  Json registered =
      Fits("post", "/api/v1/sources",
           http().Post("/api/v1/sources",
                       Json{{"name", "press"}, {"kind", "rest"}, {"work_units", {"WU-PRESS-01"}}},
                       engineer));
  const std::string key = registered.value("api_key", "");
  Fits("post", "/api/v1/sources",
       http().Post("/api/v1/sources",
                   Json{{"name", "spb"},
                        {"kind", "sparkplug"},
                        {"work_units", {"WU-PKG-01"}},
                        {"group_id", "plant"},
                        {"edge_node", "pkg"}},
                   engineer));
  Fits("get", "/api/v1/sources", http().Get("/api/v1/sources", op));
  Fits("get", "/api/v1/sources/{name}", http().Get("/api/v1/sources/spb", op));
  Fits("patch", "/api/v1/sources/{name}",
       http().Request("PATCH", "/api/v1/sources/spb", Json{{"enabled", false}}.dump(), engineer,
                      json));
  Json batch{
      {"source", "press"},
      {"seq", 1},
      {"states",
       {{{"work_unit", "WU-PRESS-01"}, {"time", "2026-11-30T06:00:00Z"}, {"state", "running"}},
        {{"work_unit", "WU-PRESS-01"},
         {"time", "2026-11-30T06:01:00Z"},
         {"state", "idle"},
         {"reason", "starved"}}}},
      {"counts", {{{"work_unit", "WU-PRESS-01"}, {"time", "2026-11-30T06:01:00Z"}, {"total", 7}}}}};
  Fits("post", "/api/v1/equipment-data", http().Post("/api/v1/equipment-data", batch, key));
  Fits("post", "/api/v1/equipment-data", http().Post("/api/v1/equipment-data", batch, key));
  const std::string window = "?from=2026-11-30T05:00:00Z&to=2026-11-30T07:00:00Z";
  Json states = Fits("get", "/api/v1/work-units/{id}/states",
                     http().Get("/api/v1/work-units/WU-PRESS-01/states" + window, op));
  EXPECT_EQ(states["intervals"].size(), 2u);
  Fits("get", "/api/v1/work-units/{id}/counts",
       http().Get("/api/v1/work-units/WU-PRESS-01/counts" + window + "&step=3600", op));
  Fits("get", "/api/v1/downtime",
       http().Get("/api/v1/downtime?unassigned=true&from=2026-11-30T05:00:00Z&to="
                  "2026-11-30T07:00:00Z",
                  op));
  Json down = batch;
  down["seq"] = 2;
  down["states"] = {
      {{"work_unit", "WU-PRESS-01"}, {"time", "2026-11-30T06:30:00Z"}, {"state", "down"}}};
  down.erase("counts");
  ASSERT_EQ(http().Post("/api/v1/equipment-data", down, key).status, 200);
  Fits("post", "/api/v1/work-units/{id}/downtime/{start}/reason",
       http().Post("/api/v1/work-units/WU-PRESS-01/downtime/2026-11-30T06:30:00Z/reason",
                   Json{{"reason_code", "UNP-JAM"}}, op));
  // The equipment board, its stream and the downtime list (assigned and not).
  Fits("get", "/api/v1/equipment/board", http().Get("/api/v1/equipment/board", op));
  Fits("get", "/api/v1/equipment/board",
       http().Get("/api/v1/equipment/board?since=2026-11-30T05:00:00Z", op));
  Json list = Fits("get", "/api/v1/equipment/downtime",
                   http().Get("/api/v1/equipment/downtime?from=2026-11-30T05:00:00Z&to="
                              "2026-11-30T07:00:00Z",
                              op));
  EXPECT_EQ(list["downtime"].size(), 1u);
  HttpReply stream = server_->Client().Stream(
      "/api/v1/equipment/board/stream", op,
      [](const std::string& body) { return body.find("\n\n") != std::string::npos; }, 30);
  EXPECT_EQ(stream.status, 200) << stream.Describe();
  EXPECT_EQ(stream.Header("content-type"), "text/event-stream");
  EXPECT_EQ(
      document_["paths"]["/api/v1/equipment/board/stream"]["get"]["responses"]["200"]["content"]
          .count("text/event-stream"),
      1u);
  covered_.insert("get /api/v1/equipment/board/stream");
  // The down change above is the latest and hours old: the press is blocked.
  Fits("post", "/api/v1/work-units/{id}/availability-override",
       http().Post("/api/v1/work-units/WU-PRESS-01/availability-override",
                   Json{{"reason", "checked on the floor: runs"}}, TokenFor("supervisor")));
  Fits("post", "/api/v1/sources/{name}/key",
       http().Request("POST", "/api/v1/sources/press/key", "", engineer));
  // Every equipment operation was called.
  for (const auto& [path, methods] : document_["paths"].items())
    for (const auto& [method, operation] : methods.items())
      if (operation["tags"][0] == "equipment") {
        EXPECT_EQ(covered_.count(method + " " + path), 1u) << method << " " << path;
      }
}

}  // namespace
}  // namespace ordo::testing
