// Change control decisions of the signed steps: submit, review, approve, reject (see
// change_control.h).
#include <algorithm>

#include "core/crypto.h"
#include "mes/masterdata/domain/change_control.h"
#include "mes/masterdata/domain/detail/change_control.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/domain/validate.h"
#include "mes/masterdata/events.h"
#include "mes/signatures/events.h"

namespace ordo::masterdata {

namespace {

using detail::Live;
using detail::Precondition;

// signature.applied on the change request's current record (the comment only when there
// is one).
ledger::Event SignatureEvent(const ChangeRequest& cr, const std::vector<Item>& items,
                             const Signer& signer) {
  signatures::SignatureApplied applied;
  applied.signer_id = signer.user_id;
  applied.signer = signer.name;
  applied.printed_name = signer.printed_name;
  applied.meaning = signer.meaning;
  applied.comment = signer.comment;
  applied.record_kind = kChangeRequestKind;
  applied.record_id = cr.id;
  applied.record_version = cr.revision;
  applied.content_hash = Sha256Hex(CanonicalJson(ChangeRequestRecord(cr, items)));
  return ledger::MakeEvent(applied, kChangeRequestKind, cr.id, cr.revision);
}

// The signature entry first; every later event relies on it.
template <typename P>
std::vector<ledger::Event> Signed(const ChangeRequest& cr, const std::vector<Item>& items,
                                  const Signer& signer, std::int64_t signature_seq,
                                  const P& payload) {
  std::vector<ledger::Event> events{SignatureEvent(cr, items, signer)};
  events.push_back(ledger::MakeEvent(payload, kChangeRequestKind, cr.id, cr.revision));
  events.back().signatures = Json::array({signature_seq});
  return events;
}

}  // namespace

Result<Signer> DecideSigner(std::int64_t user_id, std::string name, std::string meaning,
                            std::optional<std::string> comment,
                            const std::optional<access::User>& account, bool policy_acknowledged) {
  if (!account || account->disabled)
    return Error::Make(ErrorCode::kUnauthenticated, "the signing account is disabled");
  Signer s;
  s.user_id = user_id;
  s.name = std::move(name);
  s.printed_name = account->display_name;
  s.meaning = std::move(meaning);
  s.comment = std::move(comment);
  s.policy_acknowledged = policy_acknowledged;
  return s;
}

Result<std::vector<ledger::Event>> DecideSubmit(const ChangeRequest& cr,
                                                const std::vector<Item>& items,
                                                const Signer& signer, int approvals_required,
                                                const ExistsFn& exists,
                                                std::int64_t signature_seq) {
  if (!detail::Editable(cr))
    return Precondition("change request " + cr.id + " is " + ToString(cr.state) +
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
  return Signed(cr, items, signer, signature_seq,
                ChangeRequestSubmitted{cr.revision, approvals_required, signature_seq});
}

Result<std::vector<ledger::Event>> DecideSign(const ChangeRequest& cr,
                                              const std::vector<Item>& items, const Signer& signer,
                                              const std::set<std::int64_t>& participants,
                                              const std::set<std::int64_t>& approvers,
                                              std::int64_t signature_seq, TimeMicros now) {
  const std::string& m = signer.meaning;
  if (m != "reviewed" && m != "approved" && m != "rejected")
    return Error::Invalid("signature.meaning", "meaning must be reviewed, approved or rejected");
  if (cr.state != ChangeRequestState::kInReview)
    return Precondition("change request " + cr.id + " is " + ToString(cr.state) +
                            "; only one in review can be " + m,
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
  if (m == "reviewed")
    return Signed(cr, items, signer, signature_seq,
                  ChangeRequestReviewed{cr.revision, signature_seq});
  if (m == "rejected")
    return Signed(cr, items, signer, signature_seq,
                  ChangeRequestRejected{cr.revision, signature_seq, *signer.comment});
  const int approvals = static_cast<int>(approvers.size()) + 1;
  auto events =
      Signed(cr, items, signer, signature_seq,
             ApprovalSigned{cr.revision, signature_seq, approvals, cr.approvals_required});
  if (approvals >= cr.approvals_required) {
    ChangeRequestApproved approved;
    approved.revision = cr.revision;
    approved.effective_from_us = std::max(cr.effective_from.value_or(now), now);
    for (const auto& i : Live(items)) approved.versions.push_back({i.kind, i.id, i.version});
    events.push_back(ledger::MakeEvent(approved, kChangeRequestKind, cr.id, cr.revision));
    events.back().signatures = Json::array({signature_seq});
  }
  return events;
}

}  // namespace ordo::masterdata
