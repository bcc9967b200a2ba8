// The first/last range query (seq_range.h): every refusal with its code and field.
#include "mis/http/seq_range.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::http {
namespace {

const RangeSpec kSeqs{"a ledger seq (a whole number from 1)", "seqs", 1'000'000};

Error Refusal(const std::map<std::string, std::string>& query) {
  auto range = ParseSeqRange(query, kSeqs);
  EXPECT_FALSE(range.ok());
  return range.ok() ? Error{} : range.error();
}

TEST(SeqRangeTest, AcceptsUpToAThousandNumbers) {
  ORDO_VERIFIES("ORDO-MISFEED-30");
  auto one = ParseSeqRange({{"first", "7"}, {"last", "7"}}, kSeqs);
  ASSERT_TRUE(one.ok()) << one.error().message;
  EXPECT_EQ(one->first, 7);
  EXPECT_EQ(one->last, 7);
  auto most = ParseSeqRange({{"first", "1"}, {"last", "1000"}}, kSeqs);
  ASSERT_TRUE(most.ok()) << most.error().message;
  EXPECT_EQ(most->last - most->first + 1, kMaxRangeLength);
  auto top = ParseSeqRange({{"first", "999999"}, {"last", "1000000"}}, kSeqs);
  ASSERT_TRUE(top.ok()) << top.error().message;
  EXPECT_EQ(top->first, 999999);
}

TEST(SeqRangeTest, RefusesEachBadRangeNamingTheParameter) {
  ORDO_VERIFIES("ORDO-MISFEED-30");
  struct Case {
    std::map<std::string, std::string> query;
    std::string field, reason;
  } cases[] = {
      {{}, "first", "missing_parameter"},
      {{{"first", "1"}}, "last", "missing_parameter"},
      {{{"last", "1"}}, "first", "missing_parameter"},
      {{{"first", ""}, {"last", "2"}}, "first", ""},
      {{{"first", "1"}, {"last", ""}}, "last", ""},
      {{{"first", "abc"}, {"last", "2"}}, "first", ""},
      {{{"first", "0"}, {"last", "2"}}, "first", ""},
      {{{"first", "-1"}, {"last", "2"}}, "first", ""},
      {{{"first", "1"}, {"last", "1000001"}}, "last", ""},
      {{{"first", "5"}, {"last", "4"}}, "last", "invalid_range"},
      {{{"first", "1"}, {"last", "1001"}}, "last", "invalid_range"},
      {{{"first", "1"}, {"last", "2"}, {"kind", "x"}}, "kind", "unknown_parameter"},
      {{{"kind", "x"}}, "kind", "unknown_parameter"},  // before the missing ones
  };
  for (const Case& c : cases) {
    const Error e = Refusal(c.query);
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument) << e.message;
    EXPECT_EQ(e.field, c.field) << e.message;
    EXPECT_EQ(e.reason, c.reason) << e.message;
  }
}

TEST(SeqRangeTest, MessagesNameWhatTheNumbersAre) {
  ORDO_VERIFIES("ORDO-MISFEED-30");
  EXPECT_EQ(Refusal({{"first", "1"}}).message,
            "last: required, a ledger seq (a whole number from 1)");
  EXPECT_EQ(Refusal({{"first", ""}, {"last", "1"}}).message,
            "first: expected a ledger seq (a whole number from 1)");
  const RangeSpec lines{"a line number of the file (from 1)", "rows", 1'000'000'000};
  auto reversed = ParseSeqRange({{"first", "4"}, {"last", "3"}}, lines);
  ASSERT_FALSE(reversed.ok());
  EXPECT_EQ(reversed.error().message,
            "last: expected at least first and at most first + 999 (1,000 rows)");
}

}  // namespace
}  // namespace ordo::mis::http
