// Registration of the personnel capability.
#include "mes/personnel/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/personnel/http/endpoints.h"
#include "mes/personnel/permissions.h"
#include "store/projector.h"
#include "store/projector_masterdata.h"
#include "store/schema.h"

namespace ordo::personnel {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS training_record(
  seq INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  course TEXT NOT NULL,
  completed TEXT NOT NULL,
  trainer TEXT,
  recorded_by TEXT NOT NULL,
  time_us INTEGER NOT NULL);

CREATE TABLE IF NOT EXISTS qualification_grant(
  seq INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL,
  qualification TEXT NOT NULL,
  expires TEXT,
  granted_by TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  revoked_seq INTEGER);
)sql";

}  // namespace

void Register() {
  ledger::RegisterEventType(
      {"personnel.qualification_granted", 1, "personnel", "A qualification was granted to a user"});
  ledger::RegisterEventType(
      {"personnel.qualification_revoked", 1, "personnel", "A qualification grant was revoked"});
  ledger::RegisterEventType(
      {"personnel.training_recorded", 1, "personnel", "A training was recorded"});
  store::RegisterTables(
      store::TableSet{"personnel",
                      {store::Migration{1, kTablesV1}},
                      {{"qualification_grant", "seq"}, {"training_record", "seq"}}});
  store::RegisterProjector("personnel.qualification_granted", &store::Granted);
  store::RegisterProjector("personnel.qualification_revoked", &store::Revoked);
  store::RegisterProjector("personnel.training_recorded", &store::TrainingRecorded);
  RegisterPermission(
      {kPersonnelManage, "grant qualifications and record training", {"supervisor", "quality"}});
  server::RegisterEndpoints("personnel", Endpoints());
}

}  // namespace ordo::personnel
