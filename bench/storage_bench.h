// Storage-level measurements of the ordo benchmark (see docs/PERFORMANCE.md):
//   engine      - logbook commands through engine::Engine (single writer, group commit)
//   baseline a  - one SQLite transaction per entry, hash chain computed inline
//   baseline b  - pre-hashed rows inserted in large transactions (the storage limit)
// All three write the same rows (a ledger row plus its logbook_entry projection row)
// into a fresh store with the full ordo schema, synchronous=FULL, WAL.
#pragma once

#include <string>

#include "bench_util.h"

namespace ordo::bench {

struct EngineBenchOptions {
  std::string work_dir;      // a fresh data dir is created below it
  int submitters = 32;       // concurrent submitter threads
  int entries = 8000;        // total commands (split evenly over the submitters)
  bool closed_loop = false;  // true: each submitter waits for its reply before the next
  bool keep = false;         // keep the data dir
};
// Throws std::runtime_error on any failure (including a rejected command).
StorageRun RunEngineBench(const EngineBenchOptions& options);

struct SqliteBenchOptions {
  std::string work_dir;
  int entries = 1000;
  int batch = 1;  // rows per transaction
  bool keep = false;
  // Diagnostics for baseline (b) only: wrap every row in SAVEPOINT/RELEASE as the engine
  // wraps every command, optionally with PRAGMA temp_store=MEMORY (the sub-journal).
  bool savepoint_per_row = false;
  bool temp_store_memory = false;
};
// Baseline (a): batch is ignored; one BEGIN IMMEDIATE/COMMIT per entry, hashing inline,
// through store::AppendEntry and store::ApplyToProjections.
StorageRun RunPerEntryTxnBench(const SqliteBenchOptions& options);
// Baseline (b): rows and hashes prepared before the clock starts; bare prepared INSERTs
// in transactions of `batch` rows.
StorageRun RunBatchedInsertBench(const SqliteBenchOptions& options);

}  // namespace ordo::bench
