// Unit tests of the plant model: what it simulates, and that a seed gives one stream.
#include "sim/plant_model.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/testing/verifies.h"

namespace ordo::sim {
namespace {

const std::int64_t kStart = 1'796'025'600'000;  // 2026-12-01T00:00:00Z
const std::int64_t kHour = 3'600'000;

PlantOptions Options(std::uint64_t seed,
                     std::vector<std::string> units = {"WU-A", "WU-B", "WU-C"}) {
  PlantOptions o;
  o.work_units = std::move(units);
  o.seed = seed;
  o.start_ms = kStart;
  return o;
}

Stream Simulate(const PlantOptions& o, std::int64_t duration_ms, std::int64_t step_ms) {
  PlantModel model(o);
  Stream all;
  for (std::int64_t t = o.start_ms; t < o.start_ms + duration_ms;)
    all.Append(model.Advance(t = std::min(t + step_ms, o.start_ms + duration_ms)));
  return all;
}

TEST(PlantModel, TheSameSeedGivesTheSameStreamAndAnotherSeedAnotherOne) {
  ORDO_VERIFIES("ORDO-SIM-03");
  const Stream one = Simulate(Options(42), 8 * kHour, 60'000);
  const Stream two = Simulate(Options(42), 8 * kHour, 60'000);
  ASSERT_FALSE(one.states.empty());
  EXPECT_EQ(one.states, two.states);
  EXPECT_EQ(one.counts, two.counts);
  EXPECT_EQ(one.samples, two.samples);
  const Stream other = Simulate(Options(43), 8 * kHour, 60'000);
  EXPECT_NE(one.states, other.states);
  EXPECT_NE(one.counts, other.counts);
  EXPECT_NE(one.samples, other.samples);
}

TEST(PlantModel, TheStreamDoesNotDependOnHowTimeIsAdvancedNorOnTheOtherWorkUnits) {
  ORDO_VERIFIES("ORDO-SIM-04");
  const Stream coarse = Simulate(Options(7), 4 * kHour, 15 * 60'000);
  const Stream fine = Simulate(Options(7), 4 * kHour, 1'000);
  const Stream odd = Simulate(Options(7), 4 * kHour, 2'345);
  EXPECT_EQ(coarse.states, fine.states);
  EXPECT_EQ(coarse.counts, fine.counts);
  EXPECT_EQ(coarse.samples, fine.samples);
  EXPECT_EQ(coarse.states, odd.states);
  // WU-B alone has the stream it has among others.
  const Stream alone = Simulate(Options(7, {"WU-B"}), 4 * kHour, 60'000);
  std::vector<StateChange> b;
  std::copy_if(coarse.states.begin(), coarse.states.end(), std::back_inserter(b),
               [](const StateChange& s) { return s.work_unit == "WU-B"; });
  EXPECT_EQ(alone.states, b);
}

TEST(PlantModel, WorkUnitsCycleStopBreakDownChangeOverAndMakeScrap) {
  ORDO_VERIFIES("ORDO-SIM-01");
  PlantOptions o = Options(5, {"WU-1", "WU-2", "WU-3", "WU-4", "WU-5", "WU-6"});
  const Stream s = Simulate(o, 24 * kHour, 10 * 60'000);
  const std::set<std::string> reasons(BreakdownReasons().begin(), BreakdownReasons().end());
  std::map<std::string, int> kinds;
  std::map<std::string, const StateChange*> last;
  for (std::size_t i = 0; i < s.states.size(); ++i) {
    const StateChange& c = s.states[i];
    if (i > 0) EXPECT_LE(s.states[i - 1].time_ms, c.time_ms) << "time order";
    // Never the same state twice in a row for a work unit.
    if (last.count(c.work_unit)) EXPECT_NE(last[c.work_unit]->state, c.state) << c.time_ms;
    last[c.work_unit] = &c;
    EXPECT_TRUE(c.state == "running" || c.state == "down" || c.state == "idle" ||
                c.state == "setup")
        << c.state;
    if (c.state == "idle") EXPECT_EQ(c.reason, "starved");
    if (c.state == "down" && !c.reason.empty()) {
      EXPECT_TRUE(reasons.count(c.reason)) << c.reason;
      ++kinds["breakdown with reason"];
    }
    if (c.state == "setup") ++kinds["setup"];
    if (c.state == "idle") ++kinds["starved"];
  }
  // Down intervals: micro-stops (under 120 s, no reason) and breakdowns (5 min or more).
  for (std::size_t i = 0; i < s.states.size(); ++i) {
    const StateChange& c = s.states[i];
    if (c.state != "down") continue;
    for (std::size_t j = i + 1; j < s.states.size(); ++j) {
      if (s.states[j].work_unit != c.work_unit) continue;
      const std::int64_t length = s.states[j].time_ms - c.time_ms;
      if (length < 120'000) {
        EXPECT_TRUE(c.reason.empty());
        ++kinds["micro-stop"];
      } else {
        EXPECT_GE(length, 300'000);
        ++kinds["breakdown"];
        if (c.reason.empty()) ++kinds["breakdown without reason"];
      }
      break;
    }
  }
  for (const char* kind : {"setup", "starved", "micro-stop", "breakdown", "breakdown with reason",
                           "breakdown without reason"})
    EXPECT_GT(kinds[kind], 0) << kind;
  // Counts: increments, good + scrap = total, some scrap; parts only come while running.
  std::int64_t total = 0, scrap = 0;
  for (const Count& c : s.counts) {
    EXPECT_GT(c.total, 0);
    EXPECT_EQ(c.good + c.scrap, c.total);
    EXPECT_EQ((c.time_ms - kStart) % o.count_interval_ms, 0);
    total += c.total;
    scrap += c.scrap;
  }
  EXPECT_GT(total, 1000);
  EXPECT_GT(scrap, 0);
  EXPECT_LT(scrap * 10, total);
}

TEST(PlantModel, ProcessValuesDriftAndSometimesLeaveTheirLimits) {
  ORDO_VERIFIES("ORDO-SIM-02");
  PlantOptions o = Options(11, {"WU-1", "WU-2", "WU-3", "WU-4"});
  PlantModel model(o);
  Stream s = model.Advance(kStart + 24 * kHour);
  std::map<std::pair<std::string, std::string>, ProcessLimits> limits;
  for (const auto& wu : o.work_units)
    for (const auto& l : model.Limits(wu)) {
      EXPECT_LT(l.low, l.nominal);
      EXPECT_LT(l.nominal, l.high);
      limits[{wu, l.tag}] = l;
    }
  ASSERT_EQ(limits.size(), 8u);
  std::size_t outside = 0, inside = 0;
  std::set<double> distinct;
  for (const Sample& x : s.samples) {
    EXPECT_EQ((x.time_ms - kStart) % o.sample_interval_ms, 0);
    const ProcessLimits& l = limits.at({x.work_unit, x.tag});
    (x.value < l.low || x.value > l.high ? outside : inside)++;
    distinct.insert(x.value);
  }
  EXPECT_EQ(s.samples.size(), 8u * 24 * 360);
  EXPECT_GT(outside, 0u) << "no excursion in 24 h";
  EXPECT_GT(inside, outside * 5) << "mostly within limits";
  EXPECT_GT(distinct.size(), 100u) << "values drift";
}

TEST(PlantModel, EachWorkUnitStartsInSetupAtTheStartTime) {
  ORDO_VERIFIES("ORDO-SIM-01");
  PlantModel model(Options(3));
  EXPECT_TRUE(model.Advance(kStart).empty());  // an empty window
  Stream first = model.Advance(kStart + 1000);
  ASSERT_GE(first.states.size(), 3u);
  for (int i = 0; i < 3; ++i) {
    EXPECT_EQ(first.states[i].time_ms, kStart);
    EXPECT_EQ(first.states[i].state, "setup");
  }
  EXPECT_EQ(model.now_ms(), kStart + 1000);
}

}  // namespace
}  // namespace ordo::sim
