// The plant model of `ordo sim`: work units that cycle, micro-stop, break down with
// DOWNTIME reasons, change over, make scrap, and whose process values (temperature,
// pressure) drift and sometimes leave their limits. Pure and deterministic: no clock, no
// I/O; the same options (seed, work units, start) give the same stream. docs/simulator.md.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/random.h"

namespace ordo::sim {

// One equipment state change, as the REST batch item: state is running, idle, setup or
// down; reason is idle's sub-reason (starved) or down's DOWNTIME code ("" = none).
struct StateChange {
  std::string work_unit;
  std::int64_t time_ms = 0;
  std::string state;
  std::string reason;
  bool operator==(const StateChange&) const = default;
};

// Parts made since the work unit's previous count (increments): good + scrap = total.
struct Count {
  std::string work_unit;
  std::int64_t time_ms = 0;
  std::int64_t total = 0, good = 0, scrap = 0;
  bool operator==(const Count&) const = default;
};

// One process value: tag is "temperature" or "pressure", value rounded to 0.01.
struct Sample {
  std::string work_unit;
  std::string tag;
  std::int64_t time_ms = 0;
  double value = 0;
  bool operator==(const Sample&) const = default;
};

// What happened in a window of simulated time, each list in time order.
struct Stream {
  std::vector<StateChange> states;
  std::vector<Count> counts;
  std::vector<Sample> samples;
  bool empty() const { return states.empty() && counts.empty() && samples.empty(); }
  std::size_t size() const { return states.size() + counts.size() + samples.size(); }
  void Append(const Stream& other);
};

// A process value's nominal value and limits (what a tag definition would hold).
struct ProcessLimits {
  std::string tag, unit;
  double nominal = 0, low = 0, high = 0;
};

// The unplanned DOWNTIME codes of the demo plant (demo/plant/reason-codes/DOWNTIME.yaml)
// a breakdown picks its reason from.
const std::vector<std::string>& BreakdownReasons();

struct PlantOptions {
  std::vector<std::string> work_units;  // ids, each simulated with its own stream
  std::uint64_t seed = 1;
  std::int64_t start_ms = 0;                // simulated time starts here (epoch ms)
  std::int64_t count_interval_ms = 60'000;  // a count per work unit at most this often
  std::int64_t sample_interval_ms = 10'000;
};

// The plant. Time advances in 1 s ticks from start_ms. Each work unit's stream depends
// only on the seed and its own id (adding a work unit does not change the others).
// Not thread-safe (a value owned by one runner).
class PlantModel {
 public:
  explicit PlantModel(PlantOptions options);

  // Everything that happens in [now_ms(), until_ms) (the first call also gives each work
  // unit's initial state at start_ms); afterwards now_ms() is until_ms rounded up to a
  // whole tick. until_ms <= now_ms() gives nothing.
  Stream Advance(std::int64_t until_ms);
  std::int64_t now_ms() const { return now_ms_; }
  const PlantOptions& options() const { return options_; }
  // The limits of a work unit's process values (fixed by the seed and its id).
  std::vector<ProcessLimits> Limits(const std::string& work_unit) const;

  // A work unit's simulated state (exposed for tests and docs).
  enum class Phase { kRunning, kMicroStop, kBreakdown, kStarved, kSetup };
  struct Drift {
    ProcessLimits limits;
    double value = 0, target = 0, sigma = 0;
    std::int64_t excursion_left_s = 0;  // > 0: the target sits outside the limits
  };
  struct Unit {
    std::string id;
    Random random{0};
    // Characteristics drawn once from the unit's stream.
    double cycle_s = 0, scrap_rate = 0;
    double micro_stops_per_hour = 0, breakdowns_per_hour = 0, starvations_per_hour = 0;
    double excursions_per_hour = 0;
    std::int64_t lot_size = 0;
    // State.
    Phase phase = Phase::kSetup;
    std::int64_t phase_left_s = 0;  // seconds until a stop or setup ends
    double cycle_progress_s = 0;
    std::int64_t parts_in_lot = 0;
    std::int64_t pending_total = 0, pending_scrap = 0;
    std::vector<Drift> drifts;
  };

 private:
  void Tick(Unit& unit, std::int64_t t_ms, Stream& out);
  void Enter(Unit& unit, Phase phase, std::int64_t duration_s, std::int64_t t_ms,
             const std::string& reason, Stream& out);

  PlantOptions options_;
  std::vector<Unit> units_;
  std::int64_t now_ms_;
  bool started_ = false;
};

// The phase's equipment state ("running", "down", "idle", "setup").
const char* StateOfPhase(PlantModel::Phase phase);

}  // namespace ordo::sim
