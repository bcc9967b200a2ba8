// Integration tests of the recall report (issue 11 section 1) against the real server:
// supplier lots go into an order that produces finished lots; the recall report of a
// supplier lot lists those lots with status, quantity, location and order, as JSON, as
// CSV (RFC 4180, formula guard) and as printable HTML (escaped); a lot that reached no
// finished product gives an empty list; an unknown lot is 404 and a bad format 400
// naming the field, changing nothing. The same chain checks the trace's node limit
// (?limit=N, truncated).
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>

#include "core/testing/verifies.h"
#include "support/production_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-REC-1";
const std::string kLocation = "=SUM(1,2)<b>";

class GenealogyRecallTest : public ProductionTest {
 protected:
  void SetUp() override {
    ProductionTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* lot : {"L-REC-A", "L-REC-B", "L-REC-C"}) {
      ReceiveReleasedLot(lot);
      if (HasFatalFailure()) return;
    }
    // WO-REC-1 consumes A and B and makes two finished lots, the first split in two;
    // C is only split.
    StartOrder(kOrder);
    Consume(kOrder, "L-REC-A", 2);
    Consume(kOrder, "L-REC-B", 1.5);
    const std::string op = "/api/v1/orders/" + kOrder + "/operations/10";
    HttpReply p1 =
        http().Post(op + "/produce", Json{{"lot", "FG-REC-1"}, {"quantity", 750}}, operator_);
    ASSERT_EQ(p1.status, 200) << p1.Describe();
    HttpReply p2 = http().Post(op + "/produce",
                               Json{{"lot", "FG-REC-2"}, {"quantity", 10}, {"location", kLocation}},
                               operator_);
    ASSERT_EQ(p2.status, 200) << p2.Describe();
    Split("FG-REC-1", "FG-REC-1-S", 50);
    Split("L-REC-C", "L-REC-C-S", 3);
    material_ = p1.json()["produced"]["material"].get<std::string>();
  }

  void Split(const std::string& lot, const std::string& sublot, double quantity) {
    HttpReply r = http().Post("/api/v1/lots/" + lot + "/split",
                              Json{{"sublot", sublot},
                                   {"quantity", quantity},
                                   {"location", "WH-QA"},
                                   {"reason", "sample"}},
                              supervisor_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  std::string material_;
};

TEST_F(GenealogyRecallTest, ASupplierLotsRecallListsTheFinishedLotsItWentInto) {
  ORDO_VERIFIES("ORDO-GEN-22", "IND-10", "DI-10");
  HttpReply r = http().Get("/api/v1/genealogy/L-REC-A/recall", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json body = r.json();
  EXPECT_EQ(body["summary"]["suspect"], "lot:L-REC-A");
  EXPECT_EQ(body["summary"]["suspect_material"], "RM-PCM-API");
  EXPECT_EQ(body["summary"]["count"], 3);
  EXPECT_EQ(body["summary"]["truncated"], false);
  EXPECT_TRUE(body["summary"]["generated_at"].is_string());
  ASSERT_EQ(body["items"].size(), 3u) << body.dump();
  const Json& first = body["items"][0];
  EXPECT_EQ(first["node"], "lot:FG-REC-1");
  EXPECT_EQ(first["kind"], "lot");
  EXPECT_EQ(first["id"], "FG-REC-1");
  EXPECT_EQ(first["material"], material_);
  EXPECT_EQ(first["status"], "quarantined");
  EXPECT_DOUBLE_EQ(first["quantity"].get<double>(), 700);
  EXPECT_EQ(first["location"], "WU-DISP-BOOTH1");
  EXPECT_EQ(first["order_id"], kOrder);
  EXPECT_EQ(first["depth"], 2);
  EXPECT_EQ(body["items"][1]["id"], "FG-REC-2");
  EXPECT_EQ(body["items"][1]["location"], kLocation);
  // The sublot split off a finished lot is listed too, one level further.
  const Json& sublot = body["items"][2];
  EXPECT_EQ(sublot["id"], "FG-REC-1-S");
  EXPECT_EQ(sublot["depth"], 3);
  EXPECT_DOUBLE_EQ(sublot["quantity"].get<double>(), 50);
  EXPECT_EQ(sublot["location"], "WH-QA");
  EXPECT_EQ(sublot["order_id"], kOrder);
  // The same from the other supplier lot; the order itself is not listed.
  HttpReply b = http().Get("/api/v1/genealogy/lot:L-REC-B/recall?format=json", operator_);
  ASSERT_EQ(b.status, 200) << b.Describe();
  EXPECT_EQ(b.json()["items"].size(), 3u);
  // A finished lot is its own recall.
  HttpReply self = http().Get("/api/v1/genealogy/FG-REC-1/recall", operator_);
  ASSERT_EQ(self.status, 200) << self.Describe();
  ASSERT_EQ(self.json()["items"].size(), 2u);
  EXPECT_EQ(self.json()["items"][0]["depth"], 0);
}

TEST_F(GenealogyRecallTest, LotsOfADiscontinuedFinishedProductAreStillRecalled) {
  ORDO_VERIFIES("ORDO-GEN-28", "IND-10");
  // The finished material is made obsolete (the product is discontinued) after its lots
  // were made: they are still out there, so the recall still lists them.
  const std::string cr = OpenCr(engineer_, "Discontinue the product");
  HttpReply retire =
      Put("/api/v1/change-requests/" + cr + "/items/material/" + material_,
          Json{{"content", Effective("material", material_)}, {"action", "obsolete"}}, engineer_);
  ASSERT_EQ(retire.status, 200) << retire.Describe();
  SubmitAndApprove(cr);
  if (HasFatalFailure()) return;
  ASSERT_EQ(GetObject("material", material_)["object"]["status"], "obsolete");
  HttpReply r = http().Get("/api/v1/genealogy/L-REC-A/recall", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json items = r.json()["items"];
  ASSERT_EQ(items.size(), 3u) << r.body;
  EXPECT_EQ(items[0]["id"], "FG-REC-1");
  EXPECT_EQ(items[0]["material"], material_);
  EXPECT_EQ(items[1]["id"], "FG-REC-2");
  EXPECT_EQ(items[2]["id"], "FG-REC-1-S");
  // The supplier lots' material is not made finished by this: A itself is not listed.
  for (const Json& item : items) EXPECT_NE(item["id"], "L-REC-A");
}

TEST_F(GenealogyRecallTest, ALotThatReachedNoFinishedProductGivesAnEmptyList) {
  ORDO_VERIFIES("ORDO-GEN-22", "IND-10");
  // C went into its sublot only; the sublot into nothing.
  for (const char* lot : {"L-REC-C", "L-REC-C-S"}) {
    HttpReply r = http().Get("/api/v1/genealogy/" + std::string(lot) + "/recall", supervisor_);
    ASSERT_EQ(r.status, 200) << lot << ": " << r.Describe();
    EXPECT_EQ(r.json()["summary"]["count"], 0) << lot;
    EXPECT_TRUE(r.json()["items"].empty()) << lot;
  }
  HttpReply csv = http().Get("/api/v1/genealogy/L-REC-C/recall?format=csv", supervisor_);
  ASSERT_EQ(csv.status, 200) << csv.Describe();
  EXPECT_EQ(csv.body, "kind,id,material,status,quantity,unit,location,order,depth\r\n");
  HttpReply html = http().Get("/api/v1/genealogy/L-REC-C/recall?format=html", supervisor_);
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_NE(html.body.find("No finished lot or serial contains this lot."), std::string::npos);
}

TEST_F(GenealogyRecallTest, CsvIsQuotedAndGuardedAgainstSpreadsheetFormulas) {
  ORDO_VERIFIES("ORDO-GEN-23", "IND-10");
  HttpReply r = http().Get("/api/v1/genealogy/L-REC-A/recall?format=csv", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.headers["content-type"].rfind("text/csv", 0), 0u) << r.headers["content-type"];
  EXPECT_NE(r.headers["content-disposition"].find("recall-L-REC-A.csv"), std::string::npos);
  const std::string header = "kind,id,material,status,quantity,unit,location,order,depth\r\n";
  ASSERT_EQ(r.body.rfind(header, 0), 0u) << r.body;
  EXPECT_NE(r.body.find("lot,FG-REC-1," + material_ + ",quarantined,700,"), std::string::npos)
      << r.body;
  EXPECT_NE(r.body.find(",WU-DISP-BOOTH1," + kOrder + ",2\r\n"), std::string::npos) << r.body;
  // The location that starts with '=' and holds a comma: apostrophe, then quoted.
  EXPECT_NE(r.body.find(",\"'=SUM(1,2)<b>\"," + kOrder + ",2\r\n"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find(",=SUM"), std::string::npos) << r.body;
}

TEST_F(GenealogyRecallTest, HtmlIsPrintableAndEscapesEveryValue) {
  ORDO_VERIFIES("ORDO-GEN-24", "IND-10");
  HttpReply r = http().Get("/api/v1/genealogy/L-REC-A/recall?format=html", quality_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.headers["content-type"].rfind("text/html", 0), 0u) << r.headers["content-type"];
  const std::string csp = r.headers["content-security-policy"];
  EXPECT_NE(csp.find("default-src 'none'"), std::string::npos) << csp;
  EXPECT_EQ(csp.find("script-src"), std::string::npos) << csp;
  EXPECT_NE(r.body.find("<td>FG-REC-1</td>"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find("<td>=SUM(1,2)&lt;b&gt;</td>"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("<b>"), std::string::npos);
  EXPECT_NE(r.body.find("<dd data-field=\"count\">3</dd>"), std::string::npos);
  EXPECT_NE(r.body.find("@page"), std::string::npos);
  EXPECT_NE(r.body.find("counter(page)"), std::string::npos);
}

TEST_F(GenealogyRecallTest, TheCliPrintsTheReportOrWritesItsCsvAndHtml) {
  ORDO_VERIFIES("ORDO-GEN-26", "IND-10");
  const Credentials& q = sandbox_.user("quality");
  const std::string pw = sandbox_.file("q.pw");
  {
    std::ofstream out(pw);
    out << q.password << "\n";
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  auto run = [&](std::vector<std::string> args) {
    for (const std::string& a : {std::string("--server"), url, std::string("--user"), q.name,
                                 std::string("--password-file"), pw})
      args.push_back(a);
    return sandbox_.Ordo(args);
  };
  RunResult text = run({"trace", "recall", "L-REC-A"});
  ASSERT_EQ(text.status.code, 0) << text.Describe();
  EXPECT_NE(text.out.find("Recall report: lot:L-REC-A (RM-PCM-API)"), std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("  lot:FG-REC-1  " + material_ +
                          ", quarantined, 700 ea, at WU-DISP-BOOTH1, order " + kOrder),
            std::string::npos)
      << text.out;
  EXPECT_NE(text.out.find("3 finished lot(s) and serial(s) to recall"), std::string::npos);
  const std::string csv_file = sandbox_.file("recall.csv");
  RunResult csv = run({"trace", "recall", "L-REC-A", "--csv", "--to", csv_file});
  ASSERT_EQ(csv.status.code, 0) << csv.Describe();
  std::ifstream in(csv_file, std::ios::binary);
  const std::string written((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  EXPECT_EQ(written.rfind("kind,id,material,status,quantity,unit,location,order,depth\r\n", 0), 0u)
      << written;
  EXPECT_NE(written.find("lot,FG-REC-1,"), std::string::npos) << written;
  RunResult html = run({"trace", "recall", "L-REC-C", "--html"});
  ASSERT_EQ(html.status.code, 0) << html.Describe();
  EXPECT_NE(html.out.find("No finished lot or serial contains this lot."), std::string::npos);
  RunResult unknown = run({"trace", "recall", "L-NO-SUCH"});
  EXPECT_EQ(unknown.status.code, 1) << unknown.Describe();
  EXPECT_NE(unknown.err.find("HTTP 404"), std::string::npos) << unknown.Describe();
  RunResult both = run({"trace", "recall", "L-REC-A", "--csv", "--html"});
  EXPECT_EQ(both.status.code, 2) << both.Describe();
}

TEST_F(GenealogyRecallTest, ATraceLimitCutsTheTraceAndSaysSo) {
  ORDO_VERIFIES("ORDO-GEN-27", "ORDO-GEN-03");
  HttpReply full = http().Get("/api/v1/genealogy/L-REC-A?direction=forward", operator_);
  ASSERT_EQ(full.status, 200) << full.Describe();
  EXPECT_EQ(full.json()["nodes"].size(), 5u) << full.body;  // A, the order, FG-1, FG-2, FG-1-S
  EXPECT_EQ(full.json()["truncated"], false);
  HttpReply exact = http().Get("/api/v1/genealogy/L-REC-A?direction=forward&limit=5", operator_);
  ASSERT_EQ(exact.status, 200) << exact.Describe();
  EXPECT_EQ(exact.json()["nodes"].size(), 5u);
  EXPECT_EQ(exact.json()["truncated"], false);
  HttpReply cut = http().Get("/api/v1/genealogy/L-REC-A?direction=forward&limit=2", operator_);
  ASSERT_EQ(cut.status, 200) << cut.Describe();
  const Json c = cut.json();
  EXPECT_EQ(c["truncated"], true);
  ASSERT_EQ(c["nodes"].size(), 2u) << c.dump();
  EXPECT_EQ(c["nodes"][0]["id"], "lot:L-REC-A");
  EXPECT_EQ(c["nodes"][1]["id"], "order:" + kOrder);
  const std::int64_t head = HeadSeq(http());
  for (const char* bad : {"0", "200001", "-1", "x"}) {
    HttpReply r = http().Get("/api/v1/genealogy/L-REC-A?limit=" + std::string(bad), operator_);
    EXPECT_EQ(r.status, 400) << bad << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), "limit") << bad << ": " << r.body;
  }
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(GenealogyRecallTest, ACutRecallIsMarkedAndItsCsvIsRefused) {
  ORDO_VERIFIES("ORDO-GEN-29", "IND-10");
  // Cut to 2 nodes (A and the order), the JSON and HTML say the list is incomplete ...
  HttpReply json = http().Get("/api/v1/genealogy/L-REC-A/recall?limit=2", quality_);
  ASSERT_EQ(json.status, 200) << json.Describe();
  EXPECT_EQ(json.json()["summary"]["truncated"], true) << json.body;
  EXPECT_EQ(json.json()["items"].size(), 0u) << json.body;
  HttpReply html = http().Get("/api/v1/genealogy/L-REC-A/recall?format=html&limit=2", quality_);
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_NE(html.body.find("may be incomplete"), std::string::npos) << html.body;
  // ... and a spreadsheet, which would carry no such warning, is refused.
  const std::int64_t head = HeadSeq(http());
  HttpReply csv = http().Get("/api/v1/genealogy/L-REC-A/recall?format=csv&limit=2", quality_);
  EXPECT_EQ(csv.status, 422) << csv.Describe();
  EXPECT_EQ(csv.json().value("reason", ""), "recall_truncated") << csv.body;
  EXPECT_EQ(csv.json().value("field", ""), "limit") << csv.body;
  EXPECT_EQ(HeadSeq(http()), head);
  // Uncut, the CSV comes as before; a bad limit is refused naming it.
  HttpReply whole = http().Get("/api/v1/genealogy/L-REC-A/recall?format=csv&limit=5", quality_);
  ASSERT_EQ(whole.status, 200) << whole.Describe();
  EXPECT_NE(whole.body.find("lot,FG-REC-1-S,"), std::string::npos) << whole.body;
  HttpReply bad = http().Get("/api/v1/genealogy/L-REC-A/recall?limit=0", quality_);
  EXPECT_EQ(bad.status, 400) << bad.Describe();
  EXPECT_EQ(bad.json().value("field", ""), "limit") << bad.body;
}

TEST_F(GenealogyRecallTest, BadInputGetsAClearErrorAndChangesNothing) {
  ORDO_VERIFIES("ORDO-GEN-25");
  const std::int64_t head = HeadSeq(http());
  struct Case {
    std::string target;
    int status;
    std::string field, reason;
  };
  for (const Case& c : std::vector<Case>{
           {"/api/v1/genealogy/L-NO-SUCH/recall", 404, "lot", "node_missing"},
           {"/api/v1/genealogy/L-REC-A/recall?format=pdf", 400, "format", "unknown_format"},
           {"/api/v1/genealogy/L-REC-A/recall?format=", 400, "format", "unknown_format"},
           {"/api/v1/genealogy/order:" + kOrder + "/recall", 400, "lot", "not_a_lot"}}) {
    HttpReply r = http().Get(c.target, supervisor_);
    EXPECT_EQ(r.status, c.status) << c.target << ": " << r.Describe();
    const Json body = r.json();
    EXPECT_EQ(body.value("field", ""), c.field) << c.target << ": " << r.body;
    EXPECT_EQ(body.value("reason", ""), c.reason) << c.target << ": " << r.body;
  }
  EXPECT_EQ(http().Get("/api/v1/genealogy/L-REC-A/recall").status, 401);
  EXPECT_EQ(HeadSeq(http()), head);
}

}  // namespace
}  // namespace ordo::testing
