// Unit tests of execution's event payloads and their upcasters: parameter_recorded
// version 1 (no origin) reads unchanged as an operator's entry; version 2 writes the
// origin of a value from a tag only when there is one.
#include "mes/execution/events.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "ledger/event_schema.h"
#include "ledger/event_type.h"

namespace ordo::execution {
namespace {

TEST(ExecutionEventsTest, Version1ParameterPayloadsReadAsOperatorsEntries) {
  ORDO_VERIFIES("ORDO-TEL-22");
  ledger::RegisterEventType<ParameterRecorded>("execution", "test");
  RegisterUpcasters();
  EXPECT_EQ(ledger::CurrentSchemaVersion(ParameterRecorded::kType), 2);
  const Json v1 = Json::parse(R"({"order_id":"PO-1","operation":"10","name":"speed",
    "unit":"rpm","value":150,"low":130,"high":170,"target":150,"in_limits":true,
    "critical":true,"source":"manual","spec_source":"equipment","work_unit":"WU-1",
    "device":"","user_id":7,"late":false,"late_reason":null,"occurred_us":1,
    "entered_us":2})");
  auto up = ledger::Upcast(ParameterRecorded::kType, 1, v1);
  ASSERT_TRUE(up.ok()) << up.error().message;
  EXPECT_EQ(*up, v1);
  ParameterRecorded read;
  from_json(*up, read);
  EXPECT_FALSE(read.origin.has_value());
  EXPECT_EQ(read.user_id, 7);
  Json again;
  to_json(again, read);
  EXPECT_EQ(again, v1);  // no origin written for an operator's entry
  read.origin = TagOrigin{"plc", "wu1.speed", 4, "first"};
  to_json(again, read);
  EXPECT_EQ(
      again["origin"],
      (Json{{"data_source", "plc"}, {"tag", "wu1.speed"}, {"batch_seq", 4}, {"rule", "first"}}));
}

}  // namespace
}  // namespace ordo::execution
