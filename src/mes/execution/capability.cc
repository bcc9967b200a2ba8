// Registration of the execution capability.
#include "mes/execution/capability.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"
#include "mes/equipment/sample_observer.h"
#include "mes/execution/commands/tag_values_command.h"
#include "mes/execution/events.h"
#include "mes/execution/http/execution_http.h"
#include "mes/execution/permissions.h"
#include "mes/execution/store/execution_store.h"

namespace ordo::execution {

void Register() {
  ledger::RegisterEventType<InstructionsAcknowledged>(
      "execution", "An operator acknowledged the pinned work instructions of an operation");
  ledger::RegisterEventType<ParameterRecorded>(
      "execution", "A process parameter value was recorded and checked against its limits");
  RegisterUpcasters();
  ledger::RegisterEventType<CharacteristicRecorded>(
      "execution", "A characteristic sample was recorded and checked against its specification");
  ledger::RegisterEventType<ExceptionRecorded>(
      "execution", "An exception for review was raised while executing an operation");
  ledger::RegisterEventType<CommandRefused>(
      "execution", "An execution command was refused by a compliance rule");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterGuards();
  RegisterPermission(
      {kExecutionPerform,
       "perform operations: start, pause, resume, acknowledge instructions, "
       "consume, produce output lots, record parameters and characteristics, complete",
       {"operator", "supervisor"}});
  RegisterPermission({kExecutionVerify,
                      "verify a completed operation as the second person (signed, meaning "
                      "verified)",
                      {"operator", "supervisor", "quality"}});
  server::RegisterEndpoints("execution", Endpoints());
  // Values of tags mapped to the parameters of running operations (docs/execution.md).
  equipment::RegisterSampleObserver(&TagParameterEvents);
}

}  // namespace ordo::execution
