// Unit tests for the change control decisions of opening, drafting, withdrawing and plant
// apply, the states and the event payloads (pure domain, no I/O): every refusal with its
// code, field and reason, and the events they produce.
#include "mes/masterdata/domain/change_control.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/masterdata/domain/detail/change_control_testing.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/events.h"

namespace ordo::masterdata {
namespace {

using namespace detail;

// --- Open ---

TEST(ChangeControlOpenTest, AcceptsAndNamesTheChangeRequest) {
  ORDO_VERIFIES("ORDO-MD-02");
  OpenChangeRequest c = GoodOpen();
  c.effective_from = kNow;
  auto e = DecideOpenChangeRequest(c, 42);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "change_request.opened");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "change_request");
  EXPECT_EQ(e->subject_id, "CR-000042");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload, (Json{{"title", "Adjust limits"},
                              {"description", "what changes"},
                              {"reason", "why"},
                              {"impact", ""},
                              {"effective_from_us", kNow}}));
  auto without = DecideOpenChangeRequest(GoodOpen(), 1);
  ASSERT_TRUE(without.ok());
  EXPECT_TRUE(without->payload.at("effective_from_us").is_null());
}

TEST(ChangeControlOpenTest, RefusesBadFields) {
  ORDO_VERIFIES("ORDO-MD-02");
  struct Case {
    std::string field;
    OpenChangeRequest command;
  };
  std::vector<Case> cases;
  for (auto [field, length] :
       std::vector<std::pair<std::string, std::size_t>>{{"title", 0},
                                                        {"title", 201},
                                                        {"description", 0},
                                                        {"description", 4001},
                                                        {"reason", 0},
                                                        {"reason", 1001},
                                                        {"impact", 4001}}) {
    OpenChangeRequest c = GoodOpen();
    std::string value(length, 'x');
    if (field == "title") c.title = value;
    if (field == "description") c.description = value;
    if (field == "reason") c.reason = value;
    if (field == "impact") c.impact = value;
    cases.push_back({field, c});
  }
  OpenChangeRequest early = GoodOpen();
  early.effective_from = -1;
  cases.push_back({"effective_from", early});
  for (const auto& c : cases) {
    ExpectError(ValidateOpenChangeRequest(c.command).error(), ErrorCode::kInvalidArgument, c.field);
    ExpectRefused(DecideOpenChangeRequest(c.command, 1), ErrorCode::kInvalidArgument, c.field);
  }
  OpenChangeRequest longest = GoodOpen();
  longest.title = std::string(200, 't');
  longest.impact = std::string(4000, 'i');
  EXPECT_TRUE(ValidateOpenChangeRequest(longest).ok());
}

// --- Drafts ---

TEST(ChangeControlDraftTest, NewDraftOfANewObject) {
  ORDO_VERIFIES("ORDO-MD-02");
  auto e = DecideSaveDraft({"CR-000007", "qualification", "GMP-BASIC", kQualification, "define"},
                           Cr(), ObjectState{});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "masterdata.draft_saved");
  EXPECT_EQ(e->subject_kind, "qualification");
  EXPECT_EQ(e->subject_id, "GMP-BASIC");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload.at("change_request"), "CR-000007");
  EXPECT_EQ(e->payload.at("action"), "define");
  EXPECT_EQ(e->payload.at("content"), kQualification);
  EXPECT_EQ(e->payload.at("content_hash"), ContentHash(kQualification));
  EXPECT_TRUE(e->payload.at("base_version").is_null());
  EXPECT_TRUE(e->payload.at("changes").is_array());
}

TEST(ChangeControlDraftTest, ChangeOfAnEffectiveObjectAndObsolete) {
  ORDO_VERIFIES("ORDO-MD-02");
  ObjectState object;
  object.max_version = 2;
  object.effective_content = kQualification;
  object.effective_version = 2;
  Json renamed = kQualification;
  renamed["name"] = "GMP basics 2";
  auto e =
      DecideSaveDraft({"CR-000007", "qualification", "GMP-BASIC", renamed, "define"}, Cr(), object);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->subject_version, 3);
  EXPECT_EQ(e->payload.at("base_version"), 2);
  EXPECT_EQ(e->payload.at("changes").size(), 1u);

  auto obsolete =
      DecideSaveDraft({"CR-000007", "qualification", "GMP-BASIC", Json::object(), "obsolete"},
                      Cr(ChangeRequestState::kRejected), object);
  ASSERT_TRUE(obsolete.ok()) << obsolete.error().message;
  EXPECT_EQ(obsolete->payload.at("action"), "obsolete");
  EXPECT_EQ(obsolete->payload.at("content"), kQualification);  // the retired definition
}

TEST(ChangeControlDraftTest, SameDraftChangedKeepsItsVersion) {
  ORDO_VERIFIES("ORDO-MD-02");
  ObjectState object;
  object.max_version = 4;
  object.open_version = Draft("qualification", "GMP-BASIC", kQualification);
  object.open_version->version = 4;
  object.open_change_request = "CR-000007";
  Json renamed = kQualification;
  renamed["name"] = "renamed";
  auto e =
      DecideSaveDraft({"CR-000007", "qualification", "GMP-BASIC", renamed, "define"}, Cr(), object);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->subject_version, 4);
}

TEST(ChangeControlDraftTest, ConfigurationKindsHaveOneObjectThatIsNeverObsolete) {
  ORDO_VERIFIES("A11-08", "ORDO-SITE-01");
  const Json settings{{"id", "site"},
                      {"name", "Site settings"},
                      {"approvals_required", 2},
                      {"signing_password_only", false},
                      {"password_min_length", 15},
                      {"password_expiry_days", 0}};
  auto e = DecideSaveDraft({"CR-000007", "site_settings", "site", settings, "define"}, Cr(), {});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->subject_kind, "site_settings");
  EXPECT_EQ(e->subject_id, "site");
  Json other = settings;
  other["id"] = "plant-2";
  ExpectRefused(
      DecideSaveDraft({"CR-000007", "site_settings", "plant-2", other, "define"}, Cr(), {}),
      ErrorCode::kInvalidArgument, "id");
  ObjectState in_force;
  in_force.max_version = 1;
  in_force.effective_version = 1;
  in_force.effective_content = settings;
  ExpectRefused(DecideSaveDraft({"CR-000007", "site_settings", "site", Json::object(), "obsolete"},
                                Cr(), in_force),
                ErrorCode::kInvalidArgument, "action");
  for (auto [field, value] :
       std::vector<std::pair<std::string, Json>>{{"approvals_required", 0},
                                                 {"approvals_required", 6},
                                                 {"password_min_length", 7},
                                                 {"password_min_length", 257},
                                                 {"password_expiry_days", -1},
                                                 {"password_expiry_days", 3651},
                                                 {"signing_password_only", "yes"}}) {
    Json bad = settings;
    bad[field] = value;
    SCOPED_TRACE(field + " = " + value.dump());
    ExpectRefused(DecideSaveDraft({"CR-000007", "site_settings", "site", bad, "define"}, Cr(), {}),
                  ErrorCode::kInvalidArgument, "content." + field);
  }
  const KindDef* policy = FindKind("signature_policy");
  ASSERT_NE(policy, nullptr);
  EXPECT_EQ(policy->fixed_id, "site");
  EXPECT_EQ(policy->draft_permission, "site.configure");
  EXPECT_FALSE(policy->can_obsolete);
  ExpectRefused(DecideSaveDraft({"CR-000007", "signature_policy", "site",
                                 Json{{"id", "site"}, {"name", "Policy"}, {"text", ""}}, "define"},
                                Cr(), {}),
                ErrorCode::kInvalidArgument, "content.text");
}

TEST(ChangeControlDraftTest, Refusals) {
  ORDO_VERIFIES("ORDO-MD-03");
  const SaveDraft good{"CR-000007", "qualification", "GMP-BASIC", kQualification, "define"};
  for (auto state : {ChangeRequestState::kInReview, ChangeRequestState::kApproved,
                     ChangeRequestState::kWithdrawn})
    ExpectRefused(DecideSaveDraft(good, Cr(state), {}), ErrorCode::kFailedPrecondition, "",
                  "change_request_not_editable");
  SaveDraft c = good;
  c.kind = "recipe";
  ExpectRefused(DecideSaveDraft(c, Cr(), {}), ErrorCode::kInvalidArgument, "kind");
  c = good;
  c.id = "-bad id";
  ExpectRefused(DecideSaveDraft(c, Cr(), {}), ErrorCode::kInvalidArgument, "id");
  c = good;
  c.action = "delete";
  ExpectRefused(DecideSaveDraft(c, Cr(), {}), ErrorCode::kInvalidArgument, "action");
  c = good;
  c.action = "obsolete";
  ExpectRefused(DecideSaveDraft(c, Cr(), {}), ErrorCode::kFailedPrecondition, "",
                "nothing_to_obsolete");
  c = good;
  c.content = Json{{"id", "GMP-BASIC"}};  // name missing
  ExpectRefused(DecideSaveDraft(c, Cr(), {}), ErrorCode::kInvalidArgument, "content.name");
  ObjectState effective;
  effective.effective_content = kQualification;
  effective.effective_version = 1;
  ExpectRefused(DecideSaveDraft(good, Cr(), effective), ErrorCode::kFailedPrecondition, "content",
                "no_change");
  ObjectState elsewhere;
  elsewhere.open_version = Draft("qualification", "GMP-BASIC", kQualification);
  elsewhere.open_change_request = "CR-000001";
  auto r = DecideSaveDraft(good, Cr(), elsewhere);
  ExpectRefused(r, ErrorCode::kConflict, "id", "open_draft_elsewhere");
  EXPECT_NE(r.error().message.find("CR-000001"), std::string::npos);
}

TEST(ChangeControlDraftTest, WithdrawDraft) {
  ORDO_VERIFIES("ORDO-MD-02");
  std::vector<Item> items{Draft("qualification", "GMP-BASIC", kQualification)};
  items[0].version = 5;
  auto e = DecideWithdrawDraft(Cr(), items, "qualification", "GMP-BASIC");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "masterdata.draft_withdrawn");
  EXPECT_EQ(e->subject_version, 5);
  EXPECT_EQ(e->payload, (Json{{"change_request", "CR-000007"}}));

  ExpectRefused(
      DecideWithdrawDraft(Cr(ChangeRequestState::kInReview), items, "qualification", "GMP-BASIC"),
      ErrorCode::kFailedPrecondition, "", "change_request_not_editable");
  ExpectRefused(DecideWithdrawDraft(Cr(), items, "qualification", "OTHER"), ErrorCode::kNotFound,
                "");
  items[0].state = VersionState::kWithdrawn;
  ExpectRefused(DecideWithdrawDraft(Cr(), items, "qualification", "GMP-BASIC"),
                ErrorCode::kNotFound, "");
}

TEST(ChangeControlWithdrawTest, WithdrawChangeRequest) {
  ORDO_VERIFIES("ORDO-MD-02");
  for (auto state :
       {ChangeRequestState::kOpen, ChangeRequestState::kRejected, ChangeRequestState::kInReview}) {
    auto e = DecideWithdrawChangeRequest(Cr(state), "not needed");
    ASSERT_TRUE(e.ok()) << e.error().message;
    EXPECT_EQ(e->type, "change_request.withdrawn");
    EXPECT_EQ(e->subject_version, 3);
    EXPECT_EQ(e->payload, (Json{{"reason", "not needed"}}));
  }
  for (auto state : {ChangeRequestState::kApproved, ChangeRequestState::kWithdrawn})
    ExpectRefused(DecideWithdrawChangeRequest(Cr(state), "why"), ErrorCode::kFailedPrecondition, "",
                  "illegal_transition");
  ExpectRefused(DecideWithdrawChangeRequest(Cr(), ""), ErrorCode::kInvalidArgument, "reason");
  ExpectRefused(DecideWithdrawChangeRequest(Cr(), std::string(1001, 'r')),
                ErrorCode::kInvalidArgument, "reason");
}

// --- Plant apply ---

TEST(ChangeControlApplyPlantTest, DraftsOnlyWhatDiffers) {
  ORDO_VERIFIES("ORDO-MD-06");
  ObjectState same;
  same.effective_content = kQualification;
  same.effective_version = 1;
  Json other = kQualification;
  other["id"] = "GMP-2";
  auto events = DecideApplyPlant(
      GoodOpen(), 3,
      {{"qualification", "GMP-BASIC", "qualifications/GMP-BASIC.yaml", kQualification, same},
       {"qualification", "GMP-2", "qualifications/GMP-2.yaml", other, {}}});
  ASSERT_TRUE(events.ok()) << events.error().message;
  ASSERT_EQ(events->size(), 2u);
  EXPECT_EQ((*events)[0].type, "change_request.opened");
  EXPECT_EQ((*events)[0].subject_id, "CR-000003");
  EXPECT_EQ((*events)[1].type, "masterdata.draft_saved");
  EXPECT_EQ((*events)[1].subject_id, "GMP-2");
  EXPECT_EQ((*events)[1].payload.at("change_request"), "CR-000003");
}

TEST(ChangeControlApplyPlantTest, Refusals) {
  ORDO_VERIFIES("ORDO-MD-06");
  OpenChangeRequest bad = GoodOpen();
  bad.title = "";
  ExpectRefused(DecideApplyPlant(bad, 1, {}), ErrorCode::kInvalidArgument, "title");
  ObjectState same;
  same.effective_content = kQualification;
  ExpectRefused(DecideApplyPlant(GoodOpen(), 1,
                                 {{"qualification", "GMP-BASIC", "q.yaml", kQualification, same}}),
                ErrorCode::kFailedPrecondition, "files", "no_change");
  ObjectState elsewhere;
  elsewhere.open_version = Draft("qualification", "GMP-2", kQualification);
  elsewhere.open_change_request = "CR-000001";
  Json other = kQualification;
  other["id"] = "GMP-2";
  auto r =
      DecideApplyPlant(GoodOpen(), 2, {{"qualification", "GMP-2", "q2.yaml", other, elsewhere}});
  ExpectRefused(r, ErrorCode::kConflict, "files", "open_draft_elsewhere");
  EXPECT_EQ(r.error().message.rfind("q2.yaml: ", 0), 0u) << r.error().message;
}

TEST(ChangeControlStatesTest, OneStringEach) {
  for (auto s :
       {ChangeRequestState::kOpen, ChangeRequestState::kInReview, ChangeRequestState::kApproved,
        ChangeRequestState::kRejected, ChangeRequestState::kWithdrawn})
    EXPECT_EQ(ParseChangeRequestState(ToString(s)), s);
  for (auto s : {VersionState::kDraft, VersionState::kInReview, VersionState::kApproved,
                 VersionState::kWithdrawn})
    EXPECT_EQ(ParseVersionState(ToString(s)), s);
  EXPECT_STREQ(ToString(ChangeRequestState::kInReview), "in_review");
  EXPECT_STREQ(ToString(VersionState::kDraft), "draft");
  EXPECT_EQ(ParseChangeRequestState("draft"), std::nullopt);
  EXPECT_EQ(ParseVersionState("rejected"), std::nullopt);
  EXPECT_EQ(ParseVersionState(""), std::nullopt);
}

TEST(ChangeControlEventsTest, PayloadsReadBackAsTheyWereWritten) {
  ChangeRequestOpened opened{"t", "d", "r", "i", std::nullopt};
  Json j = opened;
  EXPECT_TRUE(j.at("effective_from_us").is_null());
  auto back = ledger::ReadPayload<ChangeRequestOpened>(j);
  ASSERT_TRUE(back.ok());
  EXPECT_FALSE(back->effective_from_us.has_value());
  ChangeRequestApproved approved{3, kNow, {{"routing", "R-1", 2}}};
  Json a = approved;
  auto again = ledger::ReadPayload<ChangeRequestApproved>(a);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(Json(*again), a);
  EXPECT_TRUE(IsDraftEvent("masterdata.draft_saved"));
  EXPECT_TRUE(IsChangeRequestEvent("change_request.approval_signed"));
  EXPECT_FALSE(IsChangeRequestEvent("signature.applied"));
}

}  // namespace
}  // namespace ordo::masterdata
