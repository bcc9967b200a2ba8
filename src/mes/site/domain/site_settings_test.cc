// Unit tests for changing site settings (pure domain, no I/O).
#include "mes/site/domain/site_settings.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"

namespace ordo::site {
namespace {

void ExpectError(const Result<ledger::Event>& r, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  ASSERT_FALSE(r.ok()) << "accepted, expected an error on '" << field << "'";
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

TEST(SiteSettingsTest, ToJson) {
  ORDO_VERIFIES("ORDO-SITE-01");
  EXPECT_EQ(ToJson(SiteSettings{}),
            (Json{{"approvals_required", 1}, {"signing_password_only", false}}));
}

TEST(SiteSettingsTest, DecidesOnlyWhatChanges) {
  ORDO_VERIFIES("ORDO-SITE-01");
  ChangeSiteSettings c{2, false, "two approvers from now on"};
  auto e = DecideChangeSiteSettings(c, SiteSettings{});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "site.settings_changed");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "site");
  EXPECT_EQ(e->subject_id, "settings");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(
      e->payload,
      (Json{{"settings", {{"approvals_required", 2}}},
            {"changes", Json::array({{{"path", "approvals_required"}, {"old", 1}, {"new", 2}}})}}));
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "two approvers from now on");
}

TEST(SiteSettingsTest, DecidesBothInKeyOrder) {
  ORDO_VERIFIES("ORDO-SITE-01");
  auto e = DecideChangeSiteSettings(ChangeSiteSettings{3, true, "r"}, SiteSettings{});
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->payload["settings"],
            (Json{{"approvals_required", 3}, {"signing_password_only", true}}));
  ASSERT_EQ(e->payload["changes"].size(), 2u);
  EXPECT_EQ(e->payload["changes"][0]["path"], "approvals_required");
  EXPECT_EQ(e->payload["changes"][1],
            (Json{{"path", "signing_password_only"}, {"old", false}, {"new", true}}));
}

TEST(SiteSettingsTest, ValidatesTheCommandInOrder) {
  ORDO_VERIFIES("ORDO-SITE-01");
  for (std::int64_t n : {0, 6, -1}) {
    ChangeSiteSettings c{n, std::nullopt, ""};  // the range is checked first
    ExpectError(DecideChangeSiteSettings(c, SiteSettings{}), ErrorCode::kInvalidArgument,
                "approvals_required", "");
  }
  ExpectError(
      DecideChangeSiteSettings(ChangeSiteSettings{std::nullopt, std::nullopt, ""}, SiteSettings{}),
      ErrorCode::kInvalidArgument, "body", "");
  ExpectError(DecideChangeSiteSettings(ChangeSiteSettings{5, std::nullopt, ""}, SiteSettings{}),
              ErrorCode::kInvalidArgument, "reason", "");
  EXPECT_TRUE(ValidateChangeSiteSettings(ChangeSiteSettings{1, std::nullopt, "r"}).ok());
  EXPECT_TRUE(ValidateChangeSiteSettings(ChangeSiteSettings{std::nullopt, false, "r"}).ok());
}

TEST(SiteSettingsTest, RefusesNoChange) {
  ORDO_VERIFIES("ORDO-SITE-01");
  SiteSettings current{2, true};
  ExpectError(DecideChangeSiteSettings(ChangeSiteSettings{2, true, "r"}, current),
              ErrorCode::kFailedPrecondition, "", "no_change");
  ExpectError(DecideChangeSiteSettings(ChangeSiteSettings{std::nullopt, true, "r"}, current),
              ErrorCode::kFailedPrecondition, "", "no_change");
}

}  // namespace
}  // namespace ordo::site
