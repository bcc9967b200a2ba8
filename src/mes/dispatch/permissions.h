// The permissions the dispatch capability defines (registered in capability.cc). Reading a
// dispatch list needs orders.read (orders/permissions.h).
#pragma once

namespace ordo::dispatch {

// Move an operation up or down a work center's dispatch list, with a reason (supervisor).
inline constexpr const char* kDispatchResequence = "dispatch.resequence";

}  // namespace ordo::dispatch
