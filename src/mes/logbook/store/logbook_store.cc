// The logbook_entry table: its migration, projector and read queries.
#include "mes/logbook/store/logbook_store.h"

#include "ledger/event_type.h"
#include "mes/logbook/events.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::logbook {

namespace {

constexpr const char* kTableV1 = R"sql(
CREATE TABLE IF NOT EXISTS logbook_entry(
  seq INTEGER PRIMARY KEY,
  subject TEXT NOT NULL,
  category TEXT NOT NULL,
  text TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  time_us INTEGER NOT NULL,
  corrects INTEGER,
  reason TEXT);
CREATE INDEX IF NOT EXISTS logbook_by_subject ON logbook_entry(subject, seq);
CREATE INDEX IF NOT EXISTS logbook_by_corrects ON logbook_entry(corrects);
)sql";

// Version 2 of the events added subject_type: rows of version 1 entries are "unchecked"
// (as their upcast payloads say). The subject filter ignores case: an index to match.
constexpr const char* kTableV2 = R"sql(
ALTER TABLE logbook_entry ADD COLUMN subject_type TEXT NOT NULL DEFAULT 'unchecked';
CREATE INDEX IF NOT EXISTS logbook_by_subject_nocase
  ON logbook_entry(subject COLLATE NOCASE, seq);
)sql";

constexpr const char* kSelect =
    "SELECT l.seq, l.subject, l.category, l.text, l.actor, l.role, l.time_us, l.corrects, "
    "l.reason, (SELECT group_concat(c.seq) FROM logbook_entry c WHERE c.corrects = l.seq), "
    "l.subject_type FROM logbook_entry l ";

LogbookRow FromRow(const storage::Statement& s) {
  LogbookRow r;
  r.seq = s.Int(0);
  r.subject = s.Text(1);
  r.category = s.Text(2);
  r.text = s.Text(3);
  r.actor = s.Text(4);
  r.role = s.Text(5);
  r.time_us = s.Int(6);
  if (!s.IsNull(7)) r.corrects = s.Int(7);
  if (!s.IsNull(8)) r.reason = s.Text(8);
  if (!s.IsNull(9)) {
    std::string list = s.Text(9);
    std::size_t pos = 0;
    while (pos < list.size()) {
      std::size_t comma = list.find(',', pos);
      if (comma == std::string::npos) comma = list.size();
      r.corrected_by.push_back(std::stoll(list.substr(pos, comma - pos)));
      pos = comma + 1;
    }
  }
  r.subject_type = s.Text(10);
  return r;
}

Status Project(storage::Database& db, const LogbookRow& row) {
  auto st = db.Prepare(
      "INSERT INTO logbook_entry(seq, subject, category, text, actor, role, time_us, corrects, "
      "reason, subject_type) VALUES(?,?,?,?,?,?,?,?,?,?)");
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, row.seq).Bind(2, row.subject).Bind(3, row.category).Bind(4, row.text);
  s.Bind(5, row.actor).Bind(6, row.role).Bind(7, row.time_us);
  if (row.corrects)
    s.Bind(8, *row.corrects);
  else
    s.BindNull(8);
  s.Bind(9, row.reason);
  s.Bind(10, row.subject_type);
  return s.Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"logbook",
                         {store::Migration{1, kTableV1}, store::Migration{2, kTableV2}},
                         {{"logbook_entry", "seq"}}};
}

void RegisterProjectors() {
  store::RegisterProjector<EntryRecorded>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const EntryRecorded& p) {
        return Project(db, RowOf(e, p));
      });
  store::RegisterProjector<EntryCorrected>(
      [](storage::Database& db, const ledger::LedgerEntry& e, const EntryCorrected& p) {
        return Project(db, RowOf(e, p));
      });
}

LogbookRow RowOf(const ledger::LedgerEntry& e, const EntryRecorded& p) {
  LogbookRow row;
  row.seq = e.seq;
  row.subject = p.subject;
  row.category = p.category;
  row.text = p.text;
  row.actor = e.actor;
  row.role = e.role;
  row.time_us = e.time_us;
  row.reason = e.reason;
  row.subject_type = p.subject_type;
  return row;
}

LogbookRow RowOf(const ledger::LedgerEntry& e, const EntryCorrected& p) {
  LogbookRow row = RowOf(e, EntryRecorded{p.subject, p.category, p.text, p.subject_type});
  row.corrects = p.corrects;
  return row;
}

Result<LogbookRow> RowOf(const ledger::LedgerEntry& e) {
  if (ledger::Is<EntryCorrected>(e.type)) {
    auto p = ledger::ReadPayload<EntryCorrected>(e.payload);
    if (!p.ok()) return p.error();
    return RowOf(e, *p);
  }
  auto p = ledger::ReadPayload<EntryRecorded>(e.payload);
  if (!p.ok()) return p.error();
  return RowOf(e, *p);
}

Result<std::optional<EntryState>> FindLogbookEntry(storage::Database& db, std::int64_t seq) {
  return storage::FirstRow<EntryState>(
      db, "SELECT seq, subject FROM logbook_entry WHERE seq = ?",
      [&](storage::Statement& s) { s.Bind(1, seq); },
      [](const storage::Statement& s) {
        return EntryState{s.Int(0), s.Text(1)};
      });
}

Result<std::vector<LogbookRow>> ListLogbook(storage::Database& db, const std::string& subject,
                                            std::int64_t before, std::int64_t limit) {
  std::string sql = std::string(kSelect) + "WHERE l.seq < ?1";
  if (!subject.empty()) sql += " AND l.subject = ?2 COLLATE NOCASE";
  sql += " ORDER BY l.seq DESC LIMIT ?3";
  return storage::Rows<LogbookRow>(
      db, sql,
      [&](storage::Statement& s) {
        s.Bind(1, before > 0 ? before : INT64_MAX);
        if (!subject.empty()) s.Bind(2, subject);
        s.Bind(3, limit);
      },
      FromRow);
}

Json ToJson(const LogbookRow& r) {
  return Json{{"seq", r.seq},
              {"subject", r.subject},
              {"subject_type", r.subject_type},
              {"category", r.category},
              {"text", r.text},
              {"actor", r.actor},
              {"role", r.role},
              {"time", FormatUtcMicros(r.time_us)},
              {"corrects", r.corrects ? Json(*r.corrects) : Json(nullptr)},
              {"reason", r.reason ? Json(*r.reason) : Json(nullptr)},
              {"corrected_by", r.corrected_by}};
}

}  // namespace ordo::logbook
