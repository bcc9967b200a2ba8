// The KPI policy: the contested conventions as named knobs, in a named, versioned policy
// that is stamped on every figure (docs/kpi.md, "Policy"). Pure values.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo::mis {

enum class PlannedStops { kExcluded, kLoss };    // breaks, planned maintenance, cleaning
enum class PerformanceCap { kNone, kOne };       // cap performance/effectiveness at 1
enum class CycleTimeBasis { kIdeal, kPlanned };  // the cycle time that performance uses
enum class MtbfBasis { kOperatingTime, kCalendarTime };
enum class FailureCount { kN, kNPlus1 };

struct Policy {
  std::string name = "ordo-default";
  int version = 1;
  PlannedStops planned_stops = PlannedStops::kExcluded;
  std::int64_t micro_stop_threshold_s = 120;
  PerformanceCap performance_cap = PerformanceCap::kNone;
  CycleTimeBasis cycle_time = CycleTimeBasis::kIdeal;
  MtbfBasis mtbf_basis = MtbfBasis::kOperatingTime;
  FailureCount failure_count = FailureCount::kN;
  std::vector<std::string> overridden;  // knobs set by an override, in the order given

  std::int64_t micro_stop_threshold_micros() const { return micro_stop_threshold_s * 1000000; }
};

// The shipped policy "ordo-default" v1 (the defaults above).
Policy DefaultPolicy();

// The knob names, in display order: planned_stops, micro_stop_threshold_s,
// performance_cap, cycle_time, mtbf_basis, failure_count.
const std::vector<std::string>& PolicyKnobs();

// Sets one knob from its text form. Errors (invalid_argument, field "policy.<knob>"):
// unknown_policy_knob (the message lists the knobs), invalid_policy_value (the message
// lists the accepted values; micro_stop_threshold_s is an integer 0..86400).
Status SetPolicyKnob(Policy* policy, std::string_view knob, std::string_view value);

// Applies an override written "policy.<knob>=<value>" (as in the KPI query). Errors as
// SetPolicyKnob, and invalid_policy_override when the text is not of that form.
Status ApplyPolicyOverride(Policy* policy, std::string_view text);

// The stamp put on every figure: name, version, each knob's value (text form), and the
// knobs overridden for this request.
struct PolicyStamp {
  std::string name;
  int version = 0;
  std::map<std::string, std::string> knobs;
  std::vector<std::string> overridden;
};
PolicyStamp StampOf(const Policy& policy);

}  // namespace ordo::mis
