// The attachment and attachment_data tables: migration, projector and queries.
#include "mes/attachments/store/attachments_store.h"

#include "ledger/event_type.h"
#include "mes/attachments/events.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::attachments {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS attachment(
  sha256 TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  media_type TEXT NOT NULL,
  size INTEGER NOT NULL,
  seq INTEGER NOT NULL);

-- The bytes of attachments (not derived from the ledger, which holds their SHA-256).

CREATE TABLE IF NOT EXISTS attachment_data(
  sha256 TEXT PRIMARY KEY,
  data BLOB NOT NULL);
)sql";

Status Project(storage::Database& db, const ledger::LedgerEntry& e, const AttachmentStored& p) {
  const AttachmentRow row{p.sha256, p.name, p.media_type, p.size, e.seq};
  auto st =
      db.Prepare("INSERT INTO attachment(sha256, name, media_type, size, seq) VALUES(?,?,?,?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, row.sha256).Bind(2, row.name).Bind(3, row.media_type);
  (*st)->Bind(4, row.size).Bind(5, row.seq);
  return (*st)->Run();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{
      "attachments", {store::Migration{1, kTablesV1}}, {{"attachment", "sha256"}}};
}

void RegisterProjectors() { store::RegisterProjector<AttachmentStored>(&Project); }

Result<AttachmentRow> RowOf(const ledger::LedgerEntry& e) {
  auto p = ledger::ReadPayload<AttachmentStored>(e.payload);
  if (!p.ok()) return p.error();
  return AttachmentRow{p->sha256, p->name, p->media_type, p->size, e.seq};
}

Json ToJson(const AttachmentRow& a) {
  return Json{{"sha256", a.sha256},
              {"name", a.name},
              {"media_type", a.media_type},
              {"size", a.size},
              {"seq", a.seq}};
}

Result<std::optional<AttachmentRow>> FindAttachment(storage::Database& db,
                                                    const std::string& sha256) {
  return storage::FirstRow<AttachmentRow>(
      db, "SELECT sha256, name, media_type, size, seq FROM attachment WHERE sha256 = ?",
      [&](storage::Statement& s) { s.Bind(1, sha256); },
      [](const storage::Statement& s) {
        return AttachmentRow{s.Text(0), s.Text(1), s.Text(2), s.Int(3), s.Int(4)};
      });
}

Result<std::optional<std::string>> AttachmentData(storage::Database& db,
                                                  const std::string& sha256) {
  return storage::FirstRow<std::string>(
      db, "SELECT data FROM attachment_data WHERE sha256 = ?",
      [&](storage::Statement& s) { s.Bind(1, sha256); },
      [](const storage::Statement& s) { return s.Blob(0); });
}

Status PutAttachmentData(storage::Database& db, const std::string& sha256,
                         const std::string& data) {
  auto st = db.Prepare("INSERT OR IGNORE INTO attachment_data(sha256, data) VALUES(?,?)");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, sha256).BindBlob(2, data);
  return (*st)->Run();
}

}  // namespace ordo::attachments
