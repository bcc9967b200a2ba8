// Integration tests of serial numbers against the real server (issue 11 section 1): the
// material's serial_pattern is validated on save and travels through plant export and
// apply; an operation of a serial-tracked product produces serials generated from the
// pattern or scanned, unique, each as lots.serial_produced; a component serial is
// released with its batch is consumed into a device once; traces run through
// serials over the API and the CLI; a duplicate or bad input is refused naming the field
// and changes nothing; a replay gives the same tables (the fixture's teardown).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

const std::string kPenOrder = "WO-SER-1";
const std::string kPenOp = "/api/v1/orders/" + kPenOrder + "/operations/10";
const std::string kPen = "FG-DOSEPEN-3ML";

class SerialsApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  // Creates and releases an order of `product`.
  void Order(const std::string& order, const std::string& product, double quantity) {
    HttpReply c = http().Post("/api/v1/orders",
                              Json{{"order_id", order},
                                   {"product", product},
                                   {"quantity", quantity},
                                   {"unit", "ea"},
                                   {"due_date", "2099-01-31"}},
                              supervisor_);
    ASSERT_EQ(c.status, 201) << c.Describe();
    HttpReply r = http().Post("/api/v1/orders/" + order + "/release", Json::object(), supervisor_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  // Starts operation `op` of `order` on `work_unit` and acknowledges its instructions.
  void Run(const std::string& op, const std::string& work_unit) {
    HttpReply s = http().Post(op + "/start", Json{{"work_unit", work_unit}}, operator_);
    ASSERT_EQ(s.status, 200) << s.Describe();
    HttpReply a = http().Post(op + "/acknowledge-instructions", Json::object(), operator_);
    ASSERT_EQ(a.status, 200) << a.Describe();
  }

  // The pen order, its kitting operation running.
  void PenRunning() {
    Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
    if (HasFatalFailure()) return;
    Run(kPenOp, "WU-KIT-01");
  }

  // A product of one operation (kitting) whose material is the serial-tracked component
  // DV-DLM of the pen, made effective through a change request; its order kDlmOrder has
  // produced the component serials DLM-T-1 and DLM-T-2 at operation 10, completed (so the
  // kitting unit is free) and, when `release`, quality released its batch, which released
  // the serials (born quarantined).
  void DlmSerialsProduced(bool release = true) {
    const std::string cr = OpenCr(engineer_, "Test product of dose-logging modules");
    Json routing{{"id", "RT-DLM-TEST"},
                 {"name", "dose-logging module test build"},
                 {"operations", Json::array({Json{{"id", "10"},
                                                  {"name", "Kitting"},
                                                  {"operation_class", "kitting"},
                                                  {"work_center_class", "assembly_cell"}}})}};
    HttpReply r = PutDraft(engineer_, cr, "routing", "RT-DLM-TEST", routing);
    ASSERT_EQ(r.status, 200) << r.Describe();
    HttpReply put = PutDraft(engineer_, cr, "product", "PD-DLM-TEST",
                             Json{{"id", "PD-DLM-TEST"},
                                  {"name", "Dose-logging module test build"},
                                  {"material", "DV-DLM"},
                                  {"routing", "RT-DLM-TEST"},
                                  {"bom", Json::array()}});
    ASSERT_EQ(put.status, 200) << put.Describe();
    SubmitAndApprove(cr);
    if (HasFatalFailure()) return;
    Order(kDlmOrder, "PD-DLM-TEST", 2);
    if (HasFatalFailure()) return;
    Run(kDlmOp + "10", "WU-KIT-01");
    if (HasFatalFailure()) return;
    HttpReply made =
        http().Post(kDlmOp + "10/produce", Json{{"serials", {"DLM-T-1", "DLM-T-2"}}}, operator_);
    ASSERT_EQ(made.status, 200) << made.Describe();
    HttpReply done = http().Post(kDlmOp + "10/complete", Json{{"good", 2}}, operator_);
    ASSERT_EQ(done.status, 200) << done.Describe();
    if (!release) return;
    HttpReply released = http().Post("/api/v1/orders/" + kDlmOrder + "/batch-record/release",
                                     SigOf("quality"), quality_);
    ASSERT_EQ(released.status, 200) << released.Describe();
  }

  const std::string kDlmOrder = "WO-DLM-1";
  const std::string kDlmOp = "/api/v1/orders/" + kDlmOrder + "/operations/";
  std::string supervisor_, operator_;
};

TEST_F(SerialsApiTest, TheSerialPatternIsValidatedOnSaveNamingTheField) {
  ORDO_VERIFIES("ORDO-LOT-32", "ORDO-API-02");
  Json pen = Effective("material", kPen);
  EXPECT_EQ(pen.value("serial_pattern", ""), "DP{yyyy}{mm}-{seq:6}") << pen.dump();
  const std::string cr = OpenCr(engineer_, "Serial pattern");
  struct Case {
    std::string pattern, says;
  };
  for (const Case& c : {Case{"DP{hh}{seq:4}", "{hh}"}, Case{"DP{yyyy}", "{seq:N}"},
                        Case{"DP{seq:0}", "1 to 12"}, Case{"DP {seq:4}", "' '"}}) {
    Json content = pen;
    content["serial_pattern"] = c.pattern;
    const std::int64_t head = HeadSeq(http());
    HttpReply put = PutDraft(engineer_, cr, "material", kPen, content);
    EXPECT_EQ(put.status, 400) << c.pattern << " " << put.Describe();
    EXPECT_NE(put.body.find("serial_pattern"), std::string::npos) << put.Describe();
    EXPECT_NE(put.body.find(c.says), std::string::npos) << c.pattern << " " << put.Describe();
    EXPECT_EQ(HeadSeq(http()), head);
  }
  // A pattern on a lot-tracked material is refused too.
  Json lot_tracked = Effective("material", "RM-PCM-API");
  lot_tracked["serial_pattern"] = "X{seq:4}";
  HttpReply put = PutDraft(engineer_, cr, "material", "RM-PCM-API", lot_tracked);
  EXPECT_EQ(put.status, 400) << put.Describe();
  EXPECT_NE(put.body.find("only allowed when tracking is serial"), std::string::npos)
      << put.Describe();
  // A valid one is saved as a draft.
  Json good = pen;
  good["serial_pattern"] = "PEN{yy}{dd}/{seq:5}";
  HttpReply saved = PutDraft(engineer_, cr, "material", kPen, good);
  EXPECT_EQ(saved.status, 200) << saved.Describe();
}

TEST_F(SerialsApiTest, ThePatternTravelsThroughPlantExportAndApply) {
  ORDO_VERIFIES("ORDO-LOT-32", "ORDO-MD-06");
  HttpReply exported = http().Get("/api/v1/plant/export", engineer_);
  ASSERT_EQ(exported.status, 200) << exported.Describe();
  Json files = exported.json()["files"];
  std::string* text = nullptr;
  for (auto& f : files)
    if (f["path"] == "materials/" + kPen + ".yaml") text = &f["text"].get_ref<std::string&>();
  ASSERT_NE(text, nullptr);
  const std::string line = "serial_pattern: DP{yyyy}{mm}-{seq:6}\n";
  const auto at = text->find(line);
  ASSERT_NE(at, std::string::npos) << *text;
  text->replace(at, line.size(), "serial_pattern: DP{yy}-{seq:7}\n");
  HttpReply applied = http().Post("/api/v1/plant/apply",
                                  Json{{"files", files}, {"title", "serial pattern"}}, engineer_);
  ASSERT_EQ(applied.status, 201) << applied.Describe();
  const Json items = applied.json()["change_request"]["items"];
  ASSERT_EQ(items.size(), 1u) << applied.Describe();
  EXPECT_EQ(items[0]["changes"][0]["path"], "serial_pattern") << applied.Describe();
  // A bad pattern in a file names the file and the field.
  text->replace(text->find("serial_pattern: DP{yy}-{seq:7}\n"),
                std::string("serial_pattern: DP{yy}-{seq:7}\n").size(),
                "serial_pattern: DP{yy}-{sec:7}\n");
  HttpReply bad = http().Post("/api/v1/plant/apply",
                              Json{{"files", files}, {"title", "serial pattern"}}, engineer_);
  ASSERT_EQ(bad.status, 400) << bad.Describe();
  const Json errors = bad.json()["errors"];
  ASSERT_EQ(errors.size(), 1u) << bad.Describe();
  EXPECT_EQ(errors[0]["file"], "materials/" + kPen + ".yaml");
  EXPECT_EQ(errors[0]["field"], "serial_pattern") << bad.Describe();
}

TEST_F(SerialsApiTest, GeneratedSerialsFollowThePatternAndCountOnFromTheLastOne) {
  ORDO_VERIFIES("ORDO-LOT-33", "IND-02", "IND-08");
  PenRunning();
  if (HasFatalFailure()) return;
  const std::int64_t head = HeadSeq(http());
  HttpReply first = http().Post(kPenOp + "/produce", Json{{"count", 3}}, operator_);
  ASSERT_EQ(first.status, 200) << first.Describe();
  const Json produced = first.json()["produced"];
  EXPECT_EQ(produced["material"], kPen);
  EXPECT_EQ(produced["source"], "generated");
  ASSERT_EQ(produced["serials"].size(), 3u) << first.Describe();
  const std::regex shape("DP([0-9]{6})-([0-9]{6})");
  std::vector<long> numbers;
  std::string month;
  for (const auto& s : produced["serials"]) {
    std::smatch m;
    const std::string serial = s.get<std::string>();
    ASSERT_TRUE(std::regex_match(serial, m, shape)) << serial;
    if (month.empty()) month = m[1];
    EXPECT_EQ(m[1], month);
    numbers.push_back(std::stol(m[2]));
  }
  EXPECT_EQ(numbers[1], numbers[0] + 1);
  EXPECT_EQ(numbers[2], numbers[0] + 2);
  // The next command counts on from the last number.
  HttpReply second = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(second.status, 200) << second.Describe();
  const std::string next = second.json()["produced"]["serials"][0].get<std::string>();
  char want[32];
  std::snprintf(want, sizeof want, "DP%s-%06ld", month.c_str(), numbers[2] + 1);
  EXPECT_EQ(next, want);
  // Each serial is in the ledger as lots.serial_produced, subject the serial.
  std::string error;
  const std::vector<Json> entries = AllLedger(http(), admin_, &error, head);
  ASSERT_TRUE(error.empty()) << error;
  std::set<std::string> seen;
  for (const auto& e : entries)
    if (e["type"] == "lots.serial_produced") {
      seen.insert(e["payload"]["serial"].get<std::string>());
      EXPECT_EQ(e["subject"]["kind"], "serial") << e.dump();
      EXPECT_EQ(e["subject"]["id"], e["payload"]["serial"]) << e.dump();
      EXPECT_EQ(e["payload"]["source"], "generated");
      EXPECT_EQ(e["payload"]["order_id"], kPenOrder);
      EXPECT_EQ(e["payload"]["operation"], "10");
      EXPECT_EQ(e["payload"]["work_unit"], "WU-KIT-01");
    }
  EXPECT_EQ(seen.size(), 4u);
  EXPECT_TRUE(seen.count(next));
}

TEST_F(SerialsApiTest, ScannedSerialsAreProducedAndADuplicateIsRefusedChangingNothing) {
  ORDO_VERIFIES("ORDO-LOT-34", "IND-02");
  PenRunning();
  if (HasFatalFailure()) return;
  HttpReply r =
      http().Post(kPenOp + "/produce", Json{{"serials", {"SCN-0001", "SCN-0002"}}}, operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.json()["produced"]["source"], "scanned");
  EXPECT_EQ(r.json()["produced"]["serials"], Json({"SCN-0001", "SCN-0002"}));
  // One serial of a list taken: the whole command is refused naming it, nothing produced.
  const std::int64_t head = HeadSeq(http());
  HttpReply dup =
      http().Post(kPenOp + "/produce", Json{{"serials", {"SCN-0003", "SCN-0002"}}}, operator_);
  ExpectReason(dup, 409, "conflict", "duplicate_serial", "serials[1]");
  EXPECT_NE(dup.json().value("detail", "").find("SCN-0002"), std::string::npos) << dup.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply again = http().Post(kPenOp + "/produce", Json{{"serials", {"SCN-0003"}}}, operator_);
  EXPECT_EQ(again.status, 200) << again.Describe() << ": SCN-0003 was not kept by the refusal";
}

TEST_F(SerialsApiTest, BadSerialProductionInputIsRefusedNamingTheFieldAndChangesNothing) {
  ORDO_VERIFIES("ORDO-LOT-35", "ORDO-API-02");
  Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
  if (HasFatalFailure()) return;
  // Not running: invalid_transition, nothing recorded.
  std::int64_t head = HeadSeq(http());
  HttpReply early = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ExpectReason(early, 422, "failed_precondition", "invalid_transition", "order_id");
  EXPECT_EQ(HeadSeq(http()), head);
  Run(kPenOp, "WU-KIT-01");
  if (HasFatalFailure()) return;
  struct Case {
    Json body;
    int status;
    std::string reason, field;
  };
  const std::vector<Case> cases = {
      {Json::object(), 400, "missing_field", "count"},
      {Json{{"count", 0}}, 400, "invalid_quantity", "count"},
      {Json{{"count", 1001}}, 400, "invalid_quantity", "count"},
      {Json{{"count", 1}, {"serials", {"SN-1"}}}, 400, "conflicting_fields", "serials"},
      {Json{{"count", 1}, {"quantity", 1}}, 400, "conflicting_fields", "quantity"},
      {Json{{"serials", {"SN-1", "not a serial"}}}, 400, "malformed_id", "serials[1]"},
      {Json{{"serials", {"SN-1", "SN-1"}}}, 409, "duplicate_serial", "serials[1]"},
      {Json{{"count", "three"}}, 400, "", "count"},
      {Json{{"serials", "SN-1"}}, 400, "", "serials"},
  };
  for (const Case& c : cases) {
    head = HeadSeq(http());
    HttpReply r = http().Post(kPenOp + "/produce", c.body, operator_);
    EXPECT_EQ(r.status, c.status) << c.body.dump() << " " << r.Describe();
    if (!c.reason.empty()) EXPECT_EQ(r.json().value("reason", ""), c.reason) << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.body.dump() << " " << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head) << c.body.dump();
  }
  // A lot for a serial-tracked product is a compliance refusal: recorded, nothing produced.
  head = HeadSeq(http());
  HttpReply lot =
      http().Post(kPenOp + "/produce", Json{{"lot", "L-PEN-X"}, {"count", 1}}, operator_);
  ExpectReason(lot, 422, "failed_precondition", "wrong_material", "lot");
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

TEST_F(SerialsApiTest, AComponentSerialIsConsumedIntoADeviceOnlyOnce) {
  ORDO_VERIFIES("ORDO-LOT-36", "ORDO-LOT-37", "IND-01", "IND-02");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  HttpReply c = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  EXPECT_EQ(c.json()["consumed"]["serial"], "DLM-T-1");
  EXPECT_EQ(c.json()["consumed"]["material"], "DV-DLM");
  EXPECT_EQ(c.json()["consumed"]["bom_material"], "DV-DLM");
  // Twice: serial_consumed naming the order it went into; nothing recorded.
  std::int64_t head = HeadSeq(http());
  HttpReply again =
      http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}, {"quantity", 1}}, operator_);
  ExpectReason(again, 422, "failed_precondition", "serial_consumed", "serial");
  EXPECT_NE(again.json().value("detail", "").find(kPenOrder), std::string::npos)
      << again.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  // A serial of a material the order does not use: wrong_material, recorded.
  HttpReply pen = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(pen.status, 200) << pen.Describe();
  const std::string pen_serial = pen.json()["produced"]["serials"][0].get<std::string>();
  head = HeadSeq(http());
  HttpReply wrong = http().Post(kPenOp + "/consume", Json{{"serial", pen_serial}}, operator_);
  ExpectReason(wrong, 422, "failed_precondition", "wrong_material", "serial");
  EXPECT_EQ(HeadSeq(http()), head + 1);
  // Bad input: named, nothing changes.
  struct Case {
    Json body;
    int status;
    std::string reason, field;
  };
  const std::vector<Case> cases = {
      {Json{{"serial", "DLM-NOPE"}}, 404, "serial_missing", "serial"},
      {Json{{"serial", "DLM-T-2"}, {"lot", "L-DV-DLM-01"}}, 400, "conflicting_fields", "serial"},
      {Json{{"serial", "DLM-T-2"}, {"quantity", 2}}, 400, "invalid_quantity", "quantity"},
      {Json{{"serial", 42}}, 400, "", "serial"},
  };
  for (const Case& bad : cases) {
    head = HeadSeq(http());
    HttpReply r = http().Post(kPenOp + "/consume", bad.body, operator_);
    EXPECT_EQ(r.status, bad.status) << bad.body.dump() << " " << r.Describe();
    if (!bad.reason.empty()) EXPECT_EQ(r.json().value("reason", ""), bad.reason) << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), bad.field) << bad.body.dump() << " " << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head) << bad.body.dump();
  }
  // The consumption is in the ledger, subject the serial.
  std::string error;
  bool found = false;
  for (const auto& e : AllLedger(http(), admin_, &error))
    if (e["type"] == "lots.serial_consumed") {
      found = true;
      EXPECT_EQ(e["subject"]["id"], "DLM-T-1");
      EXPECT_EQ(e["payload"]["order_id"], kPenOrder);
      EXPECT_EQ(e["payload"]["bom_material"], "DV-DLM");
      EXPECT_EQ(e["payload"]["work_unit"], "WU-KIT-01");
    }
  EXPECT_TRUE(found) << error;
}

TEST_F(SerialsApiTest, TracesRunThroughSerialsFromTheApiAndTheCli) {
  ORDO_VERIFIES("ORDO-GEN-18", "ORDO-GEN-19", "ORDO-GEN-20", "IND-01", "IND-10", "DI-10");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  ASSERT_EQ(http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_).status, 200);
  HttpReply pen = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(pen.status, 200) << pen.Describe();
  const std::string pen_serial = pen.json()["produced"]["serials"][0].get<std::string>();
  // Backward from the device: the pen order, the module serial, the module order.
  HttpReply back = http().Get("/api/v1/genealogy/" + pen_serial + "?direction=backward", operator_);
  ASSERT_EQ(back.status, 200) << back.Describe();
  const Json back_json = back.json();
  EXPECT_EQ(back_json["start"], "serial:" + pen_serial);
  std::map<std::string, Json> nodes;
  for (const auto& n : back_json["nodes"]) nodes[n["id"].get<std::string>()] = n;
  for (const std::string id : {"serial:" + pen_serial, "order:" + kPenOrder,
                               std::string("serial:DLM-T-1"), "order:" + kDlmOrder})
    EXPECT_TRUE(nodes.count(id)) << id << " missing from " << back.Describe();
  const Json start = nodes["serial:" + pen_serial];
  EXPECT_EQ(start["kind"], "serial");
  EXPECT_EQ(start["material"], kPen);
  EXPECT_EQ(start["status"], "quarantined");
  EXPECT_EQ(start["order_id"], kPenOrder);
  EXPECT_EQ(nodes["serial:DLM-T-1"]["status"], "consumed");
  EXPECT_EQ(nodes["serial:DLM-T-1"]["depth"], 2);
  EXPECT_EQ(nodes["order:" + kDlmOrder]["depth"], 3);
  bool consumed_edge = false;
  for (const auto& e : back_json["edges"])
    if (e["parent"] == "serial:DLM-T-1" && e["child"] == "order:" + kPenOrder) {
      consumed_edge = true;
      EXPECT_EQ(e["kind"], "consumed");
      EXPECT_EQ(e["operation"], "10");
    }
  EXPECT_TRUE(consumed_edge) << back.Describe();
  // Forward from the module: into the pen order and its device; the prefix form agrees.
  HttpReply fwd = http().Get("/api/v1/genealogy/serial:DLM-T-1?direction=forward", operator_);
  ASSERT_EQ(fwd.status, 200) << fwd.Describe();
  std::set<std::string> reached;
  const Json fwd_json = fwd.json();
  for (const auto& n : fwd_json["nodes"]) reached.insert(n["id"].get<std::string>());
  EXPECT_EQ(reached,
            (std::set<std::string>{"serial:DLM-T-1", "order:" + kPenOrder, "serial:" + pen_serial}))
      << fwd.Describe();
  // A serial never consumed is still found (its producing edge), an unknown one is 404.
  HttpReply unused = http().Get("/api/v1/genealogy/DLM-T-2?direction=forward", operator_);
  ASSERT_EQ(unused.status, 200) << unused.Describe();
  EXPECT_EQ(unused.json()["start"], "serial:DLM-T-2");
  EXPECT_EQ(http().Get("/api/v1/genealogy/serial:DLM-NOPE", operator_).status, 404);
  // The CLI prints the same trace.
  const Credentials& op = sandbox_.user("operator");
  const std::string pw = sandbox_.file("op.pw");
  {
    std::ofstream out(pw);
    out << op.password << "\n";
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  RunResult cli = sandbox_.Ordo({"trace", "back", pen_serial, "--json", "--server", url, "--user",
                                 op.name, "--password-file", pw});
  ASSERT_EQ(cli.status.code, 0) << cli.Describe();
  Json printed = Json::parse(cli.out, nullptr, false);
  ASSERT_TRUE(printed.is_object()) << cli.out;
  EXPECT_EQ(printed["start"], "serial:" + pen_serial);
  EXPECT_EQ(printed["nodes"].size(), back_json["nodes"].size());
}

TEST_F(SerialsApiTest, TheDemoPenOrderHasSerialNumbersTracedBackToItsComponentLots) {
  ORDO_VERIFIES("ORDO-DEMO-14", "ORDO-DEMO-15", "ORDO-DEMO-16", "IND-01", "IND-02");
  // The completed pen order produced one generated serial per device at laser marking.
  std::string error;
  std::vector<std::string> serials;
  for (const auto& e : AllLedger(http(), admin_, &error))
    if (e["type"] == "lots.serial_produced" && e["payload"]["order_id"] == "WO-DEMO-1001") {
      serials.push_back(e["payload"]["serial"].get<std::string>());
      EXPECT_EQ(e["payload"]["source"], "generated");
      EXPECT_EQ(e["payload"]["material"], kPen);
      EXPECT_EQ(e["payload"]["work_unit"], "WU-LASER-01");
    }
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(serials.size(), 500u);
  EXPECT_TRUE(std::regex_match(serials.front(), std::regex("DP[0-9]{6}-000001"))) << serials[0];
  EXPECT_EQ(std::set<std::string>(serials.begin(), serials.end()).size(), 500u);
  // Backward from a serial: the order and every component lot consumed at kitting.
  HttpReply back =
      http().Get("/api/v1/genealogy/" + serials[41] + "?direction=backward", operator_);
  ASSERT_EQ(back.status, 200) << back.Describe();
  const Json back_json = back.json();
  std::set<std::string> ids;
  for (const auto& n : back_json["nodes"]) ids.insert(n["id"].get<std::string>());
  EXPECT_TRUE(ids.count("order:WO-DEMO-1001")) << back.Describe();
  for (const char* lot : {"lot:L-DV-HOUSING-01", "lot:L-DV-DLM-01", "lot:L-DV-NEEDLE-HUB-01"})
    EXPECT_TRUE(ids.count(lot)) << lot << " missing from " << back.Describe();
  EXPECT_EQ(back_json["nodes"][0]["material"], kPen);
  EXPECT_EQ(back_json["nodes"][0]["order_id"], "WO-DEMO-1001");
  // Forward from a component lot: the order and its 500 devices.
  HttpReply fwd = http().Get("/api/v1/genealogy/L-DV-DLM-01?direction=forward", operator_);
  ASSERT_EQ(fwd.status, 200) << fwd.Describe();
  const Json fwd_json = fwd.json();
  std::size_t devices = 0;
  for (const auto& n : fwd_json["nodes"]) devices += n["kind"] == "serial" ? 1 : 0;
  EXPECT_EQ(devices, 500u);
}

TEST_F(SerialsApiTest, AConsumedSerialEditedBackToProducedIsRefusedNotConsumedAgain) {
  ORDO_VERIFIES("ORDO-LOT-38", "DI-04", "IND-02");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  ASSERT_EQ(http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_).status, 200);
  // Someone with write access to the file makes the module available again.
  auto sql = [&](const std::string& statement) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status st = (*db)->Exec(statement);
    ASSERT_TRUE(st.ok()) << statement << ": " << st.error().message;
  };
  sql("UPDATE serial_unit SET state = 'released', consumed_order_id = '', consumed_operation = '' "
      "WHERE serial = 'DLM-T-1'");
  const std::int64_t head = HeadSeq(http());
  HttpReply edited = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  EXPECT_EQ(edited.status, 500) << edited.Describe();
  EXPECT_EQ(edited.json().value("code", ""), "integrity_violation") << edited.Describe();
  EXPECT_NE(edited.json().value("detail", "").find("serial_unit serial=DLM-T-1"), std::string::npos)
      << edited.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  // Restored, it is refused as consumed (and the teardown's replay check passes).
  sql("UPDATE serial_unit SET state = 'consumed', consumed_order_id = '" + kPenOrder +
      "', consumed_operation = '10' WHERE serial = 'DLM-T-1'");
  HttpReply again = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ExpectReason(again, 422, "failed_precondition", "serial_consumed", "serial");
}

TEST_F(SerialsApiTest, AScannedLabelWithGtinAndSerialConsumesThatSerial) {
  ORDO_VERIFIES("ORDO-LOT-39", "IND-01", "IND-02");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  const std::string gtin = "04099120000218";  // DV-DLM's GTIN-13 as GTIN-14
  HttpReply c =
      http().Post(kPenOp + "/consume", Json{{"scan", "(01)" + gtin + "(21)DLM-T-2"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  EXPECT_EQ(c.json()["consumed"]["serial"], "DLM-T-2");
  EXPECT_EQ(c.json()["consumed"]["material"], "DV-DLM");
  // Refusals name the scan: a serial never produced, a serial consumed, a serial of
  // another material than the label's GTIN (recorded as a wrong material).
  std::int64_t head = HeadSeq(http());
  HttpReply missing =
      http().Post(kPenOp + "/consume", Json{{"scan", "]d201" + gtin + "21DLM-NOPE"}}, operator_);
  ExpectReason(missing, 404, "not_found", "serial_missing", "scan");
  HttpReply twice =
      http().Post(kPenOp + "/consume", Json{{"scan", "(01)" + gtin + "(21)DLM-T-2"}}, operator_);
  ExpectReason(twice, 422, "failed_precondition", "serial_consumed", "scan");
  HttpReply two =
      http().Post(kPenOp + "/consume",
                  Json{{"scan", "(01)" + gtin + "(21)DLM-T-1"}, {"quantity", 2}}, operator_);
  ExpectReason(two, 400, "invalid_argument", "invalid_quantity", "quantity");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply pen = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(pen.status, 200) << pen.Describe();
  const std::string pen_serial = pen.json()["produced"]["serials"][0].get<std::string>();
  head = HeadSeq(http());
  HttpReply wrong = http().Post(kPenOp + "/consume",
                                Json{{"scan", "(01)" + gtin + "(21)" + pen_serial}}, operator_);
  ExpectReason(wrong, 422, "failed_precondition", "wrong_material", "scan");
  EXPECT_NE(wrong.json().value("detail", "").find(kPen), std::string::npos) << wrong.Describe();
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

// The serials of an order, as GET /api/v1/serials lists them.
Json SerialsOf(const HttpClient& http, const std::string& query, const std::string& token) {
  HttpReply r = http.Get("/api/v1/serials" + query, token);
  EXPECT_EQ(r.status, 200) << r.Describe();
  return r.json().value("serials", Json::array());
}

TEST_F(SerialsApiTest, SerialsAreBornQuarantinedAndTheBatchReleaseReleasesThemInOneEntry) {
  ORDO_VERIFIES("ORDO-LOT-45", "ORDO-LOT-48", "ORDO-LOT-49", "IND-02", "IND-04");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  Json listed = SerialsOf(http(), "?order=" + kDlmOrder, operator_);
  ASSERT_EQ(listed.size(), 2u) << listed.dump();
  for (const auto& u : listed) {
    EXPECT_EQ(u["state"], "quarantined") << u.dump();
    EXPECT_EQ(u["material"], "DV-DLM");
    EXPECT_EQ(u["operation"], "10");
    EXPECT_TRUE(u["consumed_order_id"].is_null());
  }
  PenRunning();
  if (HasFatalFailure()) return;
  // Quarantined: refused naming the serial and its state, recorded as a refused attempt;
  // the serial is not consumed.
  std::int64_t head = HeadSeq(http());
  HttpReply early = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ExpectReason(early, 422, "failed_precondition", "serial_not_released", "serial");
  const std::string detail = early.json().value("detail", "");
  EXPECT_NE(detail.find("DLM-T-1"), std::string::npos) << early.Describe();
  EXPECT_NE(detail.find("quarantined"), std::string::npos) << early.Describe();
  EXPECT_EQ(HeadSeq(http()), head + 1);
  std::string error;
  std::vector<Json> refused = AllLedger(http(), admin_, &error, head);
  ASSERT_EQ(refused.size(), 1u) << error;
  EXPECT_EQ(refused[0]["type"], "execution.command_refused");
  // The same through a scanned label (AI 21).
  HttpReply scanned =
      http().Post(kPenOp + "/consume", Json{{"scan", "(01)04099120000218(21)DLM-T-2"}}, operator_);
  ExpectReason(scanned, 422, "failed_precondition", "serial_not_released", "scan");
  HttpReply one = http().Get("/api/v1/serials/DLM-T-1", operator_);
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_EQ(one.json()["serial"]["state"], "quarantined");
  EXPECT_EQ(one.json()["serial"]["order_id"], kDlmOrder);
  // Quality releases the module batch: one lots.serials_released for both serials, bound
  // to the release's signature.
  head = HeadSeq(http());
  HttpReply released = http().Post("/api/v1/orders/" + kDlmOrder + "/batch-record/release",
                                   SigOf("quality"), quality_);
  ASSERT_EQ(released.status, 200) << released.Describe();
  std::vector<Json> entries = AllLedger(http(), admin_, &error, head);
  ASSERT_TRUE(error.empty()) << error;
  int found = 0;
  std::int64_t signature_seq = 0;
  for (const auto& e : entries) {
    if (e["type"] == "signature.applied" && signature_seq == 0)
      signature_seq = e["seq"].get<std::int64_t>();
    if (e["type"] != "lots.serials_released") continue;
    ++found;
    EXPECT_EQ(e["subject"]["kind"], "order_serials") << e.dump();
    EXPECT_EQ(e["subject"]["id"], kDlmOrder);
    EXPECT_EQ(e["payload"]["order_id"], kDlmOrder);
    EXPECT_EQ(e["payload"]["serials"], Json({"DLM-T-1", "DLM-T-2"})) << e.dump();
    EXPECT_EQ(e["signatures"], Json::array({signature_seq})) << e.dump();
  }
  EXPECT_EQ(found, 1);
  EXPECT_EQ(SerialsOf(http(), "?order=" + kDlmOrder + "&state=released", operator_).size(), 2u);
  // Released: consumed; the serial names the order it went into.
  HttpReply c = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  HttpReply after = http().Get("/api/v1/serials/DLM-T-1", operator_);
  ASSERT_EQ(after.status, 200) << after.Describe();
  EXPECT_EQ(after.json()["serial"]["state"], "consumed");
  EXPECT_EQ(after.json()["serial"]["consumed_order_id"], kPenOrder);
  EXPECT_EQ(after.json()["serial"]["consumed_operation"], "10");
  EXPECT_EQ(after.json()["serial"]["consumed_bom_material"], "DV-DLM");
  Json consumed = SerialsOf(http(), "?material=DV-DLM&state=consumed", operator_);
  ASSERT_EQ(consumed.size(), 1u) << consumed.dump();
  EXPECT_EQ(consumed[0]["serial"], "DLM-T-1");
  // Paging: limit and after (the produced_seq of the last one seen).
  Json first = SerialsOf(http(), "?order=" + kDlmOrder + "&limit=1", operator_);
  ASSERT_EQ(first.size(), 1u);
  Json next = SerialsOf(http(),
                        "?order=" + kDlmOrder + "&limit=1&after=" +
                            std::to_string(first[0]["produced_seq"].get<std::int64_t>()),
                        operator_);
  ASSERT_EQ(next.size(), 1u);
  EXPECT_EQ(next[0]["serial"], "DLM-T-2");
  // Bad input names the field and changes nothing; an unknown serial is 404.
  ExpectReason(http().Get("/api/v1/serials?state=gone", operator_), 400, "invalid_argument",
               "unknown_state", "state");
  EXPECT_EQ(http().Get("/api/v1/serials?limit=0", operator_).status, 400);
  EXPECT_EQ(http().Get("/api/v1/serials?after=x", operator_).status, 400);
  ExpectReason(http().Get("/api/v1/serials/DLM-NOPE", operator_), 404, "not_found",
               "serial_missing", "serial");
  EXPECT_EQ(http().Get("/api/v1/serials", "").status, 401);
}

TEST_F(SerialsApiTest, AnOpenDeviationOnASerialOrItsOrderBlocksItsConsumption) {
  ORDO_VERIFIES("ORDO-LOT-46", "IND-04", "P11-17");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  // A deviation on the order that made the modules holds both back.
  HttpReply on_order =
      http().Post("/api/v1/deviations",
                  Json{{"order_id", kDlmOrder}, {"title", "laser focus drift"}}, supervisor_);
  ASSERT_EQ(on_order.status, 201) << on_order.Describe();
  const std::string dv_order = on_order.json()["deviation"]["id"];
  std::int64_t head = HeadSeq(http());
  for (const char* serial : {"DLM-T-1", "DLM-T-2"}) {
    HttpReply r = http().Post(kPenOp + "/consume", Json{{"serial", serial}}, operator_);
    ExpectReason(r, 422, "failed_precondition", "open_deviation", "serial");
    EXPECT_NE(r.json().value("detail", "").find(dv_order), std::string::npos) << r.Describe();
    EXPECT_NE(r.json().value("detail", "").find(serial), std::string::npos) << r.Describe();
  }
  EXPECT_EQ(HeadSeq(http()), head);
  Json sig = SigOf("quality");
  sig["disposition"] = "use_as_is";
  sig["comment"] = "assessed: no impact";
  HttpReply disposed =
      http().Post("/api/v1/deviations/" + dv_order + "/disposition", sig, quality_);
  ASSERT_EQ(disposed.status, 200) << disposed.Describe();
  // A deviation naming one serial (opened on another order) holds back that serial only.
  HttpReply on_serial = http().Post("/api/v1/deviations",
                                    Json{{"order_id", kPenOrder},
                                         {"lots", Json::array({"DLM-T-1"})},
                                         {"title", "module dropped at kitting"}},
                                    supervisor_);
  ASSERT_EQ(on_serial.status, 201) << on_serial.Describe();
  const std::string dv_serial = on_serial.json()["deviation"]["id"];
  head = HeadSeq(http());
  HttpReply blocked = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ExpectReason(blocked, 422, "failed_precondition", "open_deviation", "serial");
  EXPECT_NE(blocked.json().value("detail", "").find(dv_serial), std::string::npos)
      << blocked.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply row = http().Get("/api/v1/serials/DLM-T-1", operator_);
  EXPECT_EQ(row.json()["serial"]["state"], "released") << row.Describe();
  HttpReply other = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-2"}}, operator_);
  EXPECT_EQ(other.status, 200) << other.Describe();
}

TEST_F(SerialsApiTest, SerialsCountTowardOverConsumptionOfTheirBomItem) {
  ORDO_VERIFIES("ORDO-LOT-47", "ORDO-DEV-02");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  // One pen: one module planned (plus 0.5 % scrap); the second module is beyond it.
  Order(kPenOrder, "PD-DOSEPEN-3ML", 1);
  if (HasFatalFailure()) return;
  Run(kPenOp, "WU-KIT-01");
  if (HasFatalFailure()) return;
  HttpReply first = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(first.status, 200) << first.Describe();
  EXPECT_TRUE(first.json()["exceptions"].empty()) << first.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply second = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-2"}}, operator_);
  ASSERT_EQ(second.status, 200) << second.Describe();
  ASSERT_EQ(second.json()["exceptions"].size(), 1u) << second.Describe();
  EXPECT_EQ(second.json()["exceptions"][0]["kind"], "over_consumption") << second.Describe();
  std::string error;
  std::vector<std::string> types;
  for (const auto& e : AllLedger(http(), admin_, &error, head)) {
    types.push_back(e["type"].get<std::string>());
    if (e["type"] == "lots.serial_consumed") EXPECT_EQ(e["payload"]["over_consumption"], true);
    if (e["type"] == "deviations.deviation_opened") {
      EXPECT_EQ(e["payload"]["source"], "over_consumption") << e.dump();
      EXPECT_EQ(e["payload"]["lots"], Json::array({"DLM-T-2"})) << e.dump();
      EXPECT_EQ(e["payload"]["order_id"], kPenOrder);
    }
  }
  EXPECT_EQ(types, (std::vector<std::string>{"lots.serial_consumed", "execution.exception_recorded",
                                             "deviations.deviation_opened"}))
      << error;
}

TEST_F(SerialsApiTest, AStoreOfTheEarlierSerialSchemaUpgradesToTheStateAReplayGives) {
  ORDO_VERIFIES("ORDO-LOT-50", "DI-10");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  PenRunning();
  if (HasFatalFailure()) return;
  ASSERT_EQ(http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_).status, 200);
  HttpReply pen = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(pen.status, 200) << pen.Describe();
  const std::string pen_serial = pen.json()["produced"]["serials"][0].get<std::string>();
  ASSERT_TRUE(server_->Stop().has_value());
  const std::string path = sandbox_.data() + "/ordo.db";
  auto sql = [&](const std::string& statement) {
    auto db = storage::OpenSqlite(path, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status st = (*db)->Exec(statement);
    ASSERT_TRUE(st.ok()) << statement << ": " << st.error().message;
  };
  // The serials table as the earlier release left it: no BOM item column, no indexes on
  // the consuming order and the state, produced serials reading `produced`; the lots
  // table without its order index.
  sql("DROP INDEX serial_unit_by_consumed_order; DROP INDEX serial_unit_by_state; "
      "DROP INDEX lot_by_order; ALTER TABLE serial_unit DROP COLUMN consumed_bom_material; "
      "UPDATE serial_unit SET state = 'produced' WHERE state = 'quarantined'; "
      "UPDATE meta SET value = '1' WHERE key = 'migration.serials'; "
      "UPDATE meta SET value = '2' WHERE key = 'migration.lots'");
  if (HasFatalFailure()) return;
  RunResult upgrade = sandbox_.Ordo({"upgrade", "--data", sandbox_.data()});
  ASSERT_EQ(upgrade.status.code, 0) << upgrade.Describe();
  {
    auto db = storage::OpenSqlite(path, storage::OpenMode::kReadOnly);
    ASSERT_TRUE(db.ok()) << db.error().message;
    auto row = [&](const std::string& query) {
      auto st = (*db)->Prepare(query);
      EXPECT_TRUE(st.ok());
      if (!st.ok()) return std::string();
      auto step = (*st)->Step();
      std::string out = step.ok() && *step ? (*st)->Text(0) : std::string("(none)");
      (*st)->Reset();
      return out;
    };
    EXPECT_EQ(row("SELECT state FROM serial_unit WHERE serial = '" + pen_serial + "'"),
              "quarantined");
    EXPECT_EQ(row("SELECT consumed_bom_material FROM serial_unit WHERE serial = 'DLM-T-1'"),
              "DV-DLM");
    EXPECT_EQ(row("SELECT state FROM serial_unit WHERE serial = 'DLM-T-2'"), "released");
    for (const char* index :
         {"serial_unit_by_consumed_order", "serial_unit_by_state", "lot_by_order"})
      EXPECT_EQ(row(std::string("SELECT name FROM sqlite_master WHERE name = '") + index + "'"),
                index);
  }
  // It serves again; the teardown's replay check proves the rows equal a fresh replay.
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  operator_ = TokenFor("operator");  // sessions do not outlive the server
  HttpReply again = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-2"}}, operator_);
  EXPECT_EQ(again.status, 200) << again.Describe();
}

}  // namespace
}  // namespace ordo::testing
