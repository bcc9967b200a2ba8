// Unit tests for logbook entry validation and decisions (pure domain, no I/O).
#include "mes/logbook/domain/logbook.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"

namespace ordo::logbook {
namespace {

RecordEntry Good() {
  return RecordEntry{"GRAN-01/a_b.c", "cleaning", "Cleaned after batch 7", {}, {}};
}

RecordEntry GoodCorrection() {
  RecordEntry c = Good();
  c.corrects = 12;
  c.reason = "wrong batch number";
  return c;
}

void ExpectInvalid(const RecordEntry& c, const std::string& field) {
  Status s = ValidateRecordEntry(c);
  ASSERT_FALSE(s.ok()) << "accepted, expected an error on " << field;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, field) << s.error().message;
  EXPECT_FALSE(s.error().message.empty());
}

TEST(LogbookValidateTest, AcceptsGoodEntries) {
  ORDO_VERIFIES("ORDO-LOG-01");
  EXPECT_TRUE(ValidateRecordEntry(Good()).ok());
  EXPECT_TRUE(ValidateRecordEntry(GoodCorrection()).ok());
  for (const auto& category : Categories()) {
    RecordEntry c = Good();
    c.category = category;
    EXPECT_TRUE(ValidateRecordEntry(c).ok()) << category;
  }
}

TEST(LogbookValidateTest, Subject) {
  ORDO_VERIFIES("ORDO-LOG-01");
  for (const std::string& subject : {std::string(), std::string(65, 'A'), std::string("GRAN 01"),
                                     std::string("GRAN:01"), std::string("GRÄN")}) {
    RecordEntry c = Good();
    c.subject = subject;
    ExpectInvalid(c, "subject");
  }
  RecordEntry c = Good();
  c.subject = std::string(64, 'Z');
  EXPECT_TRUE(ValidateRecordEntry(c).ok());
}

TEST(LogbookValidateTest, Category) {
  ORDO_VERIFIES("ORDO-LOG-01");
  for (const char* category : {"", "Cleaning", "repair", "use "}) {
    RecordEntry c = Good();
    c.category = category;
    ExpectInvalid(c, "category");
  }
}

TEST(LogbookValidateTest, Text) {
  ORDO_VERIFIES("ORDO-LOG-01");
  RecordEntry c = Good();
  c.text = "";
  ExpectInvalid(c, "text");
  c.text = std::string(4001, 't');
  ExpectInvalid(c, "text");
  c.text = std::string(4000, 't');
  EXPECT_TRUE(ValidateRecordEntry(c).ok());
}

TEST(LogbookValidateTest, CorrectsMustBePositive) {
  ORDO_VERIFIES("ORDO-LOG-01");
  for (std::int64_t seq : {0, -3}) {
    RecordEntry c = GoodCorrection();
    c.corrects = seq;
    ExpectInvalid(c, "corrects");
  }
}

TEST(LogbookValidateTest, ReasonRules) {
  ORDO_VERIFIES("A11-07", "ORDO-LOG-01");
  RecordEntry c = GoodCorrection();
  c.reason.reset();
  ExpectInvalid(c, "reason");  // correction without reason
  c.reason = "";
  ExpectInvalid(c, "reason");  // empty reason
  c.reason = std::string(1001, 'r');
  ExpectInvalid(c, "reason");  // too long
  c.reason = std::string(1000, 'r');
  EXPECT_TRUE(ValidateRecordEntry(c).ok());

  RecordEntry plain = Good();
  plain.reason = "no correction";
  ExpectInvalid(plain, "reason");  // reason without corrects
}

TEST(LogbookDecideTest, RecordsNewEntry) {
  ORDO_VERIFIES("ORDO-LOG-01");
  auto e = DecideRecordEntry(Good(), std::nullopt, false, 42);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "logbook.entry_recorded");
  EXPECT_EQ(e->schema_version, 2);
  EXPECT_EQ(e->subject_kind, "logbook_entry");
  EXPECT_EQ(e->subject_id, "42");
  EXPECT_EQ(e->payload, (Json{{"subject", "GRAN-01/a_b.c"},
                              {"category", "cleaning"},
                              {"text", "Cleaned after batch 7"},
                              {"subject_type", "free_text"}}));
  EXPECT_FALSE(e->reason.has_value());
}

TEST(LogbookDecideTest, InvalidCommandIsRejectedBeforeDeciding) {
  ORDO_VERIFIES("ORDO-LOG-01");
  RecordEntry c = Good();
  c.category = "bogus";
  auto e = DecideRecordEntry(c, std::nullopt, false, 42);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().field, "category");
}

TEST(LogbookDecideTest, CorrectionOfSameSubject) {
  ORDO_VERIFIES("DI-04", "ORDO-LOG-01");
  auto e = DecideRecordEntry(GoodCorrection(), EntryState{12, "GRAN-01/a_b.c"}, false, 43);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "logbook.entry_corrected");
  EXPECT_EQ(e->subject_id, "43");
  EXPECT_EQ(e->payload.at("corrects"), 12);
  EXPECT_EQ(e->payload.at("subject"), "GRAN-01/a_b.c");
  EXPECT_EQ(e->payload.at("text"), "Cleaned after batch 7");
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "wrong batch number");
}

TEST(LogbookDecideTest, CorrectionNeedsExistingEntry) {
  ORDO_VERIFIES("DI-04", "ORDO-LOG-01");
  auto e = DecideRecordEntry(GoodCorrection(), std::nullopt, false, 43);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(e.error().field, "corrects");
  EXPECT_EQ(e.error().reason, "corrected_entry_missing");
  EXPECT_NE(e.error().message.find("12"), std::string::npos);
}

TEST(LogbookDecideTest, CorrectionNeedsSameSubject) {
  ORDO_VERIFIES("DI-04", "ORDO-LOG-01");
  auto e = DecideRecordEntry(GoodCorrection(), EntryState{12, "MIX-02"}, false, 43);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(e.error().field, "subject");
  EXPECT_EQ(e.error().reason, "subject_mismatch");
  EXPECT_NE(e.error().message.find("MIX-02"), std::string::npos);
}

TEST(LogbookDecideTest, SubjectTypeFollowsMasterData) {
  ORDO_VERIFIES("DI-02", "ORDO-LOG-02");
  auto equipment = DecideRecordEntry(Good(), std::nullopt, true, 42);
  ASSERT_TRUE(equipment.ok()) << equipment.error().message;
  EXPECT_EQ(equipment->payload.at("subject_type"), "equipment");
  auto free_text = DecideRecordEntry(Good(), std::nullopt, false, 42);
  ASSERT_TRUE(free_text.ok()) << free_text.error().message;
  EXPECT_EQ(free_text->payload.at("subject_type"), "free_text");
  // A correction is typed by the subject's standing when the correction is recorded.
  auto correction = DecideRecordEntry(GoodCorrection(), EntryState{12, "GRAN-01/a_b.c"}, true, 43);
  ASSERT_TRUE(correction.ok()) << correction.error().message;
  EXPECT_EQ(correction->schema_version, 2);
  EXPECT_EQ(correction->payload.at("subject_type"), "equipment");
}

}  // namespace
}  // namespace ordo::logbook
