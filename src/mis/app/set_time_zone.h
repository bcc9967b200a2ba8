// `ordo-mis set-time-zone`: changes the site time zone of an MIS store after init
// (docs/mis.md, "Site time zone"). Offline, as init: it holds the data directory's lock,
// so it refuses while `ordo-mis serve` runs. In one store transaction it sets store_info
// `time_zone`, deletes the rows modules cut by local days of the old zone (the snapshot's
// day rows; the next refresh recomputes them in the new zone) and records the change with
// who, when and why (store/setting_change.h). Stored feed and import rows do not change:
// they are instants, or dates read in the zone when KPI inputs are loaded.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::app {

struct SetTimeZoneOptions {
  std::string data_dir;
  std::string time_zone;   // the new zone, an IANA name such as Europe/Berlin
  std::string reason;      // why it changes: required, recorded with the change
  std::string by_os_user;  // who: the CLI passes OsUserName()
};

// Deletes the rows one module cut by local days of the site time zone and returns how many
// (snapshots::DeleteDayRows). Called inside SetTimeZone's transaction. The composition root
// (src/mis/main.cc) hands one per module that keeps such rows.
using LocalDayRowsDeleter = std::function<Result<std::int64_t>(storage::Database&)>;

struct TimeZoneChange {
  std::string old_zone;  // the store's zone before ("UTC" for a store without the setting)
  std::string new_zone;
  bool changed = false;              // false: the store had `new_zone` already; nothing written
  std::int64_t rows_removed = 0;     // by the deleters
  std::int64_t change_id = 0;        // the mis_setting_change row (when changed)
  std::vector<std::string> applied;  // schema upgrades applied when the store was opened
};

// Changes the store's site time zone to `options.time_zone`, as said above; when the store
// already holds that name, changes and records nothing (changed false). The store is first
// brought to the schema of `migrations`, as serve does. Fails, changing nothing, with:
//   invalid_argument     an empty (or blank) reason (field reason, reason missing_reason);
//                        a zone LoadTimeZone refuses (field time-zone, unknown_time_zone
//                        or bad_time_zone_file);
//   failed_precondition  no store in `data_dir` (no_store); another ordo-mis holds the
//                        directory (data_dir_in_use); a store too new (store_too_new);
//   unavailable/internal the store cannot be read or written.
Result<TimeZoneChange> SetTimeZone(const SetTimeZoneOptions& options,
                                   const std::vector<store::Migration>& migrations,
                                   const std::vector<LocalDayRowsDeleter>& deleters,
                                   const Clock& clock);

// The name of the process's effective user (the password database's entry), else
// "uid N".
std::string OsUserName();

}  // namespace ordo::mis::app
