// The permissions the logbook capability defines (registered in capability.cc).
#pragma once

namespace ordo::logbook {

// Read logbook entries. Every role holds it, so it also serves as "signed in" for the
// session endpoints.
inline constexpr const char* kLogbookRead = "logbook.read";
// Record logbook entries and corrections.
inline constexpr const char* kLogbookWrite = "logbook.write";

}  // namespace ordo::logbook
