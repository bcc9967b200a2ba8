// The permissions the worklist capability defines (registered in capability.cc).
#pragma once

namespace ordo::worklist {

inline constexpr const char* kWorklistRead =
    "worklist.read";  // read one's own worklist (every role)

}  // namespace ordo::worklist
