// Material lots through the API with the real binary: receipt in another unit, quarantine,
// signed release and rejection by quality, holds, the expired status derived from the
// clock, CSV imports by line and idempotent, permissions, bad input that changes nothing,
// the worklist, and `ordo lots import`.
#include <gtest/gtest.h>

#include <fstream>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kHeader = "lot,material,supplier,supplier_lot,quantity,unit,expiry,retest\n";

class LotsApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  // A receipt of RM-PCM-API (base unit kg; 1 drum = 25 kg).
  static Json Receipt(const std::string& lot, double quantity = 4, const std::string& unit = "drum",
                      const std::string& expiry = "2099-12-31") {
    return Json{{"lot", lot},
                {"material", "RM-PCM-API"},
                {"supplier", "Acme Pharma"},
                {"supplier_lot", "AC-117"},
                {"quantity", quantity},
                {"unit", unit},
                {"expiry", expiry}};
  }

  Json Receive(const Json& body) {
    HttpReply r = http().Post("/api/v1/lots", body, supervisor_);
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.json()["lot"];
  }

  Json GetLot(const std::string& lot) {
    HttpReply r = http().Get("/api/v1/lots/" + lot, operator_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["lot"];
  }

  HttpReply Act(const std::string& token, const std::string& lot, const std::string& verb,
                Json body) {
    return http().Post("/api/v1/lots/" + lot + "/" + verb, body, token);
  }

  Json Signed(Json body, const std::string& role, const std::string& comment = "") const {
    body["signature"] = SigOf(role, comment)["signature"];
    return body;
  }

  // Lot ids of GET /api/v1/lots with `query`.
  std::vector<std::string> Listed(const std::string& query) {
    HttpReply r = http().Get("/api/v1/lots" + query, operator_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    std::vector<std::string> ids;
    const Json body = r.json();
    for (const auto& l : body["lots"]) ids.push_back(l["lot"].get<std::string>());
    return ids;
  }

  HttpReply Import(const std::string& csv, const std::string& token = "") {
    return http().Post("/api/v1/lots/import", Json{{"format", "csv"}, {"content", csv}},
                       token.empty() ? supervisor_ : token);
  }

  static void WriteText(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
  }

  std::string supervisor_, operator_;
};

bool Contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST_F(LotsApiTest, ReceivedInAnotherUnitTheLotIsKeptInTheBaseUnitAndQuarantined) {
  ORDO_VERIFIES("ORDO-LOT-02", "ORDO-LOT-03", "ORDO-LOT-13", "DI-01", "DI-05");
  Json lot = Receive(Receipt("T-API-0001", 4, "drum"));
  EXPECT_EQ(lot["status"], "quarantined");
  EXPECT_EQ(lot["quantity"], 100.0);
  EXPECT_EQ(lot["base_unit"], "kg");
  EXPECT_EQ(lot["received"]["unit"], "drum");
  EXPECT_EQ(lot["received"]["quantity"], 4.0);
  Json grams = Receive(Receipt("T-API-0002", 2500, "g"));
  EXPECT_DOUBLE_EQ(grams["quantity"].get<double>(), 2.5);
  Json shown = GetLot("T-API-0001");
  EXPECT_EQ(shown["status"], "quarantined");
  EXPECT_EQ(shown["supplier_lot"], "AC-117");
  ASSERT_EQ(shown["history"].size(), 1u) << shown.dump();
  EXPECT_EQ(shown["history"][0]["event"], "received");
  EXPECT_EQ(shown["history"][0]["actor"], sandbox_.user("supervisor").name);
  EXPECT_TRUE(shown["signatures"].empty());
  // T-API-0001's receipt (the demo's lots are received at init too)
  HttpReply entries =
      http().Get("/api/v1/ledger?type=lots.lot_received&subject=T-API-0001", supervisor_);
  ASSERT_EQ(entries.status, 200) << entries.Describe();
  const Json receipts = entries.json()["entries"];
  ASSERT_EQ(receipts.size(), 1u) << entries.Describe();
  const Json payload = receipts[0]["payload"];
  EXPECT_EQ(payload["base_quantity"], 100.0) << payload.dump();
  EXPECT_EQ(payload["source"], "api");
  ExpectReason(http().Get("/api/v1/lots/T-NONE", operator_), 404, "not_found", "lot_missing",
               "lot");
}

TEST_F(LotsApiTest, UnknownUnitsMaterialsAndBadFieldsAreRefusedNamingTheFieldAndWriteNothing) {
  ORDO_VERIFIES("ORDO-LOT-01", "ORDO-LOT-02", "ORDO-LOT-15");
  const std::int64_t head = HeadSeq(http());
  struct Case {
    Json body;
    int status;
    std::string field, reason;
  };
  Json no_unit = Receipt("T-1", 10, "lb");
  Json water = Receipt("T-1");
  water["material"] = "RM-PW";
  Json unknown = Receipt("T-1");
  unknown["material"] = "RM-NOPE";
  Json bad_date = Receipt("T-1");
  bad_date["expiry"] = "31.12.2099";
  Json no_dates = Receipt("T-1");
  no_dates.erase("expiry");
  Json text_quantity = Receipt("T-1");
  text_quantity["quantity"] = "4";
  Json missing = Receipt("T-1");
  missing.erase("supplier_lot");
  const std::vector<Case> cases = {
      {no_unit, 400, "unit", "unknown_unit"},
      {water, 400, "material", "not_lot_tracked"},
      {unknown, 400, "material", "unknown_material"},
      {bad_date, 400, "expiry", "invalid_date"},
      {no_dates, 400, "expiry", "missing_field"},
      {Receipt("T-1", 0), 400, "quantity", "invalid_quantity"},
      {Receipt("T-1", -3), 400, "quantity", "invalid_quantity"},
      {Receipt("bad lot"), 400, "lot", "malformed_id"},
      {text_quantity, 400, "quantity", "wrong_type"},
      {missing, 400, "supplier_lot", "missing_field"},
  };
  for (const auto& c : cases) {
    HttpReply r = http().Post("/api/v1/lots", c.body, supervisor_);
    ExpectReason(r, c.status, "invalid_argument", c.reason, c.field);
  }
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_FALSE(Contains(Listed(""), "T-1"));
  ExpectReason(http().Get("/api/v1/lots?status=blocked", operator_), 400, "invalid_argument",
               "unknown_status", "status");
}

TEST_F(LotsApiTest, QualityReleasesWithASignatureOthersMayNot) {
  ORDO_VERIFIES("ORDO-LOT-04", "ORDO-LOT-12", "ORDO-LOT-14", "P11-07", "P11-04", "P11-13",
                "P11-14");
  Receive(Receipt("T-REL-1"));
  const std::int64_t head = HeadSeq(http());
  // Operators and supervisors hold no lots.release.
  ExpectProblem(Act(operator_, "T-REL-1", "release", Signed({}, "operator")), 403,
                "permission_denied");
  ExpectProblem(Act(supervisor_, "T-REL-1", "release", Signed({}, "supervisor")), 403,
                "permission_denied");
  ExpectProblem(Act("", "T-REL-1", "release", Signed({}, "quality")), 401, "unauthenticated");
  EXPECT_EQ(HeadSeq(http()), head);

  HttpReply r = Act(quality_, "T-REL-1", "release", Signed({}, "quality", "CoA checked"));
  ASSERT_EQ(r.status, 200) << r.Describe();
  const Json lot = r.json()["lot"];
  EXPECT_EQ(lot["status"], "released");
  ASSERT_EQ(lot["signatures"].size(), 1u) << lot.dump();
  EXPECT_EQ(lot["signatures"][0]["meaning"], "released");
  EXPECT_EQ(lot["signatures"][0]["status"], "valid");
  EXPECT_EQ(lot["signatures"][0]["comment"], "CoA checked");
  EXPECT_EQ(lot["history"][0]["event"], "released");
  // Two entries in one command: the signature, then the release relying on it.
  EXPECT_EQ(HeadSeq(http()), head + 2);
  HttpReply written = http().Get("/api/v1/ledger?after=" + std::to_string(head), quality_);
  const Json entries = written.json()["entries"];
  ASSERT_EQ(entries.size(), 2u) << written.Describe();
  EXPECT_EQ(entries[0]["type"], "signature.applied");
  EXPECT_EQ(entries[1]["type"], "lots.lot_released");
  EXPECT_EQ(entries[1]["signatures"], Json::array({head + 1}));

  // Released is final for release and reject: invalid_transition names the state.
  HttpReply again = Act(quality_, "T-REL-1", "reject", Signed({{"reason", "x"}}, "quality"));
  ExpectReason(again, 422, "failed_precondition", "invalid_transition", "lot");
  EXPECT_NE(again.json().value("detail", "").find("released"), std::string::npos);
  EXPECT_TRUE(Contains(Listed("?status=released&material=RM-PCM-API"), "T-REL-1"));
  EXPECT_FALSE(Contains(Listed("?status=quarantined"), "T-REL-1"));
}

TEST_F(LotsApiTest, RejectionNeedsAReasonAndASignatureWithMeaningRejected) {
  ORDO_VERIFIES("ORDO-LOT-04", "ORDO-LOT-15", "A11-07");
  Receive(Receipt("T-REJ-1"));
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Act(quality_, "T-REJ-1", "reject", Signed({}, "quality")), 400, "invalid_argument",
               "missing_field", "reason");
  Json wrong_meaning = Signed({{"reason", "assay 97.1 %"}}, "quality");
  wrong_meaning["signature"]["meaning"] = "released";
  ExpectReason(Act(quality_, "T-REJ-1", "reject", wrong_meaning), 400, "invalid_argument",
               "wrong_meaning", "signature.meaning");
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply r = Act(quality_, "T-REJ-1", "reject",
                    Signed({{"reason", "assay 97.1 % (spec >= 98)"}}, "quality"));
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.json()["lot"]["status"], "rejected");
  EXPECT_EQ(r.json()["lot"]["reason"], "assay 97.1 % (spec >= 98)");
  EXPECT_EQ(r.json()["lot"]["signatures"][0]["meaning"], "rejected");
  EXPECT_EQ(r.json()["lot"]["signatures"][0]["status"], "valid");
}

TEST_F(LotsApiTest, AWrongPasswordIsRefusedRecordedAndThrottled) {
  ORDO_VERIFIES("ORDO-LOT-04", "P11-16", "P11-21");
  Receive(Receipt("T-PW-1"));
  const Credentials& q = sandbox_.user("quality");
  int refused = 0;
  HttpReply throttled;
  for (int i = 0; i < 8 && throttled.status != 429; ++i) {
    HttpReply r = Act(quality_, "T-PW-1", "release",
                      {{"signature", {{"user", q.name}, {"password", "wrong-" + q.password}}}});
    if (r.status == 429) {
      throttled = r;
    } else {
      ExpectReason(r, 403, "permission_denied", "signature_failed", "signature.password");
      ++refused;
    }
  }
  EXPECT_GE(refused, 2);
  ExpectProblem(throttled, 429, "resource_exhausted");
  EXPECT_EQ(GetLot("T-PW-1")["status"], "quarantined");
}

TEST_F(LotsApiTest, HoldAndLiftReturnToTheStateHeldFrom) {
  ORDO_VERIFIES("ORDO-LOT-05", "ORDO-LOT-06", "ORDO-LOT-13", "P11-06");
  Receive(Receipt("T-HOLD-1"));
  ASSERT_EQ(Act(quality_, "T-HOLD-1", "release", Signed({}, "quality")).status, 200);
  ExpectReason(Act(quality_, "T-HOLD-1", "hold", Json::object()), 400, "invalid_argument",
               "missing_field", "reason");
  ExpectProblem(Act(supervisor_, "T-HOLD-1", "hold", {{"reason", "x"}}), 403, "permission_denied");
  HttpReply held = Act(quality_, "T-HOLD-1", "hold", {{"reason", "damaged drum seal"}});
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["lot"]["status"], "on_hold");
  ExpectReason(Act(quality_, "T-HOLD-1", "hold", {{"reason", "again"}}), 422, "failed_precondition",
               "invalid_transition", "lot");
  HttpReply lifted = Act(quality_, "T-HOLD-1", "lift-hold", {{"reason", "seal intact, tape only"}});
  ASSERT_EQ(lifted.status, 200) << lifted.Describe();
  const Json lot = lifted.json()["lot"];
  EXPECT_EQ(lot["status"], "released");
  // History newest first.
  ASSERT_EQ(lot["history"].size(), 4u) << lot.dump();
  EXPECT_EQ(lot["history"][0]["event"], "hold_lifted");
  EXPECT_EQ(lot["history"][1]["event"], "held");
  EXPECT_EQ(lot["history"][1]["reason"], "damaged drum seal");
  EXPECT_EQ(lot["history"][3]["event"], "received");
  ExpectReason(Act(quality_, "T-HOLD-1", "lift-hold", {{"reason", "x"}}), 422,
               "failed_precondition", "invalid_transition", "lot");
  ExpectReason(Act(quality_, "T-NONE", "hold", {{"reason", "x"}}), 404, "not_found", "lot_missing",
               "lot");
}

TEST_F(LotsApiTest, ALotPastItsExpiryIsRecordedAsExpiredAndCannotBeReleased) {
  ORDO_VERIFIES("ORDO-LOT-07", "ORDO-LOT-12");
  Json lot = Receive(Receipt("T-OLD-1", 1, "drum", "2020-01-31"));
  EXPECT_EQ(lot["status"], "expired");
  EXPECT_EQ(lot["state"], "quarantined");
  EXPECT_TRUE(Contains(Listed("?status=expired"), "T-OLD-1"));
  EXPECT_FALSE(Contains(Listed("?status=quarantined"), "T-OLD-1"));
  HttpReply release = Act(quality_, "T-OLD-1", "release", Signed({}, "quality"));
  ExpectReason(release, 422, "failed_precondition", "lot_expired", "lot");
  EXPECT_NE(release.json().value("detail", "").find("2020-01-31"), std::string::npos);
  // A retest date passed counts too.
  Json retest = Receipt("T-OLD-2");
  retest.erase("expiry");
  retest["retest"] = "2021-06-30";
  EXPECT_EQ(Receive(retest)["status"], "expired");
  ASSERT_EQ(Act(quality_, "T-OLD-1", "reject", Signed({{"reason", "expired"}}, "quality")).status,
            200);
  EXPECT_EQ(GetLot("T-OLD-1")["status"], "rejected");
}

TEST_F(LotsApiTest, TheSameReceiptIsUnchangedADifferentOneAConflictAndARetryReceivesOnce) {
  ORDO_VERIFIES("ORDO-LOT-11", "ORDO-LOT-16", "A11-03");
  Receive(Receipt("T-IDEM-1"));
  const std::int64_t head = HeadSeq(http());
  HttpReply same = http().Post("/api/v1/lots", Receipt("T-IDEM-1"), supervisor_);
  ASSERT_EQ(same.status, 200) << same.Describe();
  EXPECT_EQ(same.json()["outcome"], "unchanged");
  ExpectReason(http().Post("/api/v1/lots", Receipt("T-IDEM-1", 5), supervisor_), 409, "conflict",
               "lot_conflict", "quantity");
  EXPECT_EQ(HeadSeq(http()), head);
  const Headers key{{"Idempotency-Key", "receipt-T-IDEM-2"}};
  HttpReply first = http().Post("/api/v1/lots", Receipt("T-IDEM-2"), supervisor_, key);
  ASSERT_EQ(first.status, 201) << first.Describe();
  HttpReply retry = http().Post("/api/v1/lots", Receipt("T-IDEM-2"), supervisor_, key);
  EXPECT_EQ(retry.status, 201) << retry.Describe();
  EXPECT_EQ(retry.json()["lot"], first.json()["lot"]);
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

TEST_F(LotsApiTest, ImportReportsBadRowsByLineAndIsIdempotent) {
  ORDO_VERIFIES("ORDO-LOT-10", "ORDO-LOT-11", "ORDO-LOT-14", "A11-03");
  const std::string csv = kHeader +
                          "T-IMP-1,RM-PCM-API,Acme,\"AC, 118\",2,drum,2099-01-31,\r\n"
                          "T-IMP-2,RM-PCM-API,Acme,AC-119,3,lb,2099-01-31,\r\n"
                          "T-IMP-3,RM-PCM-API,Acme,AC-120,many,kg,2099-01-31,\r\n"
                          "T-IMP-4,RM-PCM-API,Acme,AC-121,12.5,kg,,2098-05-31\r\n";
  ExpectProblem(Import(csv, operator_), 403, "permission_denied");
  HttpReply r = Import(csv);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json body = r.json();
  EXPECT_EQ(body["created"], 2);
  EXPECT_EQ(body["unchanged"], 0);
  EXPECT_EQ(body["refused"], 2);
  ASSERT_EQ(body["rows"].size(), 4u);
  EXPECT_EQ(body["rows"][1]["line"], 3);
  EXPECT_EQ(body["rows"][1]["outcome"], "refused");
  EXPECT_EQ(body["rows"][1]["errors"][0]["field"], "unit");
  EXPECT_EQ(body["rows"][2]["line"], 4);
  EXPECT_EQ(body["rows"][2]["errors"][0]["field"], "quantity");
  EXPECT_EQ(GetLot("T-IMP-1")["supplier_lot"], "AC, 118");
  EXPECT_EQ(GetLot("T-IMP-1")["source"], "import");
  EXPECT_EQ(GetLot("T-IMP-4")["quantity"], 12.5);

  const std::int64_t head = HeadSeq(http());
  HttpReply again = Import(csv);
  ASSERT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["created"], 0);
  EXPECT_EQ(again.json()["unchanged"], 2);
  EXPECT_EQ(HeadSeq(http()), head);
  HttpReply changed = Import(kHeader + "T-IMP-1,RM-PCM-API,Acme,\"AC, 118\",3,drum,2099-01-31,\n");
  ASSERT_EQ(changed.status, 200) << changed.Describe();
  EXPECT_EQ(changed.json()["rows"][0]["outcome"], "conflict");
  EXPECT_EQ(changed.json()["rows"][0]["errors"][0]["field"], "quantity");
  EXPECT_EQ(GetLot("T-IMP-1")["received"]["quantity"], 2.0);
  ExpectReason(Import("lot,material\nX,Y\n"), 400, "invalid_argument", "wrong_header", "content");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(LotsApiTest, QuarantinedLotsWaitInQualitysWorklist) {
  ORDO_VERIFIES("ORDO-LOT-17");
  Receive(Receipt("T-WL-1"));
  auto items = [&](const std::string& token) {
    HttpReply r = http().Get("/api/v1/worklist", token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    std::vector<Json> out;
    const Json body = r.json();
    for (const auto& i : body["items"])
      if (i.value("source", "") == "lots.quarantine") out.push_back(i);
    return out;
  };
  auto quality = items(quality_);
  bool found = false;
  for (const auto& i : quality)
    if (i.dump().find("T-WL-1") != std::string::npos) found = true;
  EXPECT_TRUE(found) << quality.size();
  EXPECT_TRUE(items(operator_).empty());
  EXPECT_TRUE(items(supervisor_).empty());
  ASSERT_EQ(Act(quality_, "T-WL-1", "release", Signed({}, "quality")).status, 200);
  for (const auto& i : items(quality_)) EXPECT_EQ(i.dump().find("T-WL-1"), std::string::npos);
}

TEST_F(LotsApiTest, CliImportPrintsTheSummaryAndExitsOneWhenARowIsRefused) {
  ORDO_VERIFIES("ORDO-LOT-18", "ORDO-LOT-10");
  const Credentials& sup = sandbox_.user("supervisor");
  WriteText(sandbox_.file("sup.pw"), sup.password + "\n");
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  const std::string good = sandbox_.file("good.csv"), bad = sandbox_.file("bad.csv");
  WriteText(good, kHeader + "T-CLI-1,RM-PCM-API,Acme,AC-1,1,drum,2099-01-31,\n");
  WriteText(bad, kHeader +
                     "T-CLI-1,RM-PCM-API,Acme,AC-1,1,drum,2099-01-31,\n"
                     "T-CLI-2,RM-PCM-API,Acme,AC-2,1,barrel,2099-01-31,\n");
  auto run = [&](const std::string& file) {
    return sandbox_.Ordo({"lots", "import", file, "--server", url, "--user", sup.name,
                          "--password-file", sandbox_.file("sup.pw")});
  };
  RunResult created = run(good);
  EXPECT_EQ(created.status.code, 0) << created.Describe();
  EXPECT_NE(created.out.find("1 created, 0 unchanged, 0 refused"), std::string::npos)
      << created.Describe();
  RunResult refused = run(bad);
  EXPECT_EQ(refused.status.code, 1) << refused.Describe();
  EXPECT_NE(refused.out.find("0 created, 1 unchanged, 1 refused"), std::string::npos)
      << refused.Describe();
  EXPECT_NE(refused.out.find("line 3 (T-CLI-2): refused: unit:"), std::string::npos)
      << refused.Describe();
  RunResult usage = sandbox_.Ordo({"lots", "import", good});
  EXPECT_EQ(usage.status.code, 2) << usage.Describe();
  RunResult missing = run(sandbox_.file("no-such.csv"));
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
}

}  // namespace
}  // namespace ordo::testing
