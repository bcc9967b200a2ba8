// The site's time zone setting (docs/mis.md, "Site time zone"): stored in the MIS store
// by `ordo-mis init --time-zone NAME` (store_info key `time_zone`; default UTC), and
// overridden for one run by `ordo-mis serve --time-zone NAME`. Serve logs the effective
// zone at start and hands it to the handlers (http/context.h) and the services
// (service.h).
#pragma once

#include <string>

#include "core/result.h"
#include "mis/calendar/time_zone.h"
#include "storage/database.h"

namespace ordo::mis::app {

inline constexpr const char* kTimeZoneKey = "time_zone";

struct SiteTimeZone {
  calendar::TimeZone zone;
  std::string source;  // "--time-zone", "the store", or "the default (UTC)"
};

// `flag` when not empty (loaded as field "time-zone"); else the store's `time_zone`
// (field "time_zone"); else UTC (stores made before the setting existed). Errors:
// LoadTimeZone's (invalid_argument unknown_time_zone or bad_time_zone_file, naming the
// field), and the store's read failure.
Result<SiteTimeZone> EffectiveTimeZone(storage::Database& db, const std::string& flag);

}  // namespace ordo::mis::app
