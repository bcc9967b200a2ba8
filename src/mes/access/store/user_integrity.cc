// The seal on app_user rows: a user's roles and status are checked before a decision
// uses them (store/row_seal.h, docs/decisions/0006-projection-integrity.md).
#include "mes/access/store/access_store.h"
#include "store/row_seal.h"

namespace ordo::access {

void RegisterGuards() {
  store::RegisterGuardedTable({"app_user",
                               {"id"},
                               {"id", "name", "display_name", "roles", "disabled", "version",
                                "created_seq", "updated_seq"}});
}

Result<std::optional<User>> CheckedUser(storage::Database& db, Result<std::optional<User>> user) {
  if (!user.ok() || !*user) return user;
  ORDO_TRY(store::CheckSealedRow(db, "app_user", {std::to_string((*user)->id)}));
  return user;
}

Result<std::optional<User>> FindUserByName(storage::Database& db, const std::string& name) {
  return CheckedUser(db, FindUserRowByName(db, name));
}

Result<std::optional<User>> FindUserById(storage::Database& db, std::int64_t id) {
  return CheckedUser(db, FindUserRowById(db, id));
}

}  // namespace ordo::access
