// The plant kinds (equipment, calendar, states, counts, ideal_cycle_times,
// planned_cycle_times) good and bad,
// and the header rules every kind shares.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/imports/domain/import_test_util.h"

namespace ordo::mis::imports {
namespace {

using testing::MustParse;
using testing::Refusals;
using testing::Strings;

TEST(MisImportKinds, TheElevenKindsWithTheIssuesColumnsCostRatesAndPlannedCycleTimes) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MISCOST-01", "ORDO-MISCT-01");
  const std::vector<std::pair<std::string, std::string>> expected = {
      {"equipment", "id, name, parent, level"},
      {"calendar", "scope, start, end, kind, label"},
      {"states", "work_unit, start, end, state, reason"},
      {"counts", "work_unit, start, end, product, order, total, good, scrap, rework"},
      {"ideal_cycle_times", "work_unit, product, ideal_cycle_time_s"},
      {"orders", "order_id, customer, product, quantity, unit, due_date"},
      {"shipments", "order_id, shipped_at, quantity"},
      {"maintenance",
       "work_unit, work_order, kind, failure_start, repair_start, repair_end, reason"},
      {"quality_costs", "date, scope, category, amount, currency, reference"},
      {"sales", "period_start, period_end, scope, amount, currency"},
      {"operation_yields",
       "order, operation, work_unit, completed_at, units_in, good_first_pass, reworked, "
       "scrapped"},
      {"cost_rates", "scope, rate_per_hour, currency"},
      {"planned_cycle_times", "work_unit, product, planned_cycle_time_s"}};
  ASSERT_EQ(Kinds().size(), expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    EXPECT_EQ(Kinds()[i].name, expected[i].first);
    EXPECT_EQ(Kinds()[i].ColumnNames(), expected[i].second);
    EXPECT_EQ(Kinds()[i].table, "import_" + expected[i].first);
    for (const auto& key : Kinds()[i].key) {  // a key cell is never NULL
      const int c = Kinds()[i].Column(key);
      ASSERT_GE(c, 0) << key;
      const ColumnSpec& col = Kinds()[i].columns[c];
      EXPECT_TRUE(col.required || col.type == ColumnType::kText) << Kinds()[i].name << key;
    }
  }
  EXPECT_EQ(FindKind("nope"), nullptr);
}

TEST(MisImportKinds, HeaderMissingARequiredColumnRefusesTheFile) {
  ORDO_VERIFIES("ORDO-MIS-22");
  auto r = ParseImport(*FindKind("states"), Format::kCsv, "work_unit,state,reason\nWU1,running,\n");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "missing_column");
  EXPECT_EQ(r.error().field, "start");
  EXPECT_NE(r.error().message.find("start, end"), std::string::npos) << r.error().message;
}

TEST(MisImportKinds, UnknownAndDuplicateColumnsRefuseTheFile) {
  ORDO_VERIFIES("ORDO-MIS-22");
  auto unknown =
      ParseImport(*FindKind("equipment"), Format::kCsv, "id,name,parnet,level\nS1,Site,,site\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, "unknown_column");
  EXPECT_EQ(unknown.error().field, "parnet");
  auto twice = ParseImport(*FindKind("equipment"), Format::kCsv, "id,level,id\nE,site,E\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().reason, "duplicate_column");
  auto none = ParseImport(*FindKind("equipment"), Format::kCsv, "id,level\n\n");
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().reason, "no_rows");
}

TEST(MisImportKinds, OptionalColumnsMayBeLeftOutAndColumnsComeInAnyOrder) {
  ORDO_VERIFIES("ORDO-MIS-22");
  auto p = MustParse("equipment", "level,id\nenterprise,ACME\n");
  ASSERT_EQ(p.rows.size(), 1u);
  EXPECT_TRUE(p.rows[0].errors.empty()) << ::testing::PrintToString(Refusals(p.rows[0]));
  RowView row(*p.spec, p.rows[0].values);
  EXPECT_EQ(row.Text("id"), "ACME");
  EXPECT_EQ(row.Text("name"), "");
}

TEST(MisImportKinds, Equipment) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-25", "ORDO-MIS-26");
  auto p = MustParse("equipment",
                     "id,name,parent,level\n"
                     "ACME,Acme,,enterprise\n"
                     "S1,Site 1,ACME,site\n"
                     "L1,Line,S1,work_centre\n"  // misspelt level
                     "X,,X,area\n"               // its own parent
                     "E2,,S1,enterprise\n"       // enterprise with a parent
                     "A1,,,area\n"               // no parent below enterprise
                     ",nameless,S1,area\n");
  ASSERT_EQ(p.rows.size(), 7u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"level:bad_enum"}));
  EXPECT_EQ(p.rows[2].errors[0].line, 4);
  EXPECT_NE(p.rows[2].errors[0].message.find("work_center"), std::string::npos);
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"parent:self_parent"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"parent:parent_forbidden"}));
  EXPECT_EQ(Refusals(p.rows[5]), (Strings{"parent:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[6]), (Strings{"id:missing_value"}));
}

TEST(MisImportKinds, Calendar) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-23", "ORDO-MIS-25");
  auto p = MustParse("calendar",
                     "scope,start,end,kind,label\n"
                     "L1,2026-03-02T06:00:00+01:00,2026-03-02T14:00:00+01:00,shift,Early\n"
                     "L1,2026-03-02T10:00:00+01:00,2026-03-02T10:30:00+01:00,break,\n"
                     "L1,2026-03-02T14:00:00+01:00,2026-03-02T14:00:00+01:00,shift,Late\n"
                     "L1,2026-03-03T06:00:00,2026-03-03T14:00:00+01:00,shift,\n"
                     "L1,2026-03-04T06:00:00Z,2026-03-04T14:00:00Z,lunch,\n"
                     "S1,2026-12-25T00:00:00+01:00,2026-12-26T00:00:00+01:00,holiday,Xmas\n");
  ASSERT_EQ(p.rows.size(), 6u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"end:end_before_start"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"start:time_without_offset"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"kind:bad_enum"}));
  EXPECT_TRUE(p.rows[5].errors.empty());
  RowView row(*p.spec, p.rows[0].values);
  EXPECT_EQ(*row.Int("end") - *row.Int("start"), 8LL * 3600 * 1000000);
}

TEST(MisImportKinds, StatesInTheMesVocabulary) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-25");
  const std::string t0 = "2026-03-02T06:00:00Z", t1 = "2026-03-02T07:00:00Z";
  auto row = [&](const std::string& start, const std::string& state, const std::string& reason) {
    return "WU1," + start + "," + t1 + "," + state + "," + reason + "\n";
  };
  auto p =
      MustParse("states", "work_unit,start,end,state,reason\n" + row(t0, "running", "") +
                              row("2026-03-02T06:01:00Z", "idle", "starved") +
                              row("2026-03-02T06:02:00Z", "down", "JAM") +
                              row("2026-03-02T06:03:00Z", "down", "") +
                              row("2026-03-02T06:04:00Z", "planned_stop", "break") +
                              row("2026-03-02T06:05:00Z", "idle", "") +
                              row("2026-03-02T06:06:00Z", "planned_stop", "lunch") +
                              row("2026-03-02T06:07:00Z", "running", "fast") +
                              row("2026-03-02T06:08:00Z", "stopped", "") + row(t1, "setup", ""));
  ASSERT_EQ(p.rows.size(), 10u);
  for (int i : {0, 1, 2, 3, 4}) EXPECT_TRUE(p.rows[i].errors.empty()) << i;
  EXPECT_EQ(Refusals(p.rows[5]), (Strings{"reason:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[6]), (Strings{"reason:bad_reason"}));
  EXPECT_EQ(Refusals(p.rows[7]), (Strings{"reason:reason_not_allowed"}));
  EXPECT_EQ(Refusals(p.rows[8]), (Strings{"state:bad_enum"}));
  EXPECT_EQ(Refusals(p.rows[9]), (Strings{"end:end_before_start"}));
}

TEST(MisImportKinds, Counts) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-24", "ORDO-MIS-25");
  const std::string w = "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,";
  auto p = MustParse("counts", "work_unit,start,end,product,order,total,good,scrap,rework\n" + w +
                                   "P1,O1,100,95,3,2\n" + w + "P1,O2,100,95,,\n" + w +
                                   "P1,O3,100,95,5,1\n" + w + "P1,O4,-1,0,0,0\n" + w +
                                   "P1,O5,10,,0,0\n" + w + "P1,O6,ten,9,0,0\n");
  ASSERT_EQ(p.rows.size(), 6u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  RowView defaults(*p.spec, p.rows[1].values);
  EXPECT_EQ(defaults.Int("scrap"), 0);
  EXPECT_EQ(defaults.Int("rework"), 0);
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"total:counts_exceed_total"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"total:negative_number"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"good:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[5]), (Strings{"total:bad_number"}));
}

TEST(MisImportKinds, IdealCycleTimes) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-24");
  auto p = MustParse("ideal_cycle_times",
                     "work_unit,product,ideal_cycle_time_s\nWU1,P1,1.20\nWU1,P2,0\nWU1,,2\n");
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_EQ(RowView(*p.spec, p.rows[0].values).Text("ideal_cycle_time_s"), "1.2");
  EXPECT_EQ(Refusals(p.rows[1]), (Strings{"ideal_cycle_time_s:not_positive"}));
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"product:missing_value"}));
}

TEST(MisImportKinds, PlannedCycleTimes) {
  ORDO_VERIFIES("ORDO-MISCT-01", "ORDO-MIS-24");
  auto p = MustParse("planned_cycle_times",
                     "work_unit,product,planned_cycle_time_s\nWU1,P1,1.50\nWU1,P2,0\nWU1,,2\n"
                     ",P3,2\nWU1,P4,-1\nWU1,P5,fast\n");
  ASSERT_EQ(p.rows.size(), 6u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_EQ(RowView(*p.spec, p.rows[0].values).Text("planned_cycle_time_s"), "1.5");
  EXPECT_EQ(Refusals(p.rows[1]), (Strings{"planned_cycle_time_s:not_positive"}));
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"product:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"work_unit:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"planned_cycle_time_s:negative_number"}));
  EXPECT_EQ(Refusals(p.rows[5]), (Strings{"planned_cycle_time_s:bad_number"}));
  for (const ParsedRow& row : p.rows)
    for (const RowError& e : row.errors)
      EXPECT_NE(e.message.find(e.field), std::string::npos) << e.message;
  // The ideal cycle time's column is not one of this kind's: the file is refused.
  auto wrong = ParseImport(*FindKind("planned_cycle_times"), Format::kCsv,
                           "work_unit,product,ideal_cycle_time_s\nWU1,P1,1\n");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason, "unknown_column");
  EXPECT_EQ(wrong.error().field, "ideal_cycle_time_s");
}

TEST(MisImportKinds, WrongColumnCountRefusesTheRowOnly) {
  ORDO_VERIFIES("ORDO-MIS-26");
  auto p = MustParse("ideal_cycle_times",
                     "work_unit,product,ideal_cycle_time_s\nWU1,P1\nWU1,P2,1,extra\nWU1,P3,1\n");
  ASSERT_EQ(p.rows.size(), 3u);
  EXPECT_EQ(Refusals(p.rows[0]), (Strings{"row:wrong_column_count"}));
  EXPECT_EQ(Refusals(p.rows[1]), (Strings{"row:wrong_column_count"}));
  EXPECT_EQ(p.rows[1].errors[0].line, 3);
  EXPECT_TRUE(p.rows[2].errors.empty());
}

}  // namespace
}  // namespace ordo::mis::imports
