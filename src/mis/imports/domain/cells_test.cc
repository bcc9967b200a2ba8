// Typed cells: times with offsets, dates, numbers, counts, enums, currencies, UTF-8.
#include "mis/imports/domain/cells.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/imports/domain/detail/kinds.h"

namespace ordo::mis::imports {
namespace {

using detail::Count;
using detail::Currency;
using detail::Date;
using detail::DateOrTime;
using detail::Enum;
using detail::Number;
using detail::Text;
using detail::Time;

// The value of `text` in `column`, or the refusal's reason prefixed with "!".
std::string Parse(const ColumnSpec& column, std::string_view text, Value* value = nullptr) {
  Value v;
  RowError error;
  if (!ParseCell(column, text, 7, &v, &error)) {
    EXPECT_EQ(error.line, 7);
    EXPECT_EQ(error.field, column.name);
    EXPECT_NE(error.message.find(column.name), std::string::npos) << error.message;
    return "!" + error.reason;
  }
  if (value) *value = v;
  return ShowValue(column, v);
}

TEST(MisImportCells, TimesNeedAnOffsetAndBecomeUtcMicros) {
  ORDO_VERIFIES("ORDO-MIS-23");
  const ColumnSpec start = Time("start", true, "");
  Value v;
  EXPECT_EQ(Parse(start, "2026-03-01T10:00:00+01:00", &v), "2026-03-01T09:00:00.000000Z");
  EXPECT_EQ(std::get<std::int64_t>(v), 1772355600LL * 1000000);
  EXPECT_EQ(Parse(start, "2026-03-01T09:00:00.25Z", &v), "2026-03-01T09:00:00.250000Z");
  EXPECT_EQ(std::get<std::int64_t>(v), 1772355600LL * 1000000 + 250000);
  EXPECT_EQ(Parse(start, "2027-01-01T01:30:00+02:00", &v), "2026-12-31T23:30:00.000000Z");
  EXPECT_EQ(std::get<std::int64_t>(v), 1798759800LL * 1000000);
  EXPECT_EQ(Parse(start, "2026-03-01T10:00:00"), "!time_without_offset");
  EXPECT_EQ(Parse(start, "2026-03-01T10:00:00.5"), "!time_without_offset");
  EXPECT_EQ(Parse(start, "2026-03-01"), "!bad_time");
  EXPECT_EQ(Parse(start, "2026-02-30T10:00:00Z"), "!bad_time");
  EXPECT_EQ(Parse(start, "01.03.2026 10:00"), "!bad_time");
  EXPECT_EQ(Parse(start, "2026-03-01T10:00:00+0100"), "!bad_time");
}

TEST(MisImportCells, DatesAreCalendarDays) {
  ORDO_VERIFIES("ORDO-MIS-23");
  const ColumnSpec due = Date("due_date", true, "");
  EXPECT_EQ(Parse(due, "2028-02-29"), "2028-02-29");
  EXPECT_EQ(Parse(due, "2026-02-29"), "!bad_date");
  EXPECT_EQ(Parse(due, "2026-3-1"), "!bad_date");
  EXPECT_EQ(Parse(due, "2026-03-01T00:00:00Z"), "!bad_date");
}

TEST(MisImportCells, DateOrTimeKeepsADayAsGivenAndATimeInItsUtcForm) {
  ORDO_VERIFIES("ORDO-MISCT-03");
  const ColumnSpec due = DateOrTime("due_date", true, "");
  Value v;
  EXPECT_EQ(Parse(due, "2028-02-29", &v), "2028-02-29");
  EXPECT_EQ(std::get<std::string>(v), "2028-02-29");
  EXPECT_FALSE(IsTimeText(std::get<std::string>(v)));
  // One instant written with two offsets is one value, the canonical UTC text.
  EXPECT_EQ(Parse(due, "2026-01-05T10:00:00+01:00", &v), "2026-01-05T09:00:00.000000Z");
  EXPECT_EQ(std::get<std::string>(v), "2026-01-05T09:00:00.000000Z");
  EXPECT_TRUE(IsTimeText(std::get<std::string>(v)));
  EXPECT_EQ(Parse(due, "2026-01-05T09:00:00Z"), "2026-01-05T09:00:00.000000Z");
  EXPECT_EQ(Parse(due, "2026-01-05T09:00:00.5-05:00"), "2026-01-05T14:00:00.500000Z");
  EXPECT_EQ(Parse(due, "2026-01-05T09:00:00"), "!time_without_offset");
  EXPECT_EQ(Parse(due, "2026-02-29"), "!bad_date_or_time");
  EXPECT_EQ(Parse(due, "2026-3-1"), "!bad_date_or_time");
  EXPECT_EQ(Parse(due, "2026-02-30T10:00:00Z"), "!bad_date_or_time");
  EXPECT_EQ(Parse(due, "2026-01-05T09:00:00+0100"), "!bad_date_or_time");
  EXPECT_EQ(Parse(due, "05.01.2026"), "!bad_date_or_time");
  RowError error;
  ASSERT_FALSE(ParseCell(due, "tomorrow", 3, &v, &error));
  EXPECT_NE(error.message.find("YYYY-MM-DD"), std::string::npos) << error.message;
  EXPECT_NE(error.message.find("offset"), std::string::npos) << error.message;
}

TEST(MisImportCells, NumbersAreNonNegativeDecimalsInCanonicalForm) {
  ORDO_VERIFIES("ORDO-MIS-24");
  const ColumnSpec amount = Number("amount", true, false, "");
  EXPECT_EQ(Parse(amount, "12.50"), "12.5");
  EXPECT_EQ(Parse(amount, "100"), "100");
  EXPECT_EQ(Parse(amount, "1e3"), "1000");
  EXPECT_EQ(Parse(amount, "0"), "0");
  EXPECT_EQ(Parse(amount, "-0"), "0");
  EXPECT_EQ(Parse(amount, ".5"), "0.5");
  EXPECT_EQ(Parse(amount, "-1"), "!negative_number");
  for (const char* bad : {"1,5", "abc", "1e", "nan", "inf", "0x10", "1 000", "."})
    EXPECT_EQ(Parse(amount, bad), "!bad_number") << bad;
  EXPECT_EQ(Parse(Number("ideal_cycle_time_s", true, true, ""), "0.0"), "!not_positive");
}

TEST(MisImportCells, CountsAreWholeNumbers) {
  ORDO_VERIFIES("ORDO-MIS-24");
  const ColumnSpec total = Count("total", true, false, "");
  Value v;
  EXPECT_EQ(Parse(total, "42", &v), "42");
  EXPECT_EQ(std::get<std::int64_t>(v), 42);
  EXPECT_EQ(Parse(total, "+7"), "7");
  EXPECT_EQ(Parse(total, "1000000000000000"), "1000000000000000");
  EXPECT_EQ(Parse(total, "1000000000000001"), "!bad_number");
  EXPECT_EQ(Parse(total, "99999999999999999999999"), "!bad_number");
  EXPECT_EQ(Parse(total, "-3"), "!negative_number");
  EXPECT_EQ(Parse(total, "2.5"), "!bad_number");
  EXPECT_EQ(Parse(total, "5.0"), "!bad_number");
}

TEST(MisImportCells, EnumsCurrenciesAndTextLength) {
  ORDO_VERIFIES("ORDO-MIS-24");
  const ColumnSpec kind = Enum("kind", true, {"shift", "break"}, "");
  EXPECT_EQ(Parse(kind, "break"), "break");
  EXPECT_EQ(Parse(kind, "Break"), "!bad_enum");
  const ColumnSpec currency = Currency("currency", "");
  EXPECT_EQ(Parse(currency, "EUR"), "EUR");
  EXPECT_EQ(Parse(currency, "eur"), "!bad_currency");
  EXPECT_EQ(Parse(currency, "EURO"), "!bad_currency");
  const ColumnSpec label = Text("label", false, "");
  EXPECT_EQ(Parse(label, std::string(kMaxTextBytes, 'x')), std::string(kMaxTextBytes, 'x'));
  EXPECT_EQ(Parse(label, std::string(kMaxTextBytes + 1, 'x')), "!too_long");
}

TEST(MisImportCells, EmptyOptionalValuesAndTrimming) {
  ORDO_VERIFIES("ORDO-MIS-24");
  EXPECT_EQ(EmptyValue(Text("label", false, "")), Value(std::string()));
  EXPECT_EQ(EmptyValue(Count("scrap", false, true, "")), Value(std::int64_t{0}));
  EXPECT_EQ(EmptyValue(Time("failure_start", false, "")), Value());
  EXPECT_EQ(TrimCell(" \t x y \t"), "x y");
}

TEST(MisImportCells, ExcerptsForMessagesAreShortValidUtf8) {
  ORDO_VERIFIES("ORDO-MIS-26");
  EXPECT_EQ(Excerpt("short"), "short");
  EXPECT_EQ(Excerpt("abcdef", 4), "abcd...");
  EXPECT_EQ(Excerpt("ab\xC3\xA9"
                    "cd",
                    3),
            "ab...");  // never half of a character
  EXPECT_EQ(Excerpt("a\xFF"
                    "b\n",
                    10),
            "a?b?");
  EXPECT_EQ(FirstInvalidUtf8Line(Excerpt(std::string(200, '\xE9'), 100)), 0);
}

TEST(MisImportCells, Utf8Validation) {
  ORDO_VERIFIES("ORDO-MIS-20");
  EXPECT_EQ(FirstInvalidUtf8Line("ok\nstill \xC3\xA9 ok\n"), 0);
  EXPECT_EQ(FirstInvalidUtf8Line("ok\n\nbad \x80"), 3);
  EXPECT_EQ(FirstInvalidUtf8Line("\xF4\x90\x80\x80"), 1);  // above U+10FFFF
}

}  // namespace
}  // namespace ordo::mis::imports
