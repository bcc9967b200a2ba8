// ordo-mis init.
#include "mis/app/init.h"

#include <filesystem>
#include <system_error>

#include "core/crypto.h"
#include "core/version.h"
#include "mis/access/password_policy.h"
#include "mis/access/roles.h"
#include "mis/access/users.h"
#include "mis/app/demo_data.h"
#include "mis/app/site_time_zone.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/imports/imports.h"
#include "mis/store/dir_lock.h"
#include "mis/store/mis_store.h"

namespace ordo::mis::app {

namespace fs = std::filesystem;

namespace {

// Writes the store facts and the admin in one transaction.
Status Populate(storage::Database& db, const InitOptions& o, const std::string& hash,
                const Clock& clock) {
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  const TimeMicros now = clock.NowMicros();
  ORDO_TRY(store::SetStoreInfo(db, "created_at", FormatUtcMicros(now)));
  ORDO_TRY(store::SetStoreInfo(db, "created_by_version", Version()));
  ORDO_TRY(store::SetStoreInfo(db, "demo", o.demo ? "true" : "false"));
  ORDO_TRY(store::SetStoreInfo(db, kTimeZoneKey, o.time_zone));
  auto admin = access::CreateUser(db, kAdminName, access::kMisAdmin, hash, "ordo-mis init", now);
  if (!admin.ok()) return admin.error();
  return tx.Commit();
}

void RemoveStoreFiles(const std::string& path) {
  std::error_code ec;
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) fs::remove(path + suffix, ec);
}

}  // namespace

Status InitDataDir(const InitOptions& o, const std::vector<store::Migration>& migrations,
                   const Clock& clock) {
  ORDO_TRY(access::CheckNewPassword(o.admin_password, kAdminName, "admin-password-file"));
  auto zone = calendar::LoadTimeZone(o.time_zone, "time-zone");
  if (!zone.ok()) return zone.error();
  const std::string path = store::StorePath(o.data_dir);
  std::error_code ec;
  if (fs::exists(path, ec))
    return Error{ErrorCode::kFailedPrecondition,
                 o.data_dir + " already holds an MIS store (" + path +
                     "); init never overwrites one: choose another directory",
                 "data", "store_exists"};
  if (fs::exists(o.data_dir, ec) && !fs::is_directory(o.data_dir, ec))
    return Error{ErrorCode::kFailedPrecondition, o.data_dir + " exists and is not a directory",
                 "data", "not_a_directory"};
  if (!fs::exists(o.data_dir, ec)) {
    fs::create_directories(o.data_dir, ec);
    if (ec)
      return Error::Make(ErrorCode::kUnavailable,
                         "cannot create " + o.data_dir + ": " + ec.message());
    fs::permissions(o.data_dir, fs::perms::owner_all, ec);
  }
  auto lock = store::DirLock::Acquire(o.data_dir);
  if (!lock.ok()) return lock.error();
  if (fs::exists(path, ec))  // created meanwhile by another init
    return Error{ErrorCode::kFailedPrecondition, o.data_dir + " already holds an MIS store", "data",
                 "store_exists"};
  // Hashed before the store exists: a failure leaves nothing behind.
  auto hash = HashPassword(o.admin_password);
  if (!hash.ok()) return hash.error();
  auto opened = store::OpenMisStore(path, migrations, /*create=*/true);
  Status populated = opened.ok() ? Populate(*opened->db, o, *hash, clock) : Status(opened.error());
  if (populated.ok() && o.demo) {
    auto report = imports::RunImport(*opened->db, "calendar", "text/csv",
                                     DemoCalendarCsv(clock.NowMicros(), *zone), "ordo-mis init",
                                     clock.NowMicros());
    if (!report.ok())
      populated = report.error();
    else if (report->refused > 0)
      populated = Error::Make(ErrorCode::kInternal, "the demo calendar has refused rows: " +
                                                        imports::ToJson(*report).dump());
  }
  if (opened.ok()) opened->db.reset();
  if (!populated.ok()) RemoveStoreFiles(path);
  return populated;
}

}  // namespace ordo::mis::app
