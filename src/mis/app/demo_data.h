// The demo data of `ordo-mis init --demo`, for ordo's demo plant (the MES's `ordo init
// --demo`): the shift calendar the MES does not hold. Three 8-hour shifts a day (early
// 06:00-14:00, late 14:00-22:00, night 22:00-06:00, UTC) each with a 30-minute break in
// its middle, from 7 days before to 56 days after the day of `now`, for scope ACME (the
// demo enterprise: every work unit below it). The hierarchy, cycle times and machine data
// come from the MES through the ledger feed (`serve --mes`). Pure.
#pragma once

#include <string>

#include "core/clock.h"

namespace ordo::mis::app {

inline constexpr const char* kDemoCalendarScope = "ACME";

// The calendar as the CSV of the `calendar` import kind (docs/mis-imports.md).
std::string DemoCalendarCsv(TimeMicros now);

}  // namespace ordo::mis::app
