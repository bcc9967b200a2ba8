// Registration of the attachments capability.
#include "mes/attachments/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/attachments/http/endpoints.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::attachments {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS attachment(
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  seq INTEGER NOT NULL);

-- The bytes of attachments (not derived from the ledger, which holds their SHA-256).

CREATE TABLE IF NOT EXISTS attachment_data(
  sha256 TEXT PRIMARY KEY,
  data BLOB NOT NULL);
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType(
      {"attachment.stored", 1, "attachments", "An attachment was stored (named by its SHA-256)"});
  store::RegisterTables(
      store::TableSet{"attachments", {store::Migration{1, kTablesV1}}, {{"attachment", "sha256"}}});
  store::RegisterProjector("attachment.stored", &store::AttachmentStored);
  server::RegisterEndpoints("attachments", Endpoints());
}

}  // namespace ordo::attachments
