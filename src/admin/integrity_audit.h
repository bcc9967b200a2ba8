// The integrity audit: compares what decisions rely on with the ledger, on a read-only
// connection, off the writer. One run checks the ledger entries added since the previous
// run (chain links, entry hashes, the checkpoints that sign them) and every guarded row
// against its seal (store/row_seal.h). `ordo ledger audit` runs it once from the start of
// the ledger; `ordo serve --audit-interval` runs it in the background from where the last
// run stopped. docs/operations.md ("Integrity audit") says what a run covers and costs.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"
#include "ledger/entry.h"
#include "storage/database.h"
#include "store/data_dir.h"
#include "store/row_seal.h"

namespace ordo::admin {

// Where the previous run stopped: the last entry whose chain link and hash were checked.
struct AuditCursor {
  std::int64_t seq = 0;
  std::string hash = ledger::kGenesisHash;
};

struct AuditReport {
  std::vector<store::IntegrityViolation> violations;  // found_by "audit"
  std::int64_t entries_checked = 0;
  std::int64_t checkpoints_checked = 0;
  std::int64_t rows_checked = 0;
  // What the audit did not check as usual, e.g. a table checked under the columns the seal
  // file recorded before an upgrade, which the next `ordo serve` seals afresh.
  std::vector<std::string> notes;
  AuditCursor cursor;  // where the next run starts (not moved past a broken entry)
};

// One audit run on `db` (read-only; the caller holds one read snapshot) from `from`.
// `seal_key` is the row seal key, `public_key` the site's signing key (hex) that
// checkpoints must verify under. Violations name the table and key ("ledger" and
// "seq=N" for the chain). `sealed` is what the seal file records (SealState::sealed):
// a table recorded under other columns than this release's (an upgraded store not yet
// served) is checked under the recorded ones, as the engine does before it seals it
// afresh, and one the file does not record (a new guarded table) is not checked; both are
// noted. Empty: every table is checked under this release's columns. Fails when the store
// cannot be read or a recorded column is no longer in its table.
Result<AuditReport> AuditStore(storage::Database& db, const std::string& seal_key,
                               const std::string& public_key, const AuditCursor& from,
                               const std::map<std::string, std::string>& sealed = {});

// `ordo ledger audit --data DIR`: opens the store read-only (safe while the server runs),
// reads the keys from DIR/keys/ and runs AuditStore from the start of the ledger. A store
// without a seal file (never served by a release with seals) is an error.
Result<AuditReport> AuditDataDir(const store::DataDir& dir);

// The background audit of `ordo serve`: a thread of its own with its own read-only
// connection; every `interval_seconds` it runs AuditStore from where the last run stopped
// and reports each violation (store::ReportIntegrityViolation) and one log line per run.
class BackgroundAudit {
 public:
  BackgroundAudit(store::DataDir dir, std::int64_t interval_seconds);
  ~BackgroundAudit();  // stops and joins
  BackgroundAudit(const BackgroundAudit&) = delete;
  BackgroundAudit& operator=(const BackgroundAudit&) = delete;
  void Stop();

 private:
  void Run();

  store::DataDir dir_;
  std::int64_t interval_seconds_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;  // guarded by mutex_
  std::thread thread_;
};

}  // namespace ordo::admin
