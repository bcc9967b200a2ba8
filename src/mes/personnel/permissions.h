// The permissions the personnel capability defines (registered in capability.cc).
#pragma once

namespace ordo::personnel {

inline constexpr const char* kPersonnelManage =
    "personnel.manage";  // grant and revoke qualifications and record training

}  // namespace ordo::personnel
