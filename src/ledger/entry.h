// LedgerEntry: one record of the production ledger, and its canonical, hashed form.
// The byte layout that is hashed is documented in docs/ledger-format.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"

namespace ordo::ledger {

inline constexpr const char* kGenesisHash =
    "0000000000000000000000000000000000000000000000000000000000000000";

// What record an entry concerns.
struct Subject {
  std::string kind;          // e.g. "logbook_entry", "user", "session"
  std::string id;            // the record's id within its kind
  std::int64_t version = 1;  // the record's version after this entry
  bool operator==(const Subject&) const = default;
};

// Where an entry came from (DI-01, attributable): the session and the terminal. Written
// for every entry from release 0.2 on; entries of older stores have none.
struct Origin {
  // seq of the `session.login_succeeded` entry of the session the command came in; 0 = not in
  // a session (the sign-in itself, a failed sign-in, an offline CLI command).
  std::int64_t session = 0;
  std::string address;   // client IP address; "local" for offline commands on the host
  std::string terminal;  // the shared station named by `Ordo-Terminal` (or the host name
                         // for offline commands); empty = none named
  bool operator==(const Origin&) const = default;
};

// {"address":..., "session": N or null, "terminal": "..." or null}.
Json ToJson(const Origin& origin);
// Inverse of ToJson; fails naming the field.
Result<Origin> OriginFromJson(const Json& json);

struct LedgerEntry {
  std::int64_t seq = 0;    // gap-free, starts at 1
  TimeMicros time_us = 0;  // server UTC time
  std::string actor;       // user name or registered device/interface id
  std::string role;        // the role the actor acted in
  std::string type;        // event type, e.g. "logbook.entry_recorded"
  int schema_version = 1;  // version of this type's payload schema
  Subject subject;
  Json payload = Json::object();
  std::optional<std::string> reason;
  Json signatures = Json::array();  // references to electronic signature records
  std::optional<Origin> origin;     // absent only in entries written before release 0.2
  std::string prev_hash = kGenesisHash;
  std::string hash;  // SHA-256(prev_hash || canonical entry), hex
  bool operator==(const LedgerEntry&) const = default;
};

// Canonical JSON of everything in the entry except `hash`. `origin` is left out when
// absent, so entries written before it existed hash exactly as they did. The second form takes the
// payload's canonical JSON already computed (the writer stores the same bytes).
std::string CanonicalBody(const LedgerEntry& entry);
std::string CanonicalBody(const LedgerEntry& entry, const std::string& canonical_payload);
// SHA-256 hex of prev_hash (hex text) followed by CanonicalBody(entry).
std::string ComputeHash(const LedgerEntry& entry);
std::string ComputeHash(const LedgerEntry& entry, const std::string& canonical_payload);

// Reference form of CanonicalBody built through a JSON object (for tests).
std::string CanonicalBodyViaJson(const LedgerEntry& entry);

// Full JSON form used by the API feed and exports (includes hash and an ISO `time`).
Json ToJson(const LedgerEntry& entry);
// Inverse of ToJson; fails with the offending field on malformed input.
Result<LedgerEntry> FromJson(const Json& json);

}  // namespace ordo::ledger
