// The store's record of changes to its settings after init (docs/mis.md, "Site time
// zone"): table mis_setting_change of module "store" (version 2), append-only (triggers
// refuse UPDATE and DELETE), one row per change with who, when and why. Written by the
// offline commands that change a setting (`ordo-mis set-time-zone`), read by
// GET /api/v1/settings/history. Reads and writes on the caller's connection.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "storage/database.h"

namespace ordo::mis::store {

struct SettingChange {
  std::int64_t id = 0;  // assigned by RecordSettingChange, increasing
  TimeMicros at = 0;
  std::string key;         // the store_info key, e.g. "time_zone"
  std::string old_value;   // the effective value before (e.g. "UTC" when it was unset)
  std::string new_value;   // the value stored
  std::string by_os_user;  // the operating system user who ran the command
  std::string reason;      // why, as the operator gave it (never empty)
};

// The migration SQL of version 2 of module "store" (StoreMigrations, mis_store.h).
const char* SettingChangeMigrationSql();

// Appends `change` (its id ignored) and returns the id given to it. Call it inside the
// transaction that changes the setting. Errors: the store's.
Result<std::int64_t> RecordSettingChange(storage::Database& db, const SettingChange& change);

// Every recorded change, oldest first. Errors: the store's.
Result<std::vector<SettingChange>> SettingChanges(storage::Database& db);

}  // namespace ordo::mis::store
