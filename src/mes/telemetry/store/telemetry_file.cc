// The telemetry file (telemetry_file.h).
#include "mes/telemetry/store/telemetry_file.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

#include "storage/rows.h"
#include "storage/sqlite/wal_checkpointer.h"
#include "store/data_dir.h"

namespace ordo::telemetry {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS sample(
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  tag TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  value TEXT NOT NULL,
  source TEXT NOT NULL,
  seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  entry_seq INTEGER NOT NULL,
  received_us INTEGER NOT NULL,
  row_hash TEXT NOT NULL,
  UNIQUE(source, seq, idx));
)sql";

// Version 2 (retention): the per-minute rollup rows of compacted batches, and the file's
// side of each compaction (purged: the raw rows of its batches are deleted; set only after
// its telemetry.batch_compacted entry is durable).
constexpr const char* kSchemaV2 = R"sql(
CREATE TABLE IF NOT EXISTS rollup(
  compaction INTEGER NOT NULL,
  tag TEXT NOT NULL,
  minute_us INTEGER NOT NULL,
  count INTEGER NOT NULL,
  min TEXT NOT NULL,
  max TEXT NOT NULL,
  sum TEXT NOT NULL,
  row_hash TEXT NOT NULL,
  PRIMARY KEY(compaction, tag, minute_us));
CREATE INDEX IF NOT EXISTS rollup_by_tag ON rollup(tag, minute_us);
CREATE TABLE IF NOT EXISTS compaction(
  number INTEGER PRIMARY KEY,
  entry_seq INTEGER NOT NULL,
  purged INTEGER NOT NULL DEFAULT 0);
)sql";

// Version 3: the samples' index for reading a tag's values is by time bucket first
// (kBucketShift), then tag and time. Version 1 indexed (tag, time_us): every second's
// samples of 10,000 tags landed on as many leaf pages spread over the whole index, so each
// commit wrote a page per sample once the index was large (the log of a second grew with
// the table, to ~50 MB at a plant's 10,000 samples/s). Within one bucket the index is small
// and the writes stay there; a read seeks each bucket of its window that holds any sample.
// Version 4: the bucket is 2^22 us (about 4.2 s; it was 2^24, about 16.8 s). Each commit
// still rewrites the part of the current bucket its tags fall in, and that part grows with
// the bucket's seconds: a quarter of the bucket halves the log a second writes at 10,000
// samples/s (docs/PERFORMANCE.md), for 4x the buckets a long read seeks. The bucket's
// expression is the same text in the index and in ValuesOf (SQLite uses an index on an
// expression only for that expression).
constexpr int kBucketShift = 22;
const std::string kBucket = "(time_us >> " + std::to_string(kBucketShift) + ")";
const std::string kSampleIndex =
    "DROP INDEX IF EXISTS sample_by_tag; DROP INDEX IF EXISTS sample_by_bucket; "
    "CREATE INDEX sample_by_bucket ON sample(" +
    kBucket + ", tag, time_us);";

// The file's schema version (PRAGMA user_version): files from before versioning hold v1.
constexpr std::int64_t kFileVersion = 4;

Status Migrate(storage::Database& db) {
  auto version =
      storage::FirstRow<std::int64_t>(db, "PRAGMA user_version", storage::NoBind,
                                      [](const storage::Statement& s) { return s.Int(0); });
  if (!version.ok()) return version.error();
  const std::int64_t v = version->value_or(0);
  if (v >= kFileVersion) return Ok();
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  if (v < 1) ORDO_TRY(db.Exec(kSchema));
  if (v < 2) ORDO_TRY(db.Exec(kSchemaV2));
  if (v < 4) ORDO_TRY(db.Exec(kSampleIndex));  // versions 3 and 4: the index by bucket
  ORDO_TRY(db.Exec("PRAGMA user_version = " + std::to_string(kFileVersion)));
  return tx.Commit();
}

RollupRow RollupOfRow(const storage::Statement& s) {
  RollupRow r;
  r.compaction = s.Int(0);
  r.tag = s.Text(1);
  r.minute_us = s.Int(2);
  r.count = s.Int(3);
  r.min = std::strtod(s.Text(4).c_str(), nullptr);
  r.max = std::strtod(s.Text(5).c_str(), nullptr);
  r.sum = std::strtod(s.Text(6).c_str(), nullptr);
  r.row_hash = s.Text(7);
  return r;
}

constexpr const char* kColumns =
    "SELECT id, tag, time_us, value, source, seq, idx, entry_seq, received_us, row_hash "
    "FROM sample ";

SampleRow RowOf(const storage::Statement& s) {
  SampleRow r;
  r.id = s.Int(0);
  r.tag = s.Text(1);
  r.time_us = s.Int(2);
  r.value = std::strtod(s.Text(3).c_str(), nullptr);
  r.source = s.Text(4);
  r.seq = s.Int(5);
  r.idx = s.Int(6);
  r.entry_seq = s.Int(7);
  r.received_us = s.Int(8);
  r.row_hash = s.Text(9);
  return r;
}

struct Connections {
  std::mutex mutex;
  std::map<std::string, std::unique_ptr<storage::Database>> open;  // guarded by mutex
};

Connections& Registry() {
  static Connections* c = new Connections();  // lives until exit (used by static engines)
  return *c;
}

// The open connection of `role` to the telemetry file of `store_path`, or nullptr.
storage::Database* OpenShared(const std::string& store_path, const char* role) {
  Connections& c = Registry();
  std::lock_guard lock(c.mutex);
  auto it = c.open.find(std::string(role) + ":" + store_path);
  return it == c.open.end() ? nullptr : it->second.get();
}

// A write that joins the transaction the file is in (samples held for the engine's group,
// AcceptedSamples::hold_for_group), or else runs in a transaction of its own and commits it.
class FileWrite {
 public:
  explicit FileWrite(storage::Database& file) : joined_(file.InTransaction()) {
    if (!joined_) own_.emplace(file);
  }
  Status begin_status() const { return joined_ ? Ok() : own_->begin_status(); }
  Status Commit() { return joined_ ? Ok() : own_->Commit(); }

 private:
  bool joined_;
  std::optional<storage::Transaction> own_;
};

Result<storage::Database*> Shared(const std::string& store_path, const char* role) {
  Connections& c = Registry();
  const std::string key = std::string(role) + ":" + store_path;
  std::lock_guard lock(c.mutex);
  auto it = c.open.find(key);
  if (it != c.open.end()) return it->second.get();
  auto db = OpenTelemetryFile(TelemetryPathOf(store_path), storage::OpenMode::kCreate);
  if (!db.ok()) return db.error();
  storage::Database* raw = db->get();
  // The engine checkpoints the file's log off the writer thread (GroupParticipant::wal_file).
  if (std::string(role) == "writer")
    ORDO_TRY((*db)->Exec("PRAGMA wal_autocheckpoint=" +
                         std::to_string(storage::kWriterAutoCheckpointPages)));
  c.open[key] = std::move(*db);
  return raw;
}

}  // namespace

std::string TelemetryPathOf(const std::string& store_path) {
  return (std::filesystem::path(store_path).parent_path() / "telemetry.sqlite").string();
}

Result<std::unique_ptr<storage::Database>> OpenTelemetryFile(const std::string& path,
                                                             storage::OpenMode mode) {
  auto db = store::OpenStoreFile(path, mode);
  if (!db.ok()) return db.error();
  if (mode != storage::OpenMode::kReadOnly) ORDO_TRY(Migrate(**db));
  return db;
}

Result<storage::Database*> WriterFile(const std::string& store_path) {
  return Shared(store_path, "writer");
}

Result<storage::Database*> ReaderFile(const std::string& store_path) {
  return Shared(store_path, "reader");
}

Status CommitHeldWrites(const std::string& store_path) {
  storage::Database* file = OpenShared(store_path, "writer");
  if (!file || !file->InTransaction()) return Ok();
  Status s = file->Exec("COMMIT");
  if (!s.ok() && file->InTransaction()) (void)file->Exec("ROLLBACK");
  return s;
}

void RollbackHeldWrites(const std::string& store_path) {
  storage::Database* file = OpenShared(store_path, "writer");
  if (file && file->InTransaction()) (void)file->Exec("ROLLBACK");
}

Status InsertSamples(storage::Database& file, const equipment::AcceptedSamples& accepted) {
  if (accepted.hold_for_group && !file.InTransaction())
    ORDO_TRY(file.Exec("BEGIN IMMEDIATE"));  // committed by CommitHeldWrites
  FileWrite tx(file);
  ORDO_TRY(tx.begin_status());
  ORDO_TRY(storage::Run(
      file, "DELETE FROM sample WHERE source = ? AND seq = ?",
      [&](storage::Statement& s) { s.Bind(1, accepted.source).Bind(2, accepted.seq); }));
  auto next = storage::FirstRow<std::int64_t>(
      file, "SELECT COALESCE((SELECT seq FROM sqlite_sequence WHERE name = 'sample'), 0)",
      storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
  if (!next.ok()) return next.error();
  std::int64_t id = next->value_or(0);
  auto st = file.Prepare(
      "INSERT INTO sample(id, tag, time_us, value, source, seq, idx, entry_seq, received_us, "
      "row_hash) VALUES(?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  const auto& samples = *accepted.samples;
  for (std::size_t i = 0; i < samples.size(); ++i) {
    SampleRow r;
    r.id = ++id;
    r.tag = samples[i].tag;
    r.time_us = samples[i].device_time_us;
    r.value = samples[i].value;
    r.source = accepted.source;
    r.seq = accepted.seq;
    r.idx = static_cast<std::int64_t>(i);
    r.entry_seq = accepted.entry_seq;
    r.received_us = accepted.received_us;
    const std::string value_text = ValueText(r.value);  // bound and hashed
    (*st)->Bind(1, r.id).Bind(2, r.tag).Bind(3, r.time_us).Bind(4, value_text);
    (*st)->Bind(5, r.source).Bind(6, r.seq).Bind(7, r.idx).Bind(8, r.entry_seq);
    (*st)->Bind(9, r.received_us).Bind(10, RowHashOfLine(RowLine(r, value_text)));
    ORDO_TRY((*st)->Run());
  }
  return tx.Commit();
}

Result<std::vector<SampleRow>> RowsAfter(storage::Database& file, std::int64_t after_id,
                                         std::int64_t limit) {
  return storage::Rows<SampleRow>(
      file, std::string(kColumns) + "WHERE id > ? ORDER BY id LIMIT ?",
      [&](storage::Statement& s) { s.Bind(1, after_id).Bind(2, limit); }, RowOf);
}

Result<std::vector<SampleRow>> RowsBetween(storage::Database& file, std::int64_t first_id,
                                           std::int64_t last_id) {
  return storage::Rows<SampleRow>(
      file, std::string(kColumns) + "WHERE id >= ? AND id <= ? ORDER BY id",
      [&](storage::Statement& s) { s.Bind(1, first_id).Bind(2, last_id); }, RowOf);
}

Status TrimToLedger(storage::Database& file, std::int64_t head_seq) {
  auto has = HasRollupTables(file);
  if (!has.ok()) return has.error();
  if (!*has)
    return storage::Run(file, "DELETE FROM sample WHERE entry_seq > ?",
                        [&](storage::Statement& s) { s.Bind(1, head_seq); });
  auto raced = storage::FirstRow<std::int64_t>(
      file, "SELECT MIN(number) FROM compaction WHERE entry_seq > ? AND purged != 0",
      [&](storage::Statement& s) { s.Bind(1, head_seq); },
      [](const storage::Statement& s) { return s.IsNull(0) ? 0 : s.Int(0); });
  if (!raced.ok()) return raced.error();
  if (raced->value_or(0) != 0) {
    Error e{ErrorCode::kConflict,
            "telemetry compaction " + std::to_string(**raced) +
                " deleted its raw rows after the store was copied (ledger head " +
                std::to_string(head_seq) + "): the copy of the telemetry file lacks them",
            "telemetry.sqlite", "compacted_during_copy"};
    return e;
  }
  ORDO_TRY(storage::Run(file, "DELETE FROM sample WHERE entry_seq > ?",
                        [&](storage::Statement& s) { s.Bind(1, head_seq); }));
  ORDO_TRY(storage::Run(
      file,
      "DELETE FROM rollup WHERE compaction IN (SELECT number FROM compaction WHERE entry_seq > ?)",
      [&](storage::Statement& s) { s.Bind(1, head_seq); }));
  return storage::Run(file, "DELETE FROM compaction WHERE entry_seq > ?",
                      [&](storage::Statement& s) { s.Bind(1, head_seq); });
}

Result<std::vector<SampleRow>> NewestPerTag(storage::Database& file, std::int64_t first_id,
                                            std::int64_t last_id) {
  return storage::Rows<SampleRow>(
      file, "SELECT tag, MAX(time_us) FROM sample WHERE id >= ? AND id <= ? GROUP BY tag",
      [&](storage::Statement& s) { s.Bind(1, first_id).Bind(2, last_id); },
      [](const storage::Statement& s) {
        SampleRow r;
        r.tag = s.Text(0);
        r.time_us = s.Int(1);
        return r;
      });
}

Result<bool> HasRollupTables(storage::Database& file) {
  auto n = storage::FirstRow<std::int64_t>(
      file, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'compaction'",
      storage::NoBind, [](const storage::Statement& s) { return s.Int(0); });
  if (!n.ok()) return n.error();
  return n->value_or(0) > 0;
}

Status WriteCompaction(storage::Database& file, const std::vector<PurgeRange>& purge,
                       std::int64_t recorded_through, std::int64_t entry_seq,
                       const std::vector<RollupRow>& rollup, std::int64_t* purged_rows) {
  FileWrite tx(file);
  ORDO_TRY(tx.begin_status());
  *purged_rows = 0;
  for (const PurgeRange& p : purge) {
    auto bind = [&](storage::Statement& s) { s.Bind(1, p.first_id).Bind(2, p.last_id); };
    auto n = storage::FirstRow<std::int64_t>(
        file, "SELECT COUNT(*) FROM sample WHERE id >= ? AND id <= ?", bind,
        [](const storage::Statement& s) { return s.Int(0); });
    if (!n.ok()) return n.error();
    *purged_rows += n->value_or(0);
    ORDO_TRY(storage::Run(file, "DELETE FROM sample WHERE id >= ? AND id <= ?", bind));
    ORDO_TRY(storage::Run(file, "UPDATE compaction SET purged = 1 WHERE number = ?",
                          [&](storage::Statement& s) { s.Bind(1, p.compaction); }));
  }
  // Rollups of a compaction whose entry never became durable (a crash before the ledger
  // commit): their raw rows are still there; they are compacted again.
  ORDO_TRY(storage::Run(file, "DELETE FROM rollup WHERE compaction > ?",
                        [&](storage::Statement& s) { s.Bind(1, recorded_through); }));
  ORDO_TRY(storage::Run(file, "DELETE FROM compaction WHERE number > ?",
                        [&](storage::Statement& s) { s.Bind(1, recorded_through); }));
  if (!rollup.empty()) {
    ORDO_TRY(storage::Run(
        file, "INSERT INTO compaction(number, entry_seq, purged) VALUES(?,?,0)",
        [&](storage::Statement& s) { s.Bind(1, rollup.front().compaction).Bind(2, entry_seq); }));
    auto st = file.Prepare(
        "INSERT INTO rollup(compaction, tag, minute_us, count, min, max, sum, row_hash) "
        "VALUES(?,?,?,?,?,?,?,?)");
    if (!st.ok()) return st.error();
    for (const RollupRow& r : rollup) {
      (*st)->Bind(1, r.compaction).Bind(2, r.tag).Bind(3, r.minute_us).Bind(4, r.count);
      (*st)->Bind(5, ValueText(r.min)).Bind(6, ValueText(r.max)).Bind(7, ValueText(r.sum));
      (*st)->Bind(8, r.row_hash);
      ORDO_TRY((*st)->Run());
    }
  }
  return tx.Commit();
}

Result<std::vector<RollupRow>> RollupRowsOf(storage::Database& file, std::int64_t compaction) {
  return storage::Rows<RollupRow>(
      file,
      "SELECT compaction, tag, minute_us, count, min, max, sum, row_hash FROM rollup "
      "WHERE compaction = ? ORDER BY tag, minute_us",
      [&](storage::Statement& s) { s.Bind(1, compaction); }, RollupOfRow);
}

Result<std::vector<FileCompaction>> FileCompactions(storage::Database& file) {
  return storage::Rows<FileCompaction>(
      file,
      "SELECT c.number, c.entry_seq, c.purged, (SELECT COUNT(*) FROM rollup r WHERE "
      "r.compaction = c.number) FROM compaction c UNION ALL SELECT r.compaction, 0, -1, "
      "COUNT(*) FROM rollup r WHERE r.compaction NOT IN (SELECT number FROM compaction) "
      "GROUP BY r.compaction ORDER BY 1",
      storage::NoBind, [](const storage::Statement& s) {
        return FileCompaction{s.Int(0), s.Int(1), s.Int(2), s.Int(3)};
      });
}

Status DeleteRows(storage::Database& file, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return Ok();
  FileWrite tx(file);
  ORDO_TRY(tx.begin_status());
  for (std::int64_t id : ids)
    ORDO_TRY(storage::Run(file, "DELETE FROM sample WHERE id = ?",
                          [&](storage::Statement& s) { s.Bind(1, id); }));
  return tx.Commit();
}

const std::string& ValuesOfQuery() {
  static const std::string sql = [] {
    const std::string shift = std::to_string(kBucketShift);
    return "WITH RECURSIVE bucket(b) AS (SELECT (SELECT MIN" + kBucket + " FROM sample WHERE " +
           kBucket + " >= (?2 >> " + shift + ")) UNION ALL SELECT (SELECT MIN" + kBucket +
           " FROM sample WHERE " + kBucket +
           " > bucket.b) FROM bucket WHERE bucket.b < ((?3 - 1) >> " + shift +
           ")) SELECT time_us, 1, value, value, value, 0 AS k, id FROM sample WHERE " + kBucket +
           " IN (SELECT b FROM bucket) AND tag = ?1 AND time_us >= ?2 AND time_us < ?3 "
           "UNION ALL SELECT minute_us, count, min, max, sum, 1, compaction FROM rollup WHERE "
           "tag = ?1 AND minute_us >= ?2 AND minute_us < ?3 AND compaction IN (SELECT number "
           "FROM compaction WHERE purged = 1) ORDER BY 1, 6, 7 LIMIT ?4";
  }();
  return sql;
}

Result<std::vector<Point>> ValuesOf(storage::Database& file, const std::string& tag,
                                    TimeMicros from_us, TimeMicros to_us, std::int64_t limit) {
  if (from_us >= to_us) return std::vector<Point>();
  // Raw rows, and the rollup rows of purged compactions (their raw rows are gone; a
  // compaction not purged yet still has its raw rows, so its rollup is not counted). The
  // raw rows: `bucket` walks the time buckets of the window that hold any sample, one seek
  // each (an empty stretch costs nothing), and each bucket is searched for the tag.
  return storage::Rows<Point>(
      file, ValuesOfQuery(),
      [&](storage::Statement& s) {
        s.Bind(1, tag).Bind(2, from_us).Bind(3, to_us).Bind(4, limit + 1);
      },
      [](const storage::Statement& s) {
        return Point{s.Int(0),
                     s.Int(1),
                     std::strtod(s.Text(2).c_str(), nullptr),
                     std::strtod(s.Text(3).c_str(), nullptr),
                     std::strtod(s.Text(4).c_str(), nullptr),
                     s.Int(5) != 0};
      });
}

}  // namespace ordo::telemetry
