// The telemetry file (telemetry_file.h).
#include "mes/telemetry/store/telemetry_file.h"

#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>

#include "storage/rows.h"
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
CREATE INDEX IF NOT EXISTS sample_by_tag ON sample(tag, time_us);
)sql";

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

Result<storage::Database*> Shared(const std::string& store_path, const char* role) {
  Connections& c = Registry();
  const std::string key = std::string(role) + ":" + store_path;
  std::lock_guard lock(c.mutex);
  auto it = c.open.find(key);
  if (it != c.open.end()) return it->second.get();
  auto db = OpenTelemetryFile(TelemetryPathOf(store_path), storage::OpenMode::kCreate);
  if (!db.ok()) return db.error();
  storage::Database* raw = db->get();
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
  if (mode != storage::OpenMode::kReadOnly) ORDO_TRY((*db)->Exec(kSchema));
  return db;
}

Result<storage::Database*> WriterFile(const std::string& store_path) {
  return Shared(store_path, "writer");
}

Result<storage::Database*> ReaderFile(const std::string& store_path) {
  return Shared(store_path, "reader");
}

Status InsertSamples(storage::Database& file, const equipment::AcceptedSamples& accepted) {
  storage::Transaction tx(file);
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
    (*st)->Bind(1, r.id).Bind(2, r.tag).Bind(3, r.time_us).Bind(4, ValueText(r.value));
    (*st)->Bind(5, r.source).Bind(6, r.seq).Bind(7, r.idx).Bind(8, r.entry_seq);
    (*st)->Bind(9, r.received_us).Bind(10, RowHash(r));
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
  return storage::Run(file, "DELETE FROM sample WHERE entry_seq > ?",
                      [&](storage::Statement& s) { s.Bind(1, head_seq); });
}

Status DeleteRows(storage::Database& file, const std::vector<std::int64_t>& ids) {
  if (ids.empty()) return Ok();
  storage::Transaction tx(file);
  ORDO_TRY(tx.begin_status());
  for (std::int64_t id : ids)
    ORDO_TRY(storage::Run(file, "DELETE FROM sample WHERE id = ?",
                          [&](storage::Statement& s) { s.Bind(1, id); }));
  return tx.Commit();
}

Result<std::vector<Point>> ValuesOf(storage::Database& file, const std::string& tag,
                                    TimeMicros from_us, TimeMicros to_us, std::int64_t limit) {
  return storage::Rows<Point>(
      file,
      "SELECT time_us, value FROM sample WHERE tag = ? AND time_us >= ? AND time_us < ? "
      "ORDER BY time_us, id LIMIT ?",
      [&](storage::Statement& s) {
        s.Bind(1, tag).Bind(2, from_us).Bind(3, to_us).Bind(4, limit + 1);
      },
      [](const storage::Statement& s) {
        return RawPoint(s.Int(0), std::strtod(s.Text(1).c_str(), nullptr));
      });
}

}  // namespace ordo::telemetry
