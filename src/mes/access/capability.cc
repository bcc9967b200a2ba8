// Registration of the access capability.
#include "mes/access/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/access/http/endpoints.h"
#include "mes/access/permissions.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::access {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS credential(
  user_id INTEGER PRIMARY KEY,
  password_hash TEXT NOT NULL,
  set_seq INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS app_user(
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  display_name TEXT NOT NULL,
  roles TEXT NOT NULL,
  disabled INTEGER NOT NULL,
  version INTEGER NOT NULL,
  created_seq INTEGER NOT NULL,
  updated_seq INTEGER NOT NULL);
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType({"user.created", 1, "access", "A user was created"});
  ledger::RegisterEventType({"user.disabled", 1, "access", "A user was disabled"});
  ledger::RegisterEventType({"user.renamed", 1, "access", "A user's printed name was changed"});
  ledger::RegisterEventType({"session.login_succeeded", 1, "access", "A sign-in succeeded"});
  ledger::RegisterEventType(
      {"session.login_failed", 1, "access", "A sign-in failed (or was throttled)"});
  ledger::RegisterEventType({"session.logged_out", 1, "access", "A session ended"});
  store::RegisterTables(
      store::TableSet{"access", {store::Migration{1, kTablesV1}}, {{"app_user", "id"}}});
  store::RegisterProjector("user.created", &store::UserCreated);
  store::RegisterProjector("user.disabled", &store::UserDisabled);
  store::RegisterProjector("user.renamed", &store::Renamed);
  RegisterPermission({kUserManage, "create, disable and rename users", {"admin"}});
  server::RegisterEndpoints("access", Endpoints());
}

}  // namespace ordo::access
