// A KPI figure as the engine returns it (issue 13 section 3): value or null with a
// reason, unit, the elements used (ISO 22400 abbreviations), the formula, the policy
// stamp and the sources. Plus the one display helper that rounds (half-up).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "mis/kpi/policy.h"
#include "mis/kpi/source_ref.h"

namespace ordo::mis {

enum class Profile { kIso22400, kPractitioner };
const char* ProfileName(Profile profile);
// invalid_argument on field "profile" (reason invalid_profile).
Result<Profile> ParseProfile(std::string_view text);

struct Figure {
  std::string kpi;
  std::string profile;  // "iso22400" or "practitioner" for profile KPIs, else ""
  std::string scope;
  TimeMicros from = 0;
  TimeMicros to = 0;
  std::optional<double> value;  // exact (never rounded); nullopt = no figure
  std::string null_reason;      // when nullopt: zero_denominator, missing_cycle_time,
                                // no_failures, mixed_currency, missing_cost_rate, no_data
  std::string null_detail;      // a sentence saying what is missing
  std::string unit;             // "1" (a fraction), "s", "units/s", "orders", a currency
  std::vector<std::pair<std::string, double>> elements;  // used, by key
  std::string formula;
  PolicyStamp policy;
  SourceSet sources;  // exact, or coarse covering ranges for large scopes (source_ref.h)

  // The element's value by key, or nullopt when not among the elements used.
  std::optional<double> Element(const std::string& key) const;
};

// Display form of a value, rounded half-up (ties away from zero) to `decimals` places;
// a ratio with as_percent=true is shown as a percentage ("74.79"). "" for nullopt.
std::string FormatForDisplay(std::optional<double> value, int decimals, bool as_percent = false);

}  // namespace ordo::mis
