// Which version of a master data object is in force at a given time. The stored state
// of a version (draft, in_review, approved, withdrawn) never changes by the passing of
// time; its status (effective, superseded, ...) is derived here. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "mes/masterdata/domain/states.h"

namespace ordo::masterdata {

// What effectivity needs to know about one version of an object.
struct VersionFacts {
  std::int64_t version = 0;
  VersionState state = VersionState::kDraft;
  std::string action;                        // define | obsolete
  std::optional<TimeMicros> effective_from;  // set for approved versions
};

// The version in force at `now`: among approved versions with effective_from <= now,
// the one with the latest effective_from (ties: the higher version). nullopt when
// none. (It may be an `obsolete` action: then the object is obsolete.)
std::optional<std::int64_t> EffectiveVersion(const std::vector<VersionFacts>& versions,
                                             TimeMicros now);

// The status of each version, in the order given: draft, in_review, withdrawn (the
// state); approved (approved, effective_from in the future); effective (the version
// EffectiveVersion names, action define); obsolete (that version, action obsolete);
// superseded (approved, effective_from <= now, not the one in force).
std::vector<std::string> DeriveStatuses(const std::vector<VersionFacts>& versions, TimeMicros now);

}  // namespace ordo::masterdata
