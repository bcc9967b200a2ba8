// Master data change control through the API: the version lifecycle, illegal
// transitions, four eyes, the number of approvals and rejection (docs/masterdata.md 2-3).
#include <gtest/gtest.h>

#include <algorithm>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

TEST_F(MasterdataTest, ChangedLimitBecomesEffectiveAndSupersedesTheOldVersion) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02", "ORDO-MD-05");
  Json before = GetObject("routing", kRouting);
  ASSERT_EQ(before["object"]["status"], "effective") << before.dump();
  const std::int64_t old_version = before["object"]["effective_version"].get<std::int64_t>();

  const std::string cr = CrWithChangedLimit(175);
  ASSERT_FALSE(cr.empty());
  Json open = GetCr(cr);
  EXPECT_EQ(open["state"], "open");
  ASSERT_EQ(open["items"].size(), 1u) << open.dump();
  EXPECT_EQ(open["items"][0]["version"], old_version + 1) << "a change is a new version";
  EXPECT_EQ(open["items"][0]["base_version"], old_version);
  ASSERT_EQ(open["items"][0]["changes"].size(), 1u) << open.dump();
  EXPECT_EQ(open["items"][0]["changes"][0]["path"], kLimitPath);

  HttpReply submit = Command(engineer_, cr, "submit", SigOf("engineer"));
  ASSERT_EQ(submit.status, 200) << submit.Describe();
  EXPECT_EQ(submit.json()["change_request"]["state"], "in_review");
  HttpReply approve = Command(quality_, cr, "approve", SigOf("quality"));
  ASSERT_EQ(approve.status, 200) << approve.Describe();
  Json done = approve.json()["change_request"];
  EXPECT_EQ(done["state"], "approved");
  EXPECT_EQ(done["approvals"], 1);
  ASSERT_EQ(done["signatures"].size(), 2u) << done.dump();
  EXPECT_EQ(done["signatures"][0]["meaning"], "authored");
  EXPECT_EQ(done["signatures"][1]["meaning"], "approved");

  Json after = GetObject("routing", kRouting);
  EXPECT_EQ(after["object"]["effective_version"], old_version + 1) << after.dump();
  EXPECT_EQ(after["object"]["latest_state"], "approved");
  ASSERT_GE(after["versions"].size(), 2u);
  EXPECT_EQ(after["versions"][0]["version"], old_version + 1) << "newest first";
  EXPECT_EQ(after["versions"][0]["status"], "effective");
  EXPECT_EQ(after["versions"][0]["change_request"], cr);
  EXPECT_EQ(after["versions"][1]["version"], old_version);
  EXPECT_EQ(after["versions"][1]["status"], "superseded");
  EXPECT_EQ(Effective("routing", kRouting), ChangedLimit(before["versions"][0]["content"], 175));

  HttpReply diff = http().Get("/api/v1/masterdata/routing/" + kRouting +
                                  "/diff?from=" + std::to_string(old_version) +
                                  "&to=" + std::to_string(old_version + 1),
                              engineer_);
  ASSERT_EQ(diff.status, 200) << diff.Describe();
  Json changes = diff.json()["changes"];
  ASSERT_EQ(changes.size(), 1u) << diff.Describe();
  EXPECT_EQ(changes[0]["path"], kLimitPath);
  EXPECT_EQ(changes[0]["old"], 170);
  EXPECT_EQ(changes[0]["new"], 175);

  // Approved versions are immutable: the approved CR refuses drafts, and a new
  // change is a new draft version.
  ExpectReason(PutDraft(engineer_, cr, "routing", kRouting,
                        ChangedLimit(Effective("routing", kRouting), 180)),
               422, "failed_precondition", "change_request_not_editable");
  ExpectReason(
      http().Request("DELETE", "/api/v1/change-requests/" + cr + "/items/routing/" + kRouting, "",
                     engineer_),
      422, "failed_precondition", "change_request_not_editable");
  const std::string next = CrWithChangedLimit(180);
  Json next_cr = GetCr(next);
  EXPECT_EQ(next_cr["items"][0]["version"], old_version + 2);
  EXPECT_EQ(next_cr["items"][0]["base_version"], old_version + 1);
  HttpReply v = http().Get(
      "/api/v1/masterdata/routing/" + kRouting + "/versions/" + std::to_string(old_version + 1),
      engineer_);
  ASSERT_EQ(v.status, 200) << v.Describe();
  EXPECT_EQ(v.json()["version"]["state"], "approved");
  EXPECT_EQ(v.json()["version"]["content"], ChangedLimit(before["versions"][0]["content"], 175));
}

TEST_F(MasterdataTest, IllegalTransitionsAreRefused) {
  ORDO_VERIFIES("P11-06", "ORDO-MD-03");
  const std::string cr = CrWithChangedLimit();
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Command(quality_, cr, "approve", SigOf("quality")), 422, "failed_precondition",
               "illegal_transition");
  ExpectReason(Command(quality_, cr, "reject", SigOf("quality", "no")), 422, "failed_precondition",
               "illegal_transition");
  EXPECT_EQ(HeadSeq(http()), head) << "a refused transition wrote to the ledger";

  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  ExpectReason(Command(engineer_, cr, "submit", SigOf("engineer")), 422, "failed_precondition",
               "illegal_transition");
  ExpectReason(PutDraft(engineer_, cr, "routing", kRouting,
                        ChangedLimit(Effective("routing", kRouting), 171)),
               422, "failed_precondition", "change_request_not_editable");
  ASSERT_EQ(Command(quality_, cr, "approve", SigOf("quality")).status, 200);
  ExpectReason(Command(engineer_, cr, "submit", SigOf("engineer")), 422, "failed_precondition",
               "illegal_transition");
  ExpectReason(Command(engineer_, cr, "withdraw", Json{{"reason", "too late"}}), 422,
               "failed_precondition", "illegal_transition");
  ExpectReason(Command(quality_, cr, "approve", SigOf("quality")), 422, "failed_precondition",
               "illegal_transition");
  EXPECT_EQ(GetCr(cr)["state"], "approved");
}

TEST_F(MasterdataTest, OneOpenDraftPerObjectAndNoEmptyChanges) {
  ORDO_VERIFIES("ORDO-MD-03");
  const std::string first = CrWithChangedLimit(175);
  const std::string second = OpenCr(engineer_, "Competing change");
  const Json effective = Effective("routing", kRouting);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(PutDraft(engineer_, second, "routing", kRouting, ChangedLimit(effective, 172)), 409,
               "conflict", "open_draft_elsewhere");
  ExpectReason(PutDraft(engineer_, second, "material", "RM-MGST", Effective("material", "RM-MGST")),
               422, "failed_precondition", "no_change", "content");
  EXPECT_EQ(HeadSeq(http()), head);
  ExpectReason(Command(engineer_, second, "submit", SigOf("engineer")), 422, "failed_precondition",
               "empty_change_request");

  // Saving the draft again in its own CR changes the same version.
  HttpReply again = PutDraft(engineer_, first, "routing", kRouting, ChangedLimit(effective, 176));
  ASSERT_EQ(again.status, 200) << again.Describe();
  Json cr = GetCr(first);
  ASSERT_EQ(cr["items"].size(), 1u);
  EXPECT_EQ(cr["items"][0]["changes"][0]["new"], 176);

  // Withdrawing the draft frees the object for the other change request.
  HttpReply withdraw = http().Request(
      "DELETE", "/api/v1/change-requests/" + first + "/items/routing/" + kRouting, "", engineer_);
  ASSERT_EQ(withdraw.status, 200) << withdraw.Describe();
  EXPECT_EQ(GetCr(first)["items"][0]["state"], "withdrawn");
  ExpectProblem(
      http().Request("DELETE", "/api/v1/change-requests/" + first + "/items/routing/" + kRouting,
                     "", engineer_),
      404, "not_found");
  HttpReply moved = PutDraft(engineer_, second, "routing", kRouting, ChangedLimit(effective, 172));
  EXPECT_EQ(moved.status, 200) << moved.Describe();

  // Withdrawing a change request; then nothing more can happen to it.
  ExpectProblem(Command(engineer_, first, "withdraw", Json{{"reason", ""}}), 400,
                "invalid_argument", "reason");
  HttpReply wd = Command(engineer_, first, "withdraw", Json{{"reason", "superseded by " + second}});
  ASSERT_EQ(wd.status, 200) << wd.Describe();
  EXPECT_EQ(wd.json()["change_request"]["state"], "withdrawn");
  ExpectReason(Command(engineer_, first, "submit", SigOf("engineer")), 422, "failed_precondition",
               "illegal_transition");
  ExpectReason(PutDraft(engineer_, first, "routing", "RT-DOSEPEN-3ML",
                        Effective("routing", "RT-DOSEPEN-3ML")),
               422, "failed_precondition", "change_request_not_editable");
  HttpReply list = http().Get("/api/v1/change-requests?state=withdrawn", engineer_);
  ASSERT_EQ(list.status, 200) << list.Describe();
  ASSERT_EQ(list.json()["change_requests"].size(), 1u) << list.Describe();
  EXPECT_EQ(list.json()["change_requests"][0]["id"], first);
}

TEST_F(MasterdataTest, FourEyesRefusesAnApproverWhoDrafted) {
  ORDO_VERIFIES("P11-07", "ORDO-MD-04");
  ApiUser both = CreateUser("eng_qa", Json::array({"engineer", "quality"}));
  const std::string cr = OpenCr(engineer_);
  HttpReply put = PutDraft(both.token, cr, "routing", kRouting,
                           ChangedLimit(Effective("routing", kRouting), 174));
  ASSERT_EQ(put.status, 200) << put.Describe();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Command(both.token, cr, "approve", Sig(both.name, both.password)), 403,
               "permission_denied", "four_eyes");
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(GetCr(cr)["state"], "in_review");

  // The creator of a change request may not approve it either.
  const std::string own = OpenCr(both.token);
  Json renamed = Effective("routing", "RT-DOSEPEN-3ML");
  renamed["name"] = "Dose pen 3 mL assembly, renamed";
  ASSERT_EQ(PutDraft(engineer_, own, "routing", "RT-DOSEPEN-3ML", renamed).status, 200);
  ASSERT_EQ(Command(engineer_, own, "submit", SigOf("engineer")).status, 200);
  ExpectReason(Command(both.token, own, "approve", Sig(both.name, both.password)), 403,
               "permission_denied", "four_eyes");
  // Someone uninvolved can.
  EXPECT_EQ(Command(quality_, cr, "approve", SigOf("quality")).status, 200);
}

TEST_F(MasterdataTest, TwoApprovalsNeedTwoDistinctApprovers) {
  ORDO_VERIFIES("P11-07", "ORDO-MD-04");
  HttpReply set;
  ASSERT_NE(ChangeSiteSettings(http(), sandbox_, Json{{"approvals_required", 2}}, &set), "")
      << set.Describe();
  EXPECT_EQ(http().Get("/api/v1/site/settings", quality_).json()["settings"]["approvals_required"],
            2);
  ApiUser second = CreateUser("qa_two", Json::array({"quality"}));

  const std::string cr = CrWithChangedLimit();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  EXPECT_EQ(GetCr(cr)["approvals_required"], 2);
  HttpReply one = Command(quality_, cr, "approve", SigOf("quality"));
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_EQ(one.json()["change_request"]["state"], "in_review");
  EXPECT_EQ(one.json()["change_request"]["approvals"], 1);
  EXPECT_EQ(one.json()["change_request"]["approvals_required"], 2);
  const std::int64_t head = HeadSeq(http());
  ExpectReason(Command(quality_, cr, "approve", SigOf("quality")), 409, "conflict",
               "already_signed");
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_NE(GetObject("routing", kRouting)["versions"][0]["status"], "effective");

  HttpReply two = Command(second.token, cr, "approve", Sig(second.name, second.password));
  ASSERT_EQ(two.status, 200) << two.Describe();
  EXPECT_EQ(two.json()["change_request"]["state"], "approved");
  EXPECT_EQ(two.json()["change_request"]["approvals"], 2);
  EXPECT_EQ(GetObject("routing", kRouting)["versions"][0]["status"], "effective");
}

TEST_F(MasterdataTest, RejectionReopensTheDraftsAndOutdatesEarlierSignatures) {
  ORDO_VERIFIES("ORDO-MD-02", "ORDO-SIG-01");
  const std::string cr = CrWithChangedLimit(175);
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  const std::int64_t revision = GetCr(cr)["revision"].get<std::int64_t>();
  const std::int64_t head = HeadSeq(http());
  ExpectProblem(Command(quality_, cr, "reject", SigOf("quality")), 400, "invalid_argument",
                "signature.comment");
  EXPECT_EQ(HeadSeq(http()), head);

  HttpReply reject = Command(quality_, cr, "reject", SigOf("quality", "justify 175 rpm"));
  ASSERT_EQ(reject.status, 200) << reject.Describe();
  Json rejected = reject.json()["change_request"];
  EXPECT_EQ(rejected["state"], "rejected");
  EXPECT_GT(rejected["revision"].get<std::int64_t>(), revision);
  EXPECT_EQ(rejected["items"][0]["state"], "draft");
  ASSERT_EQ(rejected["signatures"].size(), 2u) << rejected.dump();
  EXPECT_EQ(rejected["signatures"][1]["meaning"], "rejected");
  EXPECT_EQ(rejected["signatures"][1]["comment"], "justify 175 rpm");
  for (const auto& s : rejected["signatures"])
    EXPECT_EQ(s["status"], "earlier_revision") << s.dump();

  // Drafts are editable again; resubmit and approve.
  HttpReply edit = PutDraft(engineer_, cr, "routing", kRouting,
                            ChangedLimit(Effective("routing", kRouting), 172));
  ASSERT_EQ(edit.status, 200) << edit.Describe();
  ASSERT_EQ(Command(engineer_, cr, "submit", SigOf("engineer")).status, 200);
  HttpReply approve = Command(quality_, cr, "approve", SigOf("quality"));
  ASSERT_EQ(approve.status, 200) << approve.Describe();
  Json done = approve.json()["change_request"];
  EXPECT_EQ(done["state"], "approved");
  ASSERT_EQ(done["signatures"].size(), 4u) << done.dump();
  EXPECT_EQ(done["signatures"][0]["status"], "earlier_revision");
  EXPECT_EQ(done["signatures"][1]["status"], "earlier_revision");
  EXPECT_EQ(done["signatures"][2]["status"], "valid");
  EXPECT_EQ(done["signatures"][3]["status"], "valid");
  EXPECT_EQ(Effective("routing", kRouting)["operations"][1]["parameters"][0]["high"], 172);
}

TEST_F(MasterdataTest, QualityGrantsQualificationsOperatorCannot) {
  ORDO_VERIFIES("P11-07", "P11-09", "ORDO-PERS-01");
  const std::int64_t op = UserId(sandbox_.user("operator").name);
  auto grants = [&] {
    HttpReply r =
        http().Get("/api/v1/personnel/qualifications?user_id=" + std::to_string(op), engineer_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    Json list = r.json()["grants"];
    for (const auto& g : list) EXPECT_EQ(g["user_id"], op) << r.Describe();
    return list;
  };
  const std::size_t before = grants().size();
  const Json grant{{"user_id", op}, {"qualification", "LEAK-TEST"}, {"expires", "2099-12-31"}};
  HttpReply granted = http().Post("/api/v1/personnel/qualifications", grant, quality_);
  ASSERT_TRUE(granted.ok()) << granted.Describe();
  const Json after = grants();
  ASSERT_EQ(after.size(), before + 1) << after.dump();
  const Json newest = *std::max_element(
      after.begin(), after.end(), [](const Json& x, const Json& y) { return x["seq"] < y["seq"]; });
  EXPECT_EQ(newest["qualification"], "LEAK-TEST");
  EXPECT_EQ(newest["expires"], "2099-12-31");
  EXPECT_EQ(newest["status"], "valid");

  const std::string operator_token = TokenFor("operator");
  const std::int64_t head = HeadSeq(http());
  ExpectReason(http().Post("/api/v1/personnel/qualifications",
                           Json{{"user_id", op}, {"qualification", "JUGGLING"}}, quality_),
               422, "failed_precondition", "qualification_missing", "qualification");
  ExpectProblem(http().Post("/api/v1/personnel/qualifications", grant, operator_token), 403,
                "permission_denied");
  ExpectProblem(http().Post("/api/v1/personnel/qualifications",
                            Json{{"user_id", 999999}, {"qualification", "COATING"}}, quality_),
                404, "not_found");
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(grants().size(), before + 1);
}

Json NewMaterial(const std::string& id, const std::string& gtin) {
  return Json{{"id", id},          {"name", "Label test " + id}, {"class", "raw"},
              {"base_unit", "kg"}, {"tracking", "lot"},          {"gtin", gtin}};
}

TEST_F(MasterdataTest, TwoMaterialsMayNotShareAGtinSoThatALabelScanNamesOneMaterial) {
  ORDO_VERIFIES("ORDO-MD-11", "ORDO-API-02");
  const std::string held = Effective("material", "RM-PCM-API")["gtin"].get<std::string>();
  // The same GTIN written as GTIN-14 is the same trade item.
  const std::string cr = OpenCr(engineer_, "New material");
  HttpReply put =
      PutDraft(engineer_, cr, "material", "RM-DUP-GTIN", NewMaterial("RM-DUP-GTIN", "0" + held));
  ASSERT_EQ(put.status, 200) << put.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply refused = Command(engineer_, cr, "submit", SigOf("engineer"));
  ExpectReason(refused, 422, "failed_precondition", "gtin_in_use", "material/RM-DUP-GTIN.gtin");
  const std::string detail = refused.json().value("detail", "");
  EXPECT_NE(detail.find("RM-PCM-API"), std::string::npos) << refused.Describe();
  EXPECT_NE(detail.find("0" + held), std::string::npos) << refused.Describe();
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(GetCr(cr)["state"], "open");

  // Two change requests, each fine alone when submitted: the approval that would make the
  // second GTIN holder take effect is refused, naming the first.
  const std::string gtin = "96385074";
  const std::string first = OpenCr(engineer_, "Material A");
  ASSERT_EQ(
      PutDraft(engineer_, first, "material", "RM-GTIN-A", NewMaterial("RM-GTIN-A", gtin)).status,
      200);
  const std::string second = OpenCr(engineer_, "Material B");
  ASSERT_EQ(
      PutDraft(engineer_, second, "material", "RM-GTIN-B", NewMaterial("RM-GTIN-B", gtin)).status,
      200);
  ASSERT_EQ(Command(engineer_, first, "submit", SigOf("engineer")).status, 200);
  ASSERT_EQ(Command(engineer_, second, "submit", SigOf("engineer")).status, 200);
  HttpReply approved = Command(quality_, first, "approve", SigOf("quality"));
  ASSERT_EQ(approved.status, 200) << approved.Describe();
  const std::int64_t before = HeadSeq(http());
  HttpReply late = Command(quality_, second, "approve", SigOf("quality"));
  ExpectReason(late, 422, "failed_precondition", "gtin_in_use", "material/RM-GTIN-B.gtin");
  EXPECT_NE(late.json().value("detail", "").find("RM-GTIN-A"), std::string::npos)
      << late.Describe();
  EXPECT_EQ(HeadSeq(http()), before);
  EXPECT_EQ(GetCr(second)["state"], "in_review");
}

TEST_F(MasterdataTest, ABomItemMayBeTiedOnlyToAnOperationOfTheProductsRouting) {
  ORDO_VERIFIES("ORDO-MD-12", "ORDO-MD-13", "ORDO-API-02");
  Json product = Effective("product", "PD-PCM500-20");
  ASSERT_EQ(product["bom"][0]["operation"], "10") << product.dump();  // the demo ties it
  product["bom"][0]["operation"] = "99";
  const std::string cr = OpenCr(engineer_, "Tie the API to an operation");
  HttpReply put = PutDraft(engineer_, cr, "product", "PD-PCM500-20", product);
  ASSERT_EQ(put.status, 200) << put.Describe();
  const std::int64_t head = HeadSeq(http());
  HttpReply refused = Command(engineer_, cr, "submit", SigOf("engineer"));
  ExpectReason(refused, 422, "failed_precondition", "unknown_operation",
               "product/PD-PCM500-20.bom[material=" +
                   product["bom"][0]["material"].get<std::string>() + "].operation");
  EXPECT_NE(refused.json().value("detail", "").find("RT-PCM500-FCT"), std::string::npos)
      << refused.Describe();
  EXPECT_EQ(HeadSeq(http()), head);

  // An operation of the routing is accepted, and the field is optional.
  product["bom"][0]["operation"] = "20";
  product["bom"][1].erase("operation");
  ASSERT_EQ(PutDraft(engineer_, cr, "product", "PD-PCM500-20", product).status, 200);
  SubmitAndApprove(cr);
  const Json now = Effective("product", "PD-PCM500-20");
  EXPECT_EQ(now["bom"][0]["operation"], "20");
  EXPECT_FALSE(now["bom"][1].contains("operation"));

  // A routing change that drops an operation a product consumes at is refused too.
  Json routing = Effective("routing", kRouting);
  Json kept = Json::array();
  for (const auto& op : routing["operations"])
    if (op["id"] != "20") kept.push_back(op);
  routing["operations"] = kept;
  for (auto& op : routing["operations"])
    if (op.contains("predecessors")) op.erase("predecessors");
  const std::string drop = OpenCr(engineer_, "Drop granulation");
  ASSERT_EQ(PutDraft(engineer_, drop, "routing", kRouting, routing).status, 200);
  HttpReply dropped = Command(engineer_, drop, "submit", SigOf("engineer"));
  ExpectReason(dropped, 422, "failed_precondition", "unknown_operation",
               "product/PD-PCM500-20.bom[material=" +
                   product["bom"][0]["material"].get<std::string>() + "].operation");
}

}  // namespace
}  // namespace ordo::testing
