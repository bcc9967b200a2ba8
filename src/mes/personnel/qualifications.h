// The personnel capability's public read API: whether a user holds a qualification now
// (a grant of it neither revoked nor expired), for other capabilities' checks, e.g.
// execution blocking an unqualified operator (implemented in store/qualification_check.cc).
// Not thread-safe per storage::Database, like every query.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace ordo::personnel {

// True when `user_id` holds `qualification` on the UTC day of `now`
// (HoldsQualification, domain/personnel.h, over the user's grants).
Result<bool> UserHoldsQualification(storage::Database& db, std::int64_t user_id,
                                    const std::string& qualification, TimeMicros now);

// One grant of a qualification to a user, as a check sees it.
struct HeldGrant {
  std::string qualification;
  std::optional<std::string> expires;  // YYYY-MM-DD; nullopt = no expiry
  bool revoked = false;
  std::int64_t grant_id = 0;  // the seq of its personnel.qualification_granted entry
};
// Every grant ever made to `user_id` (revoked and expired ones too, so that a check can
// say "expired on ..." rather than "not held"), each row checked against its seal first
// (integrity_violation when one fails).
Result<std::vector<HeldGrant>> GrantsOfUser(storage::Database& db, std::int64_t user_id);

}  // namespace ordo::personnel
