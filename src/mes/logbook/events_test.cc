// Unit tests of the logbook's event payloads and their upcasters (version 1 -> 2).
#include "mes/logbook/events.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "ledger/event_schema.h"
#include "ledger/event_type.h"

namespace ordo::logbook {
namespace {

TEST(LogbookEventsTest, Version1PayloadsUpcastAsUnchecked) {
  ORDO_VERIFIES("A11-02", "ORDO-LOG-02");
  ledger::RegisterEventType<EntryRecorded>("logbook", "recorded");
  ledger::RegisterEventType<EntryCorrected>("logbook", "corrected");
  RegisterUpcasters();
  const Json v1{{"subject", "GRAN-01"}, {"category", "use"}, {"text", "t"}};
  auto up = ledger::Upcast(EntryRecorded::kType, 1, v1);
  ASSERT_TRUE(up.ok()) << up.error().message;
  EXPECT_EQ(up->at("subject_type"), "unchecked");
  EXPECT_EQ(up->at("subject"), "GRAN-01");
  auto read = ledger::ReadPayload<EntryRecorded>(*up);
  ASSERT_TRUE(read.ok()) << read.error().message;
  EXPECT_EQ(read->subject_type, "unchecked");
  Json v1_correction = v1;
  v1_correction["corrects"] = 3;
  auto up_correction = ledger::Upcast(EntryCorrected::kType, 1, v1_correction);
  ASSERT_TRUE(up_correction.ok()) << up_correction.error().message;
  EXPECT_EQ(up_correction->at("subject_type"), "unchecked");
  // A current payload is read as written.
  auto current = ledger::Upcast(EntryRecorded::kType, 2, Json{{"subject_type", "equipment"}});
  ASSERT_TRUE(current.ok());
  EXPECT_EQ(current->at("subject_type"), "equipment");
}

TEST(LogbookEventsTest, PayloadRoundTrips) {
  ORDO_VERIFIES("ORDO-LOG-02");
  EntryCorrected e{"GRAN-01", "use", "t", 7, kSubjectEquipment};
  Json j = e;
  EXPECT_EQ(j.at("subject_type"), "equipment");
  auto back = ledger::ReadPayload<EntryCorrected>(j);
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->corrects, 7);
  EXPECT_EQ(back->subject_type, "equipment");
}

}  // namespace
}  // namespace ordo::logbook
