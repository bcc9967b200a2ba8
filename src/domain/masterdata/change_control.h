// Change control of master data: change requests group drafts; submitting, reviewing,
// approving and rejecting are signed; four eyes; a configurable number of approvals.
// Decisions are pure: the caller loads the state they name and appends the events.
// See docs/masterdata.md sections 2-4.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/signatures/domain/signature.h"

namespace ordo::masterdata {

struct ChangeRequest {
  std::string id;  // "CR-000001"
  std::string title, description, reason, impact;
  std::string state = "open";  // open | in_review | approved | rejected | withdrawn
  std::int64_t revision = 1;   // counts content changes and rejections
  std::int64_t author_id = 0;
  std::string author;
  std::optional<TimeMicros> effective_from;
  int approvals_required = 1;  // snapshotted at submission
  TimeMicros created_us = 0;
};

// A version that belongs to a change request.
struct Item {
  std::string kind, id;
  std::int64_t version = 0;
  std::string action = "define";  // define | obsolete
  std::string state = "draft";    // draft | in_review | approved | withdrawn
  Json content;
  std::string content_hash;
  std::int64_t author_id = 0;  // who last saved it
};

// What a draft decision needs to know about the object.
struct ObjectState {
  std::int64_t max_version = 0;           // 0: the object does not exist yet
  std::optional<Item> open_version;       // draft or in review, in any change request
  std::string open_change_request;        // the change request of open_version
  std::optional<Json> effective_content;  // the version in force now (action define)
  std::optional<std::int64_t> effective_version;
};

// A signer whose identity the caller has re-authenticated.
struct Signer {
  std::int64_t user_id = 0;
  std::string name;
  std::string printed_name;  // the display name now (snapshotted into the signature)
  std::string meaning;
  std::optional<std::string> comment;
  bool policy_acknowledged = false;  // of the current signature policy version
};

std::string ChangeRequestId(std::int64_t number);  // "CR-000042"
// SHA-256 of a version's canonical content.
std::string ContentHash(const Json& content);
// The canonical record a change request signature binds (docs/masterdata.md section 4).
Json ChangeRequestRecord(const ChangeRequest& cr, const std::vector<Item>& items);

struct OpenChangeRequest {
  std::string title, description, reason, impact;
  std::optional<TimeMicros> effective_from;
};
Status ValidateOpenChangeRequest(const OpenChangeRequest& command);
// change_request.opened for CR `number`.
Result<ledger::Event> DecideOpenChangeRequest(const OpenChangeRequest& command,
                                              std::int64_t number);

struct SaveDraft {
  std::string change_request;
  std::string kind, id;
  Json content;
  std::string action = "define";
};
// masterdata.draft_saved: a new version, or the same draft changed. Refuses: a change
// request that is not open or rejected; an invalid content (the first error, with its
// field path under "content."); an open version of the object in another change
// request (conflict); `obsolete` of an object that has no effective version; content
// identical to the effective version (nothing to change).
Result<ledger::Event> DecideSaveDraft(const SaveDraft& command, const ChangeRequest& cr,
                                      const ObjectState& object);

// masterdata.draft_withdrawn for the draft of `kind`/`id` in `cr`.
Result<ledger::Event> DecideWithdrawDraft(const ChangeRequest& cr, const std::vector<Item>& items,
                                          const std::string& kind, const std::string& id);

// Whether an object of `kind`/`id` is in force (effective, not obsolete) now.
using ExistsFn = std::function<bool(const std::string& kind, const std::string& id)>;

// signature.applied (meaning authored) + change_request.submitted. Refuses: state not
// open/rejected; no drafts; an invalid draft; a reference to an object that is
// neither in force nor defined by this change request, or that this change request
// obsoletes; a signer without the policy acknowledgement. `signature_seq` is the seq
// the signature entry will get; `now` its time.
Result<std::vector<ledger::Event>> DecideSubmit(const ChangeRequest& cr,
                                                const std::vector<Item>& items,
                                                const Signer& signer, int approvals_required,
                                                const ExistsFn& exists, std::int64_t signature_seq);

// Review (meaning reviewed), approve (approved) or reject (rejected, comment required),
// by someone who is not a participant (created the change request or saved a draft in
// it: permission_denied, reason four_eyes). Approve refuses a second approval by the
// same signer on the same revision; the last needed approval adds
// change_request.approved with effective_from = max(requested, now).
// `approvers` are the users whose approval signatures count at the current revision.
Result<std::vector<ledger::Event>> DecideSign(const ChangeRequest& cr,
                                              const std::vector<Item>& items, const Signer& signer,
                                              const std::set<std::int64_t>& participants,
                                              const std::set<std::int64_t>& approvers,
                                              std::int64_t signature_seq, TimeMicros now);

// change_request.withdrawn (state open, rejected or in review; reason required).
Result<ledger::Event> DecideWithdrawChangeRequest(const ChangeRequest& cr,
                                                  const std::string& reason);

}  // namespace ordo::masterdata
