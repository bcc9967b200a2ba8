// The plant model: one 1 s tick at a time per work unit (see plant_model.h).
#include "sim/plant_model.h"

#include <cmath>

namespace ordo::sim {

namespace {

double Round(double value, double step) { return std::round(value / step) * step; }

}  // namespace

void Stream::Append(const Stream& other) {
  states.insert(states.end(), other.states.begin(), other.states.end());
  counts.insert(counts.end(), other.counts.begin(), other.counts.end());
  samples.insert(samples.end(), other.samples.begin(), other.samples.end());
}

const std::vector<std::string>& BreakdownReasons() {
  static const std::vector<std::string> kReasons = {
      "UNP-MECH-FAILURE", "UNP-ELEC-FAILURE", "UNP-JAM",           "UNP-NO-MATERIAL",
      "UNP-WAIT-QA",      "UNP-UTILITIES",    "UNP-ENV-EXCURSION", "UNP-NO-STAFF"};
  return kReasons;
}

const char* StateOfPhase(PlantModel::Phase phase) {
  switch (phase) {
    case PlantModel::Phase::kRunning:
      return "running";
    case PlantModel::Phase::kMicroStop:
    case PlantModel::Phase::kBreakdown:
      return "down";
    case PlantModel::Phase::kStarved:
      return "idle";
    case PlantModel::Phase::kSetup:
      return "setup";
  }
  return "running";
}

PlantModel::PlantModel(PlantOptions options)
    : options_(std::move(options)), now_ms_(options_.start_ms) {
  for (const auto& id : options_.work_units) {
    Unit u;
    u.id = id;
    u.random = Random(options_.seed * 0x9E3779B97F4A7C15ULL ^ HashText(id));
    Random& r = u.random;
    u.cycle_s = Round(r.Between(2.0, 12.0), 0.1);
    u.scrap_rate = r.Between(0.005, 0.04);
    u.micro_stops_per_hour = r.Between(2.0, 6.0);
    u.breakdowns_per_hour = r.Between(0.2, 0.6);
    u.starvations_per_hour = r.Between(0.2, 0.5);
    u.excursions_per_hour = r.Between(0.2, 0.5);
    u.lot_size = r.IntBetween(400, 1200);
    const double temperature = Round(r.Between(25.0, 60.0), 0.5);
    const double temperature_band = Round(r.Between(3.0, 6.0), 0.1);
    const double pressure = Round(r.Between(2.0, 8.0), 0.1);
    const double pressure_band = Round(r.Between(0.4, 1.0), 0.1);
    for (const ProcessLimits& l :
         {ProcessLimits{"temperature", "Cel", temperature, temperature - temperature_band,
                        temperature + temperature_band},
          ProcessLimits{"pressure", "bar", pressure, pressure - pressure_band,
                        pressure + pressure_band}}) {
      Drift d;
      d.limits = l;
      d.value = l.nominal;
      d.target = l.nominal;
      d.sigma = (l.high - l.low) / 2 * 0.04;
      u.drifts.push_back(d);
    }
    units_.push_back(std::move(u));
  }
}

std::vector<ProcessLimits> PlantModel::Limits(const std::string& work_unit) const {
  std::vector<ProcessLimits> out;
  for (const auto& u : units_)
    if (u.id == work_unit)
      for (const auto& d : u.drifts) out.push_back(d.limits);
  return out;
}

void PlantModel::Enter(Unit& unit, Phase phase, std::int64_t duration_s, std::int64_t t_ms,
                       const std::string& reason, Stream& out) {
  unit.phase = phase;
  unit.phase_left_s = duration_s;
  if (phase == Phase::kSetup) {
    unit.parts_in_lot = 0;
    unit.cycle_progress_s = 0;
  }
  out.states.push_back({unit.id, t_ms, StateOfPhase(phase), reason});
}

void PlantModel::Tick(Unit& u, std::int64_t t_ms, Stream& out) {
  Random& r = u.random;
  const std::int64_t since_start = t_ms - options_.start_ms;
  // Process values: sampled, then one second of drift towards the target.
  if (since_start % options_.sample_interval_ms == 0)
    for (const auto& d : u.drifts)
      out.samples.push_back({u.id, d.limits.tag, t_ms, Round(d.value, 0.01)});
  for (auto& d : u.drifts) {
    const double band = (d.limits.high - d.limits.low) / 2;
    if (d.excursion_left_s > 0) {
      if (--d.excursion_left_s == 0) d.target = d.limits.nominal;
    } else if (r.Chance(u.excursions_per_hour / 2 / 3600)) {
      d.excursion_left_s = r.IntBetween(300, 900);
      d.target = d.limits.nominal + (r.Chance(0.5) ? 1.6 : -1.6) * band;
    }
    d.value += 0.05 * (d.target - d.value) + d.sigma * r.Normal();
  }
  // Counts: the parts made since the previous count.
  if (since_start > 0 && since_start % options_.count_interval_ms == 0 && u.pending_total > 0) {
    out.counts.push_back(
        {u.id, t_ms, u.pending_total, u.pending_total - u.pending_scrap, u.pending_scrap});
    u.pending_total = 0;
    u.pending_scrap = 0;
  }
  // The state: a stop or setup ends, or a running unit stops.
  if (u.phase != Phase::kRunning) {
    if (u.phase_left_s <= 0) Enter(u, Phase::kRunning, 0, t_ms, "", out);
  } else if (u.parts_in_lot >= u.lot_size) {
    Enter(u, Phase::kSetup, r.IntBetween(300, 1200), t_ms, "", out);
  } else if (r.Chance(u.breakdowns_per_hour / 3600)) {
    const auto& reasons = BreakdownReasons();
    // A quarter of the breakdowns come without a reason: an operator assigns it later.
    std::string reason = r.Chance(0.25) ? ""
                                        : reasons[static_cast<std::size_t>(r.IntBetween(
                                              0, static_cast<std::int64_t>(reasons.size()) - 1))];
    Enter(u, Phase::kBreakdown, r.IntBetween(300, 2400), t_ms, reason, out);
  } else if (r.Chance(u.micro_stops_per_hour / 3600)) {
    Enter(u, Phase::kMicroStop, r.IntBetween(10, 100), t_ms, "", out);
  } else if (r.Chance(u.starvations_per_hour / 3600)) {
    Enter(u, Phase::kStarved, r.IntBetween(60, 600), t_ms, "starved", out);
  }
  // One second of work.
  if (u.phase == Phase::kRunning) {
    u.cycle_progress_s += 1.0;
    while (u.cycle_progress_s >= u.cycle_s) {
      u.cycle_progress_s -= u.cycle_s;
      ++u.pending_total;
      ++u.parts_in_lot;
      if (r.Chance(u.scrap_rate)) ++u.pending_scrap;
    }
  } else {
    --u.phase_left_s;
  }
}

Stream PlantModel::Advance(std::int64_t until_ms) {
  Stream out;
  if (until_ms <= now_ms_) return out;
  if (!started_) {
    started_ = true;
    for (auto& u : units_)
      Enter(u, Phase::kSetup, u.random.IntBetween(60, 600), options_.start_ms, "", out);
  }
  for (; now_ms_ < until_ms; now_ms_ += 1000)
    for (auto& u : units_) Tick(u, now_ms_, out);
  return out;
}

}  // namespace ordo::sim
