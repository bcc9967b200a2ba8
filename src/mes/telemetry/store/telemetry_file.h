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
#include "mes/telemetry/domain/seal.h"
#include "storage/database.h"

namespace ordo::telemetry {

// <dir of the store file>/telemetry.sqlite for the store at `store_path` (.../ordo.db).
std::string TelemetryPathOf(const std::string& store_path);

// Opens (kCreate: creates, with its table) the telemetry file at `path`.
Result<std::unique_ptr<storage::Database>> OpenTelemetryFile(const std::string& path,
                                                             storage::OpenMode mode);

// The process-wide connection to the telemetry file of the store at `store_path`, opened
// (and created) on first use. One for the writer thread (Writer) and one for the io
// thread (Reader) per store; each must only be used by that thread.
Result<storage::Database*> WriterFile(const std::string& store_path);
Result<storage::Database*> ReaderFile(const std::string& store_path);

// Stores the samples of an accepted batch in one transaction and commits it (durable when
// it returns: WAL, synchronous=FULL). Rows of the same (source, seq) left by an attempt
// that was never accepted are replaced. Each row gets the next id and its row hash.
Status InsertSamples(storage::Database& file, const equipment::AcceptedSamples& accepted);

// Rows with id > `after_id`, ascending, at most `limit`.
Result<std::vector<SampleRow>> RowsAfter(storage::Database& file, std::int64_t after_id,
                                         std::int64_t limit);
// Rows with first_id <= id <= last_id, ascending.
Result<std::vector<SampleRow>> RowsBetween(storage::Database& file, std::int64_t first_id,
                                           std::int64_t last_id);
// Deletes the rows of batches accepted after ledger seq `head_seq` (a backup's copy of the
// file, taken after the store's copy: the copied ledger does not know those batches).
Status TrimToLedger(storage::Database& file, std::int64_t head_seq);
// Deletes the rows with these ids (left over by a batch that was never accepted).
Status DeleteRows(storage::Database& file, const std::vector<std::int64_t>& ids);

// The values of `tag` with from_us <= device time < to_us, by device time then id, at most
// `limit` (+1, so the caller can tell there are more).
Result<std::vector<Point>> ValuesOf(storage::Database& file, const std::string& tag,
                                    TimeMicros from_us, TimeMicros to_us, std::int64_t limit);

}  // namespace ordo::telemetry
