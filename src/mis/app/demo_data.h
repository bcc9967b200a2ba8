// The demo data of `ordo-mis init --demo`, for ordo's demo plant (the MES's `ordo init
// --demo`): the shift calendar the MES does not hold. Three shifts a day (early
// 06:00-14:00, late 14:00-22:00, night 22:00-06:00, local times of the site's time zone
// `zone`: 8 hours, 7 or 9 across a change of the clocks) each with a 30-minute break
// 3:45 after its start, from 7 local days before to 56 after the local day of `now`, for
// scope ACME (the
// demo enterprise: every work unit below it). The hierarchy, cycle times and machine data
// come from the MES through the ledger feed (`serve --mes`). Pure.
#pragma once

#include <string>

#include "core/clock.h"
#include "mis/calendar/time_zone.h"

namespace ordo::mis::app {

inline constexpr const char* kDemoCalendarScope = "ACME";

// The calendar as the CSV of the `calendar` import kind (docs/mis-imports.md).
std::string DemoCalendarCsv(TimeMicros now, const calendar::TimeZone& zone);

}  // namespace ordo::mis::app
