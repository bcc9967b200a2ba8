// Shared glue of the access commands that change one user: the one-event result and the
// reply {"user": the row as projected (null when missing), "seq": the entry}.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "engine/engine.h"
#include "mes/access/users.h"

namespace ordo::access {

inline Result<std::vector<ledger::Event>> OneEvent(Result<ledger::Event> r) {
  if (!r.ok()) return r.error();
  return std::vector<ledger::Event>{std::move(r.value())};
}

inline std::function<Json(engine::WriteContext&, const std::vector<ledger::LedgerEntry>&)>
UserReply(std::int64_t user_id) {
  return [user_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    auto u = FindUserById(ctx.db, user_id);
    return Json{{"user", u.ok() && *u ? ToJson(**u) : Json(nullptr)}, {"seq", entries.front().seq}};
  };
}

}  // namespace ordo::access
