// Event -> projection rows for site settings (docs/masterdata.md section 7).
#include "store/projector_masterdata.h"

namespace ordo::store {

namespace {

using ledger::LedgerEntry;

Status Run(storage::Database& db, const std::string& sql,
           const std::function<void(storage::Statement&)>& bind) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  return (*st)->Run();
}

}  // namespace

Status SettingsChanged(storage::Database& db, const LedgerEntry& e, const Json& p) {
  for (const auto& [key, value] : p.at("settings").items())
    ORDO_TRY(Run(db,
                 "INSERT INTO site_setting(key, value, updated_seq) VALUES(?,?,?) ON "
                 "CONFLICT(key) DO UPDATE SET value = excluded.value, updated_seq = "
                 "excluded.updated_seq",
                 [&](storage::Statement& s) {
                   s.Bind(1, key).Bind(2, CanonicalJson(value)).Bind(3, e.seq);
                 }));
  return Ok();
}

}  // namespace ordo::store
