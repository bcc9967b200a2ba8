// LoadImportedInputs on a real SQLite store: each kind's rows as the engine's inputs, the
// lineage (file hash, line), current rows only, and the documented date conversions.
#include "mis/kpi_source/imported_inputs.h"

#include <gtest/gtest.h>

#include <map>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/imports/store/apply.h"
#include "mis/imports/store/store_fixture.h"

namespace ordo::mis::kpi_source {
namespace {

TimeMicros At(const std::string& iso) {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime(iso, &t)) << iso;
  return t;
}

class ImportedInputsTest : public imports::testing::ImportStoreTest {
 protected:
  // Imports `body` as `kind`; returns the file hash.
  std::string Apply(const std::string& kind, const std::string& body) {
    auto parsed = imports::ParseImport(*imports::FindKind(kind), imports::Format::kCsv, body);
    EXPECT_TRUE(parsed.ok());
    if (!parsed.ok()) return "";
    auto report = imports::ApplyImport(*db_, *parsed, "alice", 1);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? report->file_hash : "";
  }
  Inputs Load(const calendar::TimeZone& zone = calendar::TimeZone::Utc()) {
    auto in = LoadImportedInputs(*db_, zone);
    EXPECT_TRUE(in.ok()) << (in.ok() ? "" : in.error().message);
    return in.ok() ? *in : Inputs{};
  }
};

TEST_F(ImportedInputsTest, StatesAndCountsCarryTheirFileAndLine) {
  ORDO_VERIFIES("ORDO-MIS-70");
  const std::string states = Apply("states",
                                   "work_unit,start,end,state,reason\n"
                                   "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n"
                                   "WU1,2026-03-02T07:00:00Z,2026-03-02T07:30:00Z,down,JAM\n");
  const std::string counts =
      Apply("counts",
            "work_unit,start,end,product,order,total,good,scrap,rework\n"
            "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,P1,O1,100,95,5,\n");
  const Inputs in = Load();
  ASSERT_EQ(in.states.size(), 2u);
  EXPECT_EQ(in.states[1].state, MachineState::kDown);
  EXPECT_EQ(in.states[1].reason, "JAM");
  EXPECT_EQ(in.states[1].start, At("2026-03-02T07:00:00Z"));
  EXPECT_EQ(in.states[1].source, SourceRef::Import(states, 3));  // the header is line 1
  ASSERT_EQ(in.counts.size(), 1u);
  EXPECT_EQ(in.counts[0].total, 100);
  EXPECT_EQ(in.counts[0].good, 95);
  EXPECT_EQ(in.counts[0].scrap, 5);
  EXPECT_EQ(in.counts[0].rework, 0);
  EXPECT_EQ(in.counts[0].source, SourceRef::Import(counts, 2));
  // A corrected file supersedes line 3: only the current row is an input.
  const std::string fixed = Apply("states",
                                  "work_unit,start,end,state,reason\n"
                                  "WU1,2026-03-02T07:00:00Z,2026-03-02T07:30:00Z,setup,\n");
  const Inputs again = Load();
  ASSERT_EQ(again.states.size(), 2u);
  EXPECT_EQ(again.states[1].state, MachineState::kSetup);
  EXPECT_EQ(again.states[1].source, SourceRef::Import(fixed, 2));
}

TEST_F(ImportedInputsTest, DatesBecomeUtcDaysUnderUtcAndKindsMapAsDocumented) {
  ORDO_VERIFIES("ORDO-MIS-70");
  Apply("orders",
        "order_id,customer,product,quantity,unit,due_date\nSO-1,ACME,P1,12.5,kg,2026-03-02\n");
  Apply("sales",
        "period_start,period_end,scope,amount,currency\n2026-03-01,2026-03-31,S,1000,EUR\n");
  Apply("quality_costs",
        "date,scope,category,amount,currency,reference\n2026-03-05,S,appraisal,20,EUR,r\n");
  Apply("maintenance",
        "work_unit,work_order,kind,failure_start,repair_start,repair_end,reason\n"
        "WU1,WO-1,condition_based,,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,\n");
  const Inputs in = Load();
  ASSERT_EQ(in.orders.size(), 1u);
  EXPECT_DOUBLE_EQ(in.orders[0].quantity, 12.5);
  EXPECT_EQ(in.orders[0].due, At("2026-03-03T00:00:00Z") - 1);  // the due day's last instant
  ASSERT_EQ(in.sales.size(), 1u);
  EXPECT_EQ(in.sales[0].period_start, At("2026-03-01T00:00:00Z"));
  EXPECT_EQ(in.sales[0].period_end, At("2026-04-01T00:00:00Z"));  // period_end is inclusive
  ASSERT_EQ(in.quality_costs.size(), 1u);
  EXPECT_EQ(in.quality_costs[0].date, At("2026-03-05T00:00:00Z"));
  EXPECT_EQ(in.quality_costs[0].category, QualityCostCategory::kAppraisal);
  EXPECT_DOUBLE_EQ(in.quality_costs[0].amount, 20);
  ASSERT_EQ(in.maintenance.size(), 1u);
  EXPECT_EQ(in.maintenance[0].kind, MaintenanceKind::kPredictive);
  EXPECT_EQ(in.maintenance[0].failure_start, At("2026-03-02T06:00:00Z"));
}

TEST_F(ImportedInputsTest, CostRatesCarryTheirScopeRateAndLine) {
  ORDO_VERIFIES("ORDO-MISCOST-01");
  const std::string file =
      Apply("cost_rates", "scope,rate_per_hour,currency\n,90,EUR\nL1,120.50,EUR\n");
  Inputs in = Load();
  ASSERT_EQ(in.cost_rates.size(), 2u);
  std::map<std::string, const CostRate*> by_scope;
  for (const CostRate& r : in.cost_rates) by_scope[r.scope] = &r;
  ASSERT_TRUE(by_scope.count("") && by_scope.count("L1"));
  EXPECT_DOUBLE_EQ(by_scope[""]->per_hour, 90);
  EXPECT_DOUBLE_EQ(by_scope["L1"]->per_hour, 120.5);
  EXPECT_EQ(by_scope["L1"]->currency, "EUR");
  EXPECT_EQ(by_scope["L1"]->source, SourceRef::Import(file, 3));
  // A corrected rate supersedes the scope's: one rate per scope.
  Apply("cost_rates", "scope,rate_per_hour,currency\nL1,100,EUR\n");
  in = Load();
  ASSERT_EQ(in.cost_rates.size(), 2u);
  for (const CostRate& r : in.cost_rates)
    if (r.scope == "L1") EXPECT_DOUBLE_EQ(r.per_hour, 100);
}

TEST_F(ImportedInputsTest, PlannedCycleTimesCarryTheirKeyValueAndLineApartFromIdeal) {
  ORDO_VERIFIES("ORDO-MISCT-01");
  Apply("ideal_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU1,P1,1\n");
  const std::string file = Apply("planned_cycle_times",
                                 "work_unit,product,planned_cycle_time_s\nWU1,P1,1.25\n"
                                 "WU1,P2,0\nWU2,P1,0.9\n");
  Inputs in = Load();
  ASSERT_EQ(in.cycle_times.size(), 1u);
  EXPECT_DOUBLE_EQ(in.cycle_times[0].ideal_cycle_time_s, 1);
  ASSERT_EQ(in.planned_cycle_times.size(), 2u);  // the refused WU1/P2 is not there
  std::map<std::string, const PlannedCycleTime*> by_unit;
  for (const PlannedCycleTime& c : in.planned_cycle_times) by_unit[c.work_unit] = &c;
  ASSERT_TRUE(by_unit.count("WU1") && by_unit.count("WU2"));
  EXPECT_EQ(by_unit["WU1"]->product, "P1");
  EXPECT_DOUBLE_EQ(by_unit["WU1"]->planned_cycle_time_s, 1.25);
  EXPECT_EQ(by_unit["WU1"]->source, SourceRef::Import(file, 2));
  EXPECT_EQ(by_unit["WU2"]->source, SourceRef::Import(file, 4));
  // A corrected file supersedes by (work unit, product): one planned time per key.
  const std::string corrected =
      Apply("planned_cycle_times", "work_unit,product,planned_cycle_time_s\nWU1,P1,1.5\n");
  in = Load();
  ASSERT_EQ(in.planned_cycle_times.size(), 2u);
  for (const PlannedCycleTime& c : in.planned_cycle_times)
    if (c.work_unit == "WU1") {
      EXPECT_DOUBLE_EQ(c.planned_cycle_time_s, 1.5);
      EXPECT_EQ(c.source, SourceRef::Import(corrected, 2));
    }
}

TEST_F(ImportedInputsTest, DatesAreLocalDaysOfTheSiteTimeZone) {
  ORDO_VERIFIES("ORDO-MISTZ-13", "ORDO-MISCT-03");
  Apply("orders",
        "order_id,customer,product,quantity,unit,due_date\n"
        "SO-1,ACME,P1,1,kg,2026-03-02\nSO-2,ACME,P1,1,kg,2026-07-02\n"
        "SO-3,ACME,P1,1,kg,2026-03-02T09:00:00+01:00\n");
  Apply("sales",
        "period_start,period_end,scope,amount,currency\n2026-03-01,2026-03-31,S,1000,USD\n");
  Apply("quality_costs",
        "date,scope,category,amount,currency,reference\n2026-03-05,S,appraisal,20,USD,r\n");
  auto zone = calendar::LoadTimeZone("America/New_York", "time-zone");
  ASSERT_TRUE(zone.ok());
  const Inputs in = Load(*zone);
  // Due at the end of the local day: New York is at -05:00 in March, -04:00 in July.
  ASSERT_EQ(in.orders.size(), 3u);
  EXPECT_EQ(in.orders[0].due, At("2026-03-03T04:59:59.999999Z"));
  EXPECT_EQ(in.orders[1].due, At("2026-07-03T03:59:59.999999Z"));
  EXPECT_EQ(in.orders[0].due, zone->EndOfDay({2026, 3, 2}));
  // A due time is that instant, whatever the zone.
  EXPECT_EQ(in.orders[2].due, At("2026-03-02T08:00:00Z"));
  // March 2026 in New York: from 05:00 UTC on the 1st to 04:00 UTC on April 1 (summer
  // time since March 8).
  ASSERT_EQ(in.sales.size(), 1u);
  EXPECT_EQ(in.sales[0].period_start, At("2026-03-01T05:00:00Z"));
  EXPECT_EQ(in.sales[0].period_end, At("2026-04-01T04:00:00Z"));
  ASSERT_EQ(in.quality_costs.size(), 1u);
  EXPECT_EQ(in.quality_costs[0].date, At("2026-03-05T05:00:00Z"));
}

TEST_F(ImportedInputsTest, AnEmptyStoreGivesEmptyInputs) {
  ORDO_VERIFIES("ORDO-MIS-70");
  const Inputs in = Load();
  EXPECT_TRUE(in.states.empty());
  EXPECT_TRUE(in.equipment.empty());
  EXPECT_TRUE(in.orders.empty());
}

}  // namespace
}  // namespace ordo::mis::kpi_source
