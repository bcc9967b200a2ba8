// The layout of an ordo data directory: DIR/ordo.db (the store), DIR/keys/ (the
// ledger signing key, readable by the server's user only) and DIR/keys/checkpoints.jsonl
// (an append-only copy of every checkpoint, outside the database).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/checkpoint.h"
#include "storage/database.h"

namespace ordo::store {

struct DataDir {
  std::string root;
  std::string DatabasePath() const { return root + "/ordo.db"; }
  std::string KeysDir() const { return root + "/keys"; }
  std::string SigningKeyPath() const { return KeysDir() + "/ledger-signing.key"; }
  std::string CheckpointLogPath() const { return KeysDir() + "/checkpoints.jsonl"; }
};

// Opens the store of `dir` through the storage driver it uses (SQLite today).
Result<std::unique_ptr<storage::Database>> OpenStore(const DataDir& dir, storage::OpenMode mode);
// Opens a store file by path (verify --db, replay on a copy).
Result<std::unique_ptr<storage::Database>> OpenStoreFile(const std::string& path,
                                                         storage::OpenMode mode);
// An empty in-memory store of the same driver (replay checks).
Result<std::unique_ptr<storage::Database>> OpenScratch();

// Writes a new secret key file with mode 0600 (keys dir 0700). Fails if it exists.
Status WriteSigningKey(const DataDir& dir, const std::string& secret_key_hex);
// Reads the secret key (hex). Fails with a message naming the path.
Result<std::string> ReadSigningKey(const DataDir& dir);

// Appends one checkpoint line and fsyncs the log.
Status AppendCheckpointLog(const DataDir& dir, const ledger::Checkpoint& checkpoint);
// Reads the log; a missing file is an error (init always writes the first line).
Result<std::vector<ledger::Checkpoint>> ReadCheckpointLog(const DataDir& dir);

}  // namespace ordo::store
