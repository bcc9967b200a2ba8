// Builds the master data API views (see views.h).
#include "mes/masterdata/store/views.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "ledger/event_type.h"
#include "mes/masterdata/domain/diff.h"
#include "mes/masterdata/domain/effectivity.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/events.h"
#include "mes/signatures/events.h"
#include "mes/signatures/signing.h"

namespace ordo::masterdata {

namespace {

std::vector<std::string> Statuses(const std::vector<VersionRow>& rows, TimeMicros now) {
  return DeriveStatuses(FactsOf(rows), now);
}

Json VersionJson(const VersionRow& r, const std::string& status, const Json& signatures) {
  return Json{{"kind", r.kind},
              {"id", r.id},
              {"version", r.version},
              {"state", ToString(r.state)},
              {"status", status},
              {"action", r.action},
              {"name", r.name},
              {"content", r.content},
              {"content_hash", r.content_hash},
              {"change_request", r.change_request},
              {"author", r.author},
              {"created_us", r.created_us},
              {"effective_from_us", r.effective_from ? Json(*r.effective_from) : Json(nullptr)},
              {"signatures", signatures}};
}

// Signatures of each change request, cached while one view is built.
class SignatureCache {
 public:
  explicit SignatureCache(storage::Database& db) : db_(db) {}
  Result<Json> For(const std::string& cr_id) {
    auto it = cache_.find(cr_id);
    if (it != cache_.end()) return it->second;
    auto cr = FindChangeRequest(db_, cr_id);
    if (!cr.ok()) return cr.error();
    Json sigs = Json::array();
    if (*cr) {
      auto found = ChangeRequestSignatures(db_, **cr);
      if (!found.ok()) return found.error();
      sigs = std::move(*found);
    }
    cache_[cr_id] = sigs;
    return sigs;
  }

 private:
  storage::Database& db_;
  std::map<std::string, Json> cache_;
};

Json ObjectRow(const std::vector<VersionRow>& rows, const std::vector<std::string>& statuses) {
  const VersionRow& latest = rows.back();
  Json row{{"kind", latest.kind},
           {"id", latest.id},
           {"name", latest.name},
           {"status", "none"},
           {"effective_version", nullptr},
           {"latest_version", latest.version},
           {"latest_state", ToString(latest.state)}};
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (statuses[i] == "effective" || statuses[i] == "obsolete") {
      row["status"] = statuses[i];
      row["effective_version"] = rows[i].version;
      row["name"] = rows[i].name;
    }
  }
  return row;
}

Result<Json> History(storage::Database& db, const ChangeRequest& cr,
                     const std::vector<VersionRow>& items) {
  std::vector<std::tuple<std::int64_t, std::string, std::string, std::int64_t>> events;
  auto add = [&](const std::string& subject, bool drafts) -> Status {
    auto st = db.Prepare(
        "SELECT seq, type, actor, time_us, payload FROM ledger WHERE subject_id = ? ORDER BY seq");
    if (!st.ok()) return st.error();
    (*st)->Bind(1, subject);
    while (true) {
      auto row = (*st)->Step();
      if (!row.ok()) return row.error();
      if (!*row) break;
      std::string type = (*st)->Text(1);
      if (drafts) {
        if (!IsDraftEvent(type)) continue;
        Json p = Json::parse((*st)->Text(4), nullptr, false);
        if (!p.is_object() || p.value("change_request", "") != cr.id) continue;
      } else if (!IsChangeRequestEvent(type) && !ledger::Is<signatures::SignatureApplied>(type)) {
        continue;
      }
      events.emplace_back((*st)->Int(0), type, (*st)->Text(2), (*st)->Int(3));
    }
    (*st)->Reset();
    return Ok();
  };
  ORDO_TRY(add(cr.id, false));
  std::set<std::string> seen;
  for (const auto& i : items)
    if (seen.insert(i.id).second) ORDO_TRY(add(i.id, true));
  std::sort(events.begin(), events.end());
  Json out = Json::array();
  for (const auto& [seq, type, actor, time] : events)
    out.push_back({{"seq", seq}, {"type", type}, {"actor", actor}, {"time_us", time}});
  return out;
}

}  // namespace

Result<Json> ChangeRequestSignatures(storage::Database& db, const ChangeRequest& cr) {
  auto rows = VersionsOfChangeRequest(db, cr.id);
  if (!rows.ok()) return rows.error();
  const std::string hash = signatures::RecordHash(ChangeRequestRecord(cr, ToItems(*rows)));
  auto sigs = signatures::SignaturesOn(db, kChangeRequestKind, cr.id);
  if (!sigs.ok()) return sigs.error();
  // The signature row must still say what its signature.applied ledger entry (seq =
  // signature_id) recorded; a hash alone cannot check a signature of an earlier
  // revision, so a row moved to another record would otherwise pass as earlier_revision.
  auto st = db.Prepare("SELECT type, payload, time_us FROM ledger WHERE seq = ?");
  if (!st.ok()) return st.error();
  Json out = Json::array();
  for (const auto& s : *sigs) {
    auto status = signatures::CheckBinding(s, kChangeRequestKind, cr.id, cr.revision, hash);
    (*st)->Bind(1, s.signature_id);
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    const bool recorded =
        *row && ledger::Is<signatures::SignatureApplied>((*st)->Text(0)) &&
        (*st)->Int(2) == s.time_us &&
        Json::parse((*st)->Text(1), nullptr, false) == signatures::SignaturePayload(s);
    (*st)->Reset();
    if (!recorded) status = signatures::BindingStatus::kBroken;
    out.push_back(signatures::ToJson(s, status));
  }
  return out;
}

Result<Json> ChangeRequestView(storage::Database& db, const ChangeRequest& cr, bool full) {
  auto approvers = Approvers(db, cr.id, cr.revision);
  if (!approvers.ok()) return approvers.error();
  Json j{{"id", cr.id},
         {"title", cr.title},
         {"description", cr.description},
         {"reason", cr.reason},
         {"impact", cr.impact},
         {"state", ToString(cr.state)},
         {"revision", cr.revision},
         {"author", cr.author},
         {"created_us", cr.created_us},
         {"effective_from_us", cr.effective_from ? Json(*cr.effective_from) : Json(nullptr)},
         {"approvals_required", cr.approvals_required},
         {"approvals",
          cr.state == ChangeRequestState::kInReview || cr.state == ChangeRequestState::kApproved
              ? static_cast<int>(approvers->size())
              : 0}};
  auto rows = VersionsOfChangeRequest(db, cr.id);
  if (!rows.ok()) return rows.error();
  if (!full) {
    j["item_count"] = std::count_if(rows->begin(), rows->end(), [](const VersionRow& r) {
      return r.state != VersionState::kWithdrawn;
    });
    return j;
  }
  Json items = Json::array();
  for (const auto& r : *rows) {
    auto all = VersionsOf(db, r.kind, r.id);
    if (!all.ok()) return all.error();
    const VersionRow* base = nullptr;
    for (const auto& v : *all)
      if (v.version < r.version && v.state == VersionState::kApproved) base = &v;
    const KindDef* kind = FindKind(r.kind);
    Json changes = kind ? ChangesToJson(DiffContent(
                              *kind, base && base->action == "define" ? base->content : Json(),
                              r.action == "define" ? r.content : Json()))
                        : Json::array();
    items.push_back({{"kind", r.kind},
                     {"id", r.id},
                     {"version", r.version},
                     {"action", r.action},
                     {"state", ToString(r.state)},
                     {"name", r.name},
                     {"content_hash", r.content_hash},
                     {"base_version", base ? Json(base->version) : Json(nullptr)},
                     {"changes", changes}});
  }
  j["items"] = items;
  auto sigs = ChangeRequestSignatures(db, cr);
  if (!sigs.ok()) return sigs.error();
  j["signatures"] = *sigs;
  auto history = History(db, cr, *rows);
  if (!history.ok()) return history.error();
  j["history"] = *history;
  return j;
}

Result<Json> ObjectView(storage::Database& db, const std::string& kind, const std::string& id,
                        TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  if (rows->empty())
    return Error::Make(ErrorCode::kNotFound, "there is no " + kind + " '" + id + "'");
  auto statuses = Statuses(*rows, now);
  SignatureCache cache(db);
  Json versions = Json::array();
  for (std::size_t i = rows->size(); i-- > 0;) {
    auto sigs = cache.For((*rows)[i].change_request);
    if (!sigs.ok()) return sigs.error();
    versions.push_back(VersionJson((*rows)[i], statuses[i], *sigs));
  }
  return Json{{"object", ObjectRow(*rows, statuses)}, {"versions", versions}};
}

Result<Json> VersionView(storage::Database& db, const std::string& kind, const std::string& id,
                         std::int64_t version, TimeMicros now) {
  auto rows = VersionsOf(db, kind, id);
  if (!rows.ok()) return rows.error();
  auto statuses = Statuses(*rows, now);
  for (std::size_t i = 0; i < rows->size(); ++i) {
    if ((*rows)[i].version != version) continue;
    SignatureCache cache(db);
    auto sigs = cache.For((*rows)[i].change_request);
    if (!sigs.ok()) return sigs.error();
    return Json{{"version", VersionJson((*rows)[i], statuses[i], *sigs)}};
  }
  return Error::Make(ErrorCode::kNotFound,
                     kind + " '" + id + "' has no version " + std::to_string(version));
}

Result<Json> ListObjects(storage::Database& db, const std::string& kind, const std::string& query,
                         TimeMicros now) {
  auto lower = [](std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  const std::string q = lower(query);
  auto ids = ObjectIds(db, kind);
  if (!ids.ok()) return ids.error();
  Json out = Json::array();
  for (const auto& id : *ids) {
    auto rows = VersionsOf(db, kind, id);
    if (!rows.ok()) return rows.error();
    Json row = ObjectRow(*rows, Statuses(*rows, now));
    if (!q.empty() && lower(id).find(q) == std::string::npos &&
        lower(row["name"].get<std::string>()).find(q) == std::string::npos)
      continue;
    out.push_back(row);
  }
  return Json{{"objects", out}};
}

}  // namespace ordo::masterdata
