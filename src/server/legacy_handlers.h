// Handlers that still live in src/server while their capabilities move into
// src/mes/<capability>/http/ (issue 7); each capability's endpoint table names them.
#pragma once

#include <variant>

#include "app/masterdata_commands.h"
#include "server/api.h"

namespace ordo::server {

// Re-authenticates call.body["signature"] for `meaning` (user id and password, or the
// password alone where the site allows it within one session from one address).
// Failures are throttled per account, recorded as signature.failed and answered as
// an HTTP response in the error's place.
Awaitable<std::variant<app::SignerIdentity, HttpResponse>> AuthenticateSigner(Api& api, Call& call,
                                                                              std::string meaning);
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
Awaitable<HttpResponse> GetSignaturePolicy(Api& api, Call& call);
Awaitable<HttpResponse> PublishSignaturePolicy(Api& api, Call& call);
Awaitable<HttpResponse> AcknowledgeSignaturePolicy(Api& api, Call& call);
Awaitable<HttpResponse> GetSiteSettings(Api& api, Call& call);
Awaitable<HttpResponse> ChangeSiteSettings(Api& api, Call& call);
Awaitable<HttpResponse> GrantQualification(Api& api, Call& call);
Awaitable<HttpResponse> ListQualificationGrants(Api& api, Call& call);
Awaitable<HttpResponse> RecordTraining(Api& api, Call& call);
Awaitable<HttpResponse> ListTraining(Api& api, Call& call);
Awaitable<HttpResponse> StoreAttachment(Api& api, Call& call);
Awaitable<HttpResponse> GetAttachment(Api& api, Call& call);

}  // namespace ordo::server
