// Unit tests of serial number patterns: parsing refuses what it cannot format, formatting
// fills the date and the zero-padded counter, and the stem keys a counter per period.
#include "mes/masterdata/domain/serial_pattern.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::masterdata {
namespace {

TEST(SerialPattern, FormatsTheDateTokensAndTheZeroPaddedCounter) {
  ORDO_VERIFIES("ORDO-LOT-32", "IND-02");
  auto p = ParseSerialPattern("DP{yyyy}{mm}-{seq:6}");
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->width, 6);
  auto s = FormatSerial(*p, "2026-11-30", 42);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(*s, "DP202611-000042");
  EXPECT_EQ(SerialStem(*p, "2026-11-30"), "DP202611-{seq:6}");
  auto all = ParseSerialPattern("{yy}{mm}{dd}/{seq:3}.X");
  ASSERT_TRUE(all.ok()) << all.error().message;
  auto seven = FormatSerial(*all, "2027-01-05", 7);
  ASSERT_TRUE(seven.ok());
  EXPECT_EQ(*seven, "270105/007.X");
  EXPECT_EQ(SerialStem(*all, "2027-01-05"), "270105/{seq:3}.X");
  // A counter wider than N is not cut: it is refused.
  auto one = ParseSerialPattern("S{seq:1}");
  ASSERT_TRUE(one.ok());
  auto nine = FormatSerial(*one, "2026-01-01", 9);
  ASSERT_TRUE(nine.ok());
  EXPECT_EQ(*nine, "S9");
  auto full = FormatSerial(*one, "2026-01-01", 10);
  ASSERT_FALSE(full.ok());
  EXPECT_EQ(full.error().reason, "serial_sequence_exhausted");
  EXPECT_FALSE(FormatSerial(*one, "2026-01-01", 0).ok());
}

TEST(SerialPattern, RefusesUnknownTokensAMissingCounterAndBadTextNamingTheField) {
  ORDO_VERIFIES("ORDO-LOT-32");
  struct Case {
    const char* pattern;
    const char* says;
  };
  for (const Case& c :
       {Case{"", "empty"}, Case{"DP{yyyy}", "{seq:N}"}, Case{"DP{hh}{seq:4}", "unknown token {hh}"},
        Case{"DP{seq:4}{seq:4}", "only once"}, Case{"DP{seq:0}", "1 to 12"},
        Case{"DP{seq:13}", "1 to 12"}, Case{"DP{seq:x}", "1 to 12"},
        Case{"DP{seq}", "unknown token {seq}"}, Case{"DP {seq:4}", "' '"},
        Case{"DP{seq:4", "without '}'"}, Case{"DP}{seq:4}", "without '{'"},
        Case{"-{seq:4}", "start with"},
        Case{"ABCDEFGHIJKLMNOPQRSTUVWXYZABCDEFGHIJKLMNOPQRSTUVWXYZABCDEF{seq:12}", "at most 64"}}) {
    auto p = ParseSerialPattern(c.pattern);
    ASSERT_FALSE(p.ok()) << c.pattern;
    EXPECT_EQ(p.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(p.error().reason, "invalid_serial_pattern");
    EXPECT_EQ(p.error().field, "serial_pattern");
    EXPECT_NE(p.error().message.find(c.says), std::string::npos)
        << c.pattern << ": " << p.error().message;
  }
}

TEST(SerialPattern, SerialIdsAreShortPlainText) {
  ORDO_VERIFIES("ORDO-LOT-33");
  for (const char* ok : {"DP202611-000001", "A", "9/1.b_c"}) EXPECT_TRUE(IsSerialId(ok)) << ok;
  for (const char* bad : {"", "-A", "A B", "A,B", "A{1}", std::string(65, 'A').c_str()})
    EXPECT_FALSE(IsSerialId(bad)) << bad;
}

}  // namespace
}  // namespace ordo::masterdata
