// Handlers that still live in src/server while their capabilities move into
// src/mes/<capability>/http/ (issue 7); each capability's endpoint table names them.
#pragma once

#include <variant>

#include "server/api.h"

namespace ordo::server {

Awaitable<HttpResponse> ReadLedger(Api& api, Call& call);
Awaitable<HttpResponse> StreamLedger(Api& api, Call& call);
Awaitable<HttpResponse> VerifyLedger(Api& api, Call& call);
Awaitable<HttpResponse> CheckpointLedger(Api& api, Call& call);
Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call);

}  // namespace ordo::server
