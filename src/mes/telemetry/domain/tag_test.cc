// Defining a tag: every refusal names the field.
#include "mes/telemetry/domain/tag.h"

#include <gtest/gtest.h>

#include <limits>

#include "core/testing/verifies.h"

namespace ordo::telemetry {
namespace {

TagDefined Oven() {
  TagDefined t;
  t.name = "oven.temp-1";
  t.work_unit = "WU-OVEN-01";
  t.unit = "degC";
  t.description = "oven zone 1";
  t.low = 180;
  t.high = 220;
  t.raw_days = 7;
  return t;
}

std::string ReasonOf(const Status& s) {
  return s.ok() ? "" : s.error().field + ":" + s.error().reason;
}

TEST(Tag, AValidTagIsDefinedWithItsLimits) {
  ORDO_VERIFIES("ORDO-TEL-08");
  auto e = DecideDefineTag(Oven(), false, true);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, TagDefined::kType);
  EXPECT_EQ(e->subject_id, "oven.temp-1");
  EXPECT_EQ(e->payload["low"], 180.0);
  EXPECT_EQ(e->payload["raw_days"], 7);
  TagDefined back;
  from_json(e->payload, back);
  EXPECT_EQ(back.high, 220.0);
  TagDefined open = Oven();
  open.low.reset();
  open.high.reset();
  auto e2 = DecideDefineTag(open, false, true);
  ASSERT_TRUE(e2.ok());
  EXPECT_FALSE(e2->payload.contains("low"));
}

TEST(Tag, BadTagsAreRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-TEL-08");
  for (const std::string& name : {std::string(), std::string("-x"), std::string("a/b"),
                                  std::string("a+b"), std::string("a b"), std::string(65, 'a')}) {
    TagDefined t = Oven();
    t.name = name;
    EXPECT_EQ(ReasonOf(ValidateTag(t)), "name:invalid_tag") << name;
  }
  TagDefined t = Oven();
  t.low = 300;
  EXPECT_EQ(ReasonOf(ValidateTag(t)), "low:invalid_limits");
  t = Oven();
  t.high = std::numeric_limits<double>::infinity();
  EXPECT_EQ(ReasonOf(ValidateTag(t)), "high:invalid_limits");
  t = Oven();
  t.raw_days = 0;
  EXPECT_EQ(ReasonOf(ValidateTag(t)), "raw_days:");
  t = Oven();
  t.work_unit = "";
  EXPECT_EQ(ReasonOf(ValidateTag(t)), "work_unit:");
  EXPECT_EQ(DecideDefineTag(Oven(), true, true).error().reason, "tag_exists");
  EXPECT_EQ(DecideDefineTag(Oven(), false, false).error().reason, "unknown_work_unit");
}

}  // namespace
}  // namespace ordo::telemetry
