// Which operation consumes a BOM item: a product's bill of materials may tie an item to
// one operation of the product's routing (`bom[].operation`); execution then accepts the
// item's material only at that operation. The operation must exist in the routing: checked
// when a change request that defines the product or its routing is submitted
// (commands/change_control.cc), and again at release (orders/domain/release.h). Pure.
#pragma once

#include <vector>

#include "core/result.h"
#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata {

// Ok when, once the change request takes effect, every BOM item with an `operation` of
// each product it touches names an operation of that product's routing. A product is
// touched when the change request defines it, or defines the routing of a product in
// force that it does not redefine or obsolete. A routing is read from the change
// request's drafts first, then from `in_force` (products and routings in force); a
// product whose routing is found nowhere is left to the reference check. Refuses with
// failed_precondition, reason unknown_operation, field
// "product/<id>.bom[material=<m>].operation", naming the operation, the routing and its
// operations.
Status CheckBomOperations(const std::vector<Item>& items, const std::vector<Item>& in_force);

}  // namespace ordo::masterdata
