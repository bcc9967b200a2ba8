// Parsing a TZif file (RFC 8536, versions 1 to 4) and its footer, a POSIX TZ string, into
// a TimeZone (time_zone.h). Written from the RFC. Pure: the bytes come in, nothing is
// read from disk (zoneinfo.h loads a file by name).
//
// What is used: version 1 files, the 32-bit data; version 2 and later, the 64-bit data
// (the first, 32-bit block is skipped) and the footer for instants after the last
// transition (or all instants, when there is none). Standard/wall and UT/local
// indicators are ignored (they only matter for POSIX rules without a footer). Files
// with leap-second records ("right/" zones) are refused: their transition times are
// not UTC.
#pragma once

#include <string>
#include <string_view>

#include "core/result.h"
#include "mis/calendar/time_zone.h"

namespace ordo::mis::calendar {

// The zone `name` from the TZif bytes `data`. Every refusal is invalid_argument on
// `field`, reason bad_time_zone_file, its message naming the zone and what is wrong:
// too short or cut off, no "TZif" magic, an unknown version, counts that do not fit
// (no local time type, a type index or designation index out of range, indicator
// counts that are neither 0 nor the type count), transition times not increasing, a UTC
// offset out of range (-89999..93599 s), leap-second records, a footer without its
// newlines or that does not parse (ParsePosixTz). Never reads past `data`.
Result<TimeZone> ParseTzif(const std::string& name, std::string_view data,
                           const std::string& field);

// A POSIX TZ string as RFC 8536 section 3.3 allows it (with the version 3 extensions:
// hours up to 167 in rule times, negative rule times), e.g. "CET-1CEST,M3.5.0,M10.5.0/3",
// "<+0530>-5:30", "<+1030>-10:30<+11>-11,M10.1.0,M4.1.0". A daylight time without rules is
// refused. invalid_argument on `field`, reason bad_time_zone_file, naming the part.
Result<PosixRule> ParsePosixTz(std::string_view text, const std::string& field);

}  // namespace ordo::mis::calendar
