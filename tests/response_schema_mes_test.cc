// The published API document matches what the MES capabilities send: flows through the
// deviations, lots, orders and dispatch commands and reads as the demo users would run
// them, each answer checked against its operation's documented success status and
// response schema (the platform's reads and commands: response_schema_test.cc).
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "response_schema_fixture.h"

namespace ordo::testing {
namespace {

// Quality opens a deviation on an order, investigates and dispositions it (signed), and
// reads the list and the deviation: every answer fits its documented schema, and every
// deviations operation is checked.
TEST_F(ResponseSchemaFlowTest, EveryDeviationsAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-DEV-14");
  const std::string supervisor = TokenFor("supervisor");
  ASSERT_EQ(http()
                .Post("/api/v1/orders",
                      Json{{"order_id", "PO-RS-DEV"},
                           {"product", "PD-PCM500-20"},
                           {"quantity", 1500},
                           {"unit", "ea"},
                           {"due_date", "2099-01-31"}},
                      supervisor)
                .status,
            201);
  Json opened = Fits(
      "POST", "/api/v1/deviations", "/api/v1/deviations",
      http().Post(
          "/api/v1/deviations",
          Json{{"order_id", "PO-RS-DEV"}, {"title", "schema flow"}, {"classification", "minor"}},
          supervisor));
  const std::string id = opened["deviation"]["id"];
  const std::string base = "/api/v1/deviations/" + id;
  Fits("POST", "/api/v1/deviations/{id}/update", base + "/update",
       http().Post(base + "/update", Json{{"investigation_note", "looked"}}, quality_));
  Json body{{"disposition", "use_as_is"}, {"comment", "fine"}};
  body["signature"] = SigOf("quality")["signature"];
  Json closed = Fits("POST", "/api/v1/deviations/{id}/disposition", base + "/disposition",
                     http().Post(base + "/disposition", body, quality_));
  EXPECT_EQ(closed["deviation"]["state"], "closed");
  Fits("GET", "/api/v1/deviations", "/api/v1/deviations?state=closed",
       http().Get("/api/v1/deviations?state=closed", supervisor));
  Fits("GET", "/api/v1/deviations/{id}", base, http().Get(base, supervisor));
  for (const auto& [path, methods] : document_["paths"].items())
    for (const auto& [method, op] : methods.items()) {
      if (op["tags"][0] != "deviations") continue;
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(covered_.count(upper + " " + path)) << upper << " " << path << " not checked";
    }
  EXPECT_EQ(covered_.size(), 5u);
}

// The lots commands and reads: receive (and the same receipt again, 200), import, release,
// hold, lift the hold, reject, and the same actions on serials; every answer fits its
// documented schema.
TEST_F(ResponseSchemaFlowTest, EveryLotsAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-LOT-13");
  const std::string supervisor = TokenFor("supervisor");
  Fits("POST", "/api/v1/lots", "/api/v1/lots",
       http().Post("/api/v1/lots", ReceiptOf("RS-1"), supervisor));
  Json again = Fits("POST", "/api/v1/lots", "/api/v1/lots",
                    http().Post("/api/v1/lots", ReceiptOf("RS-1"), supervisor), 200);
  EXPECT_EQ(again["outcome"], "unchanged");
  Fits("POST", "/api/v1/lots/import", "/api/v1/lots/import",
       http().Post("/api/v1/lots/import",
                   Json{{"content",
                         "lot,material,supplier,supplier_lot,quantity,unit,expiry,retest\n"
                         "RS-2,RM-PCM-API,Acme,A-2,50,kg,2099-01-31,\n"
                         "RS-3,RM-PCM-API,Acme,A-3,50,lb,2099-01-31,\n"}},
                   supervisor));
  auto signed_by = [&](Json body) {
    body["signature"] = SigOf("quality")["signature"];
    return body;
  };
  Fits("POST", "/api/v1/lots/{lot}/release", "/api/v1/lots/RS-1/release",
       http().Post("/api/v1/lots/RS-1/release", signed_by(Json::object()), quality_));
  Fits("POST", "/api/v1/lots/{lot}/hold", "/api/v1/lots/RS-1/hold",
       http().Post("/api/v1/lots/RS-1/hold", Json{{"reason", "check"}}, quality_));
  Fits("POST", "/api/v1/lots/{lot}/lift-hold", "/api/v1/lots/RS-1/lift-hold",
       http().Post("/api/v1/lots/RS-1/lift-hold", Json{{"reason", "checked"}}, quality_));
  Fits("POST", "/api/v1/lots/{lot}/reject", "/api/v1/lots/RS-2/reject",
       http().Post("/api/v1/lots/RS-2/reject", signed_by(Json{{"reason", "assay"}}), quality_));
  Fits("GET", "/api/v1/lots", "/api/v1/lots?status=released",
       http().Get("/api/v1/lots?status=released", supervisor));
  Json lot = Fits("GET", "/api/v1/lots/{lot}", "/api/v1/lots/RS-1",
                  http().Get("/api/v1/lots/RS-1", supervisor));
  EXPECT_EQ(lot["lot"]["history"].size(), 4u) << lot.dump();
  Json serials = Fits("GET", "/api/v1/serials", "/api/v1/serials?order=WO-DEMO-1001&limit=3",
                      http().Get("/api/v1/serials?order=WO-DEMO-1001&limit=3", supervisor));
  ASSERT_EQ(serials["serials"].size(), 3u) << serials.dump();
  const std::string serial = serials["serials"][0]["serial"].get<std::string>();
  Fits("GET", "/api/v1/serials/{serial}", "/api/v1/serials/" + serial,
       http().Get("/api/v1/serials/" + serial, supervisor));
  // The serial quality actions (quality holds lots.release): hold, lift, and a list hold.
  Fits("POST", "/api/v1/serials/{serial}/hold", "/api/v1/serials/" + serial + "/hold",
       http().Post("/api/v1/serials/" + serial + "/hold", Json{{"reason", "suspect"}}, quality_));
  Fits("POST", "/api/v1/serials/{serial}/lift-hold", "/api/v1/serials/" + serial + "/lift-hold",
       http().Post("/api/v1/serials/" + serial + "/lift-hold", Json{{"reason", "cleared"}},
                   quality_));
  Fits("POST", "/api/v1/serials/hold", "/api/v1/serials/hold",
       http().Post("/api/v1/serials/hold",
                   Json{{"serials", Json::array({serial})}, {"reason", "suspect"}}, quality_));
  // The demo's serials are born quarantined. One is rejected (signed); another is held
  // through the order's batch release, then returned to quarantine and released on its own
  // (the release gate wants the order's batch release in force).
  const std::string to_release = serials["serials"][1]["serial"].get<std::string>();
  const std::string to_reject = serials["serials"][2]["serial"].get<std::string>();
  Json rejected =
      Fits("POST", "/api/v1/serials/{serial}/reject", "/api/v1/serials/" + to_reject + "/reject",
           http().Post("/api/v1/serials/" + to_reject + "/reject",
                       signed_by(Json{{"reason", "leak test"}}), quality_));
  EXPECT_EQ(rejected["serial"]["state"], "rejected") << rejected.dump();
  ASSERT_EQ(
      http()
          .Post("/api/v1/serials/" + to_release + "/hold", Json{{"reason", "re-test"}}, quality_)
          .status,
      200);
  HttpReply batch_release =
      http().Post("/api/v1/orders/WO-DEMO-1001/batch-record/release", SigOf("quality"), quality_);
  ASSERT_EQ(batch_release.status, 200) << batch_release.body;
  ASSERT_EQ(http()
                .Post("/api/v1/serials/" + to_release + "/lift-hold", Json{{"reason", "passed"}},
                      quality_)
                .status,
            200);
  Json released =
      Fits("POST", "/api/v1/serials/{serial}/release", "/api/v1/serials/" + to_release + "/release",
           http().Post("/api/v1/serials/" + to_release + "/release", signed_by(Json::object()),
                       quality_));
  EXPECT_EQ(released["serial"]["state"], "released") << released.dump();
  Json split = Fits(
      "POST", "/api/v1/lots/{lot}/split", "/api/v1/lots/RS-1/split",
      http().Post("/api/v1/lots/RS-1/split",
                  Json{{"sublot", "RS-1-A"}, {"quantity", 10}, {"location", "WH-B"}}, supervisor));
  EXPECT_EQ(split["sublot"]["origin"], "split") << split.dump();
  Fits("POST", "/api/v1/lots/{lot}/move", "/api/v1/lots/RS-1-A/move",
       http().Post("/api/v1/lots/RS-1-A/move", Json{{"location", "WH-C"}}, supervisor));
  // A second sublot takes the first in (merging back into RS-1 would loop the genealogy).
  ASSERT_EQ(
      http()
          .Post("/api/v1/lots/RS-1/split", Json{{"sublot", "RS-1-B"}, {"quantity", 5}}, supervisor)
          .status,
      200);
  Fits("POST", "/api/v1/lots/{lot}/merge", "/api/v1/lots/RS-1-B/merge",
       http().Post("/api/v1/lots/RS-1-B/merge", Json{{"from", Json::array({"RS-1-A"})}},
                   supervisor));
  for (const auto& [path, methods] : document_["paths"].items())
    for (const auto& [method, op] : methods.items()) {
      if (op["tags"][0] != "lots") continue;
      std::string upper = method;
      for (auto& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      EXPECT_TRUE(covered_.count(upper + " " + path)) << upper << " " << path << " not checked";
    }
  EXPECT_EQ(covered_.size(), 18u);
}

// A supervisor walks orders through the API (create, import, release, hold, resume,
// cancel) and every answer must fit its documented schema. Close needs a completed order,
// which only execution makes; its answer has the same schema as hold's.
TEST_F(ResponseSchemaFlowTest, EveryOrdersAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-ORDER-13");
  const std::string supervisor = TokenFor("supervisor");
  auto order = [](const std::string& id) {
    return Json{{"order_id", id},       {"product", "PD-PCM500-20"}, {"quantity", 15000},
                {"unit", "ea"},         {"due_date", "2026-12-15"},  {"priority", 2},
                {"customer_order", "C"}};
  };
  Fits("POST", "/api/v1/orders", "/api/v1/orders",
       http().Post("/api/v1/orders", order("PO-F1"), supervisor));
  Json report = Fits("POST", "/api/v1/orders/import", "/api/v1/orders/import",
                     http().Post("/api/v1/orders/import",
                                 Json{{"format", "csv"},
                                      {"content",
                                       "order_id,product,quantity,unit,due_date,priority,"
                                       "customer_order\nPO-F2,PD-PCM500-20,1,ea,2026-12-15,,\n"
                                       "PO-F3,PD-PCM500-20,0,ea,2026-12-15,,\n"}},
                                 supervisor));
  EXPECT_EQ(report["refused"], 1);
  auto act = [&](const std::string& id, const std::string& verb, const Json& body) {
    return Fits("POST", "/api/v1/orders/{id}/" + verb, "/api/v1/orders/" + id + "/" + verb,
                http().Post("/api/v1/orders/" + id + "/" + verb, body, supervisor));
  };
  Json released = act("PO-F1", "release", Json::object());
  EXPECT_FALSE(released["operations"].empty());
  act("PO-F1", "hold", Json{{"reason", "check"}});
  act("PO-F1", "resume", Json::object());
  act("PO-F1", "cancel", Json{{"reason", "not needed"}});
  EXPECT_EQ(checked_, calls_) << "an answer had another status than documented";
}

// A supervisor reads the work units and the booth's dispatch list, moves an entry, and
// every answer fits its documented schema; the stream documents server-sent events
// (dispatch_api_test reads it).
TEST_F(ResponseSchemaFlowTest, EveryDispatchAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-DISPATCH-09", "ORDO-DISPATCH-10");
  const std::string supervisor = TokenFor("supervisor");
  for (const std::string id : {"PO-D1", "PO-D2"}) {
    ASSERT_EQ(http()
                  .Post("/api/v1/orders",
                        Json{{"order_id", id},
                             {"product", "PD-PCM500-20"},
                             {"quantity", 1500},
                             {"unit", "ea"},
                             {"due_date", "2026-12-15"}},
                        supervisor)
                  .status,
              201);
    ASSERT_EQ(http().Post("/api/v1/orders/" + id + "/release", Json::object(), supervisor).status,
              200);
  }
  Json units = Fits("GET", "/api/v1/work-units", "/api/v1/work-units",
                    http().Get("/api/v1/work-units", supervisor));
  EXPECT_FALSE(units["work_units"].empty()) << units.dump();
  const std::string list = "/api/v1/work-units/WU-DISP-BOOTH1/dispatch";
  Json before = Fits("GET", "/api/v1/work-units/{id}/dispatch", list, http().Get(list, supervisor));
  // The demo's released order (WO-DEMO-1003) waits on the booth too.
  ASSERT_EQ(before["entries"].size(), 3u) << before.dump();
  Json after = Fits("POST", "/api/v1/work-units/{id}/dispatch/moves", list + "/moves",
                    http().Post(list + "/moves",
                                Json{{"order_id", "PO-D2"},
                                     {"operation", "10"},
                                     {"direction", "position"},
                                     {"to_position", 1},
                                     {"reason", "material staged"}},
                                supervisor));
  EXPECT_EQ(after["entries"][0]["order_id"], "PO-D2") << after.dump();
  const Json& stream =
      document_["paths"]["/api/v1/work-units/{id}/dispatch/stream"]["get"]["responses"]["200"];
  EXPECT_TRUE(stream["content"].contains("text/event-stream")) << stream.dump();
  EXPECT_EQ(checked_, calls_) << "an answer had another status than documented";
}

}  // namespace
}  // namespace ordo::testing
