// The permissions the deviations capability defines (registered in capability.cc).
#pragma once

namespace ordo::deviations {

// See deviations (every role).
inline constexpr const char* kDeviationsRead = "deviations.read";
// Open a deviation by hand (operator, supervisor, quality).
inline constexpr const char* kDeviationsOpen = "deviations.open";
// Classify and investigate a deviation (quality).
inline constexpr const char* kDeviationsManage = "deviations.manage";
// Sign a disposition (quality, signed with meaning dispositioned).
inline constexpr const char* kDeviationsDisposition = "deviations.disposition";

}  // namespace ordo::deviations
