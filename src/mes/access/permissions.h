// The permissions the access capability defines (registered in capability.cc).
#pragma once

namespace ordo::access {

inline constexpr const char* kUserManage =
    "user.manage";  // create, disable and rename users; grant and revoke roles

}  // namespace ordo::access
