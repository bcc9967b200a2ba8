// Unit tests of the recall report's renderings: CSV fields quoted per RFC 4180 and
// guarded against spreadsheet formulas; the HTML page escapes every value and is
// printable (page rules, page numbers).
#include "mes/genealogy/domain/recall_format.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::genealogy {
namespace {

RecallReport Report() {
  RecallReport r;
  r.suspect = "lot:L-<1>";
  r.suspect_material = "RM-API";
  r.generated_us = 1'764'460'800'000'000;  // 2025-11-30T00:00:00Z
  RecallItem a;
  a.node = "lot:FG-1";
  a.kind = "lot";
  a.id = "FG-1";
  a.material = "FG-PCM";
  a.status = "quarantined";
  a.quantity = 750;
  a.base_unit = "ea";
  a.location = "=HYPERLINK(\"x\")";
  a.order_id = "WO, \"1\"";
  a.depth = 2;
  r.items.push_back(a);
  RecallItem b = a;
  b.node = "serial:<script>";
  b.kind = "serial";
  b.id = "<script>alert(1)</script>";
  b.location = "A&B";
  b.order_id = "O'1";
  b.quantity = 1.5;
  r.items.push_back(b);
  return r;
}

TEST(RecallFormatTest, CsvFieldsAreQuotedAndGuardedAgainstFormulas) {
  ORDO_VERIFIES("ORDO-GEN-23", "IND-10");
  EXPECT_EQ(CsvField("FG-1"), "FG-1");
  EXPECT_EQ(CsvField(""), "");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(CsvField("=1+2"), "'=1+2");
  EXPECT_EQ(CsvField("+1"), "'+1");
  EXPECT_EQ(CsvField("-1"), "'-1");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("\tx"), "'\tx");
  EXPECT_EQ(CsvField("=A1,B1"), "\"'=A1,B1\"");
  EXPECT_EQ(CsvField("a=b"), "a=b");  // only a leading sign makes a formula
}

TEST(RecallFormatTest, CsvHasAHeaderAndOneCrlfRowPerItem) {
  ORDO_VERIFIES("ORDO-GEN-23");
  const std::string csv = RecallCsv(Report()).value();
  EXPECT_EQ(csv,
            "kind,id,material,status,quantity,unit,location,order,depth\r\n"
            "lot,FG-1,FG-PCM,quarantined,750,ea,\"'=HYPERLINK(\"\"x\"\")\",\"WO, \"\"1\"\"\",2\r\n"
            "serial,<script>alert(1)</script>,FG-PCM,quarantined,1.5,ea,A&B,O'1,2\r\n");
  RecallReport empty;
  EXPECT_EQ(RecallCsv(empty).value(),
            "kind,id,material,status,quantity,unit,location,order,depth\r\n");
}

TEST(RecallFormatTest, ATruncatedReportGetsNoCsv) {
  ORDO_VERIFIES("ORDO-GEN-29", "IND-10");
  RecallReport cut = Report();
  cut.truncated = true;
  auto csv = RecallCsv(cut);
  ASSERT_FALSE(csv.ok());
  EXPECT_EQ(csv.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(csv.error().reason, "recall_truncated");
  EXPECT_EQ(csv.error().field, "limit");
  EXPECT_NE(csv.error().message.find("lot:L-<1>"), std::string::npos) << csv.error().message;
}

TEST(RecallFormatTest, HtmlEscapesEveryValueAndIsPrintable) {
  ORDO_VERIFIES("ORDO-GEN-24", "IND-10");
  const std::string html = RecallHtml(Report());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("Recall report: lot L-&lt;1&gt;"), std::string::npos);
  EXPECT_NE(html.find("A&amp;B"), std::string::npos);
  EXPECT_NE(html.find("O&#39;1"), std::string::npos);
  EXPECT_NE(html.find("WO, &quot;1&quot;"), std::string::npos);
  EXPECT_NE(html.find("<dd data-field=\"count\">2</dd>"), std::string::npos);
  EXPECT_NE(html.find("2025-11-30T00:00:00"), std::string::npos);
  EXPECT_NE(html.find("@page"), std::string::npos);
  EXPECT_NE(html.find("counter(page)"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
  RecallReport none;
  none.suspect = "lot:L-2";
  const std::string empty = RecallHtml(none);
  EXPECT_NE(empty.find("No finished lot or serial contains this lot."), std::string::npos);
  EXPECT_EQ(empty.find("<table>"), std::string::npos);
  none.truncated = true;
  EXPECT_NE(RecallHtml(none).find("may be incomplete"), std::string::npos);
}

TEST(RecallFormatTest, TheHtmlNamesASuspectSerialASerial) {
  ORDO_VERIFIES("ORDO-GEN-30", "IND-10");
  RecallReport serial = Report();
  serial.suspect = "serial:SN-7";
  const std::string html = RecallHtml(serial);
  EXPECT_NE(html.find("<h1>Recall report: serial SN-7</h1>"), std::string::npos) << html;
  EXPECT_NE(html.find("<dt>Suspect serial</dt>"), std::string::npos) << html;
  EXPECT_NE(html.find("Forward genealogy of serial SN-7"), std::string::npos) << html;
  EXPECT_EQ(html.find(" lot SN-7"), std::string::npos) << html;
  serial.items.clear();
  EXPECT_NE(RecallHtml(serial).find("No finished lot or serial contains this serial."),
            std::string::npos);
  // A lot is still called a lot.
  const std::string lot = RecallHtml(Report());
  EXPECT_NE(lot.find("<dt>Suspect lot</dt>"), std::string::npos);
  EXPECT_NE(lot.find("Recall report: lot L-&lt;1&gt;"), std::string::npos);
}

}  // namespace
}  // namespace ordo::genealogy
