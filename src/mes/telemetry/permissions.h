// The permissions the telemetry capability defines (registered in capability.cc).
#pragma once

namespace ordo::telemetry {

// Read tags and their values (every role).
inline constexpr const char* kTelemetryRead = "telemetry.read";
// Define tags (engineer, admin).
inline constexpr const char* kTagsManage = "telemetry.tags.manage";

}  // namespace ordo::telemetry
