// Registration of the telemetry capability (tags, process values, seals).
#pragma once

namespace ordo::telemetry {

// The name of the compaction serve task (`ordo serve --compact-interval` overrides its
// interval through ServeOptions::task_interval_seconds).
inline constexpr const char* kCompactionTask = "telemetry compaction";

// Registers the events, tables, projectors, permissions and endpoints; installs the sample
// sink into equipment, the telemetry check into `ordo ledger verify` and the sealing and
// compaction tasks into `ordo serve`. Start-up only, after equipment::Register().
void Register();

}  // namespace ordo::telemetry
