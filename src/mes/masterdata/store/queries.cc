// SQL reads over the change control projections (see queries.h and in_force.h).
#include "mes/masterdata/store/queries.h"

#include <algorithm>
#include <functional>

#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/store/detail/version_rows.h"
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

std::function<std::int64_t(const storage::Statement&)> FirstInt() {
  return [](const storage::Statement& s) { return s.Int(0); };
}

}  // namespace

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
  return CheckedVersions(db,
                         VersionRowsWhere(db, "WHERE change_request = ? ORDER BY kind, id, version",
                                          [&](storage::Statement& s) { s.Bind(1, cr); }));
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

}  // namespace ordo::masterdata
