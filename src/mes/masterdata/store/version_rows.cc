// SQL reads of md_version: the rows of an object, the version in force (in_force.h). A
// library of its own (ordo_mes_masterdata_in_force) so that capabilities the change
// control depends on (site, signatures) can read their configuration kinds from it.
#include "mes/masterdata/store/detail/version_rows.h"

#include <functional>

#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/domain/gtin.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/store/masterdata_store.h"
#include "mes/masterdata/store/queries.h"
#include "storage/rows.h"

namespace ordo::masterdata {

namespace {

// A row as read, with its state column still as text (checked below).
struct StoredVersion {
  VersionRow value;
  std::string state;
};

constexpr const char* kVersionColumns =
    "SELECT kind, id, version, state, action, name, content, content_hash, change_request, "
    "author, author_id, created_us, effective_from_us FROM md_version ";

StoredVersion VersionFromRow(const storage::Statement& s) {
  VersionRow v;
  v.kind = s.Text(0);
  v.id = s.Text(1);
  v.version = s.Int(2);
  v.action = s.Text(4);
  v.name = s.Text(5);
  v.content = Json::parse(s.Text(6), nullptr, false);
  v.content_hash = s.Text(7);
  v.change_request = s.Text(8);
  v.author = s.Text(9);
  v.author_id = s.Int(10);
  v.created_us = s.Int(11);
  if (!s.IsNull(12)) v.effective_from = s.Int(12);
  return {std::move(v), s.Text(3)};
}

Result<std::vector<VersionRow>> CheckedStates(Result<std::vector<StoredVersion>> rows) {
  if (!rows.ok()) return rows.error();
  std::vector<VersionRow> out;
  for (auto& r : *rows) {
    auto state = ParseVersionState(r.state);
    if (!state)
      return Error::Make(
          ErrorCode::kInternal,
          "a md_version row has a state this release does not know: '" + r.state + "'");
    r.value.state = *state;
    out.push_back(std::move(r.value));
  }
  return out;
}

}  // namespace

Result<std::vector<VersionRow>> VersionRowsWhere(
    storage::Database& db, const std::string& where,
    const std::function<void(storage::Statement&)>& bind) {
  return CheckedStates(
      storage::Rows<StoredVersion>(db, std::string(kVersionColumns) + where, bind, VersionFromRow));
}

Result<std::vector<VersionRow>> VersionRowsOf(storage::Database& db, const std::string& kind,
                                              const std::string& id) {
  return VersionRowsWhere(db, "WHERE kind = ? AND id = ? ORDER BY version",
                          [&](storage::Statement& s) { s.Bind(1, kind).Bind(2, id); });
}

std::vector<VersionFacts> FactsOf(const std::vector<VersionRow>& rows) {
  std::vector<VersionFacts> out;
  for (const auto& r : rows) out.push_back({r.version, r.state, r.action, r.effective_from});
  return out;
}

Result<std::optional<VersionRow>> InForce(storage::Database& db, const std::string& kind,
                                          const std::string& id, TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  auto effective = EffectiveVersion(FactsOf(*rows), now);
  for (const auto& r : *rows)
    if (effective && r.version == *effective && r.action == "define")
      return std::optional<VersionRow>(r);
  return std::optional<VersionRow>();
}

Result<std::vector<std::string>> ObjectIds(storage::Database& db, const std::string& kind) {
  return storage::Rows<std::string>(
      db, "SELECT DISTINCT id FROM md_version WHERE kind = ? ORDER BY id",
      [&](storage::Statement& s) { s.Bind(1, kind); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<VersionRow>> InForceOfKind(storage::Database& db, const std::string& kind,
                                              TimeMicros now) {
  std::vector<VersionRow> out;
  auto ids = ObjectIds(db, kind);
  if (!ids.ok()) return ids.error();
  for (const auto& id : *ids) {
    auto row = InForce(db, kind, id, now);
    if (!row.ok()) return row.error();
    if (*row) out.push_back(std::move(**row));
  }
  return out;
}

Result<std::vector<VersionRow>> AllInForce(storage::Database& db, TimeMicros now) {
  std::vector<VersionRow> out;
  for (const auto& k : Kinds()) {
    auto rows = InForceOfKind(db, k.kind, now);
    if (!rows.ok()) return rows.error();
    for (auto& r : *rows) out.push_back(std::move(r));
  }
  return out;
}

Result<std::optional<VersionRow>> MaterialOfGtin(storage::Database& db, const std::string& gtin14,
                                                 TimeMicros now) {
  auto materials = InForceOfKind(db, "material", now);
  if (!materials.ok()) return materials.error();
  std::optional<VersionRow> found;
  for (auto& v : *materials) {
    auto it = v.content.find("gtin");
    if (it == v.content.end() || !it->is_string() || Gtin14(it->get<std::string>()) != gtin14)
      continue;
    // Change control refuses a second holder of a GTIN (gtin_in_use); should two hold it
    // anyway (data from before that check), the scan is refused rather than resolved.
    if (found)
      return Error{ErrorCode::kFailedPrecondition,
                   "GTIN " + gtin14 + " is held by two materials, " + found->id + " and " + v.id +
                       ": scan or type our lot id, and ask for the master data to be corrected",
                   "scan", "ambiguous_gtin"};
    found = std::move(v);
  }
  return found;
}

}  // namespace ordo::masterdata
