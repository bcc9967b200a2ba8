// The registry of event types, their current schema versions and upcasters.
#include "ledger/event_schema.h"

#include <map>
#include <utility>

#include "core/assert.h"

namespace ordo::ledger {

namespace {

struct Registry {
  std::map<std::string, EventTypeInfo> types;
  std::map<std::pair<std::string, int>, Upcaster> steps;
};

Registry& TheRegistry() {
  static Registry registry = [] {
    Registry r;
    r.types[LedgerInitialized::kType] = {LedgerInitialized::kType, LedgerInitialized::kVersion,
                                         "ledger", "The first entry: the site and its public key"};
    r.types[StoreRestored::kType] = {StoreRestored::kType, StoreRestored::kVersion, "ledger",
                                     "A backup was restored: the first entry after it"};
    return r;
  }();
  return registry;
}

}  // namespace

void to_json(Json& j, const LedgerInitialized& p) {
  j = Json{{"public_key", p.public_key}, {"site", p.site}, {"format_version", p.format_version}};
}

void from_json(const Json& j, LedgerInitialized& p) {
  j.at("public_key").get_to(p.public_key);
  j.at("site").get_to(p.site);
  j.at("format_version").get_to(p.format_version);
}

void to_json(Json& j, const StoreRestored& p) {
  j = Json{{"backup_file", p.backup_file},
           {"backup_sha256", p.backup_sha256},
           {"source_head_seq", p.source_head_seq},
           {"source_head_hash", p.source_head_hash},
           {"log_checkpoints_after_backup", p.log_checkpoints_after_backup},
           {"archived_checkpoint_log", p.archived_checkpoint_log}};
}

void from_json(const Json& j, StoreRestored& p) {
  j.at("backup_file").get_to(p.backup_file);
  j.at("backup_sha256").get_to(p.backup_sha256);
  j.at("source_head_seq").get_to(p.source_head_seq);
  j.at("source_head_hash").get_to(p.source_head_hash);
  j.at("log_checkpoints_after_backup").get_to(p.log_checkpoints_after_backup);
  j.at("archived_checkpoint_log").get_to(p.archived_checkpoint_log);
}

void RegisterEventType(EventTypeInfo info) {
  auto& r = TheRegistry();
  ORDO_ASSERT(!info.type.empty() && info.version >= 1);
  auto it = r.types.find(info.type);
  if (it != r.types.end()) {
    ORDO_ASSERT(it->second.version == info.version);
    return;
  }
  r.types.emplace(info.type, std::move(info));
}

std::vector<EventTypeInfo> EventTypes() {
  std::vector<EventTypeInfo> out;
  for (const auto& [type, info] : TheRegistry().types) out.push_back(info);
  return out;
}

int CurrentSchemaVersion(const std::string& type) {
  auto& r = TheRegistry();
  auto it = r.types.find(type);
  return it == r.types.end() ? 0 : it->second.version;
}

void RegisterUpcaster(const std::string& type, int from_version, Upcaster upcaster) {
  auto& r = TheRegistry();
  r.steps[{type, from_version}] = std::move(upcaster);
  EventTypeInfo& info = r.types[type];
  info.type = type;
  if (info.version < from_version + 1) info.version = from_version + 1;
}

Result<Json> Upcast(const std::string& type, int version, Json payload) {
  auto& r = TheRegistry();
  const int target = CurrentSchemaVersion(type);
  if (target == 0) return Error::Invalid("type", "unknown event type '" + type + "'");
  if (version > target)
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "event type '" + type + "' has schema version " + std::to_string(version) +
                           " but this release reads up to " + std::to_string(target) +
                           "; upgrade ordo");
  for (int v = version; v < target; ++v) {
    auto it = r.steps.find({type, v});
    if (it == r.steps.end())
      return Error::Make(ErrorCode::kInternal,
                         "no upcaster for '" + type + "' version " + std::to_string(v));
    payload = it->second(payload);
  }
  return payload;
}

}  // namespace ordo::ledger
