// Integration tests of serial numbers against the real server (issue 11 section 1): the
// material's serial_pattern is validated on save and travels through plant export and
// apply; an operation of a serial-tracked product produces serials generated from the
// pattern or scanned, unique, each as lots.serial_produced; a component serial
// released with its batch is consumed into a device once; traces run through
// serials over the API and the CLI; a duplicate or bad input is refused naming the field
// and changes nothing; a replay gives the same tables (the fixture's teardown). Their
// quality state, release and over-consumption: serials_quality_api_test.cc.
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <regex>
#include <set>

#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"
#include "support/serials_fixture.h"

namespace ordo::testing {
namespace {

class SerialsApiTest : public SerialsTest {};

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
  const std::string supervisor = TokenFor("supervisor");  // signed in before `head`
  const std::int64_t head = HeadSeq(http());
  HttpReply edited = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  EXPECT_EQ(edited.status, 500) << edited.Describe();
  EXPECT_EQ(edited.json().value("code", ""), "integrity_violation") << edited.Describe();
  EXPECT_NE(edited.json().value("detail", "").find("serial_unit serial=DLM-T-1"), std::string::npos)
      << edited.Describe();
  // The refused consume appended nothing. The server records the violation on its own,
  // after the answer (serve.cc, ViolationRecorder), so at most that entry may be there.
  HttpReply since = http().Get("/api/v1/ledger?after=" + std::to_string(head), supervisor);
  ASSERT_EQ(since.status, 200) << since.Describe();
  const Json appended = since.json()["entries"];
  for (const auto& e : appended)
    EXPECT_EQ(e["type"], "security.integrity_violation") << since.Describe();
  EXPECT_LE(appended.size(), 1u) << since.Describe();
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

}  // namespace
}  // namespace ordo::testing
