// Change control decisions (see change_control.h).
#include "domain/masterdata/change_control.h"

#include <algorithm>
#include <cstdio>

#include "core/crypto.h"
#include "domain/masterdata/diff.h"
#include "domain/masterdata/kinds.h"
#include "domain/masterdata/validate.h"

namespace ordo::masterdata {

namespace {

Error Precondition(std::string message, std::string reason, std::string field = {}) {
  return Error{ErrorCode::kFailedPrecondition, std::move(message), std::move(field),
               std::move(reason)};
}

Status CheckLength(const std::string& field, const std::string& value, std::size_t min,
                   std::size_t max) {
  if (value.size() < min || value.size() > max)
    return Error::Invalid(field, field + " must be " + std::to_string(min) + " to " +
                                     std::to_string(max) + " characters long");
  return Ok();
}

ledger::Event CrEvent(const ChangeRequest& cr, std::string type, Json payload) {
  ledger::Event e;
  e.type = std::move(type);
  e.subject_kind = "change_request";
  e.subject_id = cr.id;
  e.subject_version = cr.revision;
  e.payload = std::move(payload);
  return e;
}

ledger::Event SignatureEvent(const ChangeRequest& cr, const std::vector<Item>& items,
                             const Signer& signer) {
  signatures::Signature s;
  s.signer_id = signer.user_id;
  s.signer = signer.name;
  s.printed_name = signer.printed_name;
  s.meaning = signer.meaning;
  s.comment = signer.comment;
  s.record_kind = "change_request";
  s.record_id = cr.id;
  s.record_version = cr.revision;
  s.content_hash = signatures::RecordHash(ChangeRequestRecord(cr, items));
  ledger::Event e = CrEvent(cr, "signature.applied", signatures::SignaturePayload(s));
  return e;
}

std::vector<Item> Live(const std::vector<Item>& items) {
  std::vector<Item> out;
  for (const auto& i : items)
    if (i.state != "withdrawn") out.push_back(i);
  return out;
}

}  // namespace

std::string ChangeRequestId(std::int64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "CR-%06lld", static_cast<long long>(number));
  return buf;
}

std::string ContentHash(const Json& content) { return Sha256Hex(CanonicalJson(content)); }

Json ChangeRequestRecord(const ChangeRequest& cr, const std::vector<Item>& items) {
  std::vector<Item> live = Live(items);
  std::sort(live.begin(), live.end(), [](const Item& a, const Item& b) {
    return std::tie(a.kind, a.id) < std::tie(b.kind, b.id);
  });
  Json list = Json::array();
  for (const auto& i : live)
    list.push_back({{"kind", i.kind},
                    {"id", i.id},
                    {"version", i.version},
                    {"action", i.action},
                    {"content_hash", ContentHash(i.content)}});
  return Json{{"kind", "change_request"},
              {"id", cr.id},
              {"revision", cr.revision},
              {"title", cr.title},
              {"description", cr.description},
              {"reason", cr.reason},
              {"impact", cr.impact},
              {"effective_from_us", cr.effective_from ? Json(*cr.effective_from) : Json(nullptr)},
              {"items", list}};
}

Status ValidateOpenChangeRequest(const OpenChangeRequest& c) {
  ORDO_TRY(CheckLength("title", c.title, 1, 200));
  ORDO_TRY(CheckLength("description", c.description, 1, 4000));
  ORDO_TRY(CheckLength("reason", c.reason, 1, 1000));
  ORDO_TRY(CheckLength("impact", c.impact, 0, 4000));
  if (c.effective_from && *c.effective_from < 0)
    return Error::Invalid("effective_from", "effective_from must be a date and time after 1970");
  return Ok();
}

Result<ledger::Event> DecideOpenChangeRequest(const OpenChangeRequest& c, std::int64_t number) {
  ORDO_TRY(ValidateOpenChangeRequest(c));
  ChangeRequest cr;
  cr.id = ChangeRequestId(number);
  return CrEvent(
      cr, "change_request.opened",
      Json{{"title", c.title},
           {"description", c.description},
           {"reason", c.reason},
           {"impact", c.impact},
           {"effective_from_us", c.effective_from ? Json(*c.effective_from) : Json(nullptr)}});
}

Result<ledger::Event> DecideSaveDraft(const SaveDraft& c, const ChangeRequest& cr,
                                      const ObjectState& object) {
  if (cr.state != "open" && cr.state != "rejected")
    return Precondition("change request " + cr.id + " is " + cr.state +
                            "; drafts change only while it is open or rejected",
                        "change_request_not_editable");
  const KindDef* kind = FindKind(c.kind);
  if (!kind) return Error::Invalid("kind", "unknown master data kind '" + c.kind + "'");
  if (!IsValidObjectId(c.id))
    return Error::Invalid("id",
                          "object id must be 1 to 64 of A-Z a-z 0-9 . _ - "
                          "starting with a letter or digit");
  if (c.action != "define" && c.action != "obsolete")
    return Error::Invalid("action", "action must be define or obsolete");
  Json content = c.content;
  if (c.action == "obsolete") {
    if (!object.effective_content)
      return Precondition(c.kind + " " + c.id + " has no effective version to make obsolete",
                          "nothing_to_obsolete");
    content = *object.effective_content;  // the retired definition, for the record
  } else {
    auto errors = ValidateContent(*kind, c.id, content);
    if (!errors.empty())
      return Error::Invalid("content." + errors.front().field, errors.front().message);
    if (object.effective_content &&
        CanonicalJson(*object.effective_content) == CanonicalJson(content))
      return Precondition(
          "the draft is identical to the effective version of " + c.kind + " " + c.id, "no_change",
          "content");
  }
  if (object.open_version && object.open_change_request != cr.id)
    return Error{ErrorCode::kConflict,
                 c.kind + " " + c.id + " already has an open version in " +
                     object.open_change_request + "; finish or withdraw that one first",
                 "id", "open_draft_elsewhere"};
  const bool update = object.open_version.has_value();
  const std::int64_t version = update ? object.open_version->version : object.max_version + 1;
  const Json* previous = update ? &object.open_version->content
                                : (object.effective_content ? &*object.effective_content : nullptr);
  Json changes = ChangesToJson(DiffContent(*kind, previous ? *previous : Json(), content));
  ledger::Event e;
  e.type = "masterdata.draft_saved";
  e.subject_kind = c.kind;
  e.subject_id = c.id;
  e.subject_version = version;
  e.payload = Json{
      {"change_request", cr.id},
      {"action", c.action},
      {"content", content},
      {"content_hash", ContentHash(content)},
      {"base_version", object.effective_version ? Json(*object.effective_version) : Json(nullptr)},
      {"changes", changes}};
  return e;
}

Result<ledger::Event> DecideWithdrawDraft(const ChangeRequest& cr, const std::vector<Item>& items,
                                          const std::string& kind, const std::string& id) {
  if (cr.state != "open" && cr.state != "rejected")
    return Precondition("change request " + cr.id + " is " + cr.state +
                            "; drafts change only while it is open or rejected",
                        "change_request_not_editable");
  for (const auto& i : items) {
    if (i.kind != kind || i.id != id || i.state != "draft") continue;
    ledger::Event e;
    e.type = "masterdata.draft_withdrawn";
    e.subject_kind = kind;
    e.subject_id = id;
    e.subject_version = i.version;
    e.payload = Json{{"change_request", cr.id}};
    return e;
  }
  return Error::Make(ErrorCode::kNotFound,
                     cr.id + " has no draft of " + kind + " " + id + " to withdraw");
}

Result<std::vector<ledger::Event>> DecideSubmit(const ChangeRequest& cr,
                                                const std::vector<Item>& items,
                                                const Signer& signer, int approvals_required,
                                                const ExistsFn& exists,
                                                std::int64_t signature_seq) {
  if (cr.state != "open" && cr.state != "rejected")
    return Precondition("change request " + cr.id + " is " + cr.state +
                            "; only an open or rejected one can be submitted",
                        "illegal_transition");
  if (signer.meaning != "authored")
    return Error::Invalid("signature.meaning", "submitting is signed with meaning 'authored'");
  if (!signer.policy_acknowledged)
    return Precondition("acknowledge the site's signature policy before signing",
                        "policy_not_acknowledged", "signature");
  std::vector<Item> live = Live(items);
  if (live.empty()) return Precondition(cr.id + " has no drafts to submit", "empty_change_request");
  std::set<std::pair<std::string, std::string>> defined, obsoleted;
  for (const auto& i : live) (i.action == "define" ? defined : obsoleted).insert({i.kind, i.id});
  for (const auto& i : live) {
    if (i.action != "define") continue;
    const KindDef* kind = FindKind(i.kind);
    if (!kind) return Error::Make(ErrorCode::kInternal, "unknown kind in " + cr.id);
    auto errors = ValidateContent(*kind, i.id, i.content);
    if (!errors.empty())
      return Error::Invalid(i.kind + "/" + i.id + "." + errors.front().field,
                            errors.front().message);
    for (const auto& ref : CollectReferences(*kind, i.content)) {
      std::pair<std::string, std::string> key{ref.kind, ref.id};
      if (obsoleted.count(key) || (!defined.count(key) && !exists(ref.kind, ref.id)))
        return Precondition(i.kind + " " + i.id + " refers to " + ref.kind + " '" + ref.id +
                                "', which is neither in force nor defined by " + cr.id,
                            "unresolved_reference", i.kind + "/" + i.id + "." + ref.field);
    }
  }
  std::vector<ledger::Event> events{SignatureEvent(cr, items, signer)};
  events.push_back(CrEvent(cr, "change_request.submitted",
                           Json{{"revision", cr.revision},
                                {"approvals_required", approvals_required},
                                {"signature_id", signature_seq}}));
  return events;
}

Result<std::vector<ledger::Event>> DecideSign(const ChangeRequest& cr,
                                              const std::vector<Item>& items, const Signer& signer,
                                              const std::set<std::int64_t>& participants,
                                              const std::set<std::int64_t>& approvers,
                                              std::int64_t signature_seq, TimeMicros now) {
  const std::string& m = signer.meaning;
  if (m != "reviewed" && m != "approved" && m != "rejected")
    return Error::Invalid("signature.meaning", "meaning must be reviewed, approved or rejected");
  if (cr.state != "in_review")
    return Precondition(
        "change request " + cr.id + " is " + cr.state + "; only one in review can be " + m,
        "illegal_transition");
  if (participants.count(signer.user_id))
    return Error{ErrorCode::kPermissionDenied,
                 "you created or drafted part of " + cr.id +
                     "; someone else must review, approve or reject it (four eyes)",
                 "signature.user", "four_eyes"};
  if (!signer.policy_acknowledged)
    return Precondition("acknowledge the site's signature policy before signing",
                        "policy_not_acknowledged", "signature");
  if (m == "rejected" && (!signer.comment || signer.comment->empty()))
    return Error::Invalid("signature.comment", "a rejection needs a comment saying why");
  if (m == "approved" && approvers.count(signer.user_id))
    return Error{ErrorCode::kConflict,
                 "you already approved revision " + std::to_string(cr.revision) + " of " + cr.id,
                 "signature.user", "already_signed"};
  std::vector<ledger::Event> events{SignatureEvent(cr, items, signer)};
  if (m == "reviewed") {
    events.push_back(CrEvent(cr, "change_request.reviewed",
                             Json{{"revision", cr.revision}, {"signature_id", signature_seq}}));
  } else if (m == "rejected") {
    events.push_back(CrEvent(cr, "change_request.rejected",
                             Json{{"revision", cr.revision},
                                  {"signature_id", signature_seq},
                                  {"comment", *signer.comment}}));
  } else {
    const int approvals = static_cast<int>(approvers.size()) + 1;
    events.push_back(CrEvent(cr, "change_request.approval_signed",
                             Json{{"revision", cr.revision},
                                  {"signature_id", signature_seq},
                                  {"approvals", approvals},
                                  {"approvals_required", cr.approvals_required}}));
    if (approvals >= cr.approvals_required) {
      Json versions = Json::array();
      for (const auto& i : Live(items))
        versions.push_back({{"kind", i.kind}, {"id", i.id}, {"version", i.version}});
      const TimeMicros from = std::max(cr.effective_from.value_or(now), now);
      events.push_back(CrEvent(
          cr, "change_request.approved",
          Json{{"revision", cr.revision}, {"effective_from_us", from}, {"versions", versions}}));
    }
  }
  return events;
}

Result<ledger::Event> DecideWithdrawChangeRequest(const ChangeRequest& cr,
                                                  const std::string& reason) {
  if (cr.state != "open" && cr.state != "rejected" && cr.state != "in_review")
    return Precondition(
        "change request " + cr.id + " is " + cr.state + "; it can no longer be withdrawn",
        "illegal_transition");
  if (reason.empty() || reason.size() > 1000)
    return Error::Invalid("reason", "reason must be 1 to 1000 characters long");
  return CrEvent(cr, "change_request.withdrawn", Json{{"reason", reason}});
}

}  // namespace ordo::masterdata
