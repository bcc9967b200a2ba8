// The signatures capability's public API for signed commands of other capabilities:
// re-authenticating the signer of a request, and reading the signatures on a record and
// the policy state. (Transitional: forwards to src/server, src/app and src/store until
// the code moves into src/mes/signatures/, issue 7.)
#pragma once

#include "app/masterdata_commands.h"
#include "server/legacy_handlers.h"
#include "store/masterdata_queries.h"

namespace ordo::signatures {

using app::SignerIdentity;
using server::AuthenticateSigner;
using store::CurrentPolicy;
using store::HasAcknowledged;
using store::SignaturePolicy;
using store::SignaturesOn;

}  // namespace ordo::signatures
