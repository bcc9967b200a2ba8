// Registration of the worklist capability.
#include "mes/worklist/capability.h"

#include "core/permissions.h"
#include "mes/worklist/http/worklist_http.h"
#include "mes/worklist/permissions.h"
#include "server/endpoint.h"

namespace ordo::worklist {

void Register() {
  RegisterPermission({kWorklistRead,
                      "read one's own worklist (what waits for the person; every role)",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  server::RegisterEndpoints("worklist", Endpoints());
}

}  // namespace ordo::worklist
