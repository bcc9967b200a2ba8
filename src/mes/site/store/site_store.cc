// The site_setting table (the settings release 0.1.0 set): its migration and projector;
// the read of the settings in force.
#include "mes/site/store/site_store.h"

#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/in_force.h"
#include "mes/site/events.h"
#include "storage/rows.h"
#include "store/projector.h"

namespace ordo::site {

namespace {

constexpr const char* kTablesV1 = R"sql(
CREATE TABLE IF NOT EXISTS site_setting(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL,
  updated_seq INTEGER NOT NULL);
)sql";

Status Put(storage::Database& db, const std::string& key, const Json& value, std::int64_t seq) {
  auto st = db.Prepare(
      "INSERT INTO site_setting(key, value, updated_seq) VALUES(?,?,?) ON CONFLICT(key) DO "
      "UPDATE SET value = excluded.value, updated_seq = excluded.updated_seq");
  if (!st.ok()) return st.error();
  (*st)->Bind(1, key).Bind(2, CanonicalJson(value)).Bind(3, seq);
  return (*st)->Run();
}

Status Project(storage::Database& db, const ledger::LedgerEntry& e, const SettingsChanged& p) {
  if (p.approvals_required) ORDO_TRY(Put(db, "approvals_required", *p.approvals_required, e.seq));
  if (p.signing_password_only)
    ORDO_TRY(Put(db, "signing_password_only", *p.signing_password_only, e.seq));
  if (p.password_min_length)
    ORDO_TRY(Put(db, "password_min_length", *p.password_min_length, e.seq));
  if (p.password_expiry_days)
    ORDO_TRY(Put(db, "password_expiry_days", *p.password_expiry_days, e.seq));
  return Ok();
}

}  // namespace

store::TableSet Tables() {
  return store::TableSet{"site", {store::Migration{1, kTablesV1}}, {{"site_setting", "key"}}};
}

void RegisterProjectors() { store::RegisterProjector<SettingsChanged>(&Project); }

Result<SettingsInForce> SettingsAt(storage::Database& db, TimeMicros now) {
  auto rows = storage::Rows<std::pair<std::string, std::string>>(
      db, "SELECT key, value FROM site_setting", storage::NoBind,
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  // The values a 0.1.0 store set key by key, read as a partial version's content.
  Json legacy = Json::object();
  for (const auto& [key, text] : *rows) legacy[key] = Json::parse(text, nullptr, false);
  SettingsInForce out;
  out.settings = SettingsFromContent(legacy, SiteSettings{});
  auto version = masterdata::InForce(db, masterdata::kSiteSettingsKind,
                                     masterdata::kConfigurationObjectId, now);
  if (!version.ok()) return version.error();
  if (*version) {
    out.settings = SettingsFromContent((*version)->content, out.settings);
    out.version = (*version)->version;
    out.change_request = (*version)->change_request;
    out.effective_from = (*version)->effective_from;
  }
  return out;
}

Result<SiteSettings> GetSiteSettings(storage::Database& db, TimeMicros now) {
  auto in_force = SettingsAt(db, now);
  if (!in_force.ok()) return in_force.error();
  return in_force->settings;
}

}  // namespace ordo::site
