// ordo-mis set-time-zone (set_time_zone.h).
#include "mis/app/set_time_zone.h"

#include <pwd.h>
#include <unistd.h>

#include <filesystem>
#include <system_error>

#include "mis/app/site_time_zone.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/store/dir_lock.h"
#include "mis/store/mis_store.h"
#include "mis/store/setting_change.h"

namespace ordo::mis::app {

namespace {

Status CheckReason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    return Error::Invalid("reason",
                          "reason: required: say why the site time zone changes (it is "
                          "recorded with the change)",
                          "missing_reason");
  return Ok();
}

// The change, in one transaction; `old_zone` is the store's before.
Result<TimeZoneChange> Apply(storage::Database& db, const SetTimeZoneOptions& o,
                             const std::string& old_zone,
                             const std::vector<LocalDayRowsDeleter>& deleters, const Clock& clock) {
  TimeZoneChange change{old_zone, o.time_zone, true, 0, 0, {}};
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  ORDO_TRY(store::SetStoreInfo(db, kTimeZoneKey, o.time_zone));
  for (const LocalDayRowsDeleter& deleter : deleters) {
    auto removed = deleter(db);
    if (!removed.ok()) return removed.error();
    change.rows_removed += *removed;
  }
  auto id = store::RecordSettingChange(
      db, {0, clock.NowMicros(), kTimeZoneKey, old_zone, o.time_zone, o.by_os_user, o.reason});
  if (!id.ok()) return id.error();
  change.change_id = *id;
  ORDO_TRY(tx.Commit());
  return change;
}

}  // namespace

Result<TimeZoneChange> SetTimeZone(const SetTimeZoneOptions& o,
                                   const std::vector<store::Migration>& migrations,
                                   const std::vector<LocalDayRowsDeleter>& deleters,
                                   const Clock& clock) {
  ORDO_TRY(CheckReason(o.reason));
  auto zone = calendar::LoadTimeZone(o.time_zone, "time-zone");
  if (!zone.ok()) return zone.error();
  const std::string path = store::StorePath(o.data_dir);
  std::error_code ec;
  if (!std::filesystem::exists(path, ec))
    return Error{ErrorCode::kFailedPrecondition,
                 "no MIS store in " + o.data_dir + " (" + path +
                     "): create one with `ordo-mis init --data DIR --admin-password-file FILE "
                     "--time-zone NAME`",
                 "data", "no_store"};
  auto lock = store::DirLock::Acquire(o.data_dir);
  if (!lock.ok()) return lock.error();
  auto opened = store::OpenMisStore(path, migrations, /*create=*/false);
  if (!opened.ok()) return opened.error();
  auto stored = store::GetStoreInfo(*opened->db, kTimeZoneKey);
  if (!stored.ok()) return stored.error();
  const std::string old_zone = stored->value_or("UTC");  // unset: the default, UTC
  if (old_zone == o.time_zone) {
    TimeZoneChange same{old_zone, o.time_zone, false, 0, 0, opened->applied};
    return same;
  }
  auto change = Apply(*opened->db, o, old_zone, deleters, clock);
  if (!change.ok()) return change.error();
  change->applied = opened->applied;
  return change;
}

std::string OsUserName() {
  const uid_t uid = ::geteuid();
  struct passwd entry {};
  struct passwd* found = nullptr;
  char buffer[4096];
  if (::getpwuid_r(uid, &entry, buffer, sizeof buffer, &found) == 0 && found != nullptr &&
      found->pw_name != nullptr && found->pw_name[0] != '\0')
    return found->pw_name;
  return "uid " + std::to_string(uid);
}

}  // namespace ordo::mis::app
