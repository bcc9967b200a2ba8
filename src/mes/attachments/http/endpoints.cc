// The attachments endpoint table (handlers in http/ and, until they move, src/server).
#include "mes/attachments/http/endpoints.h"

#include "mes/masterdata/permissions.h"
#include "server/legacy_handlers.h"

namespace ordo::attachments {

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  using masterdata::kMasterdataEdit;
  using masterdata::kMasterdataRead;
  std::vector<server::Endpoint> table;
  {
    server::Endpoint e{"POST",
                       "/api/v1/attachments",
                       kMasterdataEdit,
                       {{{"name", F::kString, true, 200, "file name"},
                         {"media_type", F::kString, true, 100, "e.g. image/png"},
                         {"data", F::kString, true, 1000000, "the file, base64"}}},
                       "command",
                       "Store an attachment; it is named by its SHA-256",
                       &server::StoreAttachment};
    e.success_status = 201;
    table.push_back(std::move(e));
  }
  {
    server::Endpoint e{"GET",
                       "/api/v1/attachments/{sha256}",
                       kMasterdataRead,
                       {},
                       "read",
                       "An attachment's bytes (its hash re-checked)",
                       &server::GetAttachment};
    table.push_back(std::move(e));
  }
  return table;
}

}  // namespace ordo::attachments
