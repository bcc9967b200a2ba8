// The masterdata capability's published events: change requests and the drafts in them
// (docs/event-schema.md, docs/masterdata.md section 7). A change request event's subject
// is the change request (kind "change_request", id "CR-000042", version its revision);
// a draft event's subject is the object version (kind, id, version).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"

namespace ordo::masterdata {

// A new change request, state open, revision 1. effective_from_us is written as null when
// no date was asked for.
struct ChangeRequestOpened {
  static constexpr const char* kType = "change_request.opened";
  static constexpr int kVersion = 1;
  std::string title, description, reason, impact;
  std::optional<TimeMicros> effective_from_us;
};

// A draft version saved (new, or the same draft changed) in a change request. `content`
// is the obsoleted definition for action obsolete; `base_version` (null when none) the
// version in force when it was saved; `changes` the field-by-field diff from the draft
// it replaces, or else from the version in force (diff.h ChangesToJson).
struct DraftSaved {
  static constexpr const char* kType = "masterdata.draft_saved";
  static constexpr int kVersion = 1;
  std::string change_request;
  std::string action;  // define | obsolete
  Json content;
  std::string content_hash;
  std::optional<std::int64_t> base_version;
  Json changes = Json::array();
};

// A draft withdrawn from its change request.
struct DraftWithdrawn {
  static constexpr const char* kType = "masterdata.draft_withdrawn";
  static constexpr int kVersion = 1;
  std::string change_request;
};

// Submitted for review (relies on the author's signature.applied, `signature_id`); the
// site's approvals_required is snapshotted here.
struct ChangeRequestSubmitted {
  static constexpr const char* kType = "change_request.submitted";
  static constexpr int kVersion = 1;
  std::int64_t revision = 0;
  int approvals_required = 1;
  std::int64_t signature_id = 0;
};

// A review was signed.
struct ChangeRequestReviewed {
  static constexpr const char* kType = "change_request.reviewed";
  static constexpr int kVersion = 1;
  std::int64_t revision = 0;
  std::int64_t signature_id = 0;
};

// An approval was signed; `approvals` counts this one.
struct ApprovalSigned {
  static constexpr const char* kType = "change_request.approval_signed";
  static constexpr int kVersion = 1;
  std::int64_t revision = 0;
  std::int64_t signature_id = 0;
  int approvals = 0;
  int approvals_required = 1;
};

// One version that an approval puts in force.
struct ApprovedVersion {
  std::string kind, id;
  std::int64_t version = 0;
};

// The last needed approval: the versions become approved, in force from
// effective_from_us.
struct ChangeRequestApproved {
  static constexpr const char* kType = "change_request.approved";
  static constexpr int kVersion = 1;
  std::int64_t revision = 0;
  TimeMicros effective_from_us = 0;
  std::vector<ApprovedVersion> versions;
};

// Rejected (signed, with a comment); the drafts can change again.
struct ChangeRequestRejected {
  static constexpr const char* kType = "change_request.rejected";
  static constexpr int kVersion = 1;
  std::int64_t revision = 0;
  std::int64_t signature_id = 0;
  std::string comment;
};

// Withdrawn by its author; so are its open versions.
struct ChangeRequestWithdrawn {
  static constexpr const char* kType = "change_request.withdrawn";
  static constexpr int kVersion = 1;
  std::string reason;
};

// True for the two draft event types (DraftSaved, DraftWithdrawn).
bool IsDraftEvent(const std::string& type);
// True for the seven change request event types.
bool IsChangeRequestEvent(const std::string& type);

void to_json(Json& j, const ChangeRequestOpened& e);
void from_json(const Json& j, ChangeRequestOpened& e);
void to_json(Json& j, const DraftSaved& e);
void from_json(const Json& j, DraftSaved& e);
void to_json(Json& j, const DraftWithdrawn& e);
void from_json(const Json& j, DraftWithdrawn& e);
void to_json(Json& j, const ChangeRequestSubmitted& e);
void from_json(const Json& j, ChangeRequestSubmitted& e);
void to_json(Json& j, const ChangeRequestReviewed& e);
void from_json(const Json& j, ChangeRequestReviewed& e);
void to_json(Json& j, const ApprovalSigned& e);
void from_json(const Json& j, ApprovalSigned& e);
void to_json(Json& j, const ApprovedVersion& v);
void from_json(const Json& j, ApprovedVersion& v);
void to_json(Json& j, const ChangeRequestApproved& e);
void from_json(const Json& j, ChangeRequestApproved& e);
void to_json(Json& j, const ChangeRequestRejected& e);
void from_json(const Json& j, ChangeRequestRejected& e);
void to_json(Json& j, const ChangeRequestWithdrawn& e);
void from_json(const Json& j, ChangeRequestWithdrawn& e);

}  // namespace ordo::masterdata
