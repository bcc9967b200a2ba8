// Policy knobs: parsing, overrides and the stamp.
#include "mis/kpi/policy.h"

#include <algorithm>
#include <charconv>

namespace ordo::mis {

namespace {

Error BadValue(std::string_view knob, std::string_view value, const std::string& expected) {
  const std::string field = "policy." + std::string(knob);
  return Error::Invalid(
      field, field + ": \"" + std::string(value) + "\" is not valid; expected " + expected,
      "invalid_policy_value");
}

std::string KnobValue(const Policy& p, const std::string& knob) {
  if (knob == "planned_stops")
    return p.planned_stops == PlannedStops::kExcluded ? "excluded" : "loss";
  if (knob == "micro_stop_threshold_s") return std::to_string(p.micro_stop_threshold_s);
  if (knob == "performance_cap") return p.performance_cap == PerformanceCap::kNone ? "none" : "1";
  if (knob == "cycle_time") return p.cycle_time == CycleTimeBasis::kIdeal ? "ideal" : "planned";
  if (knob == "mtbf_basis")
    return p.mtbf_basis == MtbfBasis::kOperatingTime ? "operating_time" : "calendar_time";
  if (knob == "failure_count") return p.failure_count == FailureCount::kN ? "n" : "n_plus_1";
  return "";
}

}  // namespace

Policy DefaultPolicy() { return Policy{}; }

const std::vector<std::string>& PolicyKnobs() {
  static const std::vector<std::string> knobs = {"planned_stops",   "micro_stop_threshold_s",
                                                 "performance_cap", "cycle_time",
                                                 "mtbf_basis",      "failure_count"};
  return knobs;
}

Status SetPolicyKnob(Policy* policy, std::string_view knob, std::string_view value) {
  if (knob == "planned_stops") {
    if (value == "excluded") {
      policy->planned_stops = PlannedStops::kExcluded;
    } else if (value == "loss") {
      policy->planned_stops = PlannedStops::kLoss;
    } else {
      return BadValue(knob, value, "excluded or loss");
    }
  } else if (knob == "micro_stop_threshold_s") {
    std::int64_t seconds = -1;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
    if (ec != std::errc() || end != value.data() + value.size() || seconds < 0 || seconds > 86400) {
      return BadValue(knob, value, "a whole number of seconds from 0 to 86400");
    }
    policy->micro_stop_threshold_s = seconds;
  } else if (knob == "performance_cap") {
    if (value == "none") {
      policy->performance_cap = PerformanceCap::kNone;
    } else if (value == "1") {
      policy->performance_cap = PerformanceCap::kOne;
    } else {
      return BadValue(knob, value, "none or 1");
    }
  } else if (knob == "cycle_time") {
    if (value == "ideal") {
      policy->cycle_time = CycleTimeBasis::kIdeal;
    } else if (value == "planned") {
      policy->cycle_time = CycleTimeBasis::kPlanned;
    } else {
      return BadValue(knob, value, "ideal or planned");
    }
  } else if (knob == "mtbf_basis") {
    if (value == "operating_time") {
      policy->mtbf_basis = MtbfBasis::kOperatingTime;
    } else if (value == "calendar_time") {
      policy->mtbf_basis = MtbfBasis::kCalendarTime;
    } else {
      return BadValue(knob, value, "operating_time or calendar_time");
    }
  } else if (knob == "failure_count") {
    if (value == "n") {
      policy->failure_count = FailureCount::kN;
    } else if (value == "n_plus_1") {
      policy->failure_count = FailureCount::kNPlus1;
    } else {
      return BadValue(knob, value, "n or n_plus_1");
    }
  } else {
    std::string known;
    for (const std::string& k : PolicyKnobs()) known += (known.empty() ? "" : ", ") + k;
    const std::string field = "policy." + std::string(knob);
    return Error::Invalid(field, field + " is not a policy knob; the knobs are " + known,
                          "unknown_policy_knob");
  }
  const std::string name(knob);
  if (std::find(policy->overridden.begin(), policy->overridden.end(), name) ==
      policy->overridden.end()) {
    policy->overridden.push_back(name);
  }
  return Ok();
}

Status ApplyPolicyOverride(Policy* policy, std::string_view text) {
  constexpr std::string_view kPrefix = "policy.";
  const std::size_t eq = text.find('=');
  if (!text.starts_with(kPrefix) || eq == std::string_view::npos || eq == kPrefix.size()) {
    return Error::Invalid(
        "policy",
        "a policy override is written policy.<knob>=<value>, not \"" + std::string(text) + "\"",
        "invalid_policy_override");
  }
  return SetPolicyKnob(policy, text.substr(kPrefix.size(), eq - kPrefix.size()),
                       text.substr(eq + 1));
}

PolicyStamp StampOf(const Policy& policy) {
  PolicyStamp stamp{policy.name, policy.version, {}, policy.overridden};
  for (const std::string& knob : PolicyKnobs()) stamp.knobs[knob] = KnobValue(policy, knob);
  return stamp;
}

}  // namespace ordo::mis
