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

// One sealed version as the ledger holds it (batchrecord.released): its content, its line
// of the release block (batchrecord::VersionLine: signature, times, checkpoint) and the
// review block in force when it was sealed (batchrecord::SealedReview).
struct SealedRecord {
  std::int64_t version = 0, seq = 0, checkpoint_seq = 0;
  std::string content_hash;
  Json record;
  Json release = nullptr;
  Json review = nullptr;
};

// The verdict on an exported record (the JSON of GET .../batch-record, or of a sealed
// version) against the order's sealed versions: ok when its recomputed content hash is
// that of a sealed version and its review and release blocks (when present) agree with
// the ledger's (batchrecord::BlockDifferences); otherwise the message starts with
// DIFFERS and names the first differing JSON path: of the content against the version
// whose hash the file claims (else the latest), or of a block (e.g.
// release.versions[0].signature.printed_name, review.exceptions[0].comment).
struct RecordVerdict {
  bool ok = false;
  std::string message;
};
// `sealed_version`: the whole file when it is the answer of GET .../versions/{n} (its
// order_id, version, content_hash and seq must be those of the matched version), else null.
// A file's content_hash must be its recomputed one.
RecordVerdict CheckRecord(const Json& exported, const std::vector<SealedRecord>& sealed,
                          const Json& sealed_version = nullptr);

// `ordo ledger verify --record FILE` with --data DIR (first verifies the ledger's hash
// chain and signed checkpoints as `ordo ledger verify --data DIR` does, then reads the
// sealed versions, reviews and release signatures from the ledger) or the connection's
// --server (the same from the API: the record's release block and each sealed version).
// Exit 0 when the file matches a sealed version, 1 when it differs, none is sealed or the
// ledger itself fails verification, 2 on bad usage.
int VerifyRecordFile(const std::string& file, const std::string& data_dir,
                     const Connection& connection);

}  // namespace ordo::cli
