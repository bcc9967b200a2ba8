// The access capability's endpoints (sign-in, session, users) and their handlers,
// free functions over the Api services (server/api.h).
#pragma once

#include <vector>

#include "server/api.h"
#include "server/endpoint.h"

namespace ordo::access {

// The endpoint table (http/endpoints.cc).
std::vector<server::Endpoint> Endpoints();

// POST /api/v1/session (http/session_http.cc).
server::Awaitable<server::HttpResponse> Login(server::Api& api, server::Call& call);
// GET /api/v1/session.
server::Awaitable<server::HttpResponse> CurrentSession(server::Api& api, server::Call& call);
// DELETE /api/v1/session.
server::Awaitable<server::HttpResponse> Logout(server::Api& api, server::Call& call);

// GET /api/v1/users (http/users_http.cc).
server::Awaitable<server::HttpResponse> ListUsersHandler(server::Api& api, server::Call& call);
// POST /api/v1/users.
server::Awaitable<server::HttpResponse> CreateUserHandler(server::Api& api, server::Call& call);
// POST /api/v1/users/{id}/disable; ends the user's sessions once disabled.
server::Awaitable<server::HttpResponse> DisableUserHandler(server::Api& api, server::Call& call);
// PATCH /api/v1/users/{id}.
server::Awaitable<server::HttpResponse> RenameUserHandler(server::Api& api, server::Call& call);

// POST /api/v1/session/password (http/credentials_http.cc): the user's own change; ends
// their other sessions.
server::Awaitable<server::HttpResponse> ChangeOwnPassword(server::Api& api, server::Call& call);
// POST /api/v1/users/{id}/password: an admin sets a one-time password; ends the user's
// sessions.
server::Awaitable<server::HttpResponse> ResetPasswordHandler(server::Api& api, server::Call& call);

// Checks `password` against the password rules in force (site settings: minimum length;
// the cracklib blocklist; `login_name` and "ordo" as context words); errors name `field`.
Status CheckPasswordRules(server::Api& api, const std::string& password,
                          const std::string& login_name, const std::string& field);
// The Argon2id hash of `password` computed on the hashing pool; null when hashing failed.
server::Awaitable<Json> HashOffThread(server::Api& api, std::string password);

}  // namespace ordo::access
