// The access module's routes: sign-in, the current session, sign-out (session_routes.cc)
// and user administration (user_routes.cc). The composition root adds them with
// `router.Add(access::Routes())`.
//
//   POST   /api/v1/session  {user, password} -> 200 {token, expires_at, user}   (open)
//   GET    /api/v1/session  -> 200 {user, expires_at}                           (mis.read)
//   DELETE /api/v1/session  -> 204                                              (mis.read)
//   GET    /api/v1/users    -> 200 {users: [...]}                               (mis.users)
//   POST   /api/v1/users    {name, role, password} -> 201 {user}                (mis.users)
//
// The reply shape and bearer-token handling are the MES's (its sign-in: `Authorization:
// Bearer <token>`, no cookie). A wrong password, an unknown user and a disabled user get
// the same 401; failures are throttled per account and address (server/sessions.h).
#pragma once

#include <vector>

#include "mis/access/users.h"
#include "mis/http/router.h"

namespace ordo::mis::access {

std::vector<http::Route> Routes();

// {id, name, roles: [role], permissions: [...]}: the signed-in user as sign-in and
// GET /api/v1/session answer it.
Json SessionUserJson(const MisUser& user);

}  // namespace ordo::mis::access
