// The audit capability's endpoints (the ledger feed, verification, checkpoints and
// security events) and their handlers, free functions over the Api services.
#pragma once

#include <string>
#include <vector>

#include "server/api.h"
#include "server/endpoint.h"

namespace ordo::audit {

// The endpoint table (http/endpoints.cc).
std::vector<server::Endpoint> Endpoints();

// GET /api/v1/ledger: forward pages with long-poll (?after=&wait=), or newest first with
// ?before= (http/ledger_http.cc).
server::Awaitable<server::HttpResponse> ReadLedger(server::Api& api, server::Call& call);
// GET /api/v1/ledger/stream: server-sent events, resumable with Last-Event-ID; ends with
// the session.
server::Awaitable<server::HttpResponse> StreamLedger(server::Api& api, server::Call& call);
// GET /api/v1/ledger/verify: the chain and checkpoints, verified off the io thread.
server::Awaitable<server::HttpResponse> VerifyLedger(server::Api& api, server::Call& call);
// POST /api/v1/ledger/checkpoint: signs the head now.
server::Awaitable<server::HttpResponse> CheckpointLedger(server::Api& api, server::Call& call);
// GET /api/v1/security/events: failed sign-ins and signings, users created and disabled,
// roles granted and revoked, newest first (http/security_events.cc).
server::Awaitable<server::HttpResponse> SecurityEvents(server::Api& api, server::Call& call);
// The event types the security events list (one list for the handler and its schema).
const std::vector<std::string>& SecurityEventTypes();

}  // namespace ordo::audit
