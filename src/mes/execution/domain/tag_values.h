// Process parameter values from telemetry tags (issue 12 section 4): which samples of a
// tag mapped to a running operation's parameter become recorded values. A 1 Hz tag must
// not put one ledger entry per second into the batch record, so a sample is recorded only
// when it says something new about the limits (docs/execution.md, "Values from tags").
// Pure: the samples, the last value recorded from the tag and the limits arrive as
// arguments.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"

namespace ordo::execution {

// Where a value lies against a parameter's limits (low and high included).
enum class LimitBand { kBelow, kWithin, kAbove };
LimitBand BandOf(double value, const std::optional<double>& low, const std::optional<double>& high);

// A sample of a tag as the rule sees it.
struct TagReading {
  TimeMicros device_time_us = 0;
  double value = 0;
};

// The last value recorded from the tag for the operation's parameter.
struct LastTagValue {
  TimeMicros occurred_us = 0;
  LimitBand band = LimitBand::kWithin;
};

// While the value stays in the same band, one value per this much device time.
inline constexpr TimeMicros kTagRecordInterval = 15LL * 60 * 1'000'000;

// Why a reading is recorded (TagOrigin::rule).
inline constexpr const char* kRuleFirst = "first";
inline constexpr const char* kRuleLimitCrossed = "limit_crossed";
inline constexpr const char* kRuleInterval = "interval";

struct SelectedReading {
  std::size_t index = 0;  // into the readings given
  std::string rule;       // kRuleFirst, kRuleLimitCrossed or kRuleInterval
};

// The readings to record, in device time order, given `last` (none: nothing recorded from
// the tag for this operation yet) and `readings` in any order. Considered are only
// readings at or after `started_us` (the operation's start) and after `last`'s time (an
// older or equal time is a value already decided on); among readings with equal times the
// first given wins. A reading is recorded when:
// - it is the first one considered and nothing was recorded yet (kRuleFirst);
// - its band differs from the band of the last recorded value (kRuleLimitCrossed): it
//   left the limits, came back into them, or jumped from below to above;
// - its time is kTagRecordInterval or more after the last recorded value (kRuleInterval).
// Each recorded reading becomes the last one for those that follow.
std::vector<SelectedReading> SelectTagReadings(const std::optional<LastTagValue>& last,
                                               const std::vector<TagReading>& readings,
                                               TimeMicros started_us,
                                               const std::optional<double>& low,
                                               const std::optional<double>& high);

}  // namespace ordo::execution
