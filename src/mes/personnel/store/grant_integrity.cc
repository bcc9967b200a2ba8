// The seal on qualification_grant rows: a grant is checked before it is used
// (store/row_seal.h, docs/decisions/0006-projection-integrity.md).
#include "mes/personnel/store/personnel_store.h"
#include "store/row_seal.h"

namespace ordo::personnel {

void RegisterGuards() {
  store::RegisterGuardedTable(
      {"qualification_grant",
       {"seq"},
       {"seq", "user_id", "qualification", "expires", "granted_by", "time_us", "revoked_seq"}});
}

Result<std::vector<GrantRow>> CheckedGrants(storage::Database& db,
                                            Result<std::vector<GrantRow>> rows) {
  if (!rows.ok()) return rows;
  for (const auto& g : *rows)
    ORDO_TRY(store::CheckSealedRow(db, "qualification_grant", {std::to_string(g.seq)}));
  return rows;
}

Result<std::vector<GrantRow>> ListGrants(storage::Database& db, std::int64_t user_id) {
  return CheckedGrants(db, ListGrantRows(db, user_id));
}

}  // namespace ordo::personnel
