// Registration of the genealogy capability.
#include "mes/genealogy/capability.h"

#include "core/permissions.h"
#include "mes/genealogy/http/genealogy_http.h"
#include "mes/genealogy/permissions.h"
#include "mes/genealogy/store/edge_store.h"
#include "server/endpoint.h"

namespace ordo::genealogy {

void Register() {
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kGenealogyRead,
                      "trace lots, serials and orders backward and forward (genealogy)",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  server::RegisterEndpoints("genealogy", Endpoints());
}

}  // namespace ordo::genealogy
