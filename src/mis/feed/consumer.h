// The MES ledger feed consumer, a service of `ordo-mis serve --mes URL --mes-user NAME
// --mes-password-file FILE` (docs/mis.md, "The MES ledger feed"). On its own thread and
// its own store connection it signs in to the MES as the feed account (MES role
// feed_reader), long-polls GET /api/v1/ledger after its cursor, checks that the hash chain
// continues (chain.h), derives the machine-data rows (derive.h) and writes them with the
// new cursor in one transaction (feed_store.h). It never writes to the MES.
// - The MES down or unreachable, the account refused, or the MIS store failing to write:
//   the state says so (unreachable, refused, store_error), and it retries with backoff
//   (1 s doubling to 30 s). The MIS keeps serving what it has.
// - An expired session (401): it signs in again.
// - A gap, a broken chain, a changed entry or an entry it cannot read: it stores what came
//   before, raises an alarm (logged as an error, shown by GET /api/v1/feed) and stops
//   consuming until ordo-mis is restarted. Nothing is skipped silently. So does a bug (an
//   exception: alarm `internal`), rather than taking the process down.
// - A page with nothing after the cursor: it asks the MES for its newest entry
//   (GET /api/v1/ledger?before=0&limit=1, chain.h CheckHead). A ledger that ends before
//   the cursor (an MES restored from an older backup, or another MES) raises the alarm
//   mes_ledger_behind_cursor, and an entry at the cursor with another hash broken_chain,
//   as above.
// - With --mes-public-key: for each page (and each poll that found nothing new) it also
//   reads the MES's signed checkpoints from the cursor's seq on (GET
//   /api/v1/ledger/checkpoints) and, before storing anything of the page, checks those at
//   the cursor and in the page (checkpoints.h): a checkpoint not signed by the pinned key
//   (checkpoint_signature) or of another hash than the entry the MIS received
//   (checkpoint_mismatch) is an alarm as above, with nothing of the page stored. The
//   newest checkpoint verified is stored with the cursor. Without the key it logs a
//   warning at start and records that checkpoints are not checked.
// - With --mes-public-key, after each page (and each poll that found nothing new): when
//   more entries were taken without a verified checkpoint than --checkpoint-overdue-entries
//   (default 3000), or the oldest of them has waited longer than
//   --checkpoint-overdue-seconds (default 1800; checkpoint_overdue.h), it raises the alarm
//   checkpoint_overdue at the cursor, logged as a warning, once while it is open, and goes
//   on consuming: the chain still checks every entry. A checkpoint verified at or past the
//   alarm's seq resolves it (feed_store.h MarkCheckpointVerified). The count starts at the
//   newest verified checkpoint, or at the cursor at start when the key pinned is not the
//   previous run's (checkpoints before the cursor are not checked back); the wait starts
//   at the first entry this run took past it.
// Without --mes the service only records the state not_configured.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "mis/app/service.h"
#include "storage/database.h"

namespace ordo::mis::feed {

struct ConsumerOptions {
  int wait_seconds = 3;  // the long-poll's wait (also bounds how long Stop takes)
  int page_limit = 500;  // entries per page
  int max_backoff_ms = 30'000;
};

class FeedConsumer : public app::Service {
 public:
  explicit FeedConsumer(ConsumerOptions options = {}) : options_(options) {}
  ~FeedConsumer() override;
  std::string name() const override { return "ledger feed consumer"; }
  Status Start(const app::ServiceContext& context) override;
  void Stop() override;

 private:
  void Run();     // Follow, with any exception turned into an `internal` alarm
  void Follow();  // the loop
  // Waits `ms`, or less when stopping; false when stopping.
  bool Pause(int ms);

  ConsumerOptions options_;
  app::ServiceContext context_;
  // Where the count of entries without a verified checkpoint starts (set by Start).
  std::int64_t counted_from_ = 0;
  std::unique_ptr<storage::Database> db_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::atomic<bool> stopping_{false};
};

}  // namespace ordo::mis::feed
