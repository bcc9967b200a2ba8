// The names the server records as the actor of its own ledger entries. No user may be
// called by one of them, so that an entry by the server can never be mistaken for one by
// a person (DI-01, attributable).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo::access {

// The actor of entries the server writes for itself (`ordo init`: ledger.initialized,
// the first users, the default signature policy).
inline constexpr const char* kSystemActor = "system";
// The actor of entries written before anyone signed in (session.login_failed).
inline constexpr const char* kAnonymousActor = "anonymous";

// Every actor name the server uses for itself, lower case. A new one must be added here.
// (The offline CLI's "cli:<login>" cannot clash: ':' is not allowed in a login name.)
const std::vector<std::string>& ReservedNames();

// True when `name`, ignoring case and surrounding spaces, is one of ReservedNames().
bool IsReservedName(std::string_view name);

}  // namespace ordo::access
