// Handlers that still live in src/server while their capabilities move into
// src/mes/<capability>/http/ (issue 7); each capability's endpoint table names them.
#pragma once

#include <variant>

#include "app/masterdata_commands.h"
#include "server/api.h"

namespace ordo::server {

// Checks a password for `user_id` on the hashing pool.
Awaitable<bool> CheckPassword(Api& api, std::int64_t user_id, std::string password);

Awaitable<HttpResponse> Login(Api& api, Call& call);
Awaitable<HttpResponse> CurrentSession(Api& api, Call& call);
Awaitable<HttpResponse> Logout(Api& api, Call& call);
Awaitable<HttpResponse> ListUsers(Api& api, Call& call);
Awaitable<HttpResponse> CreateUser(Api& api, Call& call);
Awaitable<HttpResponse> DisableUser(Api& api, Call& call);
Awaitable<HttpResponse> RenameUser(Api& api, Call& call);
Awaitable<HttpResponse> ReadLedger(Api& api, Call& call);
Awaitable<HttpResponse> StreamLedger(Api& api, Call& call);
Awaitable<HttpResponse> VerifyLedger(Api& api, Call& call);
Awaitable<HttpResponse> CheckpointLedger(Api& api, Call& call);
Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call);
Awaitable<HttpResponse> GetSiteSettings(Api& api, Call& call);
Awaitable<HttpResponse> ChangeSiteSettings(Api& api, Call& call);

}  // namespace ordo::server
