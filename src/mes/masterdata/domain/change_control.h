// Change control of master data: change requests group drafts; submitting, reviewing,
// approving and rejecting are signed; four eyes; a configurable number of approvals.
// Decisions are pure: the caller loads the state they name and appends the events
// (events.h). See docs/masterdata.md sections 2-4.
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
#include "mes/access/domain/user.h"
#include "mes/masterdata/domain/states.h"

namespace ordo::masterdata {

// The subject kind of change request events and the record kind of their signatures.
inline constexpr const char* kChangeRequestKind = "change_request";

struct ChangeRequest {
  std::string id;  // "CR-000001"
  std::string title, description, reason, impact;
  ChangeRequestState state = ChangeRequestState::kOpen;
  std::int64_t revision = 1;  // counts content changes and rejections
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
  VersionState state = VersionState::kDraft;
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

// --- Opening, drafting, withdrawing (change_control.cc) ---

struct OpenChangeRequest {
  std::string title, description, reason, impact;
  std::optional<TimeMicros> effective_from;
};
// Refuses (invalid_argument, naming the field): title not 1..200, description not
// 1..4000, reason not 1..1000, impact over 4000 characters; effective_from before 1970.
Status ValidateOpenChangeRequest(const OpenChangeRequest& command);
// ChangeRequestOpened for CR `number`. Refuses as ValidateOpenChangeRequest.
Result<ledger::Event> DecideOpenChangeRequest(const OpenChangeRequest& command,
                                              std::int64_t number);

struct SaveDraft {
  std::string change_request;
  std::string kind, id;
  Json content;
  std::string action = "define";
};
// DraftSaved: a new version, or the same draft changed. Refuses, in this order: a change
// request that is not open or rejected (failed_precondition, change_request_not_editable);
// an unknown kind (field kind), an invalid object id or, for a configuration kind, any id
// but its fixed one (field id), an action other than define or obsolete, or obsolete of a
// kind that cannot be made obsolete (field action); for obsolete, an object without an effective
// version (failed_precondition, nothing_to_obsolete); for define, an invalid content (the first
// error, field "content.<path>") or content identical to the effective version
// (failed_precondition, no_change, field content); an open version of the object in
// another change request (conflict, open_draft_elsewhere, field id).
Result<ledger::Event> DecideSaveDraft(const SaveDraft& command, const ChangeRequest& cr,
                                      const ObjectState& object);

// DraftWithdrawn for the draft of `kind`/`id` in `cr`. Refuses: a change request that is
// not open or rejected (failed_precondition, change_request_not_editable); no draft of
// that object in it (not_found).
Result<ledger::Event> DecideWithdrawDraft(const ChangeRequest& cr, const std::vector<Item>& items,
                                          const std::string& kind, const std::string& id);

// ChangeRequestWithdrawn. Refuses: state not open, rejected or in review
// (failed_precondition, illegal_transition); reason not 1..1000 characters (field reason).
Result<ledger::Event> DecideWithdrawChangeRequest(const ChangeRequest& cr,
                                                  const std::string& reason);

// One object of a plant apply: where it came from and the state of its object now.
struct PlantDraft {
  std::string kind, id;
  std::string file;  // for error messages
  Json content;
  ObjectState object;
};
// ChangeRequestOpened for CR `number`, then one DraftSaved (action define) per object
// whose content differs from its version in force, in the order given. Refuses: the
// command as DecideOpenChangeRequest; a draft DecideSaveDraft refuses, with its code and
// reason, the message prefixed by "<file>: " and the field "files"; nothing differing
// (failed_precondition, no_change, field files).
Result<std::vector<ledger::Event>> DecideApplyPlant(const OpenChangeRequest& command,
                                                    std::int64_t number,
                                                    const std::vector<PlantDraft>& drafts);

// --- Signing (signing_decisions.cc) ---

// The signer of a change request signature: the identity the signatures capability
// re-authenticated, the account as it is now (nullopt: none) and whether it acknowledged
// the current signature policy. Refuses a missing or disabled account (unauthenticated).
Result<Signer> DecideSigner(std::int64_t user_id, std::string name, std::string meaning,
                            std::optional<std::string> comment,
                            const std::optional<access::User>& account, bool policy_acknowledged);

// Whether an object of `kind`/`id` is in force (effective, not obsolete) now.
using ExistsFn = std::function<bool(const std::string& kind, const std::string& id)>;

// signature.applied (meaning authored) + ChangeRequestSubmitted. Refuses, in this order:
// state not open/rejected (failed_precondition, illegal_transition); a meaning other
// than authored (field signature.meaning); a signer without the policy acknowledgement
// (failed_precondition, policy_not_acknowledged, field signature); no drafts
// (failed_precondition, empty_change_request); an invalid draft (field
// "<kind>/<id>.<path>"); a reference to an object that is neither in force nor defined
// by this change request, or that this change request obsoletes (failed_precondition,
// unresolved_reference, field "<kind>/<id>.<path>"). `signature_seq` is the seq the
// signature entry will get.
Result<std::vector<ledger::Event>> DecideSubmit(const ChangeRequest& cr,
                                                const std::vector<Item>& items,
                                                const Signer& signer, int approvals_required,
                                                const ExistsFn& exists, std::int64_t signature_seq);

// signature.applied + review (meaning reviewed: ChangeRequestReviewed), approval
// (approved: ApprovalSigned, and with the last needed approval ChangeRequestApproved with
// effective_from = max(requested, now)) or rejection (rejected: ChangeRequestRejected).
// Refuses, in this order: another meaning (field signature.meaning); state not in review
// (failed_precondition, illegal_transition); a participant, who created the change
// request or saved a draft in it (permission_denied, four_eyes, field signature.user); a
// signer without the policy acknowledgement (failed_precondition,
// policy_not_acknowledged); a rejection without a comment (field signature.comment); a
// second approval by the same signer on the same revision (conflict, already_signed,
// field signature.user). `approvers` are the users whose approval signatures count at
// the current revision.
Result<std::vector<ledger::Event>> DecideSign(const ChangeRequest& cr,
                                              const std::vector<Item>& items, const Signer& signer,
                                              const std::set<std::int64_t>& participants,
                                              const std::set<std::int64_t>& approvers,
                                              std::int64_t signature_seq, TimeMicros now);

}  // namespace ordo::masterdata
