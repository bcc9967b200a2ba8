// The RFC 4180 CSV reader: quoting, line ends, BOM, blank lines and whole-file refusals.
#include "mis/imports/domain/csv_reader.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::imports {
namespace {

using Cells = std::vector<std::string>;

TEST(MisCsvReader, ReadsHeaderQuotedCellsAndDoubledQuotes) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header.cells, (Cells{"a", "b", "c"}));
  ASSERT_EQ(t->records.size(), 1u);
  EXPECT_EQ(t->records[0].cells, (Cells{"1", "x, y", "say \"hi\""}));
  EXPECT_EQ(t->records[0].line, 2);
}

TEST(MisCsvReader, CrlfLfBomAndFinalLineWithoutNewline) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("\xEF\xBB\xBFid,name\r\nA,first\r\nB,second\nC,third");
  ASSERT_TRUE(t.ok()) << t.error().message;
  EXPECT_EQ(t->header.cells, (Cells{"id", "name"}));
  ASSERT_EQ(t->records.size(), 3u);
  EXPECT_EQ(t->records[0].cells, (Cells{"A", "first"}));
  EXPECT_EQ(t->records[2].cells, (Cells{"C", "third"}));
  EXPECT_EQ(t->records[2].line, 4);
}

TEST(MisCsvReader, NewlinesInsideQuotesKeepTheRecordsStartLine) {
  ORDO_VERIFIES("ORDO-MIS-20", "ORDO-MIS-26");
  auto t = ReadCsv("id,note\nA,\"two\nlines\"\r\nB,\"three\r\nline\r\nnote\"\nC,x\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->records.size(), 3u);
  EXPECT_EQ(t->records[0].cells[1], "two\nlines");
  EXPECT_EQ(t->records[0].line, 2);
  EXPECT_EQ(t->records[1].cells[1], "three\r\nline\r\nnote");
  EXPECT_EQ(t->records[1].line, 4);
  EXPECT_EQ(t->records[2].line, 7);
}

TEST(MisCsvReader, SkipsBlankLinesButCountsThem) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("id,n\n\nA,1\n\r\n\nB,\"\"\n,\n");
  ASSERT_TRUE(t.ok()) << t.error().message;
  ASSERT_EQ(t->records.size(), 3u);
  EXPECT_EQ(t->records[0].line, 3);
  EXPECT_EQ(t->records[1].line, 6);
  EXPECT_EQ(t->records[1].cells, (Cells{"B", ""}));
  EXPECT_EQ(t->records[2].cells, (Cells{"", ""}));  // ",": two empty cells, not blank
}

TEST(MisCsvReader, KeepsEmptyLastCellAndShortRows) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("a,b,c\n1,2,\n1\n");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->records[0].cells, (Cells{"1", "2", ""}));
  EXPECT_EQ(t->records[1].cells, (Cells{"1"}));
}

TEST(MisCsvReader, UnterminatedQuoteNamesTheLineItOpenedOn) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("id,note\nA,ok\nB,\"never\nclosed\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().reason, "unterminated_quote");
  EXPECT_EQ(t.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(t.error().message.rfind("line 3:", 0), 0u) << t.error().message;
}

TEST(MisCsvReader, InvalidUtf8NamesItsLine) {
  ORDO_VERIFIES("ORDO-MIS-20");
  for (const char* bad : {"\xE9", "\xC0\xAF", "\xED\xA0\x80", "\xF5\x80\x80\x80", "\xE2\x82"}) {
    auto t = ReadCsv(std::string("id,name\nA,ok\nB,caf") + bad + "\n");
    ASSERT_FALSE(t.ok()) << bad;
    EXPECT_EQ(t.error().reason, "invalid_utf8");
    EXPECT_EQ(t.error().message.rfind("line 3:", 0), 0u) << t.error().message;
  }
  EXPECT_TRUE(ReadCsv("id,name\nA,caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n").ok());
}

TEST(MisCsvReader, StrayQuotesRefuseTheFile) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto inside = ReadCsv("id,n\nA,5\"\n");
  ASSERT_FALSE(inside.ok());
  EXPECT_EQ(inside.error().reason, "bad_quote");
  EXPECT_EQ(inside.error().message.rfind("line 2:", 0), 0u);
  auto after = ReadCsv("id,n\n\"A\"x,5\n");
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().reason, "bad_quote");
}

TEST(MisCsvReader, EmptyOrBlankFileHasNoHeader) {
  ORDO_VERIFIES("ORDO-MIS-20");
  auto t = ReadCsv("\n\r\n");
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.error().reason, "no_header");
}

}  // namespace
}  // namespace ordo::mis::imports
