// Registration of the access capability.
#include "mes/access/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/access/events.h"
#include "mes/access/http/access_http.h"
#include "mes/access/permissions.h"
#include "mes/access/store/access_store.h"

namespace ordo::access {

void Register() {
  ledger::RegisterEventType<UserCreated>("access", "A user was created");
  ledger::RegisterEventType<UserDisabled>("access", "A user was disabled");
  ledger::RegisterEventType<UserRenamed>("access", "A user's printed name was changed");
  ledger::RegisterEventType<LoginSucceeded>("access", "A sign-in succeeded");
  ledger::RegisterEventType<LoginFailed>("access", "A sign-in failed (or was throttled)");
  ledger::RegisterEventType<LoggedOut>("access", "A session ended");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kUserManage, "create, disable and rename users", {"admin"}});
  server::RegisterEndpoints("access", Endpoints());
}

}  // namespace ordo::access
