// The engine commands of change control. Each loads current state on the writer
// connection (store/queries.h and other capabilities' public read APIs), calls the pure
// decision (domain/change_control.h) and replies with the change request as it stands
// after the command: {"change_request": ChangeRequestView (full)}. Signers have been
// re-authenticated by the caller (the signatures capability) before the command runs.
#pragma once

#include <string>

#include "engine/engine.h"
#include "mes/masterdata/domain/change_control.h"
#include "mes/signatures/signing.h"

namespace ordo::masterdata::commands {

// ChangeRequestOpened (201). Fails as DecideOpenChangeRequest.
engine::Command OpenChangeRequest(engine::Actor actor, masterdata::OpenChangeRequest command);
// DraftSaved (200). Fails with not_found (change_request_missing, field id) for an unknown
// change request, else as DecideSaveDraft.
engine::Command SaveDraft(engine::Actor actor, masterdata::SaveDraft command);
// DraftWithdrawn (200). Fails as SaveDraft for an unknown change request, else as
// DecideWithdrawDraft.
engine::Command WithdrawDraft(engine::Actor actor, std::string change_request, std::string kind,
                              std::string id);
// signature.applied + ChangeRequestSubmitted (200). Fails for an unknown change request,
// a disabled signing account (DecideSigner), else as DecideSubmit with the site's
// approvals_required.
engine::Command SubmitChangeRequest(engine::Actor actor, std::string change_request,
                                    signatures::SignerIdentity signer);
// signature.applied + ChangeRequestReviewed / ApprovalSigned (+ ChangeRequestApproved) /
// ChangeRequestRejected, by the signer's meaning (200). Fails as SubmitChangeRequest for
// the change request and the signer, else as DecideSign.
engine::Command SignChangeRequest(engine::Actor actor, std::string change_request,
                                  signatures::SignerIdentity signer);
// ChangeRequestWithdrawn (200). Fails for an unknown change request, else as
// DecideWithdrawChangeRequest.
engine::Command WithdrawChangeRequest(engine::Actor actor, std::string change_request,
                                      std::string reason);

}  // namespace ordo::masterdata::commands
