// Application commands for electronic signatures, the signature policy, site settings,
// users' printed names, personnel qualifications and attachments. Each loads current
// state on the writer connection, calls the pure decision (src/domain/signatures) and
// replies with the view the API returns. The caller has already re-authenticated every
// signer (password checked off the writer). (The change control commands moved to
// src/mes/masterdata/commands/.)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "engine/engine.h"
#include "mes/signatures/signing.h"

namespace ordo::app {

// A signer as the API authenticated them (the signatures capability's public type).
using signatures::SignerIdentity;

// site.settings_changed. `settings` holds only known keys with checked values.
engine::Command ChangeSiteSettings(engine::Actor actor, Json settings, std::string reason);
// user.renamed: a new printed name (old signatures keep the name they were made with).
engine::Command RenameUser(engine::Actor actor, std::int64_t user_id, std::string display_name,
                           std::string reason);

}  // namespace ordo::app
