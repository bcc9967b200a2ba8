// Integration tests of the quality state of serial numbers against the real server (issue
// 11): an open deviation naming a serial the order produced or consumed blocks the order's
// batch release, which then changes nothing; serials are born quarantined and the batch
// release releases them in one signed entry; an open deviation on a serial or its order
// blocks its consumption; serials count toward over-consumption; a store of the earlier
// serial schema upgrades to the state a replay gives.
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "storage/sqlite/sqlite_database.h"
#include "support/serials_fixture.h"

namespace ordo::testing {
namespace {

class SerialsQualityApiTest : public SerialsTest {
 protected:
  // Opens a deviation on `order` naming `serial`; its id.
  std::string DeviationNaming(const std::string& order, const std::string& serial) {
    HttpReply r = http().Post("/api/v1/deviations",
                              Json{{"order_id", order},
                                   {"lots", Json::array({serial})},
                                   {"title", "serial " + serial + " suspect"}},
                              supervisor_);
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.status == 201 ? r.json()["deviation"]["id"].get<std::string>() : std::string();
  }

  // The batch release of `order`, refused for `deviation`, changing nothing.
  void ExpectReleaseBlockedBy(const std::string& order, const std::string& deviation) {
    const std::int64_t head = HeadSeq(http());
    HttpReply r = http().Post("/api/v1/orders/" + order + "/batch-record/release", SigOf("quality"),
                              quality_);
    ExpectReason(r, 422, "failed_precondition", "open_deviation");
    EXPECT_NE(r.json().value("detail", "").find(deviation), std::string::npos) << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head);
    HttpReply record = http().Get("/api/v1/orders/" + order + "/batch-record", quality_);
    ASSERT_EQ(record.status, 200) << record.Describe();
    EXPECT_NE(record.json()["batch_record"]["state"], "released") << record.Describe();
  }
};

TEST_F(SerialsQualityApiTest, ADeviationNamingAProducedSerialBlocksTheBatchRelease) {
  ORDO_VERIFIES("ORDO-BR-58", "P11-17", "IND-04");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
  if (HasFatalFailure()) return;
  // Opened on another order, naming one of the module order's serials only.
  const std::string dv = DeviationNaming(kPenOrder, "DLM-T-2");
  ASSERT_FALSE(dv.empty());
  ExpectReleaseBlockedBy(kDlmOrder, dv);
  if (HasFatalFailure()) return;
  for (const auto& u : SerialsOf("?order=" + kDlmOrder, operator_))
    EXPECT_EQ(u["state"], "quarantined") << u.dump();
}

TEST_F(SerialsQualityApiTest, ADeviationNamingAConsumedSerialBlocksTheBatchRelease) {
  ORDO_VERIFIES("ORDO-BR-59", "P11-17", "IND-04");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  // A one-operation pen build consuming one module: its record completes.
  const std::string cr = OpenCr(engineer_, "Test build of pens from one module");
  HttpReply put = PutDraft(
      engineer_, cr, "product", "PD-PEN-TEST",
      Json{{"id", "PD-PEN-TEST"},
           {"name", "Pen test build"},
           {"material", kPen},
           {"routing", "RT-DLM-TEST"},
           {"bom", Json::array({Json{{"material", "DV-DLM"}, {"quantity", 1}, {"unit", "ea"}}})}});
  ASSERT_EQ(put.status, 200) << put.Describe();
  SubmitAndApprove(cr);
  if (HasFatalFailure()) return;
  Order(kPenOrder, "PD-PEN-TEST", 1);
  if (HasFatalFailure()) return;
  Run(kPenOp, "WU-KIT-01");
  if (HasFatalFailure()) return;
  HttpReply c = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  HttpReply made = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(made.status, 200) << made.Describe();
  const std::string pen = made.json()["produced"]["serials"][0].get<std::string>();
  HttpReply done = http().Post(kPenOp + "/complete", Json{{"good", 1}}, operator_);
  ASSERT_EQ(done.status, 200) << done.Describe();
  // Opened on the module order (already released), naming the consumed module.
  const std::string dv = DeviationNaming(kDlmOrder, "DLM-T-1");
  ASSERT_FALSE(dv.empty());
  ExpectReleaseBlockedBy(kPenOrder, dv);
  if (HasFatalFailure()) return;
  HttpReply unit = http().Get("/api/v1/serials/" + pen, operator_);
  ASSERT_EQ(unit.status, 200) << unit.Describe();
  EXPECT_EQ(unit.json()["serial"]["state"], "quarantined") << unit.Describe();
}

TEST_F(SerialsQualityApiTest, SerialsAreBornQuarantinedAndTheBatchReleaseReleasesThemInOneEntry) {
  ORDO_VERIFIES("ORDO-LOT-45", "ORDO-LOT-48", "ORDO-LOT-49", "IND-02", "IND-04");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  Json listed = SerialsOf("?order=" + kDlmOrder, operator_);
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
  EXPECT_EQ(SerialsOf("?order=" + kDlmOrder + "&state=released", operator_).size(), 2u);
  // Released: consumed; the serial names the order it went into.
  HttpReply c = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  HttpReply after = http().Get("/api/v1/serials/DLM-T-1", operator_);
  ASSERT_EQ(after.status, 200) << after.Describe();
  EXPECT_EQ(after.json()["serial"]["state"], "consumed");
  EXPECT_EQ(after.json()["serial"]["consumed_order_id"], kPenOrder);
  EXPECT_EQ(after.json()["serial"]["consumed_operation"], "10");
  EXPECT_EQ(after.json()["serial"]["consumed_bom_material"], "DV-DLM");
  Json consumed = SerialsOf("?material=DV-DLM&state=consumed", operator_);
  ASSERT_EQ(consumed.size(), 1u) << consumed.dump();
  EXPECT_EQ(consumed[0]["serial"], "DLM-T-1");
  // Paging: limit and after (the produced_seq of the last one seen).
  Json first = SerialsOf("?order=" + kDlmOrder + "&limit=1", operator_);
  ASSERT_EQ(first.size(), 1u);
  Json next = SerialsOf("?order=" + kDlmOrder + "&limit=1&after=" +
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

TEST_F(SerialsQualityApiTest, AnOpenDeviationOnASerialOrItsOrderBlocksItsConsumption) {
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

TEST_F(SerialsQualityApiTest, SerialsCountTowardOverConsumptionOfTheirBomItem) {
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

TEST_F(SerialsQualityApiTest, AStoreOfTheEarlierSerialSchemaUpgradesToTheStateAReplayGives) {
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
  // The serials table as the earlier release left it: no BOM item column (nor the hold
  // columns of migration 3), no indexes on
  // the consuming order and the state, produced serials reading `produced`; the lots
  // table without its order index.
  sql("DROP INDEX serial_unit_by_consumed_order; DROP INDEX serial_unit_by_state; "
      "DROP INDEX lot_by_order; ALTER TABLE serial_unit DROP COLUMN consumed_bom_material; "
      "ALTER TABLE serial_unit DROP COLUMN held_from; ALTER TABLE serial_unit DROP COLUMN reason; "
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
