// The snapshot service of `ordo-mis serve`: on its own thread and store connection it
// computes the snapshot of the last 7 days (snapshot.h) and stores it (store.h) at start
// and then every 5 minutes, so the SQL views follow the imports and the MES feed.
// POST /api/v1/snapshots/refresh does the same at once.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <thread>

#include "mis/app/service.h"
#include "storage/database.h"

namespace ordo::mis::snapshots {

inline constexpr int kSnapshotDays = 7;

struct Refreshed {
  std::size_t figures = 0, elements = 0;
  TimeMicros from = 0, to = 0;
};
// Loads the KPI inputs from `db`, computes the snapshot of `days` local days of `zone` up
// to `now` and stores it; the numbers of figures and elements stored. Failures: the
// store's.
Result<Refreshed> RefreshSnapshot(storage::Database& db, TimeMicros now, int days,
                                  const calendar::TimeZone& zone);

class SnapshotService : public app::Service {
 public:
  explicit SnapshotService(int interval_seconds = 300) : interval_seconds_(interval_seconds) {}
  ~SnapshotService() override;
  std::string name() const override { return "KPI snapshots"; }
  Status Start(const app::ServiceContext& context) override;
  void Stop() override;

 private:
  void Run();
  int interval_seconds_;
  app::ServiceContext context_;
  std::unique_ptr<storage::Database> db_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
};

}  // namespace ordo::mis::snapshots
