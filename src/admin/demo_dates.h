// Demo dates relative to the day `ordo init --demo` runs. The demo files (demo/) write
// every date that must lie ahead of the demo's first start (calibration and cleaning due
// dates, qualification expiry) as an offset in days from that day: `"+P40D"` is 40 days
// after it, `"-P3D"` three days before. The notation is the ISO 8601 duration in days
// with a sign; a master data date field or a qualification grant refuses it (they take
// YYYY-MM-DD only), so it can never pass into a real plant unresolved.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace ordo::admin {

// The UTC day of `now` as YYYY-MM-DD.
std::string UtcDay(TimeMicros now);

// `day` (YYYY-MM-DD) plus `days` (may be negative), as YYYY-MM-DD; nullopt when `day`
// is not a real date.
std::optional<std::string> AddDays(std::string_view day, int days);

// The offset in days of a relative demo date (`+P<n>D` or `-P<n>D`, n up to 5 digits),
// or nullopt when `text` is anything else.
std::optional<int> RelativeDemoDays(std::string_view text);

// `text` (a demo YAML file) with every quoted relative date ("+P40D") replaced by the
// quoted date it names counted from `today` (YYYY-MM-DD). Nothing else changes.
std::string ResolveDemoDates(std::string_view text, std::string_view today);

}  // namespace ordo::admin
