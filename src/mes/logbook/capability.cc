// Registration of the logbook capability.
#include "mes/logbook/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/logbook/events.h"
#include "mes/logbook/http/logbook_http.h"
#include "mes/logbook/permissions.h"
#include "mes/logbook/store/logbook_store.h"

namespace ordo::logbook {

void Register() {
  ledger::RegisterEventType<EntryRecorded>("logbook", "A logbook entry was recorded");
  ledger::RegisterEventType<EntryCorrected>("logbook",
                                            "A logbook entry was corrected by a new entry");
  RegisterUpcasters();
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterPermission({kLogbookRead,
                      "read logbook entries",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission({kLogbookWrite,
                      "record logbook entries and corrections",
                      {"operator", "supervisor", "quality", "engineer"}});
  server::RegisterEndpoints("logbook", Endpoints());
}

}  // namespace ordo::logbook
