// Registration of the orders capability (work orders: ISA-95 production requests).
#pragma once

namespace ordo::orders {

// Registers the orders events, tables (guarded), projectors, permissions and endpoints.
// Start-up only, after masterdata (release reads its versions in force).
void Register();

}  // namespace ordo::orders
