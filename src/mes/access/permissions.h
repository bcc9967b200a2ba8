// The permissions the access capability defines (registered in capability.cc).
#pragma once

namespace ordo::access {

inline constexpr const char* kUserManage =
    "user.manage";  // create, disable and rename users; grant and revoke roles
inline constexpr const char* kSessionOwn =
    "session.own";  // see and end one's own session (every role, feed_reader too)

}  // namespace ordo::access
