// The simulator's main loop (runner.h).
#include "sim/runner.h"

#include <algorithm>
#include <chrono>
#include <thread>

namespace ordo::sim {

void SleepUnlessStopped(std::int64_t ms, const std::atomic<bool>& stop) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(ms);
  while (!stop.load() && std::chrono::steady_clock::now() < end)
    std::this_thread::sleep_for(std::min(std::chrono::milliseconds(50),
                                         std::chrono::duration_cast<std::chrono::milliseconds>(
                                             end - std::chrono::steady_clock::now())));
}

bool Run(const RunOptions& options, Publisher& publisher, const std::atomic<bool>& stop,
         RunReport* report, std::string* error) {
  PlantModel model(options.plant);
  const std::int64_t start = options.plant.start_ms;
  const std::int64_t end = options.duration_ms > 0 ? start + options.duration_ms : 0;
  const auto wall_start = std::chrono::steady_clock::now();
  report->simulated_until_ms = start;
  bool ok = true;
  while (!stop.load()) {
    std::int64_t target;
    if (options.fast) {
      target = model.now_ms() + options.fast_step_ms;
    } else {
      const auto elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
                               std::chrono::steady_clock::now() - wall_start)
                               .count();
      // One whole tick past the elapsed time, so the first call gives the start.
      target = start + static_cast<std::int64_t>(static_cast<double>(elapsed) * options.speed) + 1;
    }
    if (end > 0) target = std::min(target, end);
    Stream stream = model.Advance(target);
    report->states += stream.states.size();
    report->counts += stream.counts.size();
    report->samples += stream.samples.size();
    if (!publisher.Publish(stream, stop, error)) {
      ok = error->empty();
      break;
    }
    report->simulated_until_ms = model.now_ms();
    if (end > 0 && model.now_ms() >= end) break;
    if (!options.fast) SleepUnlessStopped(1000, stop);
  }
  report->stopped = stop.load();
  publisher.Close();
  return ok;
}

}  // namespace ordo::sim
