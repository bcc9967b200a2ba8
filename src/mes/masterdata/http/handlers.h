// The handlers of the masterdata endpoints (the table is in endpoints.cc). Each is a
// coroutine on the io thread; reads use the API's reader connection, commands go through
// Api::RunCommand. Answers and problems: docs/masterdata.md section 5.
#pragma once

#include "server/api.h"

namespace ordo::masterdata::http {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

// Master data reads (masterdata_handlers.cc).
Awaitable<HttpResponse> MasterdataKinds(Api& api, Call& call);
Awaitable<HttpResponse> ValidateMasterdata(Api& api, Call& call);
Awaitable<HttpResponse> ListMasterdata(Api& api, Call& call);
Awaitable<HttpResponse> GetMasterdataObject(Api& api, Call& call);
Awaitable<HttpResponse> GetMasterdataVersion(Api& api, Call& call);
Awaitable<HttpResponse> DiffMasterdata(Api& api, Call& call);

// Change requests (change_request_handlers.cc). The signed ones re-authenticate the
// signer through the signatures capability first.
Awaitable<HttpResponse> ListChangeRequests(Api& api, Call& call);
Awaitable<HttpResponse> GetChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> OpenChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> SaveDraft(Api& api, Call& call);
Awaitable<HttpResponse> WithdrawDraft(Api& api, Call& call);
Awaitable<HttpResponse> SubmitChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> ReviewChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> ApproveChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> RejectChangeRequest(Api& api, Call& call);
Awaitable<HttpResponse> WithdrawChangeRequest(Api& api, Call& call);

// permission_denied when `kind` is drafted with a permission of its own (the
// configuration kinds: site.configure) that the caller's roles do not grant; OK for
// other and unknown kinds (the decision names those).
Status CheckDraftPermission(const Call& call, const std::string& kind);

// Configuration as code (plant_handlers.cc).
Awaitable<HttpResponse> ExportPlant(Api& api, Call& call);
Awaitable<HttpResponse> ApplyPlant(Api& api, Call& call);

}  // namespace ordo::masterdata::http
