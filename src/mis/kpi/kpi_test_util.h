// Test helpers for the KPI engine: inputs built in minutes from a fixed base time, each
// with a ledger seq of its own. Test code only.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "mis/kpi/inputs.h"
#include "mis/kpi/kpi.h"

namespace ordo::mis::testing {

// 2026-01-05T00:00:00Z.
constexpr TimeMicros kBase = 1767571200LL * 1000000;
inline TimeMicros Min(double minutes) {
  return kBase + static_cast<TimeMicros>(minutes * 60 * 1000000);
}
inline TimeMicros Sec(double seconds) { return kBase + static_cast<TimeMicros>(seconds * 1000000); }
inline constexpr double kMin = 60.0;  // seconds per minute

// Appends inputs with ledger sources seq 1, 2, ... in the order added.
class Builder {
 public:
  Inputs inputs;

  SourceRef Next() { return SourceRef::Ledger(++seq_); }
  std::int64_t last_seq() const { return seq_; }

  Builder& Node(const std::string& id, const std::string& parent, const std::string& level) {
    inputs.equipment.push_back({id, id, parent, level, Next()});
    return *this;
  }
  Builder& Cal(const std::string& scope, double from, double to, CalendarKind kind) {
    inputs.calendar.push_back({scope, Min(from), Min(to), kind, "", Next()});
    return *this;
  }
  Builder& State(const std::string& unit, double from, double to, MachineState state,
                 const std::string& reason = "", bool open = false) {
    inputs.states.push_back({unit, Min(from), Min(to), state, reason, open, Next()});
    return *this;
  }
  // A state given in seconds (for micro-stop edges).
  Builder& StateSec(const std::string& unit, double from_s, double to_s, MachineState state,
                    const std::string& reason = "", bool open = false) {
    inputs.states.push_back({unit, Sec(from_s), Sec(to_s), state, reason, open, Next()});
    return *this;
  }
  Builder& Counted(const std::string& unit, double from, double to, double total, double good,
                   double scrap, double rework, const std::string& product = "P",
                   const std::string& order = "") {
    inputs.counts.push_back(
        {unit, Min(from), Min(to), product, order, total, good, scrap, rework, Next()});
    return *this;
  }
  // An ideal cycle time, and a planned one when `planned_s` > 0.
  Builder& Cycle(const std::string& unit, const std::string& product, double ideal_s,
                 double planned_s = 0) {
    inputs.cycle_times.push_back({unit, product, ideal_s, Next()});
    if (planned_s > 0) inputs.planned_cycle_times.push_back({unit, product, planned_s, Next()});
    return *this;
  }

 private:
  std::int64_t seq_ = 0;
};

// One KPI of a request over minutes [from, to), expecting no request error.
inline Figure One(const Inputs& in, const std::string& kpi, const std::string& scope, double from,
                  double to, Profile profile = Profile::kIso22400,
                  const Policy& policy = Policy{}) {
  const ElementIndex index(in);
  KpiRequest r{{kpi}, scope, Min(from), Min(to), profile, policy};
  auto report = ComputeKpis(index, r);
  EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
  return report.ok() ? report->figures.at(0) : Figure{};
}

// Two work units of one line: U1 on an 8 h shift at availability 0.9, U2 on a 2 h shift
// at availability 0.5.
inline Builder TwoUnits() {
  Builder b;
  b.Node("L1", "", "line").Node("U1", "L1", "work_unit").Node("U2", "L1", "work_unit");
  b.Cal("U1", 0, 480, CalendarKind::kShift).Cal("U2", 0, 120, CalendarKind::kShift);
  b.State("U1", 0, 432, MachineState::kRunning).State("U1", 432, 480, MachineState::kDown);
  b.State("U2", 0, 60, MachineState::kRunning).State("U2", 60, 120, MachineState::kDown);
  return b;
}

}  // namespace ordo::mis::testing
