// Unit tests of the site settings and their reading from a version (pure, no I/O).
#include "mes/site/domain/site_settings.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"

namespace ordo::site {
namespace {

TEST(SiteSettingsTest, ToJson) {
  ORDO_VERIFIES("ORDO-SITE-01", "ORDO-ACCESS-09");
  EXPECT_EQ(ToJson(SiteSettings{}), (Json{{"approvals_required", 1},
                                          {"late_entry_minutes", 60},
                                          {"password_expiry_days", 0},
                                          {"password_min_length", 15},
                                          {"signing_password_only", false}}));
}

TEST(SiteSettingsTest, DefaultsAreTheSafeOnes) {
  ORDO_VERIFIES("P11-19", "ORDO-ACCESS-09");
  SiteSettings defaults;
  EXPECT_EQ(defaults.approvals_required, 1);
  EXPECT_FALSE(defaults.signing_password_only) << "every signing re-enters user id and password";
  EXPECT_EQ(defaults.password_min_length, 15);
  EXPECT_EQ(defaults.password_expiry_days, 0) << "expiry is off by default";
}

TEST(SiteSettingsTest, ReadsEverySettingFromAVersion) {
  ORDO_VERIFIES("A11-08", "ORDO-SITE-02");
  Json content{{"id", "site"},
               {"name", "Site settings"},
               {"approvals_required", 2},
               {"signing_password_only", true},
               {"password_min_length", 20},
               {"password_expiry_days", 90},
               {"late_entry_minutes", 240}};
  SiteSettings s = SettingsFromContent(content, SiteSettings{});
  EXPECT_EQ(s.late_entry_minutes, 240);
  EXPECT_EQ(s.approvals_required, 2);
  EXPECT_TRUE(s.signing_password_only);
  EXPECT_EQ(s.password_min_length, 20);
  EXPECT_EQ(s.password_expiry_days, 90);
}

TEST(SiteSettingsTest, AWholeNumberWrittenWithADecimalPointIsTheSetting) {
  ORDO_VERIFIES("A11-08", "ORDO-SITE-02");
  // The kind's validation accepts 2.0 for an integer field, so the reader must too:
  // an approved version that is silently ignored would leave the old value in force.
  SiteSettings s = SettingsFromContent(Json{{"approvals_required", 2.0},
                                            {"password_min_length", 20.0},
                                            {"password_expiry_days", 90.0}},
                                       SiteSettings{});
  EXPECT_EQ(s.approvals_required, 2);
  EXPECT_EQ(s.password_min_length, 20);
  EXPECT_EQ(s.password_expiry_days, 90);
  EXPECT_EQ(
      SettingsFromContent(Json{{"approvals_required", 2.5}}, SiteSettings{}).approvals_required, 1)
      << "not a whole number: never valid content, keeps the base";
}

TEST(SiteSettingsTest, ValuesOutOfBoundsAreNeverInForce) {
  ORDO_VERIFIES("ORDO-SITE-02", "ORDO-INTEGRITY-01");
  // The 0.1.0 table is unsealed: a row inserted behind the server's back must not lower
  // the password rules or the approvals below their bounds.
  SiteSettings s = SettingsFromContent(
      Json{{"approvals_required", 0}, {"password_min_length", 1}, {"password_expiry_days", -5}},
      SiteSettings{});
  EXPECT_EQ(s.approvals_required, 1);
  EXPECT_EQ(s.password_min_length, 15);
  EXPECT_EQ(s.password_expiry_days, 0);
  EXPECT_EQ(SettingsFromContent(Json{{"late_entry_minutes", 0}}, SiteSettings{}).late_entry_minutes,
            60);
  EXPECT_EQ(
      SettingsFromContent(Json{{"late_entry_minutes", 10081}}, SiteSettings{}).late_entry_minutes,
      60);
  EXPECT_EQ(
      SettingsFromContent(Json{{"late_entry_minutes", 10080}}, SiteSettings{}).late_entry_minutes,
      10080);
  s = SettingsFromContent(
      Json{{"approvals_required", 6}, {"password_min_length", 257}, {"password_expiry_days", 3651}},
      SiteSettings{});
  EXPECT_EQ(ToJson(s), ToJson(SiteSettings{}));
  s = SettingsFromContent(
      Json{{"approvals_required", 5}, {"password_min_length", 8}, {"password_expiry_days", 3650}},
      SiteSettings{});
  EXPECT_EQ(s.approvals_required, 5);
  EXPECT_EQ(s.password_min_length, 8);
  EXPECT_EQ(s.password_expiry_days, 3650);
}

TEST(SiteSettingsTest, KeysAbsentOrOfAnotherTypeKeepTheBase) {
  ORDO_VERIFIES("ORDO-SITE-02");
  SiteSettings base;
  base.approvals_required = 3;
  base.password_expiry_days = 30;
  SiteSettings s = SettingsFromContent(
      Json{
          {"approvals_required", "two"}, {"signing_password_only", 1}, {"password_min_length", 16}},
      base);
  EXPECT_EQ(s.approvals_required, 3);
  EXPECT_FALSE(s.signing_password_only);
  EXPECT_EQ(s.password_min_length, 16);
  EXPECT_EQ(s.password_expiry_days, 30);
}

}  // namespace
}  // namespace ordo::site
