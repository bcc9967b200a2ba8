// Tests of the flag duration parser.
#include "cli/duration.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

TEST(DurationTest, AcceptsSecondsMinutesHoursDaysAndZero) {
  ORDO_VERIFIES("ORDO-INTEGRITY-05");
  EXPECT_EQ(ParseDurationSeconds("30s"), 30);
  EXPECT_EQ(ParseDurationSeconds("45"), 45);
  EXPECT_EQ(ParseDurationSeconds("15m"), 900);
  EXPECT_EQ(ParseDurationSeconds("1h"), 3600);
  EXPECT_EQ(ParseDurationSeconds("2d"), 172800);
  EXPECT_EQ(ParseDurationSeconds("0"), 0);
}

TEST(DurationTest, RefusesMalformedDurations) {
  ORDO_VERIFIES("ORDO-INTEGRITY-05");
  for (const char* bad : {"", "s", "-1", "1.5h", "1w", "1hs", "h1", "400d", "9999999999"})
    EXPECT_FALSE(ParseDurationSeconds(bad).has_value()) << bad;
}

}  // namespace
}  // namespace ordo::cli
