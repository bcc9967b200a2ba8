// SQL reads over the change control projections (see queries.h and in_force.h).
#include "mes/masterdata/store/queries.h"

#include <algorithm>
#include <functional>

#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/store/masterdata_store.h"
#include "mes/signatures/signing.h"
#include "storage/rows.h"

namespace ordo::masterdata {

namespace {

// A row as read, with its state column still as text (checked by Checked below).
template <typename T>
struct Stored {
  T value;
  std::string state;
};

constexpr const char* kCrColumns =
    "SELECT id, title, description, reason, impact, state, revision, author_id, author, "
    "effective_from_us, approvals_required, created_us FROM change_request ";

Stored<ChangeRequest> CrFromRow(const storage::Statement& s) {
  ChangeRequest c;
  c.id = s.Text(0);
  c.title = s.Text(1);
  c.description = s.Text(2);
  c.reason = s.Text(3);
  c.impact = s.Text(4);
  c.revision = s.Int(6);
  c.author_id = s.Int(7);
  c.author = s.Text(8);
  if (!s.IsNull(9)) c.effective_from = s.Int(9);
  c.approvals_required = static_cast<int>(s.Int(10));
  c.created_us = s.Int(11);
  return {std::move(c), s.Text(5)};
}

constexpr const char* kVersionColumns =
    "SELECT kind, id, version, state, action, name, content, content_hash, change_request, "
    "author, author_id, created_us, effective_from_us FROM md_version ";

Stored<VersionRow> VersionFromRow(const storage::Statement& s) {
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

Error UnknownState(const std::string& table, const std::string& state) {
  return Error::Make(ErrorCode::kInternal,
                     "a " + table + " row has a state this release does not know: '" + state + "'");
}

Result<std::vector<ChangeRequest>> Checked(Result<std::vector<Stored<ChangeRequest>>> rows) {
  if (!rows.ok()) return rows.error();
  std::vector<ChangeRequest> out;
  for (auto& r : *rows) {
    auto state = ParseChangeRequestState(r.state);
    if (!state) return UnknownState("change_request", r.state);
    r.value.state = *state;
    out.push_back(std::move(r.value));
  }
  return out;
}

Result<std::vector<VersionRow>> Checked(Result<std::vector<Stored<VersionRow>>> rows) {
  if (!rows.ok()) return rows.error();
  std::vector<VersionRow> out;
  for (auto& r : *rows) {
    auto state = ParseVersionState(r.state);
    if (!state) return UnknownState("md_version", r.state);
    r.value.state = *state;
    out.push_back(std::move(r.value));
  }
  return out;
}

std::function<std::int64_t(const storage::Statement&)> FirstInt() {
  return [](const storage::Statement& s) { return s.Int(0); };
}

}  // namespace

std::vector<VersionFacts> FactsOf(const std::vector<VersionRow>& rows) {
  std::vector<VersionFacts> out;
  for (const auto& r : rows) out.push_back({r.version, r.state, r.action, r.effective_from});
  return out;
}

Result<std::optional<ChangeRequest>> FindChangeRequest(storage::Database& db,
                                                       const std::string& id) {
  auto rows = Checked(storage::Rows<Stored<ChangeRequest>>(
      db, std::string(kCrColumns) + "WHERE id = ?", [&](storage::Statement& s) { s.Bind(1, id); },
      CrFromRow));
  if (!rows.ok()) return rows.error();
  if (rows->empty()) return std::optional<ChangeRequest>();
  return std::optional<ChangeRequest>(std::move(rows->front()));
}

Result<std::int64_t> CountChangeRequests(storage::Database& db) {
  auto count = storage::FirstRow<std::int64_t>(db, "SELECT COUNT(*) FROM change_request",
                                               storage::NoBind, FirstInt());
  if (!count.ok()) return count.error();
  return count->value_or(0);
}

Result<std::vector<ChangeRequest>> ListChangeRequests(storage::Database& db,
                                                      const std::string& state) {
  return Checked(storage::Rows<Stored<ChangeRequest>>(
      db, std::string(kCrColumns) + "WHERE (? = '' OR state = ?) ORDER BY created_seq DESC",
      [&](storage::Statement& s) { s.Bind(1, state).Bind(2, state); }, CrFromRow));
}

Result<std::vector<VersionRow>> VersionsOfChangeRequest(storage::Database& db,
                                                        const std::string& cr) {
  // The signing decisions read these: each row is checked against its seal.
  return CheckedVersions(
      db,
      Checked(storage::Rows<Stored<VersionRow>>(
          db, std::string(kVersionColumns) + "WHERE change_request = ? ORDER BY kind, id, version",
          [&](storage::Statement& s) { s.Bind(1, cr); }, VersionFromRow)));
}

std::vector<Item> ToItems(const std::vector<VersionRow>& rows) {
  std::vector<Item> out;
  for (const auto& r : rows)
    out.push_back(
        {r.kind, r.id, r.version, r.action, r.state, r.content, r.content_hash, r.author_id});
  return out;
}

Result<std::set<std::int64_t>> Participants(storage::Database& db, const std::string& cr) {
  auto rows = storage::Rows<std::int64_t>(
      db, "SELECT user_id FROM cr_participant WHERE change_request = ?",
      [&](storage::Statement& s) { s.Bind(1, cr); }, FirstInt());
  if (!rows.ok()) return rows.error();
  return std::set<std::int64_t>(rows->begin(), rows->end());
}

Result<std::set<std::int64_t>> Approvers(storage::Database& db, const std::string& cr,
                                         std::int64_t revision) {
  auto signed_by = signatures::SignaturesOn(db, kChangeRequestKind, cr);
  if (!signed_by.ok()) return signed_by.error();
  std::set<std::int64_t> out;
  for (const auto& s : *signed_by)
    if (s.record_version == revision && s.meaning == "approved") out.insert(s.signer_id);
  return out;
}

Result<std::vector<VersionRow>> VersionRowsOf(storage::Database& db, const std::string& kind,
                                              const std::string& id) {
  return Checked(storage::Rows<Stored<VersionRow>>(
      db, std::string(kVersionColumns) + "WHERE kind = ? AND id = ? ORDER BY version",
      [&](storage::Statement& s) { s.Bind(1, kind).Bind(2, id); }, VersionFromRow));
}

Result<ObjectState> ObjectStateOf(storage::Database& db, const std::string& kind,
                                  const std::string& id, TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  ObjectState o;
  for (const auto& r : *rows) {
    o.max_version = std::max(o.max_version, r.version);
    if (r.state == VersionState::kDraft || r.state == VersionState::kInReview) {
      o.open_version = ToItems({r}).front();
      o.open_change_request = r.change_request;
    }
  }
  auto effective = EffectiveVersion(FactsOf(*rows), now);
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

Result<std::vector<VersionRow>> AllInForce(storage::Database& db, TimeMicros now) {
  std::vector<VersionRow> out;
  for (const auto& k : Kinds()) {
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

}  // namespace ordo::masterdata
