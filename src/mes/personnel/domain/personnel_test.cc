// Unit tests for the personnel decisions: qualification grants, training records and the
// status of a grant (pure domain, no I/O).
#include "mes/personnel/domain/personnel.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/personnel/events.h"

namespace ordo::personnel {
namespace {

access::User Operator(bool disabled = false) {
  access::User u;
  u.id = 5;
  u.name = "operator";
  u.display_name = "Demo Operator";
  u.roles = {"operator"};
  u.disabled = disabled;
  return u;
}

void ExpectError(const Error& e, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_FALSE(e.message.empty());
}

TEST(PersonnelDateTest, Dates) {
  ORDO_VERIFIES("ORDO-PERS-01");
  EXPECT_TRUE(IsDate("2027-02-28"));
  for (const char* bad :
       {"", "2027-2-28", "2027-02-30", "28.02.2027", "2027-02-28T00:00:00Z", "2027-13-01"})
    EXPECT_FALSE(IsDate(bad)) << bad;
}

TEST(GrantTest, GrantsAQualificationInForce) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-01");
  auto e = DecideGrantQualification({5, "QUAL-GMP", "2027-01-31"}, Operator(), 3);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "personnel.qualification_granted");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "5");
  EXPECT_EQ(e->payload, (Json{{"user_id", 5},
                              {"user", "operator"},
                              {"qualification", "QUAL-GMP"},
                              {"qualification_version", 3},
                              {"expires", "2027-01-31"}}));
}

TEST(GrantTest, NoExpiryIsWrittenAsNull) {
  ORDO_VERIFIES("ORDO-PERS-01");
  auto e = DecideGrantQualification({5, "QUAL-GMP", ""}, Operator(), 1);
  ASSERT_TRUE(e.ok()) << e.error().message;
  ASSERT_TRUE(e->payload.contains("expires"));
  EXPECT_TRUE(e->payload.at("expires").is_null());
  auto p = ledger::ReadPayload<QualificationGranted>(e->payload);
  ASSERT_TRUE(p.ok());
  EXPECT_FALSE(p->expires.has_value());
}

TEST(GrantTest, ExpiresMustBeADate) {
  ORDO_VERIFIES("ORDO-PERS-01");
  for (const char* expires : {"2027-01-32", "soon", "2027/01/31"}) {
    GrantRequest c{5, "QUAL-GMP", expires};
    Status s = ValidateGrantRequest(c);
    ASSERT_FALSE(s.ok()) << expires;
    ExpectError(s.error(), ErrorCode::kInvalidArgument, "expires", "");
    // Checked before the state: even a missing user reports the date.
    auto e = DecideGrantQualification(c, std::nullopt, std::nullopt);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "expires");
  }
}

TEST(GrantTest, UserMustExistAndBeActive) {
  ORDO_VERIFIES("ORDO-PERS-01");
  for (const std::optional<access::User>& user :
       {std::optional<access::User>(), std::optional<access::User>(Operator(true))}) {
    auto e = DecideGrantQualification({5, "QUAL-GMP", ""}, user, 1);
    ASSERT_FALSE(e.ok());
    ExpectError(e.error(), ErrorCode::kNotFound, "user_id", "user_missing");
    EXPECT_NE(e.error().message.find("active user 5"), std::string::npos);
  }
}

TEST(GrantTest, QualificationMustBeInForce) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-01");
  auto e = DecideGrantQualification({5, "QUAL-GMP", ""}, Operator(), std::nullopt);
  ASSERT_FALSE(e.ok());
  ExpectError(e.error(), ErrorCode::kFailedPrecondition, "qualification", "qualification_missing");
  EXPECT_NE(e.error().message.find("'QUAL-GMP'"), std::string::npos);
}

TEST(TrainingTest, RecordsATraining) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-02");
  auto e = DecideRecordTraining({5, "SOP-001 gowning", "2026-11-02", "Demo Quality"}, Operator());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "personnel.training_recorded");
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "5");
  EXPECT_EQ(e->payload, (Json{{"user_id", 5},
                              {"user", "operator"},
                              {"course", "SOP-001 gowning"},
                              {"completed", "2026-11-02"},
                              {"trainer", "Demo Quality"}}));
}

TEST(TrainingTest, NoTrainerLeavesTheKeyOut) {
  ORDO_VERIFIES("ORDO-PERS-02");
  auto e = DecideRecordTraining({5, "SOP-001", "2026-11-02", ""}, Operator());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_FALSE(e->payload.contains("trainer"));
}

TEST(TrainingTest, CourseLength) {
  ORDO_VERIFIES("ORDO-PERS-02");
  for (const std::string& course : {std::string(), std::string(201, 'c')}) {
    TrainingRequest c{5, course, "2026-11-02", ""};
    Status s = ValidateTrainingRequest(c);
    ASSERT_FALSE(s.ok());
    ExpectError(s.error(), ErrorCode::kInvalidArgument, "course", "");
  }
  EXPECT_TRUE(ValidateTrainingRequest({5, std::string(200, 'c'), "2026-11-02", ""}).ok());
}

TEST(TrainingTest, CompletedMustBeADate) {
  ORDO_VERIFIES("ORDO-PERS-02");
  for (const char* completed : {"", "yesterday", "2026-11-31"}) {
    auto e = DecideRecordTraining({5, "SOP-001", completed, ""}, Operator());
    ASSERT_FALSE(e.ok()) << completed;
    ExpectError(e.error(), ErrorCode::kInvalidArgument, "completed", "");
  }
}

TEST(TrainingTest, UserMustExistButMayBeDisabled) {
  ORDO_VERIFIES("ORDO-PERS-02");
  auto e = DecideRecordTraining({5, "SOP-001", "2026-11-02", ""}, std::nullopt);
  ASSERT_FALSE(e.ok());
  ExpectError(e.error(), ErrorCode::kNotFound, "user_id", "user_missing");
  EXPECT_NE(e.error().message.find("no user 5"), std::string::npos);
  EXPECT_TRUE(DecideRecordTraining({5, "SOP-001", "2026-11-02", ""}, Operator(true)).ok());
}

TEST(GrantStatusTest, DerivedFromTheDay) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-01");
  const std::string today = "2026-11-25";
  EXPECT_EQ(GrantStatusOn(false, std::nullopt, today), GrantStatus::kValid);
  EXPECT_EQ(GrantStatusOn(false, std::string("2026-11-25"), today), GrantStatus::kValid);
  EXPECT_EQ(GrantStatusOn(false, std::string("2026-11-24"), today), GrantStatus::kExpired);
  EXPECT_EQ(GrantStatusOn(true, std::string("2030-01-01"), today), GrantStatus::kRevoked);
  EXPECT_EQ(GrantStatusOn(true, std::string("2020-01-01"), today), GrantStatus::kRevoked);
}

TEST(GrantStatusTest, OneStringMapping) {
  ORDO_VERIFIES("ORDO-PERS-01");
  for (GrantStatus s : {GrantStatus::kValid, GrantStatus::kExpired, GrantStatus::kRevoked})
    EXPECT_EQ(ParseGrantStatus(ToString(s)), s);
  EXPECT_STREQ(ToString(GrantStatus::kExpired), "expired");
  EXPECT_FALSE(ParseGrantStatus("Valid").has_value());
}

}  // namespace
}  // namespace ordo::personnel
