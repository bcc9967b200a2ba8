// Helpers shared by the change control decisions. Private to src/mes/masterdata/domain.
#pragma once

#include <string>
#include <vector>

#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata::detail {

// failed_precondition with a stable reason (and the field, when there is one).
Error Precondition(std::string message, std::string reason, std::string field = {});
// The items that are not withdrawn.
std::vector<Item> Live(const std::vector<Item>& items);
// Open or rejected: the drafts may change.
bool Editable(const ChangeRequest& cr);

}  // namespace ordo::masterdata::detail
