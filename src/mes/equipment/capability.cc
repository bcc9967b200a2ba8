// Registration of the equipment capability.
#include "mes/equipment/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/equipment/events.h"
#include "mes/equipment/http/equipment_http.h"
#include "mes/equipment/permissions.h"
#include "mes/equipment/store/equipment_store.h"

namespace ordo::equipment {

void Register() {
  ledger::RegisterEventType<SourceRegistered>("equipment", "A machine data source was registered");
  ledger::RegisterEventType<SourceUpdated>("equipment",
                                           "A data source was enabled, disabled or given other "
                                           "work units");
  ledger::RegisterEventType<SourceKeyRotated>("equipment", "A rest source got a new API key");
  ledger::RegisterEventType<BatchAccepted>(
      "equipment", "A batch of machine data was accepted (source and seq taken)");
  ledger::RegisterEventType<StateChanged>("equipment",
                                          "A work unit's equipment state changed (device time)");
  ledger::RegisterEventType<Counted>("equipment", "A work unit counted produced units");
  ledger::RegisterEventType<DataRefused>(
      "equipment", "Machine data was refused (unknown, disabled or unauthorised source)");
  ledger::RegisterEventType<SparkplugRebirthRequested>(
      "equipment", "ordo asked a Sparkplug B edge node to republish its births (rebirth NCMD)");
  ledger::RegisterEventType<AvailabilityOverridden>(
      "equipment", "A supervisor let starts through on a work unit blocked by a long down spell");
  ledger::RegisterEventType<DowntimeReasonAssigned>(
      "equipment", "A person gave a down interval its reason after the fact");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission({kEquipmentRead,
                      "read data sources, equipment state intervals and counts",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission({kSourcesManage,
                      "register machine data sources, change them and rotate their API keys",
                      {"engineer", "admin"}});
  RegisterPermission({kDowntimeAssign,
                      "give a down interval its downtime reason after the fact",
                      {"operator", "supervisor"}});
  RegisterPermission({kAvailabilityOverride,
                      "let starts through on a work unit blocked by a long down spell, with a "
                      "reason, until it leaves down",
                      {"supervisor"}});
  RegisterPermission({kDataSend,
                      "send machine data: no role holds it, only a registered rest source's "
                      "API key",
                      {}});
  std::vector<server::Endpoint> endpoints = SourceEndpoints();
  for (auto& e : DataEndpoints()) endpoints.push_back(std::move(e));
  // The equipment board, its stream and the downtime list (issue 12, section 6).
  for (auto& e : BoardEndpoints()) endpoints.push_back(std::move(e));
  for (auto& e : AvailabilityEndpoints()) endpoints.push_back(std::move(e));
  server::RegisterEndpoints("equipment", std::move(endpoints));
}

}  // namespace ordo::equipment
