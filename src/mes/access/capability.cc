// Registration of the access capability.
#include "mes/access/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/access/events.h"
#include "mes/access/events/credentials.h"
#include "mes/access/http/access_http.h"
#include "mes/access/http/roles_http.h"
#include "mes/access/permissions.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"
#include "mes/access/store/role_store.h"

namespace ordo::access {

void Register() {
  ledger::RegisterEventType<UserCreated>("access", "A user was created");
  ledger::RegisterEventType<UserDisabled>("access", "A user was disabled");
  ledger::RegisterEventType<UserRenamed>("access", "A user's printed name was changed");
  ledger::RegisterEventType<LoginSucceeded>("access", "A sign-in succeeded");
  ledger::RegisterEventType<LoginFailed>("access", "A sign-in failed (or was throttled)");
  ledger::RegisterEventType<LoggedOut>("access", "A session ended");
  ledger::RegisterEventType<RoleGranted>("access", "A role was granted to a user (with a reason)");
  ledger::RegisterEventType<RoleRevoked>("access",
                                         "A role was revoked from a user (with a reason)");
  ledger::RegisterEventType<PasswordChanged>("access", "A user changed their own password");
  ledger::RegisterEventType<PasswordReset>("access", "An admin set a one-time password for a user");
  ledger::RegisterEventType<UserLocked>("access",
                                        "An admin account was locked after failed sign-ins");
  ledger::RegisterEventType<UserUnlocked>("access", "An admin lifted an account's lock");
  store::RegisterTables(Tables());
  store::RegisterTables(CredentialTables());
  RegisterProjectors();
  RegisterGuards();
  RegisterRoleProjectors();
  RegisterCredentialProjectors();
  RegisterPermission({kSessionOwn,
                      "see and end one's own session",
                      {"operator", "supervisor", "quality", "engineer", "admin", "feed_reader"}});
  RegisterPermission({kUserManage,
                      "create, disable and rename users; grant and revoke roles; set one-time "
                      "passwords",
                      {"admin"}});
  server::RegisterEndpoints("access", Endpoints());
  server::RegisterEndpoints("access", RoleEndpoints());
}

}  // namespace ordo::access
