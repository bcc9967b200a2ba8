// The permissions the orders capability defines (registered in capability.cc).
#pragma once

namespace ordo::orders {

// Read orders, their pinned definition and their operations' states (every role).
inline constexpr const char* kOrdersRead = "orders.read";
// Create, import, release, hold, resume, cancel and close orders (supervisor).
inline constexpr const char* kOrdersManage = "orders.manage";

}  // namespace ordo::orders
