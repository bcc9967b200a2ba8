// The snapshot service's loop.
#include "mis/snapshots/service.h"

#include <spdlog/spdlog.h>

#include "mis/http/context.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/snapshots/store.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::snapshots {

Result<Refreshed> RefreshSnapshot(storage::Database& db, TimeMicros now, int days,
                                  const calendar::TimeZone& zone) {
  // One consistent snapshot of imports and feed rows, whatever the consumer commits.
  ORDO_TRY(db.Exec("BEGIN"));
  auto inputs = kpi_source::LoadKpiInputs(db, zone);
  if (Status ended = db.Exec("COMMIT"); !ended.ok()) {
    (void)db.Exec("ROLLBACK");
    return ended.error();
  }
  if (!inputs.ok()) return inputs.error();
  const ElementIndex index(*inputs);
  const Snapshot snapshot = ComputeSnapshot(index, now, days, zone);
  ORDO_TRY(StoreSnapshot(db, snapshot, now));
  return Refreshed{snapshot.figures.size(), snapshot.elements.size(), snapshot.from, snapshot.to};
}

SnapshotService::~SnapshotService() { Stop(); }

Status SnapshotService::Start(const app::ServiceContext& context) {
  context_ = context;
  auto db = storage::OpenSqlite(context.store_path, storage::OpenMode::kReadWrite);
  if (!db.ok()) return db.error();
  db_ = std::move(*db);
  thread_ = std::thread([this] { Run(); });
  return Ok();
}

void SnapshotService::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void SnapshotService::Run() {
  http::SetThisThreadNice(http::kReportNice);  // KPI work, as the report thread's
  while (!stopping_) {
    Result<Refreshed> done = Error::Make(ErrorCode::kInternal, "not run");
    try {
      done = RefreshSnapshot(*db_, context_.clock->NowMicros(), kSnapshotDays, context_.time_zone);
    } catch (const std::exception& e) {  // a bug: logged, retried next time, never the process
      done = Error::Make(ErrorCode::kInternal, e.what());
    }
    if (!done.ok())
      spdlog::error("snapshots: refresh failed: {}", done.error().message);
    else
      spdlog::info("snapshots: {} figures and {} elements stored", done->figures, done->elements);
    std::unique_lock lock(mutex_);
    wake_.wait_for(lock, std::chrono::seconds(interval_seconds_),
                   [this] { return stopping_.load(); });
  }
}

}  // namespace ordo::mis::snapshots
