// Registration of the telemetry capability (tags, process values, seals).
#pragma once

namespace ordo::telemetry {

// Registers the events, tables, projectors, permissions and endpoints; installs the sample
// sink into equipment, the telemetry check into `ordo ledger verify` and the sealing task
// into `ordo serve`. Start-up only, after equipment::Register().
void Register();

}  // namespace ordo::telemetry
