// Change control through the real engine and store with an injected clock:
// effectivity (a future effective date takes over at that time), obsolete, statuses,
// and the re-check of signatures against a record changed behind the engine's back.
#include "mes/masterdata/commands/change_control.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/access/users.h"
#include "mes/masterdata/in_force.h"
#include "mes/masterdata/store/queries.h"
#include "mes/masterdata/store/views.h"

namespace ordo::masterdata {
namespace {

constexpr TimeMicros kT0 = engine::testing::EngineFixture::kT0;
constexpr TimeMicros kDay = 86'400'000'000;
const std::string kRouting = "RT-PCM500-FCT";

class ChangeControlTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_change_control_test_", true);
    if (HasFatalFailure()) return;
    StartEngine();
    if (HasFatalFailure()) return;
    OpenReader();
    if (HasFatalFailure()) return;
    engineer_ = ActorNamed("engineer");
    quality_ = ActorNamed("quality");
  }

  engine::Actor ActorNamed(const std::string& name) {
    auto u = access::FindUserByName(*reader_, name);
    EXPECT_TRUE(u.ok() && *u);
    return engine::Actor{(*u)->id, name, name};
  }

  // Opens a CR (effective from `from`, if given), drafts `content` for `kind`/`id`,
  // submits and approves it. Returns the CR id.
  std::string Change(const std::string& kind, const std::string& id, const Json& content,
                     std::optional<TimeMicros> from, const std::string& action = "define") {
    masterdata::OpenChangeRequest open{"t", "d", "r", "", from};
    std::string cr = Run(commands::OpenChangeRequest(engineer_, open))["change_request"]["id"];
    Run(commands::SaveDraft(engineer_, {cr, kind, id, content, action}));
    Run(commands::SubmitChangeRequest(engineer_, cr,
                                      {engineer_.user_id, "engineer", "authored", {}}));
    Run(commands::SignChangeRequest(quality_, cr, {quality_.user_id, "quality", "approved", {}}));
    return cr;
  }

  Json RoutingWithHigherLimit() {
    auto row = InForce(*reader_, "routing", kRouting, clock_.NowMicros());
    EXPECT_TRUE(row.ok() && *row);
    Json content = (*row)->content;
    Json& parameter = content["operations"][1]["parameters"][0];
    parameter["high"] = parameter["high"].get<double>() + 1.0;
    return content;
  }

  std::int64_t InForceVersion(const std::string& kind, const std::string& id, TimeMicros at) {
    auto row = InForce(*reader_, kind, id, at);
    EXPECT_TRUE(row.ok());
    return row.ok() && *row ? (*row)->version : 0;
  }

  engine::Actor engineer_, quality_;
};

TEST_F(ChangeControlTest, FutureEffectiveDateTakesOverAtThatTime) {
  ORDO_VERIFIES("A11-08", "ORDO-MD-02");
  Change("routing", kRouting, RoutingWithHigherLimit(), kT0 + kDay);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 1);
  auto before = ObjectView(*reader_, "routing", kRouting, clock_.NowMicros());
  ASSERT_TRUE(before.ok());
  EXPECT_EQ((*before)["versions"][0]["status"], "approved");  // newest first
  EXPECT_EQ((*before)["versions"][1]["status"], "effective");

  clock_.Advance(kDay);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 2);
  auto after = ObjectView(*reader_, "routing", kRouting, clock_.NowMicros());
  ASSERT_TRUE(after.ok());
  EXPECT_EQ((*after)["versions"][0]["status"], "effective");
  EXPECT_EQ((*after)["versions"][1]["status"], "superseded");
  EXPECT_EQ((*after)["object"]["effective_version"], 2);
}

TEST_F(ChangeControlTest, ApprovalWithoutDateIsEffectiveAtOnceAndNeverBackdated) {
  ORDO_VERIFIES("DI-03", "ORDO-MD-02");
  clock_.Advance(kDay);
  // Asked for an effective time in the past: it takes effect at approval, not earlier.
  Change("routing", kRouting, RoutingWithHigherLimit(), kT0);
  auto rows = VersionsOf(*reader_, "routing", kRouting);
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  EXPECT_EQ(rows->back().effective_from, clock_.NowMicros());
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros()), 2);
  EXPECT_EQ(InForceVersion("routing", kRouting, clock_.NowMicros() - 1), 1);
}

// A valid GTIN-13 from its first 12 digits (GS1 mod-10 check digit).
std::string WithCheckDigit(const std::string& first12) {
  int sum = 0;
  for (std::size_t i = 0; i < first12.size(); ++i)
    sum += (first12[first12.size() - 1 - i] - '0') * (i % 2 == 0 ? 3 : 1);
  return first12 + std::to_string((10 - sum % 10) % 10);
}

TEST_F(ChangeControlTest, LookupsByKindAndByGtinGiveTheVersionInForceNow) {
  ORDO_VERIFIES("ORDO-PERF-03", "ORDO-MD-02");
  const TimeMicros now = clock_.NowMicros();
  auto all = AllInForce(*reader_, now);
  auto codes = InForceOfKind(*reader_, "reason_codes", now);
  ASSERT_TRUE(all.ok() && codes.ok());
  std::vector<std::string> expected;
  for (const auto& v : *all)
    if (v.kind == "reason_codes") expected.push_back(v.id);
  std::vector<std::string> got;
  for (const auto& v : *codes) got.push_back(v.kind + "/" + v.id);
  ASSERT_FALSE(expected.empty());
  for (auto& id : expected) id = "reason_codes/" + id;
  EXPECT_EQ(got, expected);

  // A material by its GTIN, written as GTIN-13 and scanned as 14 digits.
  const VersionRow* material = nullptr;
  for (const auto& v : *all)
    if (v.kind == "material" && v.content.contains("gtin")) material = &v;
  ASSERT_NE(material, nullptr) << "the demo has a material with a GTIN";
  const std::string old_gtin = material->content["gtin"];
  auto found = MaterialOfGtin(*reader_, std::string(14 - old_gtin.size(), '0') + old_gtin, now);
  ASSERT_TRUE(found.ok() && *found);
  EXPECT_EQ((*found)->id, material->id);
  EXPECT_FALSE(MaterialOfGtin(*reader_, "00000000000000", now).value().has_value());
  // A new GTIN effective tomorrow: the old one until then, the new one from then on.
  const std::string new_gtin = WithCheckDigit("400638133393");
  Json content = material->content;
  content["gtin"] = new_gtin;
  const std::string id = material->id;
  Change("material", id, content, now + kDay);
  const std::string new14 = "0" + new_gtin,
                    old14 = std::string(14 - old_gtin.size(), '0') + old_gtin;
  EXPECT_EQ(MaterialOfGtin(*reader_, old14, clock_.NowMicros()).value().value().id, id);
  EXPECT_FALSE(MaterialOfGtin(*reader_, new14, clock_.NowMicros()).value().has_value());
  clock_.Advance(kDay);
  auto moved = MaterialOfGtin(*reader_, new14, clock_.NowMicros());
  ASSERT_TRUE(moved.ok() && *moved);
  EXPECT_EQ((*moved)->id, id);
  EXPECT_EQ((*moved)->version, 2);
  EXPECT_FALSE(MaterialOfGtin(*reader_, old14, clock_.NowMicros()).value().has_value());
}

TEST_F(ChangeControlTest, ObsoleteRetiresTheObject) {
  ORDO_VERIFIES("ORDO-MD-02");
  auto ids = ObjectIds(*reader_, "reason_codes");
  ASSERT_TRUE(ids.ok() && !ids->empty());
  const std::string id = ids->front();
  ASSERT_EQ(InForceVersion("reason_codes", id, clock_.NowMicros()), 1);
  Change("reason_codes", id, Json::object(), std::nullopt, "obsolete");
  EXPECT_EQ(InForceVersion("reason_codes", id, clock_.NowMicros()), 0);
  auto view = ObjectView(*reader_, "reason_codes", id, clock_.NowMicros());
  ASSERT_TRUE(view.ok());
  EXPECT_EQ((*view)["object"]["status"], "obsolete");
  EXPECT_EQ((*view)["versions"][0]["action"], "obsolete");
}

TEST_F(ChangeControlTest, SignatureShowsBrokenWhenTheRecordChangesBehindTheEngine) {
  ORDO_VERIFIES("P11-01", "P11-14", "ORDO-SIG-01");
  const std::string cr = Change("routing", kRouting, RoutingWithHigherLimit(), std::nullopt);
  auto found = FindChangeRequest(*reader_, cr);
  ASSERT_TRUE(found.ok() && *found);
  auto sigs = ChangeRequestSignatures(*reader_, **found);
  ASSERT_TRUE(sigs.ok());
  ASSERT_EQ(sigs->size(), 2u);
  for (const auto& s : *sigs) EXPECT_EQ(s["status"], "valid") << s.dump();
  EXPECT_EQ((*sigs)[1]["printed_name"], "Demo Quality");
  EXPECT_EQ((*sigs)[1]["meaning"], "approved");

  engine_->Stop();
  {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)
                    ->Exec("UPDATE md_version SET content = json_set(content, '$.name', "
                           "'changed after signing') WHERE change_request = '" +
                           cr + "'")
                    .ok());
  }
  auto again = ChangeRequestSignatures(*reader_, **found);
  ASSERT_TRUE(again.ok());
  for (const auto& s : *again) EXPECT_EQ(s["status"], "broken") << s.dump();
}

TEST_F(ChangeControlTest, APasswordOnlySignatureIsRefusedOnceTheSettingsInForceForbidIt) {
  ORDO_VERIFIES("P11-16", "A11-08", "ORDO-SITE-02");
  auto settings = [](bool password_only) {
    return Json{{"id", "site"},
                {"name", "Site settings"},
                {"approvals_required", 1},
                {"signing_password_only", password_only},
                {"password_min_length", 15},
                {"password_expiry_days", 0}};
  };
  // Password-only signing allowed now; a later version forbids it from tomorrow.
  Change("site_settings", "site", settings(true), std::nullopt);
  Change("site_settings", "site", settings(false), kT0 + kDay);
  signatures::SignerIdentity password_only{engineer_.user_id, "engineer", "authored", {}};
  password_only.password_only = true;
  const std::string today = Run(commands::OpenChangeRequest(
      engineer_, {"t", "d", "r", "", std::nullopt}))["change_request"]["id"];
  Run(commands::SaveDraft(engineer_, {today, "routing", kRouting, RoutingWithHigherLimit()}));
  Run(commands::SubmitChangeRequest(engineer_, today, password_only));
  // The API allowed the password alone a moment ago; at the command's time it is forbidden.
  clock_.Advance(kDay);
  const std::string tomorrow = Run(commands::OpenChangeRequest(
      engineer_, {"t", "d", "r", "", std::nullopt}))["change_request"]["id"];
  Json renamed = RoutingWithHigherLimit();
  renamed["name"] = "renamed for the second change";
  Run(commands::WithdrawChangeRequest(engineer_, today, "superseded"));
  Run(commands::SaveDraft(engineer_, {tomorrow, "routing", kRouting, renamed}));
  auto refused =
      engine_->SubmitAndWait(commands::SubmitChangeRequest(engineer_, tomorrow, password_only));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(refused.error().field, "signature.user");
  EXPECT_EQ(refused.error().reason, "missing_field");
  // With user id and password it is signed.
  Run(commands::SubmitChangeRequest(engineer_, tomorrow,
                                    {engineer_.user_id, "engineer", "authored", {}}));
}

}  // namespace
}  // namespace ordo::masterdata
