// Projection of role grants and revocations into app_user (see role_store.h).
#include "mes/access/store/role_store.h"

#include <algorithm>

#include "core/canonical_json.h"
#include "mes/access/events.h"
#include "mes/access/users.h"
#include "storage/rows.h"
#include "store/projector.h"
#include "store/row_seal.h"

namespace ordo::access {

namespace {

Status SetRoles(storage::Database& db, const ledger::LedgerEntry& e, std::int64_t user_id,
                const std::vector<std::string>& roles) {
  auto st = db.Prepare("UPDATE app_user SET roles = ?, version = ?, updated_seq = ? WHERE id = ?");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, CanonicalJson(Json(roles))).Bind(2, e.subject.version).Bind(3, e.seq);
  (*st)->Bind(4, user_id);
  return (*st)->Run();
}

Status ProjectGranted(storage::Database& db, const ledger::LedgerEntry& e, const RoleGranted& p) {
  return SetRoles(db, e, p.user_id, p.new_roles);
}

Status ProjectRevoked(storage::Database& db, const ledger::LedgerEntry& e, const RoleRevoked& p) {
  return SetRoles(db, e, p.user_id, p.new_roles);
}

}  // namespace

void RegisterRoleProjectors() {
  store::RegisterProjector<RoleGranted>(&ProjectGranted);
  store::RegisterProjector<RoleRevoked>(&ProjectRevoked);
}

Result<int> CountActiveAdmins(storage::Database& db) {
  // Roles are stored as canonical JSON arrays; read them as users.h does rather than
  // matching text, so the count cannot disagree with the user reads.
  // Every row is checked against its seal, as FindUserById checks one: an edited row (a
  // user given the admin role in ordo.db) must not let the last real admin go.
  auto users = ListUsers(db);
  if (!users.ok()) return users.error();
  int n = 0;
  for (const auto& u : *users) {
    ORDO_TRY(store::CheckSealedRow(db, "app_user", {std::to_string(u.id)}));
    if (!u.disabled && std::find(u.roles.begin(), u.roles.end(), "admin") != u.roles.end()) ++n;
  }
  return n;
}

}  // namespace ordo::access
