// Loading a time zone by its IANA name (e.g. "Europe/Berlin") from the system's tzdata
// (Debian package tzdata: /usr/share/zoneinfo/NAME, a TZif file; tzif.h parses it).
#pragma once

#include <string>

#include "core/result.h"
#include "mis/calendar/time_zone.h"

namespace ordo::mis::calendar {

inline constexpr const char* kZoneinfoDir = "/usr/share/zoneinfo";

// True when `name` may name a file under the zoneinfo directory: 1 to 100 characters of
// letters, digits, '_', '+', '-' and '/', not starting or ending with '/', no empty
// part, no part "." or ".." (so nothing outside the directory can be named).
bool IsValidZoneName(const std::string& name);

// The zone `name`: "UTC" is built in (no file needed); any other name is read from
// `dir`/`name`. Errors, invalid_argument on `field` (e.g. "time-zone"):
//   unknown_time_zone   a name IsValidZoneName refuses, or no such file (or not a
//                       regular file, or unreadable, or over 1 MiB); the message names
//                       the field, the name, and what a name looks like;
//   bad_time_zone_file  the file is not a valid TZif file (ParseTzif).
Result<TimeZone> LoadTimeZone(const std::string& name, const std::string& field,
                              const std::string& dir = kZoneinfoDir);

}  // namespace ordo::mis::calendar
