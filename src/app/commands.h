// Application commands: each builds an engine::Command that looks up current state on
// the writer connection, calls the pure domain decision, and formats the reply. The
// HTTP API and the CLI submit the same commands.
#pragma once

#include <string>

#include "engine/engine.h"
#include "mes/access/domain/user.h"

namespace ordo::app {

// "ledger.initialized": the first entry of every ledger, naming the site's public key.
engine::Command InitializeLedger(const std::string& public_key, const std::string& site_name);

// "user.created" plus the user's Argon2id hash in the credential table. Reply: {"user"}.
engine::Command CreateUser(engine::Actor actor, access::CreateUser user, std::string password_hash);
// "user.disabled". Reply: {"user"}.
engine::Command DisableUser(engine::Actor actor, access::DisableUser command);

// "session.login_succeeded" / "session.login_failed" / "session.logged_out". `client`
// is the client address; `detail` why a login failed (never the password).
// LoginSucceeded is rejected (unauthenticated) when the user is disabled or missing.
engine::Command LoginSucceeded(engine::Actor actor, const std::string& client);
engine::Command LoginFailed(const std::string& attempted_user, const std::string& client,
                            const std::string& detail);
engine::Command LoggedOut(engine::Actor actor, const std::string& client, const std::string& why);

}  // namespace ordo::app
