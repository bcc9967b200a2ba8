// The KPI engine: figures and their content, roll-ups that sum elements (never average
// ratios), policy knobs, nulls instead of impossible figures, request errors, display
// rounding, and docs/kpi.md covering the registry.
#include "mis/kpi/kpi.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "core/testing/verifies.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi/kpi_test_util.h"
#include "mis/kpi/windows.h"

namespace ordo::mis {
namespace {

using testing::Builder;
using testing::Min;
using testing::One;
using testing::TwoUnits;
using MS = MachineState;
using CK = CalendarKind;

TEST(KpiEngine, EveryFigureCarriesValueUnitElementsFormulaPolicyAndSources) {
  ORDO_VERIFIES("ORDO-MIS-62");
  Builder b = TwoUnits();
  Policy p;
  ASSERT_TRUE(ApplyPolicyOverride(&p, "policy.micro_stop_threshold_s=60").ok());
  const Figure f = One(b.inputs, "availability", "U1", 0, 480, Profile::kIso22400, p);
  ASSERT_TRUE(f.value.has_value());
  EXPECT_DOUBLE_EQ(*f.value, 0.9);
  EXPECT_EQ(f.kpi, "availability");
  EXPECT_EQ(f.profile, "iso22400");
  EXPECT_EQ(f.scope, "U1");
  EXPECT_EQ(f.from, Min(0));
  EXPECT_EQ(f.to, Min(480));
  EXPECT_EQ(f.unit, "1");
  EXPECT_EQ(f.formula, "APT / PBT");
  EXPECT_EQ(f.Element("APT"), 432 * 60.0);
  EXPECT_EQ(f.Element("PBT"), 480 * 60.0);
  EXPECT_EQ(f.policy.name, "ordo-default");
  EXPECT_EQ(f.policy.version, 1);
  EXPECT_EQ(f.policy.knobs.at("micro_stop_threshold_s"), "60");
  EXPECT_EQ(f.policy.overridden, std::vector<std::string>{"micro_stop_threshold_s"});
  // Sources: U1's shift (seq 4) and running interval (seq 6).
  ASSERT_FALSE(f.sources.empty());
  bool shift = false, running = false;
  for (const SourceRef& s : f.sources.refs()) {
    shift |= s.first <= 4 && 4 <= s.last;
    running |= s.first <= 6 && 6 <= s.last;
  }
  EXPECT_TRUE(shift);
  EXPECT_TRUE(running);
  // Times are seconds.
  const Figure npt = One(b.inputs, "npt", "U1", 0, 480);
  EXPECT_EQ(npt.unit, "s");
  EXPECT_DOUBLE_EQ(npt.value.value_or(-1), 48 * 60.0);
}

TEST(KpiEngine, RollUpSumsElementsAndNeverAveragesRatios) {
  ORDO_VERIFIES("ORDO-MIS-63");
  Builder b = TwoUnits();
  const double u1 = One(b.inputs, "availability", "U1", 0, 480).value.value_or(-1);
  const double u2 = One(b.inputs, "availability", "U2", 0, 480).value.value_or(-1);
  EXPECT_DOUBLE_EQ(u1, 0.9);
  EXPECT_DOUBLE_EQ(u2, 0.5);
  const Figure line = One(b.inputs, "availability", "L1", 0, 480);
  // (432 + 60) / (480 + 120) = 0.82, not the average 0.7.
  EXPECT_DOUBLE_EQ(line.value.value_or(-1), 0.82);
  EXPECT_NE(line.value.value_or(-1), (u1 + u2) / 2);
  EXPECT_EQ(line.Element("PBT"), 600 * 60.0);
  // Over time: a day at 0.9 over 8 h and a day at 0.5 over 2 h give 0.82 for both days.
  Builder t;
  t.Cal("", 0, 480, CK::kShift).Cal("", 1440, 1560, CK::kShift);
  t.State("U", 0, 432, MS::kRunning).State("U", 432, 480, MS::kDown);
  t.State("U", 1440, 1500, MS::kRunning).State("U", 1500, 1560, MS::kDown);
  EXPECT_DOUBLE_EQ(One(t.inputs, "availability", "U", 0, 1440).value.value_or(-1), 0.9);
  EXPECT_DOUBLE_EQ(One(t.inputs, "availability", "U", 1440, 2880).value.value_or(-1), 0.5);
  EXPECT_DOUBLE_EQ(One(t.inputs, "availability", "U", 0, 2880).value.value_or(-1), 0.82);
}

TEST(KpiEngine, ZeroDenominatorsAndMissingDataGiveNullWithAReason) {
  ORDO_VERIFIES("ORDO-MIS-64");
  // No data at all (a line node alone would be a work unit without data: all unknown).
  Builder empty;
  for (const char* kpi : {"availability", "effectiveness", "quality_ratio", "oee_index", "teep",
                          "scrap_ratio", "npt_rate", "fpy", "rty", "mtbf", "mttr", "mttf", "otd",
                          "otif", "takt_time", "lead_time", "copq_sales_ratio"}) {
    const Figure f = One(empty.inputs, kpi, "", 0, 480);
    EXPECT_FALSE(f.value.has_value()) << kpi;
    EXPECT_FALSE(f.null_reason.empty()) << kpi;
    EXPECT_FALSE(f.null_detail.empty()) << kpi;
  }
  EXPECT_EQ(One(empty.inputs, "mtbf", "", 0, 480).null_reason, "no_failures");
  EXPECT_EQ(One(empty.inputs, "availability", "", 0, 480).null_reason, "zero_denominator");
  // A work unit known to the hierarchy but without any data: all unknown time, so
  // availability 0 (losing data never improves a figure), with a gap finding.
  Builder silent;
  silent.Node("L1", "", "line").Cal("L1", 0, 480, CK::kShift);
  EXPECT_DOUBLE_EQ(One(silent.inputs, "availability", "L1", 0, 480).value.value_or(-1), 0.0);
  // Counted production without a cycle time: no performance figure, never a guess.
  Builder b = TwoUnits();
  b.Counted("U1", 0, 100, 50, 50, 0, 0, "no_cycle_time");
  const Figure eff = One(b.inputs, "effectiveness", "U1", 0, 480);
  EXPECT_FALSE(eff.value.has_value());
  EXPECT_EQ(eff.null_reason, "missing_cycle_time");
  const Figure oee = One(b.inputs, "oee", "U1", 0, 480, Profile::kPractitioner);
  EXPECT_EQ(oee.null_reason, "missing_cycle_time");
  EXPECT_DOUBLE_EQ(
      One(b.inputs, "quality", "U1", 0, 480, Profile::kPractitioner).value.value_or(-1), 1.0);
}

// 1000 parts at an ideal 2 s in 1000 s of running: performance 2 without a cap.
Builder Fast() {
  Builder b;
  b.Cal("", 0, 20, CK::kShift);
  b.StateSec("U", 0, 1000, MS::kRunning).StateSec("U", 1000, 1200, MS::kDown);
  b.Counted("U", 0, 20, 1000, 900, 100, 0, "A").Cycle("U", "A", 2, 1);
  return b;
}

TEST(KpiEngine, ProfilesDifferOnMicroStopsOnly) {
  ORDO_VERIFIES("ORDO-MIS-52", "ORDO-MIS-53", "ORDO-MIS-54");
  Builder b;
  b.Cal("", 0, 100, CK::kShift);
  b.State("U", 0, 50, MS::kRunning)
      .StateSec("U", 3000, 3060, MS::kDown)  // a 60 s micro-stop
      .State("U", 51, 90, MS::kRunning)
      .State("U", 90, 100, MS::kDown);
  b.Counted("U", 0, 100, 4000, 3800, 200, 0).Cycle("U", "P", 1);
  const auto prac = Profile::kPractitioner;
  // ISO: availability APT / PBT; practitioner: (APT + micro-stops) / PBT.
  EXPECT_DOUBLE_EQ(One(b.inputs, "availability", "U", 0, 100).value.value_or(-1), 89.0 / 100);
  EXPECT_DOUBLE_EQ(One(b.inputs, "availability", "U", 0, 100, prac).value.value_or(-1), 0.9);
  EXPECT_DOUBLE_EQ(One(b.inputs, "effectiveness", "U", 0, 100).value.value_or(-1), 4000.0 / 5340);
  EXPECT_DOUBLE_EQ(One(b.inputs, "performance", "U", 0, 100, prac).value.value_or(-1),
                   4000.0 / 5400);
  // Both OEE forms are Σ cycle time × GQ / PBT here (one product, no cap).
  EXPECT_NEAR(One(b.inputs, "oee_index", "U", 0, 100).value.value_or(-1), 3800.0 / 6000, 1e-12);
  EXPECT_NEAR(One(b.inputs, "oee", "U", 0, 100, prac).value.value_or(-1), 3800.0 / 6000, 1e-12);
  // TEEP = OEE x PBT / CT: a 200 min window holds the 100 min shift.
  EXPECT_NEAR(One(b.inputs, "teep", "U", 0, 200, prac).value.value_or(-1), 3800.0 / 12000, 1e-12);
  EXPECT_NEAR(One(b.inputs, "utilization", "U", 0, 200).value.value_or(-1), 0.5, 1e-12);
  // Profile ids: performance is no iso22400 KPI, effectiveness no practitioner one.
  EXPECT_EQ(FindKpi("performance", Profile::kIso22400), nullptr);
  EXPECT_EQ(FindKpi("effectiveness", prac), nullptr);
  EXPECT_NE(FindKpi("teep", prac), nullptr);
}

TEST(KpiEngine, PlantWideRowsCountForThePlantAndRootsOnly) {
  ORDO_VERIFIES("ORDO-MIS-60", "ORDO-MIS-59");
  Builder b;
  b.Node("S", "", "site").Node("L", "S", "line");
  b.State("X", 0, 10, MS::kRunning);  // a work unit with data, outside the hierarchy
  b.inputs.quality_costs.push_back(
      {Min(5), "", QualityCostCategory::kInternalFailure, 100, "EUR", "", b.Next()});
  b.inputs.quality_costs.push_back(
      {Min(5), "L", QualityCostCategory::kExternalFailure, 10, "EUR", "", b.Next()});
  b.inputs.orders.push_back({"O1", "c", "P", 1, "pcs", Min(5), b.Next()});
  EXPECT_DOUBLE_EQ(One(b.inputs, "copq", "", 0, 10).value.value_or(-1), 110);
  EXPECT_DOUBLE_EQ(One(b.inputs, "copq", "S", 0, 10).value.value_or(-1), 110);
  EXPECT_DOUBLE_EQ(One(b.inputs, "copq", "L", 0, 10).value.value_or(-1), 10);
  EXPECT_DOUBLE_EQ(One(b.inputs, "copq", "X", 0, 10).value.value_or(-1), 0);
  EXPECT_EQ(One(b.inputs, "otd", "S", 0, 10).Element("orders_due"), 1.0);
  EXPECT_EQ(One(b.inputs, "otd", "X", 0, 10).Element("orders_due"), 0.0);
  b.inputs.quality_costs[1].currency = "USD";
  EXPECT_EQ(One(b.inputs, "copq", "S", 0, 10).null_reason, "mixed_currency");
}

TEST(KpiEngine, PerformanceCapKnob) {
  ORDO_VERIFIES("ORDO-MIS-49");
  Builder b = Fast();
  Policy cap;
  ASSERT_TRUE(SetPolicyKnob(&cap, "performance_cap", "1").ok());
  const auto prac = Profile::kPractitioner;
  EXPECT_DOUBLE_EQ(One(b.inputs, "performance", "U", 0, 20, prac).value.value_or(-1), 2.0);
  EXPECT_DOUBLE_EQ(One(b.inputs, "performance", "U", 0, 20, prac, cap).value.value_or(-1), 1.0);
  EXPECT_DOUBLE_EQ(One(b.inputs, "effectiveness", "U", 0, 20).value.value_or(-1), 2.0);
  EXPECT_DOUBLE_EQ(
      One(b.inputs, "effectiveness", "U", 0, 20, Profile::kIso22400, cap).value.value_or(-1), 1.0);
  // oee = A x P x Q = (1000/1200) x 1 x 0.9 under the cap.
  EXPECT_DOUBLE_EQ(One(b.inputs, "oee", "U", 0, 20, prac, cap).value.value_or(-1),
                   1000.0 / 1200 * 0.9);
  EXPECT_DOUBLE_EQ(One(b.inputs, "oee", "U", 0, 20, prac).value.value_or(-1),
                   1000.0 / 1200 * 2 * 0.9);
}

TEST(KpiEngine, CycleTimeKnob) {
  ORDO_VERIFIES("ORDO-MIS-50", "ORDO-MISCT-01");
  Builder b = Fast();
  Policy planned;
  ASSERT_TRUE(SetPolicyKnob(&planned, "cycle_time", "planned").ok());
  const Figure f = One(b.inputs, "effectiveness", "U", 0, 20, Profile::kIso22400, planned);
  EXPECT_DOUBLE_EQ(f.value.value_or(-1), 1.0);  // 1000 x 1 s / 1000 s
  EXPECT_EQ(f.Element("ideal_time_pq"), 1000.0);
  EXPECT_EQ(f.policy.knobs.at("cycle_time"), "planned");
  // The sources name the planned row (seq 6), not the ideal one (seq 5); and the reverse.
  auto names = [](const Figure& figure, std::int64_t seq) {
    for (const SourceRef& s : figure.sources.refs())
      if (s.first <= seq && seq <= s.last) return true;
    return false;
  };
  EXPECT_TRUE(names(f, 6));
  EXPECT_FALSE(names(f, 5));
  const Figure ideal = One(b.inputs, "effectiveness", "U", 0, 20);
  EXPECT_TRUE(names(ideal, 5));
  EXPECT_FALSE(names(ideal, 6));
  // A planned cycle time of the unit for any product ("") serves a product without one.
  b.inputs.planned_cycle_times[0].product = "";
  b.inputs.planned_cycle_times[0].planned_cycle_time_s = 0.5;
  EXPECT_DOUBLE_EQ(
      One(b.inputs, "effectiveness", "U", 0, 20, Profile::kIso22400, planned).value.value_or(-1),
      0.5);
  // No planned cycle time for the product: null, not the ideal one.
  b.inputs.planned_cycle_times.clear();
  EXPECT_EQ(One(b.inputs, "effectiveness", "U", 0, 20, Profile::kIso22400, planned).null_reason,
            "missing_cycle_time");
  EXPECT_TRUE(One(b.inputs, "effectiveness", "U", 0, 20).value.has_value());
}

TEST(KpiEngine, PlannedStopsKnobChangesAvailability) {
  ORDO_VERIFIES("ORDO-MIS-48");
  Builder b;
  b.Cal("", 0, 480, CK::kShift).Cal("", 200, 260, CK::kBreak);
  b.State("U", 0, 200, MS::kRunning)
      .State("U", 200, 260, MS::kPlannedStop, "break")
      .State("U", 260, 480, MS::kRunning);
  Policy loss;
  ASSERT_TRUE(SetPolicyKnob(&loss, "planned_stops", "loss").ok());
  EXPECT_DOUBLE_EQ(One(b.inputs, "availability", "U", 0, 480).value.value_or(-1), 1.0);
  EXPECT_DOUBLE_EQ(
      One(b.inputs, "availability", "U", 0, 480, Profile::kIso22400, loss).value.value_or(-1),
      420.0 / 480);
}

TEST(KpiEngine, FurtherIsoRatiosAndNptCost) {
  ORDO_VERIFIES("ORDO-MIS-55", "ORDO-MIS-56");
  Builder b;
  b.Node("L", "", "line").Node("U", "L", "work_unit");
  b.Cal("", 0, 100, CK::kShift);
  b.State("U", 0, 60, MS::kRunning)
      .State("U", 60, 70, MS::kSetup)
      .State("U", 70, 80, MS::kIdle, "starved")
      .State("U", 80, 100, MS::kDown);
  b.Counted("U", 0, 100, 100, 90, 6, 4);
  b.inputs.cost_rates.push_back({"L", 120, "EUR", b.Next()});
  EXPECT_DOUBLE_EQ(One(b.inputs, "technical_efficiency", "L", 0, 100).value.value_or(-1),
                   60.0 / 70);
  EXPECT_DOUBLE_EQ(One(b.inputs, "utilization_efficiency", "L", 0, 100).value.value_or(-1),
                   60.0 / 80);
  EXPECT_DOUBLE_EQ(One(b.inputs, "setup_rate", "L", 0, 100).value.value_or(-1), 10.0 / 70);
  // NEE = APT/AUBT x effectiveness x GQ/PQ: 100 parts at 18 s ideal in 60 min running.
  b.Cycle("U", "P", 18);
  EXPECT_NEAR(One(b.inputs, "nee_index", "L", 0, 100).value.value_or(-1), 0.75 * 0.5 * 0.9, 1e-12);
  b.inputs.maintenance.push_back(
      {"U", "W1", MaintenanceKind::kCorrective, Min(80), Min(85), Min(100), "", b.Next()});
  b.inputs.maintenance.push_back(
      {"U", "W2", MaintenanceKind::kPreventive, Min(10), Min(10), Min(40), "", b.Next()});
  const Figure cmr = One(b.inputs, "corrective_maintenance_ratio", "L", 0, 100);
  EXPECT_DOUBLE_EQ(cmr.value.value_or(-1), 15.0 / 45);
  EXPECT_EQ(cmr.Element("PMT"), 30 * 60.0);
  EXPECT_DOUBLE_EQ(One(b.inputs, "scrap_ratio", "L", 0, 100).value.value_or(-1), 0.06);
  EXPECT_DOUBLE_EQ(One(b.inputs, "rework_ratio", "L", 0, 100).value.value_or(-1), 0.04);
  EXPECT_DOUBLE_EQ(One(b.inputs, "npt", "L", 0, 100).value.value_or(-1), 30 * 60.0);
  const Figure cost = One(b.inputs, "npt_cost", "L", 0, 100);
  EXPECT_DOUBLE_EQ(cost.value.value_or(-1), 0.5 * 120);  // 30 min at 120 EUR/h
  EXPECT_EQ(cost.unit, "EUR");
  b.inputs.cost_rates.clear();
  EXPECT_EQ(One(b.inputs, "npt_cost", "L", 0, 100).null_reason, "missing_cost_rate");
}

TEST(KpiEngine, RequestErrorsNameTheFieldAndComputeNothing) {
  ORDO_VERIFIES("ORDO-MIS-67");
  Builder b = TwoUnits();
  const ElementIndex index(b.inputs);
  KpiRequest r{{"availability", "performance"}, "L1", Min(0), Min(480), Profile::kIso22400, {}};
  auto bad = ComputeKpis(index, r);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().reason, "unknown_kpi");
  EXPECT_EQ(bad.error().field, "kpi");
  EXPECT_NE(bad.error().message.find("oee_index"), std::string::npos) << bad.error().message;
  r.profile = Profile::kPractitioner;
  EXPECT_TRUE(ComputeKpis(index, r).ok());
  r.to = r.from;
  auto window = ComputeKpis(index, r);
  ASSERT_FALSE(window.ok());
  EXPECT_EQ(window.error().reason, "invalid_window");
  r.to = Min(480);
  r.scope = "nowhere";
  auto scope = ComputeKpis(index, r);
  ASSERT_FALSE(scope.ok());
  EXPECT_EQ(scope.error().code, ErrorCode::kNotFound);
  EXPECT_EQ(scope.error().field, "scope");
  EXPECT_EQ(ParseProfile("iso").error().reason, "invalid_profile");
  // No KPI named: the profile's OEE set.
  r.scope = "L1";
  r.kpis.clear();
  auto set = ComputeKpis(index, r);
  ASSERT_TRUE(set.ok());
  ASSERT_EQ(set->figures.size(), 4u);
  EXPECT_EQ(set->figures[3].kpi, "oee");
}

TEST(KpiEngine, DisplayRoundsHalfUpAndFiguresStayExact) {
  ORDO_VERIFIES("ORDO-MIS-65");
  EXPECT_EQ(FormatForDisplay(0.74795, 4), "0.7480");
  EXPECT_EQ(FormatForDisplay(0.74785, 4), "0.7479");
  EXPECT_EQ(FormatForDisplay(0.74784, 4), "0.7478");
  EXPECT_EQ(FormatForDisplay(2.5, 0), "3");
  EXPECT_EQ(FormatForDisplay(-2.5, 0), "-3");
  EXPECT_EQ(FormatForDisplay(0.747936507936508, 2, true), "74.79");
  EXPECT_EQ(FormatForDisplay(0.0125, 1, true), "1.3");
  EXPECT_EQ(FormatForDisplay(std::nullopt, 2), "");
  Builder b;
  b.Cal("", 0, 3, CK::kShift).State("U", 0, 1, MS::kRunning).State("U", 1, 3, MS::kDown);
  EXPECT_DOUBLE_EQ(One(b.inputs, "availability", "U", 0, 3).value.value_or(-1), 1.0 / 3);
}

TEST(KpiEngine, DocsDefineEveryRegisteredKpi) {
  ORDO_VERIFIES("ORDO-MIS-68");
  std::ifstream file(std::string(ORDO_SOURCE_DIR) + "/docs/kpi.md");
  ASSERT_TRUE(file.good());
  std::stringstream text;
  text << file.rdbuf();
  const std::string doc = text.str();
  for (const KpiDefinition& def : KpiRegistry()) {
    EXPECT_NE(doc.find("### `" + def.id + "`"), std::string::npos) << def.id;
    EXPECT_NE(doc.find(def.formula), std::string::npos) << def.id << ": " << def.formula;
  }
  for (const std::string& knob : PolicyKnobs())
    EXPECT_NE(doc.find("`" + knob + "`"), std::string::npos) << knob;
}

}  // namespace
}  // namespace ordo::mis
