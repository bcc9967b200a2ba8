// The review capability's one command: sign a review of a period of the audit trail.
#pragma once

#include "engine/engine.h"
#include "mes/review/domain/review.h"
#include "mes/signatures/signing.h"

namespace ordo::review {

// signature.applied + AuditTrailReviewed (201), written in one transaction. Loads the
// period from the ledger, the signer's account and policy acknowledgement on the
// writer's connection and fails as DecideReview; nothing is written then. The signer was
// re-authenticated by the caller (signatures::AuthenticateSigner). Reply:
// {"review": the review as GET /api/v1/audit-reviews/{id} shows it}.
engine::Command ReviewAuditTrailCommand(engine::Actor actor, ReviewAuditTrail command,
                                        signatures::SignerIdentity signer);

// Every registered event type (what filters.type may name).
std::set<std::string> EventTypeNames();

}  // namespace ordo::review
