// The registry of event types, their current schema versions and upcasters.
#include "ledger/event_schema.h"

#include <map>
#include <utility>

namespace ordo::ledger {

namespace {

struct Registry {
  std::map<std::string, int> current = {
      {"ledger.initialized", 1},     {"user.created", 1},
      {"user.disabled", 1},          {"session.login_succeeded", 1},
      {"session.login_failed", 1},   {"session.logged_out", 1},
      {"logbook.entry_recorded", 1}, {"logbook.entry_corrected", 1},
  };
  std::map<std::pair<std::string, int>, Upcaster> steps;
};

Registry& TheRegistry() {
  static Registry registry;
  return registry;
}

}  // namespace

int CurrentSchemaVersion(const std::string& type) {
  auto& r = TheRegistry();
  auto it = r.current.find(type);
  return it == r.current.end() ? 0 : it->second;
}

void RegisterUpcaster(const std::string& type, int from_version, Upcaster upcaster) {
  auto& r = TheRegistry();
  r.steps[{type, from_version}] = std::move(upcaster);
  int& current = r.current[type];
  if (current < from_version + 1) current = from_version + 1;
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
