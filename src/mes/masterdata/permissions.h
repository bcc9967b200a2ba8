// The permissions the masterdata capability defines (registered in capability.cc).
#pragma once

namespace ordo::masterdata {

inline constexpr const char* kMasterdataRead =
    "masterdata.read";  // read master data, change requests and the signature policy
inline constexpr const char* kMasterdataEdit =
    "masterdata.edit";  // draft and submit master data changes, store attachments
inline constexpr const char* kMasterdataApprove =
    "masterdata.approve";  // review, approve and reject change requests

}  // namespace ordo::masterdata
