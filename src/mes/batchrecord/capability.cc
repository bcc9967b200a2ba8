// Registration of the batch record capability.
#include "mes/batchrecord/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/batchrecord/commands/release_gate.h"
#include "mes/batchrecord/events.h"
#include "mes/batchrecord/http/batchrecord_http.h"
#include "mes/batchrecord/permissions.h"
#include "mes/batchrecord/store/batchrecord_store.h"
#include "mes/lots/release_gate.h"

namespace ordo::batchrecord {

void Register() {
  ledger::RegisterEventType<ExceptionsReviewed>(
      "batchrecord", "Exceptions of a batch record were acknowledged or dispositioned");
  ledger::RegisterEventType<Released>(
      "batchrecord", "A batch record was released and sealed (signed, meaning released)");
  ledger::RegisterEventType<Amended>(
      "batchrecord", "A released batch record changed and was released again with a reason");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kBatchRecordRead,
                      "read electronic batch records, their sealed versions and exports",
                      {"supervisor", "quality", "engineer"}});
  RegisterPermission({kBatchRecordReview,
                      "acknowledge or disposition the exceptions of a batch record",
                      {"quality"}});
  RegisterPermission({kBatchRecordRelease,
                      "release (seal) a batch record (signed, meaning released)",
                      {"quality"}});
  server::RegisterEndpoints("batchrecord", Endpoints());
  RegisterWorklistSources();
  // A lot made by an order is released by its order's batch release; on its own only while
  // that batch record is released and unchanged since (batch_release_required).
  lots::RegisterReleaseGate({"batchrecord.batch_release", BatchReleaseGate});
}

}  // namespace ordo::batchrecord
