// The reply every change control command gives. Private to commands/.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "engine/engine.h"

namespace ordo::masterdata::commands {

using Reply = std::function<Json(engine::WriteContext&, const std::vector<ledger::LedgerEntry>&)>;

// {"change_request": the full view of change request `id` after the command} (`id`
// empty: the subject of the first entry); null when it cannot be read.
Reply ReplyWithChangeRequest(std::string id);

}  // namespace ordo::masterdata::commands
