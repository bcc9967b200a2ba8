// SQL reads over the master data and signature projections (see masterdata_queries.h).
#include "store/masterdata_queries.h"

#include <algorithm>
#include <functional>

#include "domain/masterdata/effectivity.h"
#include "domain/masterdata/kinds.h"

namespace ordo::store {

namespace {

template <typename T>
Result<std::vector<T>> Rows(storage::Database& db, const std::string& sql,
                            const std::function<void(storage::Statement&)>& bind,
                            const std::function<T(const storage::Statement&)>& read) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  bind(**st);
  std::vector<T> out;
  while (true) {
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (!*row) break;
    out.push_back(read(**st));
  }
  (*st)->Reset();
  return out;
}

constexpr const char* kCrColumns =
    "SELECT id, title, description, reason, impact, state, revision, author_id, author, "
    "effective_from_us, approvals_required, created_us FROM change_request ";

masterdata::ChangeRequest CrFromRow(const storage::Statement& s) {
  masterdata::ChangeRequest c;
  c.id = s.Text(0);
  c.title = s.Text(1);
  c.description = s.Text(2);
  c.reason = s.Text(3);
  c.impact = s.Text(4);
  c.state = s.Text(5);
  c.revision = s.Int(6);
  c.author_id = s.Int(7);
  c.author = s.Text(8);
  if (!s.IsNull(9)) c.effective_from = s.Int(9);
  c.approvals_required = static_cast<int>(s.Int(10));
  c.created_us = s.Int(11);
  return c;
}

constexpr const char* kVersionColumns =
    "SELECT kind, id, version, state, action, name, content, content_hash, change_request, "
    "author, author_id, created_us, effective_from_us FROM md_version ";

VersionRow VersionFromRow(const storage::Statement& s) {
  VersionRow v;
  v.kind = s.Text(0);
  v.id = s.Text(1);
  v.version = s.Int(2);
  v.state = s.Text(3);
  v.action = s.Text(4);
  v.name = s.Text(5);
  v.content = Json::parse(s.Text(6), nullptr, false);
  v.content_hash = s.Text(7);
  v.change_request = s.Text(8);
  v.author = s.Text(9);
  v.author_id = s.Int(10);
  v.created_us = s.Int(11);
  if (!s.IsNull(12)) v.effective_from = s.Int(12);
  return v;
}

const std::function<void(storage::Statement&)> kNoBind = [](storage::Statement&) {};

std::vector<masterdata::VersionState> States(const std::vector<VersionRow>& rows) {
  std::vector<masterdata::VersionState> out;
  for (const auto& r : rows) out.push_back({r.version, r.state, r.action, r.effective_from});
  return out;
}

}  // namespace

Result<std::optional<masterdata::ChangeRequest>> FindChangeRequest(storage::Database& db,
                                                                   const std::string& id) {
  auto rows = Rows<masterdata::ChangeRequest>(
      db, std::string(kCrColumns) + "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); },
      CrFromRow);
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<masterdata::ChangeRequest>();
  return std::optional<masterdata::ChangeRequest>(rows->front());
}

Result<std::int64_t> CountChangeRequests(storage::Database& db) {
  auto rows = Rows<std::int64_t>(db, "SELECT COUNT(*) FROM change_request", kNoBind,
                                 [](const storage::Statement& s) { return s.Int(0); });
  if (!rows.ok()) return rows.error();
  return rows->front();
}

Result<std::vector<masterdata::ChangeRequest>> ListChangeRequests(storage::Database& db,
                                                                  const std::string& state) {
  return Rows<masterdata::ChangeRequest>(
      db, std::string(kCrColumns) + "WHERE (? = '' OR state = ?) ORDER BY created_seq DESC",
      [&](storage::Statement& s) { s.Bind(1, state).Bind(2, state); }, CrFromRow);
}

Result<std::vector<VersionRow>> VersionsOfChangeRequest(storage::Database& db,
                                                        const std::string& cr) {
  return Rows<VersionRow>(
      db, std::string(kVersionColumns) + "WHERE change_request = ? ORDER BY kind, id, version",
      [&](storage::Statement& s) { s.Bind(1, cr); }, VersionFromRow);
}

std::vector<masterdata::Item> ToItems(const std::vector<VersionRow>& rows) {
  std::vector<masterdata::Item> out;
  for (const auto& r : rows)
    out.push_back(
        {r.kind, r.id, r.version, r.action, r.state, r.content, r.content_hash, r.author_id});
  return out;
}

Result<std::set<std::int64_t>> Participants(storage::Database& db, const std::string& cr) {
  auto rows = Rows<std::int64_t>(
      db, "SELECT user_id FROM cr_participant WHERE change_request = ?",
      [&](storage::Statement& s) { s.Bind(1, cr); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!rows.ok()) return rows.error();
  return std::set<std::int64_t>(rows->begin(), rows->end());
}

Result<std::set<std::int64_t>> Approvers(storage::Database& db, const std::string& cr,
                                         std::int64_t revision) {
  auto rows = Rows<std::int64_t>(
      db,
      "SELECT signer_id FROM signature WHERE record_kind = 'change_request' AND record_id = ? "
      "AND record_version = ? AND meaning = 'approved'",
      [&](storage::Statement& s) { s.Bind(1, cr).Bind(2, revision); },
      [](const storage::Statement& s) { return s.Int(0); });
  if (!rows.ok()) return rows.error();
  return std::set<std::int64_t>(rows->begin(), rows->end());
}

Result<std::vector<VersionRow>> VersionsOf(storage::Database& db, const std::string& kind,
                                           const std::string& id) {
  return Rows<VersionRow>(
      db, std::string(kVersionColumns) + "WHERE kind = ? AND id = ? ORDER BY version",
      [&](storage::Statement& s) { s.Bind(1, kind).Bind(2, id); }, VersionFromRow);
}

Result<masterdata::ObjectState> ObjectStateOf(storage::Database& db, const std::string& kind,
                                              const std::string& id, TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  masterdata::ObjectState o;
  for (const auto& r : *rows) {
    o.max_version = std::max(o.max_version, r.version);
    if (r.state == "draft" || r.state == "in_review") {
      o.open_version = ToItems({r}).front();
      o.open_change_request = r.change_request;
    }
  }
  auto effective = masterdata::EffectiveVersion(States(*rows), now);
  if (effective) {
    for (const auto& r : *rows)
      if (r.version == *effective && r.action == "define") {
        o.effective_content = r.content;
        o.effective_version = r.version;
      }
  }
  return o;
}

Result<std::optional<VersionRow>> InForce(storage::Database& db, const std::string& kind,
                                          const std::string& id, TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  auto effective = masterdata::EffectiveVersion(States(*rows), now);
  for (const auto& r : *rows)
    if (effective && r.version == *effective && r.action == "define")
      return std::optional<VersionRow>(r);
  return std::optional<VersionRow>();
}

Result<std::vector<std::string>> ObjectIds(storage::Database& db, const std::string& kind) {
  return Rows<std::string>(
      db, "SELECT DISTINCT id FROM md_version WHERE kind = ? ORDER BY id",
      [&](storage::Statement& s) { s.Bind(1, kind); },
      [](const storage::Statement& s) { return s.Text(0); });
}

Result<std::vector<VersionRow>> AllInForce(storage::Database& db, TimeMicros now) {
  std::vector<VersionRow> out;
  for (const auto& k : masterdata::Kinds()) {
    auto ids = ObjectIds(db, k.kind);
    if (!ids.ok()) return ids.error();
    for (const auto& id : *ids) {
      auto row = InForce(db, k.kind, id, now);
      if (!row.ok()) return row.error();
      if (*row) out.push_back(**row);
    }
  }
  return out;
}

Result<SiteSettings> GetSiteSettings(storage::Database& db) {
  auto rows = Rows<std::pair<std::string, std::string>>(
      db, "SELECT key, value FROM site_setting", kNoBind,
      [](const storage::Statement& s) { return std::make_pair(s.Text(0), s.Text(1)); });
  if (!rows.ok()) return rows.error();
  SiteSettings out;
  for (const auto& [key, text] : *rows) {
    Json v = Json::parse(text, nullptr, false);
    if (key == "approvals_required" && v.is_number_integer()) out.approvals_required = v.get<int>();
    if (key == "signing_password_only" && v.is_boolean()) out.signing_password_only = v.get<bool>();
  }
  return out;
}

Json ToJson(const SiteSettings& s) {
  return Json{{"approvals_required", s.approvals_required},
              {"signing_password_only", s.signing_password_only}};
}

}  // namespace ordo::store
