// Which master data version is in force at a time, and each version's derived status
// (see effectivity.h and docs/masterdata.md section 2).
#include "mes/masterdata/domain/effectivity.h"

namespace ordo::masterdata {

std::optional<std::int64_t> EffectiveVersion(const std::vector<VersionFacts>& versions,
                                             TimeMicros now) {
  const VersionFacts* best = nullptr;
  for (const auto& v : versions) {
    if (v.state != VersionState::kApproved || !v.effective_from || *v.effective_from > now)
      continue;
    if (best == nullptr || *v.effective_from > *best->effective_from ||
        (*v.effective_from == *best->effective_from && v.version > best->version))
      best = &v;
  }
  if (best == nullptr) return std::nullopt;
  return best->version;
}

std::vector<std::string> DeriveStatuses(const std::vector<VersionFacts>& versions, TimeMicros now) {
  const auto in_force = EffectiveVersion(versions, now);
  std::vector<std::string> statuses;
  statuses.reserve(versions.size());
  for (const auto& v : versions) {
    if (v.state != VersionState::kApproved) {
      statuses.push_back(ToString(v.state));
    } else if (!v.effective_from || *v.effective_from > now) {
      // An approved version without effective_from (not expected) has not taken effect.
      statuses.push_back("approved");
    } else if (in_force && v.version == *in_force) {
      statuses.push_back(v.action == "obsolete" ? "obsolete" : "effective");
    } else {
      statuses.push_back("superseded");
    }
  }
  return statuses;
}

}  // namespace ordo::masterdata
