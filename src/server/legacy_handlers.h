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
Awaitable<HttpResponse> MasterdataKinds(Api& api, Call& call);
Awaitable<HttpResponse> ValidateMasterdata(Api& api, Call& call);
Awaitable<HttpResponse> ListMasterdata(Api& api, Call& call);
Awaitable<HttpResponse> GetMasterdataObject(Api& api, Call& call);
Awaitable<HttpResponse> GetMasterdataVersion(Api& api, Call& call);
Awaitable<HttpResponse> DiffMasterdata(Api& api, Call& call);
Awaitable<HttpResponse> ListChangeRequests(Api& api, Call& call);
Awaitable<HttpResponse> OpenChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> GetChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> SaveDraft(Api& api, Call& call);
Awaitable<HttpResponse> WithdrawDraft(Api& api, Call& call);
Awaitable<HttpResponse> SubmitChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> ReviewChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> ApproveChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> RejectChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> WithdrawChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> ExportPlant(Api& api, Call& call);
Awaitable<HttpResponse> ApplyPlant(Api& api, Call& call);

}  // namespace ordo::server
