// GS1 scan parsing: plain lot ids, the three symbologies, the parenthesised form, the
// expiry's century and day 00, and every refusal code.
#include "mes/lots/gs1/gs1.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::gs1 {
namespace {

constexpr int kYear = 2026;
const std::string GS(1, kGroupSeparator);

Scan Ok(std::string_view input, int year = kYear) {
  ParsedScan p = ParseScanDetailed(input, year);
  EXPECT_TRUE(p.ok) << "'" << input << "': " << p.error.code << " " << p.error.message;
  return p.scan;
}

ScanError Refused(std::string_view input, int year = kYear) {
  ParsedScan p = ParseScanDetailed(input, year);
  EXPECT_FALSE(p.ok) << "'" << input << "' was accepted";
  EXPECT_FALSE(p.error.message.empty());
  return p.error;
}

TEST(Gs1Scan, PlainLotIdsAreTrimmedText) {
  ORDO_VERIFIES("ORDO-SCAN-01");
  Scan s = Ok("LOT-2026-0042\r\n");
  EXPECT_EQ(s.kind, ScanKind::kPlain);
  EXPECT_EQ(s.text, "LOT-2026-0042");
  EXPECT_EQ(s.raw, "LOT-2026-0042\r\n");
  EXPECT_TRUE(s.gtin14.empty());
  EXPECT_EQ(Ok("  RM-PCM 7781  ").text, "RM-PCM 7781");
  EXPECT_EQ(Ok("(lot) 12").kind, ScanKind::kPlain);          // not (digits)
  EXPECT_EQ(Ok("0104006381333932").kind, ScanKind::kPlain);  // a bad check digit: not GS1
  EXPECT_EQ(Ok("010400638133393").kind, ScanKind::kPlain);   // 15 characters
  // Looks like a bare GTIN but does not read as GS1: a lot id, not a refusal.
  EXPECT_EQ(Ok("0104006381333931-A").text, "0104006381333931-A");
  EXPECT_EQ(Ok("0104006381333931").gtin14, "04006381333931");
  // Another symbology's identifier is dropped: a Code 128 without FNC1 is a plain id.
  Scan c = Ok("]C0LOT-7");
  EXPECT_EQ(c.kind, ScanKind::kPlain);
  EXPECT_EQ(c.text, "LOT-7");
  EXPECT_EQ(c.symbology, "]C0");
}

TEST(Gs1Scan, DataMatrixWithGroupSeparators) {
  ORDO_VERIFIES("ORDO-SCAN-02", "ORDO-SCAN-03");
  // A pharma carton: GTIN, expiry, batch (variable, so GS), serial last.
  Scan s = Ok("]d201095011015300031727063010ABC123" + GS + "21SN0001");
  EXPECT_EQ(s.kind, ScanKind::kGs1);
  EXPECT_EQ(s.symbology, "]d2");
  EXPECT_EQ(s.gtin14, "09501101530003");
  EXPECT_EQ(s.expiry, "2027-06-30");
  EXPECT_EQ(s.lot, "ABC123");
  EXPECT_EQ(s.serial, "SN0001");
  EXPECT_TRUE(s.others.empty());
}

TEST(Gs1Scan, Gs1128AndQrAndNoIdentifier) {
  ORDO_VERIFIES("ORDO-SCAN-02");
  const std::string body =
      "0104006381333931"
      "10L-77/B" +
      GS + "17281231";
  for (const std::string& prefix : {std::string("]C1"), std::string("]Q3"), GS, std::string()}) {
    Scan s = Ok(prefix + body);
    EXPECT_EQ(s.kind, ScanKind::kGs1) << prefix;
    EXPECT_EQ(s.gtin14, "04006381333931");
    EXPECT_EQ(s.lot, "L-77/B");
    EXPECT_EQ(s.expiry, "2028-12-31");
  }
  // A trailing GS and the scanner's Enter are tolerated.
  EXPECT_EQ(Ok("]C10104006381333931"
               "10X1" +
               GS + "\r")
                .lot,
            "X1");
}

TEST(Gs1Scan, ParenthesisedHumanReadableForm) {
  ORDO_VERIFIES("ORDO-SCAN-02", "ORDO-SCAN-04");
  Scan s = Ok("(01)04006381333931(17)271231(10)ABC123");
  EXPECT_EQ(s.kind, ScanKind::kGs1);
  EXPECT_EQ(s.gtin14, "04006381333931");
  EXPECT_EQ(s.expiry, "2027-12-31");
  EXPECT_EQ(s.lot, "ABC123");
  // A lot may hold parentheses that do not open an AI.
  EXPECT_EQ(Ok("(10)A(B)1(21)7").lot, "A(B)1");
  EXPECT_EQ(ToParenthesised(s), "(01)04006381333931(17)271231(10)ABC123");
  EXPECT_TRUE(Ok(ToParenthesised(s)).SameContent(s));
}

TEST(Gs1Scan, ExpiryDayZeroIsTheLastDayOfTheMonth) {
  ORDO_VERIFIES("ORDO-SCAN-04");
  EXPECT_EQ(Ok("(17)280200").expiry, "2028-02-29");  // leap year
  EXPECT_EQ(Ok("(17)270200").expiry, "2027-02-28");
  EXPECT_EQ(Ok("(17)261100").expiry, "2026-11-30");
  EXPECT_EQ(Ok("(17)271200").expiry, "2027-12-31");
}

TEST(Gs1Scan, ExpiryCenturyBySlidingWindow) {
  ORDO_VERIFIES("ORDO-SCAN-04");
  // From 49 years before to 50 years after the current year.
  EXPECT_EQ(Ok("(17)760101", 2026).expiry, "2076-01-01");  // +50
  EXPECT_EQ(Ok("(17)770101", 2026).expiry, "1977-01-01");  // +51 -> previous century
  EXPECT_EQ(Ok("(17)000101", 2026).expiry, "2000-01-01");
  EXPECT_EQ(Ok("(17)050101", 2098).expiry, "2105-01-01");  // -93 -> next century
  EXPECT_EQ(Ok("(17)490101", 2098).expiry, "2049-01-01");  // -49 -> same century
  EXPECT_EQ(Ok("(17)480101", 2098).expiry, "2148-01-01");  // -50 -> next century
}

TEST(Gs1Scan, KnownAisAreSkippedAndKept) {
  ORDO_VERIFIES("ORDO-SCAN-05");
  // SSCC, production date, net weight (kg, 2 decimals), count, company internal.
  Scan s =
      Ok("]C1"
         "00340123450000000019"
         "0104006381333931"
         "11260115"
         "3102001250"
         "37"
         "12" +
         GS + "10B7" + GS + "91INT-9");
  EXPECT_EQ(s.gtin14, "04006381333931");
  EXPECT_EQ(s.lot, "B7");
  ASSERT_EQ(s.others.size(), 5u);
  EXPECT_EQ(s.others[0], (std::pair<std::string, std::string>{"00", "340123450000000019"}));
  EXPECT_EQ(s.others[1], (std::pair<std::string, std::string>{"11", "260115"}));
  EXPECT_EQ(s.others[2], (std::pair<std::string, std::string>{"3102", "001250"}));
  EXPECT_EQ(s.others[3], (std::pair<std::string, std::string>{"37", "12"}));
  EXPECT_EQ(s.others[4], (std::pair<std::string, std::string>{"91", "INT-9"}));
  EXPECT_TRUE(Ok(ToParenthesised(s)).SameContent(s));
}

TEST(Gs1Scan, EveryRefusalHasItsCodeAndPosition) {
  ORDO_VERIFIES("ORDO-SCAN-06", "ORDO-SCAN-07");
  struct Case {
    std::string input, code;
    std::size_t position;
  };
  const std::vector<Case> cases{
      {"", "scan_empty", 0},
      {"  \r\n", "scan_empty", 0},
      {"LOT\x01X", "scan_bad_character", 3},
      {std::string(kMaxScanLength + 1, 'A'), "scan_too_long", kMaxScanLength},
      {"]d20104006381333932", "gs1_bad_check_digit", 18},
      {"(01)04006381333932", "gs1_bad_check_digit", 17},
      {"]d2010400638133393", "gs1_truncated", 18},
      {"]d20104006381333931"
       "17",
       "gs1_truncated", 21},
      {"]d20104006381333931"
       "172712",
       "gs1_truncated", 25},
      {"]d2", "gs1_truncated", 3},
      {"]d2" + GS, "gs1_truncated", 4},
      {"]d20104006381333931"
       "171313"
       "01",
       "gs1_bad_date", 23},
      {"]d20104006381333931"
       "17270231",
       "gs1_bad_date", 25},
      {"(17)270229", "gs1_bad_date", 8},
      {"]d20104006381333931"
       "10" +
           std::string(21, 'A'),
       "gs1_too_long", 41},
      {"(01)040063813339310", "gs1_too_long", 18},
      {"]d20104006381333931"
       "10AB#C",
       "gs1_bad_character", 23},
      {"]d20104006381333931"
       "10" +
           GS,
       "gs1_empty_value", 21},
      {"]d201040063813339A1", "gs1_bad_character", 17},
      {"]d20104006381333931"
       "8200http",
       "gs1_unknown_ai", 19},
      {"]d20104006381333931"
       "2399",
       "gs1_unknown_ai", 19},
      {"(23)1", "gs1_unknown_ai", 1},
      {"]d20104006381333931"
       "X",
       "gs1_bad_character", 19},
      {"]d20104006381333931"
       "1",
       "gs1_truncated", 19},
      {"(10)A(10)B", "gs1_duplicate_ai", 9},
      {"(01)04006381333931X(10)", "gs1_too_long", 18},
      {"(01)04006381333931(1A)2", "gs1_too_long", 18},
      {"(17)2712", "gs1_truncated", 8},
      {"(10)", "gs1_empty_value", 4},
      {"(10)A B", "gs1_bad_character", 5},
      {"(10)A\xC3\xA9", "gs1_bad_character", 5},
  };
  for (const Case& c : cases) {
    ScanError e = Refused(c.input);
    EXPECT_EQ(e.code, c.code) << "'" << c.input << "': " << e.message;
    EXPECT_EQ(e.position, c.position) << "'" << c.input << "': " << e.message;
  }
}

TEST(Gs1Scan, ResultFormNamesTheFieldAndCode) {
  ORDO_VERIFIES("ORDO-SCAN-06");
  auto r = ParseScan("(01)04006381333932", kYear, "lot");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "lot");
  EXPECT_EQ(r.error().reason, "gs1_bad_check_digit");
  EXPECT_NE(r.error().message.find("at character 18"), std::string::npos) << r.error().message;
  auto ok = ParseScan("LOT-1", kYear);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->text, "LOT-1");
}

TEST(Gs1Scan, ScannedExpiryMustAgreeWithTheLot) {
  ORDO_VERIFIES("ORDO-SCAN-09");
  const Scan s = Ok("(01)04006381333931(17)271231(10)ABC123");
  EXPECT_TRUE(CheckScannedExpiry(s, "ABC123", "2027-12-31").ok());
  EXPECT_TRUE(CheckScannedExpiry(Ok("(10)ABC123"), "ABC123", "2027-12-31").ok());
  Status wrong = CheckScannedExpiry(s, "ABC123", "2027-11-30");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason, "expiry_mismatch");
  EXPECT_EQ(wrong.error().field, "lot");
  EXPECT_NE(wrong.error().message.find("2027-12-31"), std::string::npos) << wrong.error().message;
  EXPECT_NE(wrong.error().message.find("2027-11-30"), std::string::npos) << wrong.error().message;
  EXPECT_FALSE(CheckScannedExpiry(s, "ABC123", "").ok());
}

}  // namespace
}  // namespace ordo::gs1
