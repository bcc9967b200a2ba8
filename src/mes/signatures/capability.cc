// Registration of the signatures capability.
#include "mes/signatures/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/signatures/http/endpoints.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::signatures {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS signature(
  id INTEGER PRIMARY KEY,
  signer_id INTEGER NOT NULL,
  signer TEXT NOT NULL,
  printed_name TEXT NOT NULL,
  meaning TEXT NOT NULL,
  comment TEXT,
  time_us INTEGER NOT NULL,
  record_kind TEXT NOT NULL,
  record_id TEXT NOT NULL,
  record_version INTEGER NOT NULL,
  content_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS signature_by_record ON signature(record_kind, record_id);

CREATE TABLE IF NOT EXISTS signature_policy(
  version INTEGER PRIMARY KEY,
  text TEXT NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS policy_acknowledgement(
  user_id INTEGER NOT NULL,
  version INTEGER NOT NULL,
  seq INTEGER NOT NULL,
  time_us INTEGER NOT NULL,
  PRIMARY KEY(user_id, version));
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType(
      {"signature.applied", 1, "signatures", "An electronic signature was applied to a record"});
  ledger::RegisterEventType({"signature.failed", 1, "signatures", "A signing attempt failed"});
  ledger::RegisterEventType(
      {"signature.policy_published", 1, "signatures", "A signature policy version was published"});
  ledger::RegisterEventType({"signature.policy_acknowledged", 1, "signatures",
                             "A user acknowledged the signature policy"});
  store::RegisterTables(store::TableSet{"signatures",
                                        {store::Migration{1, kTablesV1}},
                                        {{"signature", "id"},
                                         {"signature_policy", "version"},
                                         {"policy_acknowledgement", "user_id, version"}}});
  store::RegisterProjector("signature.applied", &store::SignatureApplied);
  store::RegisterProjector("signature.policy_published", &store::PolicyPublished);
  store::RegisterProjector("signature.policy_acknowledged", &store::PolicyAcknowledged);
  server::RegisterEndpoints("signatures", Endpoints());
}

}  // namespace ordo::signatures
