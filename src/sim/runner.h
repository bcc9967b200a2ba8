// Runs the plant model against a publisher: in real-time mode simulated time follows the
// wall clock (times --speed); in fast mode it runs as fast as the publisher takes it (for
// tests). Stops at the end of the duration or when `stop` is set (SIGINT/SIGTERM).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

#include "sim/plant_model.h"

namespace ordo::sim {

// Where the stream goes (REST, MQTT JSON topics, Sparkplug B).
class Publisher {
 public:
  virtual ~Publisher() = default;
  // Delivers `stream` (may be empty: a chance to keep a session alive). Retries transient
  // failures (connection refused, 5xx, 429) until delivered or `stop` is set. False with
  // *error on a failure retrying cannot mend (a refusal) or when stopped while retrying
  // (*error empty then).
  virtual bool Publish(const Stream& stream, const std::atomic<bool>& stop, std::string* error) = 0;
  // A clean end (flush, NDEATH, disconnect). Called once after the last Publish.
  virtual void Close() {}
};

struct RunOptions {
  PlantOptions plant;
  std::int64_t duration_ms = 0;         // simulated; 0 = until stopped (real-time mode only)
  bool fast = false;                    // no pacing by the wall clock
  double speed = 1.0;                   // real-time mode: simulated seconds per wall second
  std::int64_t fast_step_ms = 300'000;  // fast mode: simulated time per Publish
};

struct RunReport {
  std::int64_t simulated_until_ms = 0;
  std::size_t states = 0, counts = 0, samples = 0;
  bool stopped = false;  // by `stop`, not by the end of the duration
};

// Runs until the duration ends or `stop` is set; then Close(). False with *error when the
// publisher failed (Close() is still called).
bool Run(const RunOptions& options, Publisher& publisher, const std::atomic<bool>& stop,
         RunReport* report, std::string* error);

// Sleeps up to `ms` in short slices, returning early when `stop` is set.
void SleepUnlessStopped(std::int64_t ms, const std::atomic<bool>& stop);

}  // namespace ordo::sim
