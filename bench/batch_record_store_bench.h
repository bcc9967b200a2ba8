// The batch record read from a real store (docs/PERFORMANCE.md "Batch record"): a demo
// data dir (`ordo init --demo`) into which the engine writes, in process, the ledger
// entries of an order with N operations and M consumed lots (through every capability's
// own projectors and row seals, as the API's commands would), and K small orders each
// sealed by a batchrecord.released entry, the oldest then changed after its seal. Timed:
// GatherFacts on a reader connection with the seal key installed (what a GET reads),
// RecordView (gather, compile, sealed versions), the worklist source
// batchrecord.awaiting_review, and the GET of the big order's record through the real
// server (`ordo serve`) with a quality user's session.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::bench {

struct StoreBenchOptions {
  std::string ordo_bin;
  std::string work_dir;
  int operations = 50, lots = 200, sealed = 1000, runs = 15;
  bool keep = false;
};

struct StoreBenchFigures {
  std::size_t entries = 0;  // ledger entries the big order's record reads
  std::vector<double> gather_ms, view_ms, worklist_ms, get_ms;
  std::size_t worklist_items = 0;  // batch record items on the worklist (expected: 1)
  std::size_t get_bytes = 0;
};

// The pinned spec of every benchmark operation: 4 parameters (10..90 C), 1 characteristic
// (-1..1), second-person verification. Shared by the in-memory and the store benchmark.
Json BenchOperationSpec();

// Throws std::runtime_error when the store cannot be made or a read fails.
StoreBenchFigures RunBatchRecordStoreBench(const StoreBenchOptions& options);

}  // namespace ordo::bench
