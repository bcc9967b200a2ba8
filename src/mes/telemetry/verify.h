// `ordo ledger verify` for the telemetry file: its rows against the ledger's seals
// (registered with admin::RegisterDataDirCheck by capability.cc). docs/telemetry.md.
#pragma once

#include "admin/data_dir_ops.h"

namespace ordo::telemetry {

// Checks <dir>/telemetry.sqlite against every telemetry.batch_sealed entry of `store`:
// each sealed batch's rows (a changed, added or deleted row is named, with the seal's
// seq), rows between sealed ranges (added), and the unsealed tail (each row must name
// its accepted batch, unless it is a leftover of a batch never accepted, which the next
// start removes). ok with a summary when all match; ok with "" when there is neither a
// file nor a seal.
admin::DataDirCheckResult CheckTelemetry(const store::DataDir& dir, storage::Database& store);

}  // namespace ordo::telemetry
