// `ordo batch-record export ORDER --to FILE [--html]` (the record from a running server)
// and `ordo ledger verify --record FILE` (does an exported record equal its sealed
// version in the ledger?). docs/batch-record.md.
#pragma once

#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "cli/server_session.h"
#include "core/canonical_json.h"

namespace ordo::cli {

// Adds `batch-record export` to `app`; the exit code goes to *rc (0 written, 1 the server
// refused or could not be reached or the file could not be written, 2 bad usage).
void AddBatchRecordCommands(CLI::App& app, int* rc);

// One sealed version as the ledger holds it (batchrecord.released).
struct SealedRecord {
  std::int64_t version = 0, seq = 0, checkpoint_seq = 0;
  std::string content_hash;
  Json record;
};

// The verdict on an exported record (the JSON of GET .../batch-record, or of a sealed
// version) against the order's sealed versions: ok when its recomputed content hash is
// that of a sealed version; otherwise the message names the first differing JSON path
// against the version whose hash the file claims (else the latest).
struct RecordVerdict {
  bool ok = false;
  std::string message;
};
RecordVerdict CheckRecord(const Json& exported, const std::vector<SealedRecord>& sealed);

// `ordo ledger verify --record FILE` with --data DIR (reads the ledger of the store) or
// the connection's --server (the sealed versions from the API). Exit 0 when the file
// matches a sealed version, 1 when it differs or none is sealed, 2 on bad usage.
int VerifyRecordFile(const std::string& file, const std::string& data_dir,
                     const Connection& connection);

}  // namespace ordo::cli
