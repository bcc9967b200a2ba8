// The last application command still moving into src/mes/ (issue 7): site settings.
// It loads current state on the writer connection and replies with the view the API
// returns.
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

}  // namespace ordo::app
