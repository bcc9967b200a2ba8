// The registry of event types: every type a capability records is registered once at
// start-up with its current schema version (from its payload struct, event_type.h),
// its capability and a summary. Readers pass stored payloads through Upcast so that a
// ledger written by any earlier release reads as the current shape. The chain is always
// verified on the stored (original) bytes, never on the upcast form. See
// docs/event-schema.md.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::ledger {

struct EventTypeInfo {
  std::string type;        // e.g. "logbook.entry_recorded"
  int version = 1;         // current schema version
  std::string capability;  // who records it, e.g. "logbook"
  std::string summary;     // one line, for the generated docs
};

// Registers a type. Registering the same type again with the same version is
// idempotent; with another version it is a bug and aborts. Start-up only.
void RegisterEventType(EventTypeInfo info);

template <EventPayload P>
void RegisterEventType(std::string capability, std::string summary) {
  RegisterEventType(
      EventTypeInfo{P::kType, P::kVersion, std::move(capability), std::move(summary)});
}

// Every registered type, sorted by name.
std::vector<EventTypeInfo> EventTypes();

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

// "ledger.initialized": the first entry of every ledger, naming the site's public key.
// The one event type of the platform itself; registered with the registry's creation.
struct LedgerInitialized {
  static constexpr const char* kType = "ledger.initialized";
  static constexpr int kVersion = 1;
  std::string public_key;
  std::string site;
  int format_version = 1;
};
void to_json(Json& j, const LedgerInitialized& p);
void from_json(const Json& j, LedgerInitialized& p);

// "store.restored": the first entry written after `ordo restore` put a backup in place
// (docs/operations.md, Restore). The platform's second own type.
struct StoreRestored {
  static constexpr const char* kType = "store.restored";
  static constexpr int kVersion = 1;
  std::string backup_file;           // the file restored from, as given
  std::string backup_sha256;         // SHA-256 of its bytes
  std::int64_t source_head_seq = 0;  // the backup's ledger head
  std::string source_head_hash;
  std::int64_t log_checkpoints_after_backup = 0;  // in the old checkpoint log, archived
  std::string archived_checkpoint_log;            // file name under keys/, "" if none given
};
void to_json(Json& j, const StoreRestored& p);
void from_json(const Json& j, StoreRestored& p);

}  // namespace ordo::ledger
