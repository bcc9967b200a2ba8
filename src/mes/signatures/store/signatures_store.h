// The signatures capability's tables and projectors. Its read queries (SignaturesOn,
// CurrentPolicy, HasAcknowledged) are public and declared in signing.h.
#pragma once

#include "mes/signatures/signing.h"
#include "store/schema.h"

namespace ordo::signatures {

// Tables signature (one row per signature.applied entry, keyed by its seq),
// signature_policy (one row per version) and policy_acknowledgement, as migrations.
store::TableSet Tables();
// Registers the projectors of SignatureApplied, PolicyPublished and PolicyAcknowledged.
void RegisterProjectors();

}  // namespace ordo::signatures
