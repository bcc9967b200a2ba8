// Unit tests of PercentEncode: unreserved characters and the ones asked for stay, every
// other byte (UTF-8 included) becomes %XX.
#include "core/percent_encoding.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo {
namespace {

TEST(PercentEncodeTest, KeepsTheUnreservedAndEncodesEveryOtherByte) {
  ORDO_VERIFIES("ORDO-MIS-71");
  EXPECT_EQ(PercentEncode(""), "");
  EXPECT_EQ(PercentEncode("Az09-._~"), "Az09-._~");
  EXPECT_EQ(PercentEncode("2026-01-05T06:00:00+01:00"), "2026-01-05T06%3A00%3A00%2B01%3A00");
  EXPECT_EQ(PercentEncode("a b&c=d/e?f#g%"), "a%20b%26c%3Dd%2Fe%3Ff%23g%25");
  EXPECT_EQ(PercentEncode("µ"), "%C2%B5");
  EXPECT_EQ(PercentEncode(std::string("a\0b", 3)), "a%00b");
  // Only the characters asked for are kept besides.
  EXPECT_EQ(PercentEncode("oee,availability"), "oee%2Cavailability");
  EXPECT_EQ(PercentEncode("oee,availability", ","), "oee,availability");
  EXPECT_EQ(PercentEncode("a+b,c", ","), "a%2Bb,c");
}

}  // namespace
}  // namespace ordo
