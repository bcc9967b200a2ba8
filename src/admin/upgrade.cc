// Schema upgrade of a data directory: plan (read-only), backup, apply in one transaction.
#include <sys/stat.h>

#include <filesystem>

#include "admin/data_dir_ops.h"
#include "store/schema.h"

namespace ordo::admin {

namespace {

// "20261129T203112Z": sortable and safe in a file name.
std::string CompactUtc(TimeMicros t) {
  std::string iso = FormatUtcMicros(t);  // 2026-11-29T20:31:12.123456Z
  std::string out;
  for (char c : iso.substr(0, 19))
    if (c != '-' && c != ':') out += c;
  return out + "Z";
}

}  // namespace

Result<UpgradeReport> UpgradeStore(const store::DataDir& dir, const Clock& clock) {
  store::SchemaPlan plan;
  {
    auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
    if (!db.ok()) return db.error();
    auto planned = store::PlanSchemaUpgrade(**db);
    if (!planned.ok()) return planned.error();
    plan = std::move(*planned);
  }
  if (!plan.newer.empty())
    return Error::Make(ErrorCode::kFailedPrecondition, "refusing to open '" + dir.DatabasePath() +
                                                           "': " + plan.newer +
                                                           " (the store was left untouched)");
  UpgradeReport report{plan.Describe(), ""};
  if (plan.pending.empty()) return report;

  const std::string backups = dir.root + "/backups";
  std::error_code ec;
  std::filesystem::create_directories(backups, ec);
  if (ec)
    return Error::Make(
        ErrorCode::kUnavailable,
        "cannot create '" + backups + "' for the pre-upgrade backup: " + ec.message());
  ::chmod(backups.c_str(), 0700);
  report.backup = backups + "/ordo-" + CompactUtc(clock.NowMicros()) + "-before-upgrade.db";
  if (Status s = Backup(dir, report.backup); !s.ok())
    return Error::Make(s.error().code,
                       "schema upgrade stopped before any change: the backup "
                       "failed: " +
                           s.error().message);
  auto db = store::OpenStore(dir, storage::OpenMode::kReadWrite);
  if (!db.ok()) return db.error();
  if (Status s = store::ApplySchemaUpgrade(**db, plan); !s.ok())
    return Error::Make(s.error().code, s.error().message + " (nothing was changed; the backup is " +
                                           report.backup + ")");
  return report;
}

}  // namespace ordo::admin
