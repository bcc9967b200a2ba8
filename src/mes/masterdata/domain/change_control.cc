// Change control decisions: opening, drafting, withdrawing, plant apply (see
// change_control.h; the signed steps are in signing_decisions.cc).
#include "mes/masterdata/domain/change_control.h"

#include <algorithm>
#include <cstdio>
#include <tuple>

#include "core/crypto.h"
#include "mes/masterdata/domain/detail/change_control.h"
#include "mes/masterdata/domain/diff.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/domain/validate.h"
#include "mes/masterdata/events.h"

namespace ordo::masterdata {

namespace detail {

Error Precondition(std::string message, std::string reason, std::string field) {
  return Error{ErrorCode::kFailedPrecondition, std::move(message), std::move(field),
               std::move(reason)};
}

std::vector<Item> Live(const std::vector<Item>& items) {
  std::vector<Item> out;
  for (const auto& i : items)
    if (i.state != VersionState::kWithdrawn) out.push_back(i);
  return out;
}

bool Editable(const ChangeRequest& cr) {
  return cr.state == ChangeRequestState::kOpen || cr.state == ChangeRequestState::kRejected;
}

}  // namespace detail

namespace {

using detail::Precondition;

Status CheckLength(const std::string& field, const std::string& value, std::size_t min,
                   std::size_t max) {
  if (value.size() < min || value.size() > max)
    return Error::Invalid(field, field + " must be " + std::to_string(min) + " to " +
                                     std::to_string(max) + " characters long");
  return Ok();
}

Error NotEditable(const ChangeRequest& cr) {
  return Precondition("change request " + cr.id + " is " + ToString(cr.state) +
                          "; drafts change only while it is open or rejected",
                      "change_request_not_editable");
}

}  // namespace

std::string ChangeRequestId(std::int64_t number) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "CR-%06lld", static_cast<long long>(number));
  return buf;
}

std::string ContentHash(const Json& content) { return Sha256Hex(CanonicalJson(content)); }

Json ChangeRequestRecord(const ChangeRequest& cr, const std::vector<Item>& items) {
  std::vector<Item> live = detail::Live(items);
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
  return Json{{"kind", kChangeRequestKind},
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
  return ledger::MakeEvent(
      ChangeRequestOpened{c.title, c.description, c.reason, c.impact, c.effective_from},
      kChangeRequestKind, ChangeRequestId(number), 1);
}

Result<ledger::Event> DecideSaveDraft(const SaveDraft& c, const ChangeRequest& cr,
                                      const ObjectState& object) {
  if (!detail::Editable(cr)) return NotEditable(cr);
  const KindDef* kind = FindKind(c.kind);
  if (!kind) return Error::Invalid("kind", "unknown master data kind '" + c.kind + "'");
  if (!IsValidObjectId(c.id))
    return Error::Invalid("id",
                          "object id must be 1 to 64 of A-Z a-z 0-9 . _ - "
                          "starting with a letter or digit");
  if (!kind->fixed_id.empty() && c.id != kind->fixed_id)
    return Error::Invalid("id", "a " + kind->label + " object has the id '" + kind->fixed_id +
                                    "' (there is one per site), not '" + c.id + "'");
  if (c.action != "define" && c.action != "obsolete")
    return Error::Invalid("action", "action must be define or obsolete");
  if (c.action == "obsolete" && !kind->can_obsolete)
    return Error::Invalid("action",
                          kind->label + " cannot be made obsolete: draft a new version instead");
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
  DraftSaved saved;
  saved.change_request = cr.id;
  saved.action = c.action;
  saved.content = content;
  saved.content_hash = ContentHash(content);
  saved.base_version = object.effective_version;
  saved.changes = ChangesToJson(DiffContent(*kind, previous ? *previous : Json(), content));
  return ledger::MakeEvent(saved, c.kind, c.id, version);
}

Result<ledger::Event> DecideWithdrawDraft(const ChangeRequest& cr, const std::vector<Item>& items,
                                          const std::string& kind, const std::string& id) {
  if (!detail::Editable(cr)) return NotEditable(cr);
  for (const auto& i : items) {
    if (i.kind != kind || i.id != id || i.state != VersionState::kDraft) continue;
    return ledger::MakeEvent(DraftWithdrawn{cr.id}, kind, id, i.version);
  }
  return Error::Make(ErrorCode::kNotFound,
                     cr.id + " has no draft of " + kind + " " + id + " to withdraw");
}

Result<ledger::Event> DecideWithdrawChangeRequest(const ChangeRequest& cr,
                                                  const std::string& reason) {
  if (!detail::Editable(cr) && cr.state != ChangeRequestState::kInReview)
    return Precondition(
        "change request " + cr.id + " is " + ToString(cr.state) + "; it can no longer be withdrawn",
        "illegal_transition");
  if (reason.empty() || reason.size() > 1000)
    return Error::Invalid("reason", "reason must be 1 to 1000 characters long");
  return ledger::MakeEvent(ChangeRequestWithdrawn{reason}, kChangeRequestKind, cr.id, cr.revision);
}

Result<std::vector<ledger::Event>> DecideApplyPlant(const OpenChangeRequest& command,
                                                    std::int64_t number,
                                                    const std::vector<PlantDraft>& drafts) {
  auto opened = DecideOpenChangeRequest(command, number);
  if (!opened.ok()) return opened.error();
  ChangeRequest cr;
  cr.id = opened->subject_id;
  std::vector<ledger::Event> events{*opened};
  for (const auto& d : drafts) {
    if (d.object.effective_content &&
        CanonicalJson(*d.object.effective_content) == CanonicalJson(d.content))
      continue;
    auto e = DecideSaveDraft(SaveDraft{cr.id, d.kind, d.id, d.content, "define"}, cr, d.object);
    if (!e.ok()) {
      Error err = e.error();
      err.message = d.file + ": " + err.message;
      err.field = "files";
      return err;
    }
    events.push_back(std::move(*e));
  }
  if (events.size() == 1)
    return Error{ErrorCode::kFailedPrecondition,
                 "every object in the files equals its version in force; nothing to change",
                 "files", "no_change"};
  return events;
}

}  // namespace ordo::masterdata
