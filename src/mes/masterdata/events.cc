// JSON of the masterdata events: the stored payload shapes, key for key (null where a
// value is absent); docs/event-schema.md.
#include "mes/masterdata/events.h"

#include "ledger/event_type.h"

namespace ordo::masterdata {

namespace {

template <typename T>
Json OrNull(const std::optional<T>& value) {
  return value ? Json(*value) : Json(nullptr);
}

template <typename T>
void ReadOptional(const Json& j, const char* key, std::optional<T>& out) {
  const Json& v = j.at(key);
  if (v.is_null())
    out.reset();
  else
    out = v.get<T>();
}

}  // namespace

bool IsDraftEvent(const std::string& type) {
  return ledger::Is<DraftSaved>(type) || ledger::Is<DraftWithdrawn>(type);
}

bool IsChangeRequestEvent(const std::string& type) {
  return ledger::Is<ChangeRequestOpened>(type) || ledger::Is<ChangeRequestSubmitted>(type) ||
         ledger::Is<ChangeRequestReviewed>(type) || ledger::Is<ApprovalSigned>(type) ||
         ledger::Is<ChangeRequestApproved>(type) || ledger::Is<ChangeRequestRejected>(type) ||
         ledger::Is<ChangeRequestWithdrawn>(type);
}

void to_json(Json& j, const ChangeRequestOpened& e) {
  j = Json{{"title", e.title},
           {"description", e.description},
           {"reason", e.reason},
           {"impact", e.impact},
           {"effective_from_us", OrNull(e.effective_from_us)}};
}

void from_json(const Json& j, ChangeRequestOpened& e) {
  j.at("title").get_to(e.title);
  j.at("description").get_to(e.description);
  j.at("reason").get_to(e.reason);
  j.at("impact").get_to(e.impact);
  ReadOptional(j, "effective_from_us", e.effective_from_us);
}

void to_json(Json& j, const DraftSaved& e) {
  j = Json{{"change_request", e.change_request},
           {"action", e.action},
           {"content", e.content},
           {"content_hash", e.content_hash},
           {"base_version", OrNull(e.base_version)},
           {"changes", e.changes}};
}

void from_json(const Json& j, DraftSaved& e) {
  j.at("change_request").get_to(e.change_request);
  j.at("action").get_to(e.action);
  e.content = j.at("content");
  j.at("content_hash").get_to(e.content_hash);
  ReadOptional(j, "base_version", e.base_version);
  e.changes = j.at("changes");
}

void to_json(Json& j, const DraftWithdrawn& e) { j = Json{{"change_request", e.change_request}}; }

void from_json(const Json& j, DraftWithdrawn& e) {
  j.at("change_request").get_to(e.change_request);
}

void to_json(Json& j, const ChangeRequestSubmitted& e) {
  j = Json{{"revision", e.revision},
           {"approvals_required", e.approvals_required},
           {"signature_id", e.signature_id}};
}

void from_json(const Json& j, ChangeRequestSubmitted& e) {
  j.at("revision").get_to(e.revision);
  j.at("approvals_required").get_to(e.approvals_required);
  j.at("signature_id").get_to(e.signature_id);
}

void to_json(Json& j, const ChangeRequestReviewed& e) {
  j = Json{{"revision", e.revision}, {"signature_id", e.signature_id}};
}

void from_json(const Json& j, ChangeRequestReviewed& e) {
  j.at("revision").get_to(e.revision);
  j.at("signature_id").get_to(e.signature_id);
}

void to_json(Json& j, const ApprovalSigned& e) {
  j = Json{{"revision", e.revision},
           {"signature_id", e.signature_id},
           {"approvals", e.approvals},
           {"approvals_required", e.approvals_required}};
}

void from_json(const Json& j, ApprovalSigned& e) {
  j.at("revision").get_to(e.revision);
  j.at("signature_id").get_to(e.signature_id);
  j.at("approvals").get_to(e.approvals);
  j.at("approvals_required").get_to(e.approvals_required);
}

void to_json(Json& j, const ApprovedVersion& v) {
  j = Json{{"kind", v.kind}, {"id", v.id}, {"version", v.version}};
}

void from_json(const Json& j, ApprovedVersion& v) {
  j.at("kind").get_to(v.kind);
  j.at("id").get_to(v.id);
  j.at("version").get_to(v.version);
}

void to_json(Json& j, const ChangeRequestApproved& e) {
  Json versions = Json::array();
  for (const auto& v : e.versions) versions.push_back(v);
  j = Json{
      {"revision", e.revision}, {"effective_from_us", e.effective_from_us}, {"versions", versions}};
}

void from_json(const Json& j, ChangeRequestApproved& e) {
  j.at("revision").get_to(e.revision);
  j.at("effective_from_us").get_to(e.effective_from_us);
  j.at("versions").get_to(e.versions);
}

void to_json(Json& j, const ChangeRequestRejected& e) {
  j = Json{{"revision", e.revision}, {"signature_id", e.signature_id}, {"comment", e.comment}};
}

void from_json(const Json& j, ChangeRequestRejected& e) {
  j.at("revision").get_to(e.revision);
  j.at("signature_id").get_to(e.signature_id);
  j.at("comment").get_to(e.comment);
}

void to_json(Json& j, const ChangeRequestWithdrawn& e) { j = Json{{"reason", e.reason}}; }

void from_json(const Json& j, ChangeRequestWithdrawn& e) { j.at("reason").get_to(e.reason); }

}  // namespace ordo::masterdata
