// The telemetry file, <data>/telemetry.sqlite, opened through the storage driver: the
// stored samples (`sample`), written by the ingest command through the sample sink and
// read by the values endpoint and by `ordo ledger verify`. Its batches of rows are sealed
// by ledger events (telemetry.batch_sealed); which rows a seal covers is in the ledger
// (and its projection telemetry_seal in ordo.db), never in this file.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/equipment/sample_sink.h"
#include "mes/telemetry/domain/aggregate.h"
#include "mes/telemetry/domain/compaction.h"
#include "mes/telemetry/domain/seal.h"
#include "storage/database.h"

namespace ordo::telemetry {

// <dir of the store file>/telemetry.sqlite for the store at `store_path` (.../ordo.db).
std::string TelemetryPathOf(const std::string& store_path);

// Opens (kCreate: creates) the telemetry file at `path`; read-write opens bring its schema
// to the current version (PRAGMA user_version: 1 samples, 2 rollup and compaction).
Result<std::unique_ptr<storage::Database>> OpenTelemetryFile(const std::string& path,
                                                             storage::OpenMode mode);

// The process-wide connection to the telemetry file of the store at `store_path`, opened
// (and created) on first use. One for the writer thread (Writer) and one for the io
// thread (Reader) per store; each must only be used by that thread.
Result<storage::Database*> WriterFile(const std::string& store_path);
Result<storage::Database*> ReaderFile(const std::string& store_path);

// Stores the samples of an accepted batch. With `accepted.hold_for_group` the rows join the
// file's open transaction (begun by the first batch of the engine's group) and become
// durable at CommitHeldWrites, just before the ledger commits the group; else they are
// written in a transaction of their own, committed (durable: WAL, synchronous=FULL) before
// it returns. Rows of the same (source, seq) left by an attempt that was never accepted
// are replaced. Each row gets the next id and its row hash.
Status InsertSamples(storage::Database& file, const equipment::AcceptedSamples& accepted);
// The engine's group participant (engine::GroupParticipant) for the store at
// `store_path`: commits (or drops) the writer connection's open transaction, if any.
// A failed commit rolls it back and returns the error.
Status CommitHeldWrites(const std::string& store_path);
void RollbackHeldWrites(const std::string& store_path);

// Rows with id > `after_id`, ascending, at most `limit`.
Result<std::vector<SampleRow>> RowsAfter(storage::Database& file, std::int64_t after_id,
                                         std::int64_t limit);
// Rows with first_id <= id <= last_id, ascending.
Result<std::vector<SampleRow>> RowsBetween(storage::Database& file, std::int64_t first_id,
                                           std::int64_t last_id);
// Deletes the rows of batches accepted after ledger seq `head_seq` (a backup's copy of the
// file, taken after the store's copy: the copied ledger does not know those batches), and
// the rollups of compactions recorded after it. Error kConflict (reason
// `compacted_during_copy`), changing nothing: a compaction recorded after `head_seq` has
// already deleted its raw rows in the copy, so the copy lacks rows the copied ledger still
// counts as raw (the server compacted between the two copies; admin::Backup copies again).
Status TrimToLedger(storage::Database& file, std::int64_t head_seq);
// Deletes the rows with these ids (left over by a batch that was never accepted). Like
// WriteCompaction, it joins the writer's open transaction when there is one.
Status DeleteRows(storage::Database& file, const std::vector<std::int64_t>& ids);

// The newest device time of each tag among the rows with first_id <= id <= last_id (as
// rows holding only tag and time_us): enough to tell whether a batch is due (BatchDue)
// without reading its rows.
Result<std::vector<SampleRow>> NewestPerTag(storage::Database& file, std::int64_t first_id,
                                            std::int64_t last_id);

// True when the file has the rollup tables (version 2; a read-only open of an older file
// has not).
Result<bool> HasRollupTables(storage::Database& file);

// The raw rows of a recorded compaction's batch to delete (first_id..last_id of its seal).
struct PurgeRange {
  std::int64_t compaction = 0;
  std::int64_t first_id = 0, last_id = 0;
};
// In one transaction: deletes the raw rows of `purge` (compactions whose entries are
// durable) and marks them purged; removes rollups of compactions numbered above
// `recorded_through` (left by a compaction whose entry never became durable); then writes
// `rollup` (one compaction, recorded at `entry_seq`; may be empty). `purged_rows` gets the
// raw rows deleted.
Status WriteCompaction(storage::Database& file, const std::vector<PurgeRange>& purge,
                       std::int64_t recorded_through, std::int64_t entry_seq,
                       const std::vector<RollupRow>& rollup, std::int64_t* purged_rows);
// The rollup rows of `compaction`, by tag then minute.
Result<std::vector<RollupRow>> RollupRowsOf(storage::Database& file, std::int64_t compaction);
// The compactions the file holds: from its compaction table (purged 0/1), and rollup rows
// of a number it does not list (purged -1); with their rollup row count.
struct FileCompaction {
  std::int64_t number = 0, entry_seq = 0, purged = 0, rollup_rows = 0;
};
Result<std::vector<FileCompaction>> FileCompactions(storage::Database& file);

// The points of `tag` with from_us <= time < to_us, by time: each raw value, and each
// rollup row of a purged compaction (one minute's count/min/max/sum at the minute's
// start, `rollup` set); at most `limit` (+1, so the caller can tell there are more).
Result<std::vector<Point>> ValuesOf(storage::Database& file, const std::string& tag,
                                    TimeMicros from_us, TimeMicros to_us, std::int64_t limit);
// The SQL ValuesOf runs (?1 tag, ?2 from_us, ?3 to_us, ?4 limit + 1; for tests of its
// plan): the raw rows through the index by time bucket (schema versions 3 and 4).
const std::string& ValuesOfQuery();

}  // namespace ordo::telemetry
