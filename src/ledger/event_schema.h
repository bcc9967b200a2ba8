// Event schema versions and upcasting: every event type has a current schema version;
// readers pass stored payloads through Upcast so that a ledger written by any earlier
// release reads as the current shape. The chain is always verified on the stored
// (original) bytes, never on the upcast form. See docs/event-schema.md.
#pragma once

#include <functional>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::ledger {

// Current schema version of `type`, or 0 when the type is unknown.
int CurrentSchemaVersion(const std::string& type);

// Turns a payload of (type, version) into the payload of version + 1.
using Upcaster = std::function<Json(const Json& payload)>;

// Registers the step from `from_version` to from_version + 1 for `type`. Used at
// start-up (and by tests); not thread-safe against concurrent Upcast.
void RegisterUpcaster(const std::string& type, int from_version, Upcaster upcaster);

// Upgrades `payload` step by step to the current version of `type`. Fails when a
// step is missing or the stored version is newer than this release understands.
Result<Json> Upcast(const std::string& type, int version, Json payload);

}  // namespace ordo::ledger
