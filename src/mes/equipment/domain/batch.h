// One batch of machine data as a source sends it (POST /api/v1/equipment-data, and the
// MQTT connectors' items): decoding and checking the batch alone, before anything is
// applied. Every refusal is invalid_argument naming the field (`states[3].time`) and
// what was expected. Pure: the receive time arrives as an argument.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "mes/equipment/domain/state.h"

namespace ordo::equipment {

struct StateItem {
  std::string work_unit;
  TimeMicros device_time_us = 0;
  State state = State::kOffline;
  std::optional<std::string> reason;
};

// Increments, or counter values of a `counter: cumulative` source.
struct CountItem {
  std::string work_unit;
  TimeMicros device_time_us = 0;
  std::int64_t total = 0, good = 0, scrap = 0, rework = 0;
};

// A process value of a tag at a device time (stored by the telemetry capability through
// the sample sink, sample_sink.h).
struct SampleItem {
  std::string tag;
  TimeMicros device_time_us = 0;
  double value = 0;  // finite
};

struct Batch {
  std::string source;
  std::int64_t seq = 0;
  std::vector<StateItem> states;
  std::vector<CountItem> counts;
  std::vector<SampleItem> samples;
};

struct BatchLimits {
  std::size_t max_items = 5000;  // states + counts + samples
  // Device times before 2000-01-01T00:00:00Z or later than the receive time plus this are
  // absurd (refused); a device time further than `skew_us` from the receive time, either
  // way, is flagged (clock_skew), not refused.
  TimeMicros max_future_us = 24LL * 3600 * 1'000'000;
  TimeMicros skew_us = 300LL * 1'000'000;
};

// The largest magnitude of a sample value: 10^15 (beyond it, no process value is
// plausible; smaller values keep every double's digits exact in the telemetry file).
inline constexpr double kMaxSampleMagnitude = 1e15;

// True when `name` has the shape of a tag name: 1 to 64 characters of A-Z a-z 0-9 _ . -,
// beginning with a letter or digit (a tag name is one MQTT topic level: no '/', '+', '#').
bool IsTagName(const std::string& name);

// 2000-01-01T00:00:00Z: no machine data is older.
inline constexpr TimeMicros kEarliestDeviceTime = 946684800LL * 1'000'000;
// The largest count (increment or counter value) accepted: 10^12.
inline constexpr std::int64_t kMaxCount = 1'000'000'000'000LL;

// A device time: an ISO 8601 string with offset ("2026-11-30T08:00:00.250Z") or an
// integer of epoch milliseconds. invalid_time on field `field` otherwise, or when it is
// absurd (see BatchLimits).
Result<TimeMicros> DeviceTime(const Json& value, TimeMicros received_us, const BatchLimits& limits,
                              const std::string& field);

// Decodes `body` (a JSON object: source, seq, states, counts, samples): source 1 to 64
// characters, seq a positive integer, each array of objects, at most limits.max_items
// items in all (batch_too_large on the array that passes it), each item's fields typed
// and known: work_unit 1 to 64 characters; time (DeviceTime); state one of the six
// (invalid_state); reason a string of at most 32; counts integers 0 to kMaxCount, total
// required, good, scrap and rework default 0. With `increments` (a source whose counts are
// increments), good + scrap + rework must not exceed total (invalid_count). Samples: tag
// (IsTagName, else invalid_tag), time (DeviceTime), value a JSON number (wrong_type
// otherwise, booleans and strings too) that is finite and at most kMaxSampleMagnitude
// in magnitude (invalid_value). Refusals: wrong_type, missing_field, unknown_field,
// invalid_time, invalid_state, invalid_count, invalid_tag, invalid_value,
// batch_too_large, empty_batch (no item at all).
Result<Batch> DecodeBatch(const Json& body, bool increments, TimeMicros received_us,
                          const BatchLimits& limits = {});

// The device time minus the receive time when it is further than limits.skew_us from it
// either way (the clock_skew flag), else nullopt.
std::optional<TimeMicros> Skew(TimeMicros device_time_us, TimeMicros received_us,
                               const BatchLimits& limits = {});

// SHA-256 (hex) of the batch's canonical JSON: what (source, seq) idempotency compares.
std::string BatchHash(const Json& body);

}  // namespace ordo::equipment
