// Unit tests for the signatures capability's pure decisions: policy publication and
// acknowledgement, the signature object checks, failed signings and signature binding.
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/signatures/domain/policy.h"
#include "mes/signatures/domain/reauthentication.h"
#include "mes/signatures/domain/signature.h"
#include "mes/signatures/events.h"

namespace ordo::signatures {
namespace {

void ExpectError(const Error& e, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_FALSE(e.message.empty());
}

TEST(PolicyTest, TextLimits) {
  ORDO_VERIFIES("ORDO-SIG-03");
  EXPECT_TRUE(ValidatePolicyText("x").ok());
  EXPECT_TRUE(ValidatePolicyText(std::string(20000, 'p')).ok());
  for (const std::string& text : {std::string(), std::string(20001, 'p')}) {
    Status s = ValidatePolicyText(text);
    ASSERT_FALSE(s.ok());
    ExpectError(s.error(), ErrorCode::kInvalidArgument, "text", "");
    auto e = DecidePublishPolicy(text, std::nullopt);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().field, "text");
  }
}

TEST(PolicyTest, FirstVersionIsOne) {
  ORDO_VERIFIES("ORDO-SIG-03");
  auto e = DecidePublishPolicy("Sign with care.", std::nullopt);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "signature.policy_published");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "signature_policy");
  EXPECT_EQ(e->subject_id, "1");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload, (Json{{"version", 1}, {"text", "Sign with care."}}));
  EXPECT_FALSE(e->reason.has_value());
}

TEST(PolicyTest, NextVersionFollowsTheCurrentOne) {
  ORDO_VERIFIES("ORDO-SIG-03");
  auto e = DecidePublishPolicy("v4", 3);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->subject_id, "4");
  EXPECT_EQ(e->subject_version, 4);
  EXPECT_EQ(e->payload.at("version"), 4);
  auto p = ledger::ReadPayload<PolicyPublished>(e->payload);
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->version, 4);
  EXPECT_EQ(p->text, "v4");
}

TEST(PolicyTest, AcknowledgesTheCurrentVersion) {
  ORDO_VERIFIES("P11-10", "ORDO-SIG-03");
  auto e = DecideAcknowledgePolicy({7, "quality", 2}, 2, false);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "signature.policy_acknowledged");
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "7");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload, (Json{{"user_id", 7}, {"user", "quality"}, {"version", 2}}));
}

TEST(PolicyTest, AcknowledgingAnotherVersionIsRefused) {
  ORDO_VERIFIES("P11-10", "ORDO-SIG-03");
  for (std::optional<std::int64_t> current :
       {std::optional<std::int64_t>(), std::optional<std::int64_t>(3)}) {
    auto e = DecideAcknowledgePolicy({7, "quality", 2}, current, false);
    ASSERT_FALSE(e.ok());
    ExpectError(e.error(), ErrorCode::kConflict, "version", "policy_version_mismatch");
    EXPECT_NE(e.error().message.find("version 2"), std::string::npos);
  }
  // A version mismatch is reported before an acknowledgement of another version.
  auto e = DecideAcknowledgePolicy({7, "quality", 2}, 3, true);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().reason, "policy_version_mismatch");
}

TEST(PolicyTest, AcknowledgingTwiceIsRefused) {
  ORDO_VERIFIES("ORDO-SIG-03");
  auto e = DecideAcknowledgePolicy({7, "quality", 2}, 2, true);
  ASSERT_FALSE(e.ok());
  ExpectError(e.error(), ErrorCode::kConflict, "version", "already_acknowledged");
}

TEST(SignatureFieldsTest, AcceptsGoodSignatures) {
  ORDO_VERIFIES("ORDO-SIG-01");
  EXPECT_TRUE(CheckSignatureFields(Json{{"password", "pw"}}, "approved").ok());
  EXPECT_TRUE(CheckSignatureFields(Json{{"user", "quality"},
                                        {"password", std::string(1024, 'p')},
                                        {"meaning", "approved"},
                                        {"comment", std::string(1000, 'c')}},
                                   "approved")
                  .ok());
  EXPECT_TRUE(
      CheckSignatureFields(Json{{"user", std::string(64, 'u')}, {"password", "pw"}}, "approved")
          .ok());
}

TEST(SignatureFieldsTest, WrongType) {
  ORDO_VERIFIES("ORDO-API-01");
  for (const char* key : {"user", "password", "meaning", "comment"}) {
    Json sig{{"password", "pw"}};
    sig[key] = 5;
    Status s = CheckSignatureFields(sig, "approved");
    ASSERT_FALSE(s.ok()) << key;
    ExpectError(s.error(), ErrorCode::kInvalidArgument, std::string("signature.") + key,
                "wrong_type");
  }
}

TEST(SignatureFieldsTest, TooLong) {
  ORDO_VERIFIES("ORDO-API-01");
  const std::pair<const char*, std::size_t> limits[] = {
      {"user", 64}, {"password", 1024}, {"meaning", 64}, {"comment", 1000}};
  for (const auto& [key, limit] : limits) {
    Json sig{{"password", "pw"}};
    sig[key] = std::string(limit + 1, 'x');
    Status s = CheckSignatureFields(sig, "approved");
    ASSERT_FALSE(s.ok()) << key;
    ExpectError(s.error(), ErrorCode::kInvalidArgument, std::string("signature.") + key,
                "too_long");
  }
}

TEST(SignatureFieldsTest, UnknownField) {
  ORDO_VERIFIES("ORDO-API-01");
  Status s = CheckSignatureFields(Json{{"password", "pw"}, {"role", "admin"}}, "approved");
  ASSERT_FALSE(s.ok());
  ExpectError(s.error(), ErrorCode::kInvalidArgument, "signature.role", "unknown_field");
}

TEST(SignatureFieldsTest, PasswordIsRequired) {
  ORDO_VERIFIES("P11-16");
  for (const Json& sig : {Json::object(), Json{{"user", "quality"}}, Json{{"password", ""}}}) {
    Status s = CheckSignatureFields(sig, "approved");
    ASSERT_FALSE(s.ok()) << sig.dump();
    ExpectError(s.error(), ErrorCode::kInvalidArgument, "signature.password", "missing_field");
  }
}

TEST(SignatureFieldsTest, WrongMeaning) {
  ORDO_VERIFIES("P11-13", "ORDO-SIG-01");
  Status s = CheckSignatureFields(Json{{"password", "pw"}, {"meaning", "reviewed"}}, "approved");
  ASSERT_FALSE(s.ok());
  ExpectError(s.error(), ErrorCode::kInvalidArgument, "signature.meaning", "wrong_meaning");
  EXPECT_NE(s.error().message.find("'approved'"), std::string::npos);
}

TEST(SignatureFailedTest, RecordsTheAttemptWithoutPassword) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-01", "ORDO-SIG-02");
  ledger::Event e = DecideSignatureFailed({4, "engineer", "quality", "10.0.0.5", "wrong password"});
  EXPECT_EQ(e.type, "signature.failed");
  EXPECT_EQ(e.subject_kind, "user");
  EXPECT_EQ(e.subject_id, "4");
  EXPECT_EQ(e.payload, (Json{{"user", "engineer"},
                             {"attempted_user", "quality"},
                             {"client", "10.0.0.5"},
                             {"detail", "wrong password"}}));
}

Signature Sample() {
  Signature s;
  s.signature_id = 12;
  s.signer_id = 3;
  s.signer = "quality";
  s.printed_name = "Demo Quality";
  s.meaning = "approved";
  s.time_us = 1'700'000'000'000'000;
  s.record_kind = "change_request";
  s.record_id = "CR-000001";
  s.record_version = 2;
  s.content_hash = RecordHash(Json{{"a", 1}});
  return s;
}

TEST(SignatureTest, PayloadOmitsAnAbsentComment) {
  ORDO_VERIFIES("ORDO-SIG-01");
  Signature s = Sample();
  Json p = SignaturePayload(s);
  EXPECT_FALSE(p.contains("comment"));
  EXPECT_EQ(p, (Json{{"signer_id", 3},
                     {"signer", "quality"},
                     {"printed_name", "Demo Quality"},
                     {"meaning", "approved"},
                     {"record_kind", "change_request"},
                     {"record_id", "CR-000001"},
                     {"record_version", 2},
                     {"content_hash", s.content_hash}}));
  s.comment = "ok";
  EXPECT_EQ(SignaturePayload(s).at("comment"), "ok");
}

TEST(SignatureTest, TheStoredRowComesFromTheEvent) {
  ORDO_VERIFIES("ORDO-SIG-01");
  Signature s = Sample();
  s.comment = "looks right";
  auto applied = ledger::ReadPayload<SignatureApplied>(SignaturePayload(s));
  ASSERT_TRUE(applied.ok());
  Signature row = SignatureOf(*applied, s.signature_id, s.time_us);
  EXPECT_EQ(SignaturePayload(row), SignaturePayload(s));
  EXPECT_EQ(row.signature_id, 12);
  EXPECT_EQ(row.time_us, s.time_us);
  EXPECT_EQ(ToJson(row, BindingStatus::kValid), ToJson(s, BindingStatus::kValid));
}

TEST(SignatureTest, ShownSignatureCarriesItsStatus) {
  ORDO_VERIFIES("P11-14", "ORDO-SIG-01");
  Json j = ToJson(Sample(), BindingStatus::kEarlierRevision);
  EXPECT_EQ(j.at("status"), "earlier_revision");
  EXPECT_TRUE(j.at("comment").is_null());
  EXPECT_EQ(j.at("signature_id"), 12);
}

TEST(SignatureTest, Binding) {
  ORDO_VERIFIES("P11-14", "ORDO-SIG-01");
  const Signature s = Sample();
  const std::string hash = s.content_hash;
  EXPECT_EQ(CheckBinding(s, "change_request", "CR-000001", 2, hash), BindingStatus::kValid);
  EXPECT_EQ(CheckBinding(s, "change_request", "CR-000001", 2, RecordHash(Json{{"a", 2}})),
            BindingStatus::kBroken);
  EXPECT_EQ(CheckBinding(s, "change_request", "CR-000001", 3, "other"),
            BindingStatus::kEarlierRevision);
  EXPECT_EQ(CheckBinding(s, "change_request", "CR-000001", 1, hash), BindingStatus::kBroken);
  EXPECT_EQ(CheckBinding(s, "change_request", "CR-000002", 2, hash), BindingStatus::kBroken);
  EXPECT_EQ(CheckBinding(s, "routing", "CR-000001", 2, hash), BindingStatus::kBroken);
  EXPECT_STREQ(BindingStatusName(BindingStatus::kValid), "valid");
  EXPECT_STREQ(BindingStatusName(BindingStatus::kBroken), "broken");
}

TEST(SignatureTest, Meanings) {
  ORDO_VERIFIES("P11-13", "ORDO-SIG-01");
  for (const auto& m : Meanings()) EXPECT_TRUE(IsMeaning(m)) << m;
  EXPECT_FALSE(IsMeaning("acknowledged"));
  EXPECT_EQ(PermissionForMeaning("authored"), "masterdata.edit");
  EXPECT_EQ(PermissionForMeaning("approved"), "masterdata.approve");
  EXPECT_EQ(PermissionForMeaning("bogus"), "");
  EXPECT_EQ(RecordHash(Json{{"b", 1}, {"a", 2}}), RecordHash(Json{{"a", 2}, {"b", 1}}));
}

}  // namespace
}  // namespace ordo::signatures
