// The snapshot tables and their documented read-only views in the MIS store (module
// "snapshots"; docs/mis.md, "SQL views"):
//   mis_kpi_day, mis_kpi_shift: scope, day or shift label, window_from, window_to (ISO
//     8601 UTC), kpi, profile, value (NULL when the engine gives none), unit, null_reason,
//     policy, policy_version, computed_at;
//   mis_elements_day, mis_elements_shift: scope, day or shift label, window_from,
//     window_to, element, value.
// Reads and writes on the caller's connection.
#pragma once

#include <vector>

#include "core/result.h"
#include "mis/snapshots/snapshot.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::snapshots {

inline constexpr const char* kSnapshotsModule = "snapshots";

// Version 1: snapshot_figure, snapshot_element and the four views; version 2: the
// elements' label (the local day or the shift), in their views as `day` and `shift`.
std::vector<store::Migration> SnapshotMigrations();

// Replaces every stored row of windows starting in [snapshot.from, snapshot.to) with the
// snapshot's, in one transaction (BEGIN IMMEDIATE: another writer of the store waits up to
// the busy timeout), stamped `computed_at`. Two shifts of one scope that start together
// and end apart (two calendars) are two rows.
Status StoreSnapshot(storage::Database& db, const Snapshot& snapshot, TimeMicros computed_at);

// Deletes every stored row cut by local days of the site time zone (window_kind "day" of
// both tables: the rows behind mis_kpi_day and mis_elements_day), for a change of the
// zone (`ordo-mis set-time-zone`); shift rows stay (shifts are instants of the calendar).
// The number of rows deleted. Runs in the caller's transaction, if any. Errors: the
// store's.
Result<std::int64_t> DeleteDayRows(storage::Database& db);

}  // namespace ordo::mis::snapshots
