// Unit tests for separation of duties and plausible dates in personnel (pure domain):
// no grant or training record for oneself, training dates in a plausible window,
// revocation of a grant and what a revoked grant no longer satisfies.
#include "mes/personnel/domain/duties.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/personnel/domain/personnel.h"
#include "mes/personnel/events.h"

namespace ordo::personnel {
namespace {

access::User Supervisor() {
  access::User u;
  u.id = 3;
  u.name = "supervisor";
  u.display_name = "Demo Supervisor";
  u.roles = {"supervisor"};
  return u;
}

void ExpectError(const Error& e, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_FALSE(e.message.empty());
}

const DecisionContext kBySelf{3, "2026-11-25"};
const DecisionContext kByOther{7, "2026-11-25"};

TEST(PersonnelDutiesTest, NoQualificationGrantForOneself) {
  ORDO_VERIFIES("P11-07", "P11-09", "ORDO-PERS-03");
  auto self = DecideGrantQualification({3, "GMP-BASIC", ""}, Supervisor(), 1, kBySelf);
  ASSERT_FALSE(self.ok());
  ExpectError(self.error(), ErrorCode::kPermissionDenied, "user_id", "self_grant_forbidden");
  EXPECT_TRUE(DecideGrantQualification({3, "GMP-BASIC", ""}, Supervisor(), 1, kByOther).ok());
  // The server itself (actor 0, `ordo init --demo`) is nobody's self.
  EXPECT_TRUE(
      DecideGrantQualification({3, "GMP-BASIC", ""}, Supervisor(), 1, {0, "2026-11-25"}).ok());
}

TEST(PersonnelDutiesTest, NoTrainingRecordForOneself) {
  ORDO_VERIFIES("P11-07", "P11-09", "ORDO-PERS-03");
  auto self = DecideRecordTraining({3, "SOP-001", "2026-11-20", ""}, Supervisor(), kBySelf);
  ASSERT_FALSE(self.ok());
  ExpectError(self.error(), ErrorCode::kPermissionDenied, "user_id", "self_record_forbidden");
  EXPECT_TRUE(DecideRecordTraining({3, "SOP-001", "2026-11-20", ""}, Supervisor(), kByOther).ok());
}

TEST(PersonnelDutiesTest, TrainingDateWindow) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-04");
  const std::string today = "2026-11-25";
  for (const char* ok : {"2016-11-25", "2020-02-29", "2026-11-25", "2026-11-26"})
    EXPECT_TRUE(CheckTrainingDate(ok, today).ok()) << ok;
  for (const char* bad : {"1999-06-01", "2000-01-01", "2016-11-24", "2026-11-27", "2099-01-01"}) {
    Status s = CheckTrainingDate(bad, today);
    ASSERT_FALSE(s.ok()) << bad;
    ExpectError(s.error(), ErrorCode::kInvalidArgument, "completed", "date_out_of_range");
    EXPECT_NE(s.error().message.find("2016-11-25 to 2026-11-26"), std::string::npos)
        << s.error().message;
  }
  // The decision applies it, after the date syntax and before the user.
  auto old = DecideRecordTraining({3, "SOP-001", "1999-12-31", ""}, std::nullopt, kByOther);
  ASSERT_FALSE(old.ok());
  ExpectError(old.error(), ErrorCode::kInvalidArgument, "completed", "date_out_of_range");
  // A year end and a leap day as today.
  EXPECT_TRUE(CheckTrainingDate("2027-01-01", "2026-12-31").ok());
  EXPECT_FALSE(CheckTrainingDate("2027-01-02", "2026-12-31").ok());
  EXPECT_TRUE(CheckTrainingDate("2018-02-29", "2028-02-29").ok());  // compared as text
  EXPECT_FALSE(CheckTrainingDate("2018-02-28", "2028-02-29").ok());
}

TEST(PersonnelDutiesTest, AddDays) {
  ORDO_VERIFIES("ORDO-PERS-04");
  EXPECT_EQ(AddDays("2026-12-31", 1), "2027-01-01");
  EXPECT_EQ(AddDays("2028-03-01", -1), "2028-02-29");
  EXPECT_EQ(AddDays("not a date", 1), "");
}

TEST(PersonnelDutiesTest, AGrantDoesNotExpireBeforeItIsMade) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-04");
  EXPECT_TRUE(CheckExpiry("", "2026-11-25").ok());
  EXPECT_TRUE(CheckExpiry("2026-11-25", "2026-11-25").ok());
  auto e = DecideGrantQualification({5, "GMP-BASIC", "2026-11-24"}, Supervisor(), 1, kByOther);
  ASSERT_FALSE(e.ok());
  ExpectError(e.error(), ErrorCode::kInvalidArgument, "expires", "expires_in_past");
}

Grant GrantOf(bool revoked = false) {
  return Grant{42, 5, "operator", "GMP-BASIC", std::string("2027-10-31"), revoked};
}

TEST(PersonnelRevokeTest, RecordsTheRevocationWithItsReason) {
  ORDO_VERIFIES("A11-10", "P11-09", "ORDO-PERS-05");
  auto e = DecideRevokeQualification({42, "failed the gowning audit"}, GrantOf());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "personnel.qualification_revoked");
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "5");
  EXPECT_EQ(
      e->payload,
      (Json{{"grant", 42}, {"user_id", 5}, {"user", "operator"}, {"qualification", "GMP-BASIC"}}));
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "failed the gowning audit");
  // A payload of only {"grant"} (the shape first documented) still reads.
  auto minimal = ledger::ReadPayload<QualificationRevoked>(Json{{"grant", 7}});
  ASSERT_TRUE(minimal.ok());
  EXPECT_EQ(minimal->grant, 7);
}

TEST(PersonnelRevokeTest, RefusesInOrder) {
  ORDO_VERIFIES("A11-10", "ORDO-PERS-05");
  auto no_reason = DecideRevokeQualification({42, ""}, std::nullopt);
  ASSERT_FALSE(no_reason.ok());
  ExpectError(no_reason.error(), ErrorCode::kInvalidArgument, "reason", "reason_required");
  EXPECT_FALSE(DecideRevokeQualification({42, std::string(1001, 'r')}, GrantOf()).ok());
  auto missing = DecideRevokeQualification({42, "r"}, std::nullopt);
  ASSERT_FALSE(missing.ok());
  ExpectError(missing.error(), ErrorCode::kNotFound, "seq", "grant_missing");
  auto again = DecideRevokeQualification({42, "r"}, GrantOf(true));
  ASSERT_FALSE(again.ok());
  ExpectError(again.error(), ErrorCode::kFailedPrecondition, "seq", "already_revoked");
}

TEST(PersonnelRevokeTest, ARevokedGrantNoLongerQualifies) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-05");
  const std::string today = "2026-11-25";
  EXPECT_TRUE(HoldsQualification({GrantOf()}, "GMP-BASIC", today));
  EXPECT_FALSE(HoldsQualification({GrantOf(true)}, "GMP-BASIC", today));
  EXPECT_FALSE(HoldsQualification({GrantOf()}, "COATING", today));
  EXPECT_FALSE(HoldsQualification({GrantOf()}, "GMP-BASIC", "2027-11-01"));  // expired
  // A revoked grant beside a valid one of the same qualification: still qualified.
  EXPECT_TRUE(HoldsQualification({GrantOf(true), GrantOf()}, "GMP-BASIC", today));
}

}  // namespace
}  // namespace ordo::personnel
