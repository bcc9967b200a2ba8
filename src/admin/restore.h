// `ordo restore`: a backup (admin::Backup) restored into a new data directory, verified
// and recorded (docs/operations.md, Restore). Part of ordo_init: it runs the engine.
#pragma once

#include <cstdint>
#include <string>

#include "admin/data_dir_ops.h"
#include "engine/engine.h"

namespace ordo::admin {

struct RestoreOptions {
  std::string backup_file;  // made by Backup (`ordo backup`)
  std::string keys_dir;     // a copy of the site's DIR/keys/: signing key and checkpoint log
  store::DataDir dir;       // the new data directory
  engine::Actor actor;      // who restores (recorded in store.restored)
};

struct RestoreReport {
  std::string backup_sha256;
  std::int64_t source_head_seq = 0;  // the backup's ledger head
  std::string source_head_hash;
  std::int64_t restored_seq = 0;  // the store.restored entry (source_head_seq + 1)
  std::int64_t log_checkpoints_after_backup = 0;
  std::string archived_checkpoint_log;  // under DIR/keys/
};

// Restores a backup into a new data directory (docs/operations.md, Restore). Refuses
// (conflict) when DIR holds a store or key, or is locked by a running server; refuses
// (failed_precondition) a backup that does not verify under the key in `keys_dir`
// (chain, checkpoint signatures), whose projections differ from a replay of its ledger,
// or that lacks a checkpoint the old checkpoint log holds below the backup's head. Then
// writes the key, archives the old log as DIR/keys/checkpoints-before-restore.jsonl,
// starts a new log with the backup's checkpoints, moves the store in place, upgrades its
// schema if needed, records `store.restored` (the first entry after the backup's head)
// as `actor`, signs a checkpoint and verifies DIR. On any failure everything it created
// is removed again: no directory that looks like a store is left behind.
Result<RestoreReport> RestoreBackup(const RestoreOptions& options, const Clock& clock);

}  // namespace ordo::admin
