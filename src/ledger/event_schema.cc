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
      {"user.renamed", 1},
      {"change_request.opened", 1},  {"change_request.submitted", 1},
      {"change_request.reviewed", 1}, {"change_request.approval_signed", 1},
      {"change_request.approved", 1}, {"change_request.rejected", 1},
      {"change_request.withdrawn", 1}, {"masterdata.draft_saved", 1},
      {"masterdata.draft_withdrawn", 1}, {"signature.applied", 1},
      {"signature.failed", 1},       {"signature.policy_published", 1},
      {"signature.policy_acknowledged", 1}, {"site.settings_changed", 1},
      {"personnel.qualification_granted", 1}, {"personnel.qualification_revoked", 1},
      {"personnel.training_recorded", 1}, {"attachment.stored", 1},
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
