// The permissions the equipment capability defines (registered in capability.cc).
#pragma once

namespace ordo::equipment {

// Read sources, state intervals and counts (every role).
inline constexpr const char* kEquipmentRead = "equipment.read";
// Register sources, change them and rotate their API keys (engineer, admin).
inline constexpr const char* kSourcesManage = "equipment.sources.manage";
// Give a down interval its reason after the fact (operator, supervisor).
inline constexpr const char* kDowntimeAssign = "equipment.downtime.assign";
// Let starts through on a work unit blocked by a long down spell (supervisor).
inline constexpr const char* kAvailabilityOverride = "equipment.availability.override";
// Send machine data: held by no role; only a registered rest source's API key grants it.
inline constexpr const char* kDataSend = "equipment.data.send";

}  // namespace ordo::equipment
