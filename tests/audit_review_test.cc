// Audit trail review through the API with the real binary: quality signs a period of the
// ledger with the meaning "reviewed"; wrong passwords, missing permissions, bad periods
// and unknown filters are refused and write no review.
#include <gtest/gtest.h>

#include <cstdio>
#include <ctime>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

// "2026-11-30T02:00:00.000001Z" for a UTC microsecond time.
std::string IsoMicros(std::int64_t us) {
  const std::time_t seconds = static_cast<std::time_t>(us / 1'000'000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  char date[32];
  std::strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%06lldZ", date, static_cast<long long>(us % 1'000'000));
  return out;
}

class AuditReviewTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
  }

  // The newest ledger entry (as supervisor, who reads the audit trail; reading writes
  // nothing).
  Json HeadEntry() {
    HttpReply r = http().Get("/api/v1/ledger?before=0&limit=1", supervisor_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["entries"][0];
  }

  // A period from 2020 to just after the ledger head.
  Json Period() {
    const std::int64_t head = HeadEntry()["time_us"].get<std::int64_t>();
    return Json{{"from", "2020-01-01T00:00:00Z"}, {"to", IsoMicros(head + 1)}};
  }

  HttpReply Sign(const std::string& token, Json body, const Json& signature) {
    body["signature"] = signature["signature"];
    return http().Post("/api/v1/audit-reviews", body, token);
  }

  Json Reviews(const std::string& token) {
    HttpReply r = http().Get("/api/v1/audit-reviews", token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["reviews"];
  }

  // Expects a refusal that wrote nothing: the head did not move and there is no review.
  void ExpectNothingWritten(const HttpReply& r, int status, const std::string& code,
                            const std::string& field, std::int64_t head) {
    ExpectProblem(r, status, code, field);
    EXPECT_EQ(HeadSeq(http()), head) << r.Describe();
    EXPECT_TRUE(Reviews(quality_).empty());
  }

  std::string supervisor_;
};

TEST_F(AuditReviewTest, QualitySignsAReviewOfAPeriodAndItIsListed) {
  ORDO_VERIFIES("P11-05", "A11-07", "P11-13", "P11-14", "ORDO-REVIEW-01", "ORDO-REVIEW-02",
                "ORDO-REVIEW-04");
  const std::string op = TokenFor("operator");
  const std::string op_name = sandbox_.user("operator").name;
  for (int i = 0; i < 3; ++i) Write(op, LogbookEntry("cleaned " + std::to_string(i)));
  Json body = Period();
  body["filters"] = {{"type", "logbook.entry_recorded"}, {"actor", op_name}};
  body["comment"] = "monthly review: no findings";
  const Json last = HeadEntry();
  const std::int64_t head = HeadSeq(http());
  // What the signing dialog shows before signing: the span of the same period and filters.
  HttpReply span = http().Get("/api/v1/ledger/span?type=logbook.entry_recorded&actor=" + op_name +
                                  "&from=" + body["from"].get<std::string>() +
                                  "&to=" + body["to"].get<std::string>(),
                              quality_);
  ASSERT_EQ(span.status, 200) << span.Describe();
  EXPECT_EQ(HeadSeq(http()), head) << "reading the span writes nothing";

  HttpReply r = Sign(quality_, body, SigOf("quality", "reviewed per SOP-QA-017"));
  ASSERT_EQ(r.status, 201) << r.Describe();
  const Json review = r.json()["review"];
  EXPECT_EQ(review["id"], "AR-000001");
  EXPECT_EQ(review["entries_matched"], 3) << review.dump();
  EXPECT_EQ(review["first_seq"], 1);
  EXPECT_EQ(review["last_seq"], head);
  EXPECT_EQ(review["entries_in_period"], head);
  EXPECT_EQ(review["last_entry_hash"], last["hash"]);
  for (const char* field : {"entries_matched", "entries_in_period", "first_seq", "last_seq"})
    EXPECT_EQ(span.json()[field], review[field]) << field << ": " << span.Describe();
  EXPECT_EQ(review["filters"]["type"], "logbook.entry_recorded");
  EXPECT_EQ(review["filters"]["actor"], op_name);
  EXPECT_TRUE(review["filters"]["subject"].is_null());
  EXPECT_EQ(review["comment"], "monthly review: no findings");
  EXPECT_EQ(review["reviewer"], sandbox_.user("quality").name);
  EXPECT_EQ(review["chain"], "intact");
  ASSERT_EQ(review["signatures"].size(), 1u) << review.dump();
  const Json sig = review["signatures"][0];
  EXPECT_EQ(sig["meaning"], "reviewed");
  EXPECT_EQ(sig["status"], "valid");
  EXPECT_EQ(sig["comment"], "reviewed per SOP-QA-017");
  EXPECT_FALSE(sig["printed_name"].get<std::string>().empty());
  // The same count as the audit trail shows with the same filters.
  HttpReply feed =
      http().Get("/api/v1/ledger?type=logbook.entry_recorded&actor=" + op_name, supervisor_);
  EXPECT_EQ(feed.json()["entries"].size(), 3u) << feed.Describe();

  // Two entries in one transaction: the signature, then the review relying on it.
  EXPECT_EQ(HeadSeq(http()), head + 2);
  HttpReply written = http().Get("/api/v1/ledger?after=" + std::to_string(head), quality_);
  const Json entries = written.json()["entries"];
  ASSERT_EQ(entries.size(), 2u) << written.Describe();
  EXPECT_EQ(entries[0]["type"], "signature.applied");
  EXPECT_EQ(entries[0]["payload"]["record_id"], "AR-000001");
  EXPECT_EQ(entries[1]["type"], "review.audit_trail_reviewed");
  EXPECT_EQ(entries[1]["subject"]["kind"], "audit_review");
  EXPECT_EQ(entries[1]["subject"]["id"], "AR-000001");
  EXPECT_EQ(entries[1]["signatures"], Json::array({head + 1}));
  EXPECT_EQ(review["signature_seq"], head + 1);

  // A second review (no filters); the list is newest first; both read back.
  HttpReply second = Sign(quality_, Period(), SigOf("quality"));
  ASSERT_EQ(second.status, 201) << second.Describe();
  EXPECT_EQ(second.json()["review"]["id"], "AR-000002");
  EXPECT_EQ(second.json()["review"]["entries_matched"],
            second.json()["review"]["entries_in_period"]);
  const std::string& supervisor = supervisor_;
  const Json list = Reviews(supervisor);
  ASSERT_EQ(list.size(), 2u) << list.dump();
  EXPECT_EQ(list[0]["id"], "AR-000002");
  EXPECT_EQ(list[1]["id"], "AR-000001");
  HttpReply one = http().Get("/api/v1/audit-reviews/AR-000001", supervisor);
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_EQ(one.json()["review"], list[1]);
  ExpectProblem(http().Get("/api/v1/audit-reviews/AR-000009", supervisor), 404, "not_found", "id");
  ExpectProblem(http().Get("/api/v1/audit-reviews", TokenFor("operator")), 403,
                "permission_denied");
  ExpectProblem(http().Get("/api/v1/audit-reviews"), 401, "unauthenticated");

  HttpReply verify = http().Get("/api/v1/ledger/verify", quality_);
  ASSERT_EQ(verify.status, 200) << verify.Describe();
  EXPECT_EQ(verify.json()["ok"], true) << verify.Describe();
}

TEST_F(AuditReviewTest, TheSpanOfAPeriodRefusesPagingAndBadTimesNamingTheParameter) {
  ORDO_VERIFIES("ORDO-REVIEW-06", "ORDO-API-01");
  const std::string op = TokenFor("operator");  // signing in writes an entry
  const std::int64_t head = HeadSeq(http());
  ExpectProblem(http().Get("/api/v1/ledger/span?limit=5", quality_), 400, "invalid_argument",
                "limit");
  ExpectProblem(http().Get("/api/v1/ledger/span?from=yesterday", quality_), 400, "invalid_argument",
                "from");
  ExpectProblem(http().Get("/api/v1/ledger/span"), 401, "unauthenticated");
  ExpectProblem(http().Get("/api/v1/ledger/span", op), 403, "permission_denied");
  HttpReply none = http().Get("/api/v1/ledger/span?type=no.such_type", quality_);
  ASSERT_EQ(none.status, 200) << none.Describe();
  EXPECT_EQ(none.json()["entries_matched"], 0);
  EXPECT_EQ(none.json()["entries_in_period"], head);
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(AuditReviewTest, AWrongPasswordIsRefusedAndWritesNoReview) {
  ORDO_VERIFIES("P11-16", "ORDO-REVIEW-02");
  const Credentials& q = sandbox_.user("quality");
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Sign(quality_, Period(), Sig(q.name, "wrong-" + q.password));
  ExpectReason(r, 403, "permission_denied", "signature_failed", "signature.password");
  // Only the failed signing is recorded.
  EXPECT_EQ(HeadSeq(http()), head + 1);
  EXPECT_EQ(HeadEntry()["type"], "signature.failed");
  EXPECT_TRUE(Reviews(quality_).empty());
}

TEST_F(AuditReviewTest, OnlyQualityMaySignAReview) {
  ORDO_VERIFIES("P11-07", "ORDO-REVIEW-01");
  const std::int64_t head = HeadSeq(http());
  // The engineer reads the audit trail but may not sign its review.
  ExpectNothingWritten(Sign(engineer_, Period(), SigOf("engineer")), 403, "permission_denied", "",
                       head);
  ExpectNothingWritten(Sign(admin_, Period(), SigOf("admin")), 403, "permission_denied", "", head);
  HttpReply anonymous = http().Post("/api/v1/audit-reviews", Period(), "");
  ExpectNothingWritten(anonymous, 401, "unauthenticated", "", head);
}

TEST_F(AuditReviewTest, BadPeriodsAndFiltersAreRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-REVIEW-03");
  const std::int64_t head = HeadSeq(http());
  const Json sig = SigOf("quality");
  Json reversed = Period();
  reversed["from"] = "2030-01-01T00:00:00Z";
  reversed["to"] = "2029-01-01T00:00:00Z";
  ExpectNothingWritten(Sign(quality_, reversed, sig), 400, "invalid_argument", "to", head);
  Json bad_time = Period();
  bad_time["from"] = "last monday";
  ExpectNothingWritten(Sign(quality_, bad_time, sig), 400, "invalid_argument", "from", head);
  Json future = Period();
  future["to"] = "2099-01-01T00:00:00Z";
  HttpReply beyond = Sign(quality_, future, sig);
  ExpectNothingWritten(beyond, 400, "invalid_argument", "to", head);
  EXPECT_EQ(beyond.json().value("reason", ""), "period_beyond_head") << beyond.Describe();
  Json unknown = Period();
  unknown["filters"] = {{"batch", "B-0001"}};
  HttpReply unknown_filter = Sign(quality_, unknown, sig);
  ExpectNothingWritten(unknown_filter, 400, "invalid_argument", "filters.batch", head);
  EXPECT_EQ(unknown_filter.json().value("reason", ""), "unknown_filter");
  Json unknown_type = Period();
  unknown_type["filters"] = {{"type", "logbook.no_such_event"}};
  ExpectNothingWritten(Sign(quality_, unknown_type, sig), 400, "invalid_argument", "filters.type",
                       head);
  Json not_a_string = Period();
  not_a_string["filters"] = {{"actor", 7}};
  ExpectNothingWritten(Sign(quality_, not_a_string, sig), 400, "invalid_argument", "filters.actor",
                       head);
  Json before_the_ledger{{"from", "2020-01-01T00:00:00Z"}, {"to", "2020-02-01T00:00:00Z"}};
  HttpReply empty = Sign(quality_, before_the_ledger, sig);
  ExpectNothingWritten(empty, 422, "failed_precondition", "from", head);
  EXPECT_EQ(empty.json().value("reason", ""), "empty_period");
}

TEST_F(AuditReviewTest, ASignerWhoDidNotAcknowledgeThePolicyIsRefused) {
  ORDO_VERIFIES("P11-10", "ORDO-REVIEW-02");
  ApiUser qa = CreateUser("qa.second", Json::array({"quality"}), false);
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Sign(qa.token, Period(), Sig(qa.name, qa.password));
  ExpectNothingWritten(r, 422, "failed_precondition", "signature", head);
  EXPECT_EQ(r.json().value("reason", ""), "policy_not_acknowledged");
}

TEST_F(AuditReviewTest, AReviewRowDeletedFromTheDatabaseNeverLetsItsIdBeUsedAgain) {
  ORDO_VERIFIES("P11-14", "ORDO-REVIEW-04");
  ASSERT_EQ(Sign(quality_, Period(), SigOf("quality")).status, 201);
  auto sql = [&](const std::string& statement) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(statement);
    ASSERT_TRUE(s.ok()) << statement << ": " << s.error().message;
  };
  // Someone with write access to ordo.db removes the review's row (kept aside to put back).
  sql("CREATE TABLE kept_review AS SELECT * FROM audit_review WHERE id = 'AR-000001'");
  sql("DELETE FROM audit_review WHERE id = 'AR-000001'");
  HttpReply next = Sign(quality_, Period(), SigOf("quality"));
  ASSERT_EQ(next.status, 201) << next.Describe();
  EXPECT_EQ(next.json()["review"]["id"], "AR-000002") << "the ledger still holds AR-000001";
  // Put back (the teardown's replay check compares the table with the ledger).
  sql("INSERT INTO audit_review SELECT * FROM kept_review");
  sql("DROP TABLE kept_review");
  EXPECT_EQ(Reviews(supervisor_).size(), 2u);
}

TEST_F(AuditReviewTest, AReviewEditedInTheDatabaseShowsItsSignatureBroken) {
  ORDO_VERIFIES("P11-14", "ORDO-REVIEW-02");
  HttpReply r = Sign(quality_, Period(), SigOf("quality"));
  ASSERT_EQ(r.status, 201) << r.Describe();
  const std::int64_t matched = r.json()["review"]["entries_matched"].get<std::int64_t>();
  // Someone with write access to ordo.db makes the review claim more than it covered.
  auto sql = [&](const std::string& statement) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(statement);
    ASSERT_TRUE(s.ok()) << statement << ": " << s.error().message;
  };
  sql("UPDATE audit_review SET entries_matched = entries_matched + 100 WHERE id = 'AR-000001'");
  HttpReply edited = http().Get("/api/v1/audit-reviews/AR-000001", supervisor_);
  ASSERT_EQ(edited.status, 200) << edited.Describe();
  EXPECT_EQ(edited.json()["review"]["entries_matched"], matched + 100);
  EXPECT_EQ(edited.json()["review"]["signatures"][0]["status"], "broken") << edited.Describe();
  // Put back (the teardown's replay check compares the table with the ledger).
  sql("UPDATE audit_review SET entries_matched = " + std::to_string(matched) +
      " WHERE id = 'AR-000001'");
  HttpReply restored = http().Get("/api/v1/audit-reviews/AR-000001", supervisor_);
  EXPECT_EQ(restored.json()["review"]["signatures"][0]["status"], "valid") << restored.Describe();
}

}  // namespace
}  // namespace ordo::testing
