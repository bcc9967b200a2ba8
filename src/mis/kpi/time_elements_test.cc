// Time elements: the state -> element mapping, the calendar, and the rules for bad data
// (gaps, overlaps, counts outside states, micro-stops). docs/kpi.md "Time elements".
#include "mis/kpi/time_elements.h"

#include <gtest/gtest.h>

#include <random>

#include "core/testing/verifies.h"
#include "mis/kpi/kpi_test_util.h"

namespace ordo::mis {
namespace {

using testing::Builder;
using testing::kMin;
using testing::Min;
using MS = MachineState;
using CK = CalendarKind;

ElementResult Compute(const Inputs& in, const std::string& unit, double from, double to,
                      const Policy& policy = DefaultPolicy()) {
  ElementIndex index(in);
  return ComputeUnitElements(index, unit, Min(from), Min(to), policy);
}

int CountKind(const std::vector<Finding>& findings, const std::string& kind) {
  int n = 0;
  for (const Finding& f : findings) n += f.kind == kind;
  return n;
}

const Finding* FindKind(const std::vector<Finding>& findings, const std::string& kind) {
  for (const Finding& f : findings)
    if (f.kind == kind) return &f;
  return nullptr;
}

// PBT and POT are always the sum of their parts, and nothing is negative.
void ExpectBalanced(const Elements& e) {
  EXPECT_EQ(e.PBT,
            e.APT + e.AUST + e.ADET + e.ADOT + e.unknown + e.idle_no_order + e.planned_stop_loss);
  EXPECT_EQ(e.POT, e.PBT + e.PDOT);
  EXPECT_LE(e.POT, e.CT);
  for (std::int64_t v : {e.POT, e.PDOT, e.PBT, e.APT, e.AUST, e.ADET, e.ADOT, e.unknown,
                         e.idle_no_order, e.planned_stop_loss, e.micro_stop})
    EXPECT_GE(v, 0);
}

// One shift with every state of the MES vocabulary in it.
Builder Shift() {
  Builder b;
  b.Node("L1", "", "line").Node("U1", "L1", "work_unit");
  b.Cal("L1", 0, 480, CK::kShift).Cal("L1", 120, 135, CK::kBreak);
  b.State("U1", 0, 100, MS::kRunning)
      .State("U1", 100, 120, MS::kSetup)
      .State("U1", 120, 135, MS::kPlannedStop, "break")
      .State("U1", 135, 200, MS::kRunning)
      .State("U1", 200, 230, MS::kDown, "JAM")
      .State("U1", 230, 300, MS::kRunning)
      .State("U1", 300, 310, MS::kIdle, "starved")
      .State("U1", 310, 311, MS::kDown)  // a 60 s micro-stop
      .State("U1", 311, 400, MS::kRunning)
      .State("U1", 400, 420, MS::kIdle, "no_order")
      .State("U1", 420, 430, MS::kOffline)
      // 430..450: no data at all
      .State("U1", 450, 480, MS::kRunning);
  b.Counted("U1", 0, 240, 1000, 950, 40, 10).Counted("U1", 240, 480, 1200, 1180, 20, 0);
  b.Cycle("U1", "P", 6);
  return b;
}

TEST(TimeElements, MapsEveryStateToItsElement) {
  ORDO_VERIFIES("ORDO-MIS-40");
  Builder b = Shift();
  const ElementResult r = Compute(b.inputs, "U1", 0, 480);
  const Elements& e = r.elements;
  EXPECT_DOUBLE_EQ(Seconds(e.CT), 480 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.POT), 480 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.PDOT), 15 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.PBT), 465 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.APT), (100 + 65 + 70 + 89 + 30) * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.AUST), 20 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.ADOT), 30 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.ADET), 11 * kMin);  // starved 10 + micro-stop 1
  EXPECT_DOUBLE_EQ(Seconds(e.micro_stop), 1 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.idle_no_order), 20 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.unknown), 30 * kMin);  // offline 10 + gap 20
  EXPECT_DOUBLE_EQ(Seconds(e.down), 31 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.idle), 30 * kMin);
  EXPECT_DOUBLE_EQ(e.PQ, 2200);
  EXPECT_DOUBLE_EQ(e.GQ, 2130);
  EXPECT_DOUBLE_EQ(e.SQ, 60);
  EXPECT_DOUBLE_EQ(e.RQ, 10);
  EXPECT_DOUBLE_EQ(e.ideal_time_pq, 2200 * 6);
  EXPECT_DOUBLE_EQ(e.ideal_time_gq, 2130 * 6);
  ExpectBalanced(e);
  // Sources: the down interval (seq 9: 2 nodes, 2 calendar entries, then states) is
  // behind ADOT, the break entry (seq 4) behind PDOT, the counts behind PQ.
  ASSERT_EQ(e.sources.at("ADOT").refs().size(), 1u);
  EXPECT_EQ(e.sources.at("ADOT").refs()[0], SourceRef::Ledger(9));
  bool break_in_pdot = false;
  for (const SourceRef& s : e.sources.at("PDOT").refs())
    break_in_pdot |= s.first <= 4 && 4 <= s.last;
  EXPECT_TRUE(break_in_pdot);
  EXPECT_EQ(e.sources.at("PQ").refs().size(), 1u);  // seqs 17 and 18, merged
  EXPECT_EQ(e.sources.at("PQ").refs()[0], SourceRef::Ledger(17, 18));
}

TEST(TimeElements, DrillDownListsEveryPieceOfTimeWithItsElementAndSource) {
  ORDO_VERIFIES("ORDO-MIS-40", "ORDO-MIS-62");
  Builder b = Shift();
  ElementIndex index(b.inputs);
  const ElementResult r =
      ComputeUnitElements(index, "U1", Min(0), Min(480), DefaultPolicy(), /*with_segments=*/true);
  ASSERT_FALSE(r.segments.empty());
  // The pieces tile the window, and their lengths per element are the elements.
  std::map<std::string, std::int64_t> by_element;
  TimeMicros at = Min(0);
  for (const Segment& s : r.segments) {
    EXPECT_EQ(s.start, at);
    at = s.end;
    by_element[s.element] += s.end - s.start;
  }
  EXPECT_EQ(at, Min(480));
  EXPECT_EQ(by_element["APT"], r.elements.APT);
  EXPECT_EQ(by_element["ADOT"], r.elements.ADOT);
  EXPECT_EQ(by_element["ADET"], r.elements.ADET);
  EXPECT_EQ(by_element["unknown"], r.elements.unknown);
  EXPECT_EQ(by_element["PDOT"], r.elements.PDOT);
  // The down interval 200..230 (seq 9) is one ADOT piece; the gap has no source.
  bool down = false, gap = false, micro = false;
  for (const Segment& s : r.segments) {
    if (s.element == "ADOT") {
      down = s.start == Min(200) && s.end == Min(230) && s.state == "down" && s.reason == "JAM" &&
             s.source == SourceRef::Ledger(9);
    }
    if (s.element == "unknown" && !s.source) gap = s.start == Min(430) && s.end == Min(450);
    if (s.micro_stop) micro = s.start == Min(310) && s.element == "ADET";
  }
  EXPECT_TRUE(down);
  EXPECT_TRUE(gap);
  EXPECT_TRUE(micro);
  EXPECT_EQ(CountKind(r.findings, "offline"), 1);
  EXPECT_TRUE(ComputeUnitElements(index, "U1", Min(0), Min(480), DefaultPolicy()).segments.empty());
}

TEST(TimeElements, BadIntervalsAreIgnoredAndReported) {
  ORDO_VERIFIES("ORDO-MIS-69");
  Builder b;
  b.Cal("", 0, 60, CK::kShift);
  b.State("U1", 0, 60, MS::kRunning).State("U1", 30, 20, MS::kDown);
  const ElementResult r = Compute(b.inputs, "U1", 0, 60);
  EXPECT_DOUBLE_EQ(Seconds(r.elements.APT), 60 * kMin);
  EXPECT_EQ(CountKind(r.findings, "bad_interval"), 1);
}

TEST(TimeElements, CalendarDefinesPlannedTimeAndNoDemandIsOutsideUnderEveryPolicy) {
  ORDO_VERIFIES("ORDO-MIS-41", "ORDO-MIS-48");
  Builder b;
  b.Node("U1", "", "work_unit");
  b.Cal("", 0, 480, CK::kShift)
      .Cal("U1", 60, 90, CK::kPlannedMaintenance)
      .Cal("", 200, 260, CK::kNoDemand)
      .Cal("", 300, 330, CK::kHoliday)
      .Cal("", 400, 410, CK::kBreak);
  b.State("U1", 0, 600, MS::kRunning);
  for (PlannedStops ps : {PlannedStops::kExcluded, PlannedStops::kLoss}) {
    Policy policy;
    policy.planned_stops = ps;
    const ElementResult r = Compute(b.inputs, "U1", 0, 600, policy);
    const Elements& e = r.elements;
    EXPECT_DOUBLE_EQ(Seconds(e.CT), 600 * kMin);
    EXPECT_DOUBLE_EQ(Seconds(e.POT), (480 - 60 - 30) * kMin);  // no_demand, holiday out
    if (ps == PlannedStops::kExcluded) {
      EXPECT_DOUBLE_EQ(Seconds(e.PDOT), 40 * kMin);
      EXPECT_DOUBLE_EQ(Seconds(e.APT), (390 - 40) * kMin);
      EXPECT_EQ(CountKind(r.findings, "running_in_planned_stop"), 2);
    } else {
      EXPECT_EQ(e.PDOT, 0);
      EXPECT_DOUBLE_EQ(Seconds(e.APT), 390 * kMin);  // it ran through the stops
    }
    // Running outside POT is never APT; it is reported.
    EXPECT_GE(CountKind(r.findings, "running_outside_planned_time"), 1);
    ExpectBalanced(e);
  }
}

TEST(TimeElements, PlannedStopsAsLossStayInPlannedBusyTime) {
  ORDO_VERIFIES("ORDO-MIS-48");
  Builder b;
  b.Cal("", 0, 480, CK::kShift).Cal("", 100, 130, CK::kBreak);
  b.State("U1", 0, 100, MS::kRunning)
      .State("U1", 100, 130, MS::kPlannedStop, "break")
      .State("U1", 130, 200, MS::kPlannedStop, "no_demand")
      .State("U1", 200, 480, MS::kRunning);
  Policy loss;
  loss.planned_stops = PlannedStops::kLoss;
  const Elements ex = Compute(b.inputs, "U1", 0, 480).elements;
  const Elements lo = Compute(b.inputs, "U1", 0, 480, loss).elements;
  EXPECT_DOUBLE_EQ(Seconds(ex.PDOT), 100 * kMin);  // break + no_demand
  EXPECT_DOUBLE_EQ(Seconds(lo.PDOT), 70 * kMin);   // no_demand under every policy
  EXPECT_DOUBLE_EQ(Seconds(lo.planned_stop_loss), 30 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(lo.PBT), Seconds(ex.PBT) + 30 * kMin);
  EXPECT_EQ(lo.APT, ex.APT);
  ExpectBalanced(ex);
  ExpectBalanced(lo);
}

TEST(TimeElements, UnderLossABreakIsPlannedStopLossWhateverTheIdleUnitSays) {
  ORDO_VERIFIES("ORDO-MIS-48");
  Builder b;
  b.Cal("", 0, 480, CK::kShift).Cal("", 100, 130, CK::kBreak).Cal("", 200, 230, CK::kBreak);
  b.State("U1", 0, 110, MS::kRunning)                // runs 10 min into the first break
      .State("U1", 110, 200, MS::kIdle, "no_order")  // idle through the rest of it
      .State("U1", 200, 230, MS::kDown)              // down in the second break
      .State("U1", 230, 480, MS::kRunning);
  Policy loss;
  loss.planned_stops = PlannedStops::kLoss;
  const Elements e = Compute(b.inputs, "U1", 0, 480, loss).elements;
  EXPECT_DOUBLE_EQ(Seconds(e.planned_stop_loss), 50 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.APT), 360 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.idle_no_order), 70 * kMin);
  EXPECT_EQ(e.ADOT, 0);
  EXPECT_EQ(e.down, 0);  // no NPT from a planned stop
  EXPECT_DOUBLE_EQ(Seconds(e.idle), 70 * kMin);
  ExpectBalanced(e);
}

TEST(TimeElements, GapsAreUnknownNeverRunning) {
  ORDO_VERIFIES("ORDO-MIS-42", "ORDO-MIS-69");
  Builder b;
  b.Cal("", 0, 480, CK::kShift).Cal("", 240, 270, CK::kBreak);
  b.State("U1", 0, 100, MS::kRunning).State("U1", 300, 480, MS::kRunning);
  const ElementResult r = Compute(b.inputs, "U1", 0, 480);
  EXPECT_DOUBLE_EQ(Seconds(r.elements.APT), 280 * kMin);
  // 100..300 without data, less the break (PDOT, not unknown).
  EXPECT_DOUBLE_EQ(Seconds(r.elements.unknown), 170 * kMin);
  ExpectBalanced(r.elements);
  ASSERT_EQ(CountKind(r.findings, "gap"), 2);  // 100..240 and 270..300
  const Finding* gap = FindKind(r.findings, "gap");
  EXPECT_EQ(gap->work_unit, "U1");
  EXPECT_EQ(gap->start, Min(100));
  EXPECT_EQ(gap->end, Min(240));
}

TEST(TimeElements, OverlapsAreResolvedByLatestStartAndNeverCountTwice) {
  ORDO_VERIFIES("ORDO-MIS-43", "ORDO-MIS-69");
  Builder b;
  b.Cal("", 0, 120, CK::kShift);
  b.State("U1", 0, 60, MS::kRunning)      // seq 2
      .State("U1", 30, 40, MS::kDown)     // seq 3: holds 30..40
      .State("U1", 50, 120, MS::kSetup)   // seq 4: holds from 50
      .State("U1", 50, 120, MS::kSetup);  // seq 5: a duplicate, holds (later in input)
  const ElementResult r = Compute(b.inputs, "U1", 0, 120);
  const Elements& e = r.elements;
  EXPECT_DOUBLE_EQ(Seconds(e.APT), 40 * kMin);  // 0..30 and 40..50
  EXPECT_DOUBLE_EQ(Seconds(e.ADOT), 10 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.AUST), 70 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(e.PBT), 120 * kMin);
  ExpectBalanced(e);
  ASSERT_GE(CountKind(r.findings, "overlapping_states"), 2);
  const Finding* f = FindKind(r.findings, "overlapping_states");
  EXPECT_EQ(f->start, Min(30));
  EXPECT_EQ(f->end, Min(40));
  EXPECT_EQ(f->sources.size(), 2u);
}

TEST(TimeElements, RandomOverlappingDataNeverYieldsAnImpossibleElement) {
  ORDO_VERIFIES("ORDO-MIS-43", "ORDO-MIS-64");
  std::mt19937 rng(20261201);
  std::uniform_int_distribution<int> minute(0, 600), state(0, 5), len(0, 90);
  for (int round = 0; round < 50; ++round) {
    Builder b;
    b.Cal("", 0, 480, CK::kShift).Cal("", 200, 230, CK::kBreak);
    for (int i = 0; i < 40; ++i) {
      const int s = minute(rng);
      b.State("U1", s, s + len(rng), static_cast<MS>(state(rng)), "starved");
    }
    const Elements e = Compute(b.inputs, "U1", 0, 480).elements;
    ExpectBalanced(e);
    EXPECT_LE(e.APT, e.PBT);
  }
}

TEST(TimeElements, CountsOutsideStatesAreKeptAndFlagged) {
  ORDO_VERIFIES("ORDO-MIS-44", "ORDO-MIS-69");
  Builder b;
  b.Cal("", 0, 480, CK::kShift);
  b.State("U1", 0, 100, MS::kRunning);
  b.Counted("U1", 10, 20, 5, 5, 0, 0)       // inside
      .Counted("U1", 200, 210, 7, 6, 1, 0)  // outside any state
      .Counted("U1", 300, 300, 3, 3, 0, 0)  // instantaneous, outside
      .Counted("U1", 20, 30, 10, 9, 0, 0)   // parts do not add up
      .Counted("U1", 30, 40, -1, 0, 0, 0);  // negative: left out
  const ElementResult r = Compute(b.inputs, "U1", 0, 480);
  EXPECT_DOUBLE_EQ(r.elements.PQ, 25);
  EXPECT_DOUBLE_EQ(r.elements.GQ, 23);
  EXPECT_EQ(CountKind(r.findings, "count_outside_states"), 2);
  EXPECT_EQ(CountKind(r.findings, "count_mismatch"), 1);
  EXPECT_EQ(CountKind(r.findings, "negative_count"), 1);
  const Finding* f = FindKind(r.findings, "count_outside_states");
  EXPECT_EQ(f->start, Min(200));
  ASSERT_EQ(f->sources.size(), 1u);
}

TEST(TimeElements, MicroStopsAreDelayNotDowntimeByThePolicyThreshold) {
  ORDO_VERIFIES("ORDO-MIS-45");
  Builder b;
  b.Cal("", 0, 60, CK::kShift);
  b.StateSec("U1", 0, 600, MS::kRunning)
      .StateSec("U1", 600, 719, MS::kDown)  // 119 s: micro-stop
      .StateSec("U1", 719, 1200, MS::kRunning)
      .StateSec("U1", 1200, 1320, MS::kDown)  // 120 s: downtime
      .StateSec("U1", 1320, 2000, MS::kRunning)
      .StateSec("U1", 2000, 2030, MS::kIdle, "no_order")  // 30 s: micro-stop
      .StateSec("U1", 2030, 3500, MS::kRunning)
      .StateSec("U1", 3500, 3600, MS::kDown, "", true);  // open: not a micro-stop
  const Elements e = Compute(b.inputs, "U1", 0, 60).elements;
  EXPECT_DOUBLE_EQ(Seconds(e.micro_stop), 149);
  EXPECT_DOUBLE_EQ(Seconds(e.ADET), 149);
  EXPECT_DOUBLE_EQ(Seconds(e.ADOT), 220);
  EXPECT_EQ(e.idle_no_order, 0);
  Policy p;
  ASSERT_TRUE(SetPolicyKnob(&p, "micro_stop_threshold_s", "60").ok());
  const Elements e60 = Compute(b.inputs, "U1", 0, 60, p).elements;
  EXPECT_DOUBLE_EQ(Seconds(e60.micro_stop), 30);
  EXPECT_DOUBLE_EQ(Seconds(e60.ADOT), 339);
  ExpectBalanced(e);
  ExpectBalanced(e60);
}

TEST(TimeElements, NoShiftCalendarPlansTheWholeWindowAndSaysSo) {
  ORDO_VERIFIES("ORDO-MIS-41", "ORDO-MIS-69");
  Builder b;
  b.State("U1", 0, 60, MS::kRunning);
  const ElementResult r = Compute(b.inputs, "U1", 0, 120);
  EXPECT_DOUBLE_EQ(Seconds(r.elements.POT), 120 * kMin);
  EXPECT_DOUBLE_EQ(Seconds(r.elements.unknown), 60 * kMin);
  EXPECT_EQ(CountKind(r.findings, "no_shift_calendar"), 1);
}

TEST(TimeElements, ElementsOfAdjacentWindowsAddUpToTheWhole) {
  ORDO_VERIFIES("ORDO-MIS-63");
  Builder b = Shift();
  const Elements whole = Compute(b.inputs, "U1", 0, 480).elements;
  Elements parts = Compute(b.inputs, "U1", 0, 205).elements;  // cuts the down interval
  parts += Compute(b.inputs, "U1", 205, 310.5).elements;      // and the micro-stop
  parts += Compute(b.inputs, "U1", 310.5, 480).elements;
  for (const auto& [key, value] : whole.Values()) EXPECT_DOUBLE_EQ(parts.Value(key), value) << key;
}

TEST(TimeElements, ScopeElementsAreTheSumOfItsWorkUnits) {
  ORDO_VERIFIES("ORDO-MIS-63");
  Builder b = Shift();
  b.Node("U2", "L1", "work_unit");
  b.State("U2", 0, 480, MS::kRunning).Counted("U2", 0, 480, 100, 100, 0, 0);
  ElementIndex index(b.inputs);
  const Policy p = DefaultPolicy();
  Elements sum = ComputeUnitElements(index, "U1", Min(0), Min(480), p).elements;
  sum += ComputeUnitElements(index, "U2", Min(0), Min(480), p).elements;
  const Elements line = ComputeScopeElements(index, "L1", Min(0), Min(480), p).elements;
  for (const auto& [key, value] : sum.Values()) EXPECT_DOUBLE_EQ(line.Value(key), value) << key;
  EXPECT_EQ(index.hierarchy().WorkUnitsOf("L1"), (std::vector<std::string>{"U1", "U2"}));
}

TEST(TimeElements, ValueByKeyIsTheValuesEntryAndTheBusyTimes) {
  ORDO_VERIFIES("ORDO-MIS-62");
  Builder b = Shift();
  b.Cycle("U1", "P", 2);
  const Elements e = Compute(b.inputs, "U1", 0, 480).elements;
  for (const auto& [key, value] : e.Values()) EXPECT_EQ(e.Value(key), value) << key;
  EXPECT_EQ(e.Value("AUBT"), Seconds(e.APT + e.AUST + e.ADET));
  EXPECT_EQ(e.Value("AUPT"), Seconds(e.APT + e.AUST));
  EXPECT_GT(e.Value("APT"), 0);
  EXPECT_EQ(e.Value("no_such_element"), 0);
}

}  // namespace
}  // namespace ordo::mis
