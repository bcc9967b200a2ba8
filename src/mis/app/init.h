// `ordo-mis init`: creates an MIS data directory with its store (DIR/mis.db) at the
// schema of the given migrations, the store facts (created_at, version, demo) and the
// first user, `admin`, with role mis_admin; with `demo`, also the demo shift calendar as
// an import by "ordo-mis init" (demo_data.h).
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/store/migration.h"

namespace ordo::mis::app {

inline constexpr const char* kAdminName = "admin";

struct InitOptions {
  std::string data_dir;
  std::string admin_password;     // checked against the MIS password rules
  bool demo = false;              // store_info demo=true, and the demo shift calendar (demo_data.h)
  std::string time_zone = "UTC";  // the site's (site_time_zone.h), stored as store_info time_zone
};

// Creates `data_dir` (and its parents; mode 0700 when new), the store and the admin.
// Nothing is left behind when it fails after creating the store. Fails with:
//   invalid_argument     a weak admin password (field admin-password-file, the
//                        password rule's reason); a time zone LoadTimeZone refuses
//                        (field time-zone, unknown_time_zone or bad_time_zone_file);
//   failed_precondition  `data_dir` already holds a store (reason store_exists), or is
//                        not a directory; another ordo-mis holds it (data_dir_in_use);
//   unavailable/internal the directory or the store cannot be written.
// Hashing the password takes tens of milliseconds.
Status InitDataDir(const InitOptions& options, const std::vector<store::Migration>& migrations,
                   const Clock& clock);

}  // namespace ordo::mis::app
