// UserHoldsQualification (qualifications.h) over the qualification_grant projection.
#include "mes/personnel/qualifications.h"
#include "mes/personnel/store/personnel_store.h"

namespace ordo::personnel {

Result<bool> UserHoldsQualification(storage::Database& db, std::int64_t user_id,
                                    const std::string& qualification, TimeMicros now) {
  if (user_id <= 0) return false;
  auto rows = ListGrants(db, user_id);
  if (!rows.ok()) return rows.error();
  std::vector<Grant> grants;
  for (const auto& r : *rows)
    grants.push_back(Grant{r.seq, r.user_id, "", r.qualification, r.expires, r.revoked});
  return HoldsQualification(grants, qualification, FormatUtcMicros(now).substr(0, 10));
}

Result<std::vector<HeldGrant>> GrantsOfUser(storage::Database& db, std::int64_t user_id) {
  std::vector<HeldGrant> out;
  if (user_id <= 0) return out;
  auto rows = ListGrants(db, user_id);
  if (!rows.ok()) return rows.error();
  for (const auto& r : *rows)
    out.push_back(HeldGrant{r.qualification, r.expires, r.revoked, r.seq});
  return out;
}

}  // namespace ordo::personnel
