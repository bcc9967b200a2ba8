// The self-contained ledger export: one JSON Lines file holding the public key, every
// checkpoint and every entry, checkable offline by `ordo ledger verify --export FILE`.
// Format in docs/ledger-format.md.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "ledger/checkpoint.h"
#include "ledger/entry.h"
#include "ledger/verify.h"

namespace ordo::ledger {

// Writes the export in order: header, checkpoints, entries, trailer. Not thread-safe.
class ExportWriter {
 public:
  ExportWriter(std::ostream& out, const std::string& public_key, TimeMicros exported_at,
               const std::vector<Checkpoint>& checkpoints);
  void Add(const LedgerEntry& entry);
  // Writes the trailer with the counts; the file is incomplete without it.
  void Finish();

 private:
  std::ostream& out_;
  std::int64_t entries_ = 0;
  std::int64_t checkpoints_ = 0;
};

// Verifies an export file. When `pinned_public_key` is non-empty the file's key must
// equal it (a copy of the key obtained out of band); otherwise the embedded key is
// trusted, which proves integrity against a database edit but not against someone
// who re-signs a forged export with a new key.
VerifyReport VerifyExportFile(const std::string& path, const std::string& pinned_public_key);

}  // namespace ordo::ledger
