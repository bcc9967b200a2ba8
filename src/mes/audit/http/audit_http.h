// The audit capability's endpoints (the ledger feed, verification, checkpoints and
// security events) and their handlers, free functions over the Api services.
#pragma once

#include <string>
#include <vector>

#include "ledger/entry.h"
#include "server/api.h"
#include "server/endpoint.h"

namespace ordo::audit {

// The endpoint table (http/endpoints.cc).
std::vector<server::Endpoint> Endpoints();

// GET /api/v1/ledger/span: what a review of a period with filters would cover (the same
// type, actor, subject, from, to as /ledger): the entries in the period, their first and
// last seq, and how many of them the filters match. Reads only.
server::Awaitable<server::HttpResponse> LedgerSpan(server::Api& api, server::Call& call);

// GET /api/v1/ledger: forward pages with long-poll (?after=&wait=), or newest first with
// ?before= (http/ledger_http.cc).
server::Awaitable<server::HttpResponse> ReadLedger(server::Api& api, server::Call& call);
// GET /api/v1/ledger/stream: server-sent events, resumable with Last-Event-ID; ends with
// the session.
server::Awaitable<server::HttpResponse> StreamLedger(server::Api& api, server::Call& call);
// GET /api/v1/ledger/checkpoints?after=&limit=: the signed checkpoints with seq > after
// (default 0), in seq order, at most limit (1..1000, default 100), each as
// ledger::ToJson(Checkpoint), and `next` (the last seq sent, or `after`). Reads only; a
// parameter out of range is 400 naming it.
server::Awaitable<server::HttpResponse> ReadLedgerCheckpoints(server::Api& api, server::Call& call);
// GET /api/v1/ledger/verify: the chain and checkpoints, verified off the io thread.
server::Awaitable<server::HttpResponse> VerifyLedger(server::Api& api, server::Call& call);
// POST /api/v1/ledger/checkpoint: signs the head now.
server::Awaitable<server::HttpResponse> CheckpointLedger(server::Api& api, server::Call& call);
// The ledger event types that are security events (http/security_events.cc).
const std::vector<std::string>& SecurityEventTypes();
// True for the security events pushed live to admins: a sign-in attempt that met the
// throttle or a lockout, every failed signing, every integrity violation.
bool IsSecurityAlert(const ledger::LedgerEntry& entry);
// GET /api/v1/security/events: failed sign-ins and signings, integrity violations, users
// created and disabled, roles granted and revoked, newest first.
server::Awaitable<server::HttpResponse> SecurityEvents(server::Api& api, server::Call& call);
// GET /api/v1/security/events/stream: the alerts (IsSecurityAlert) as server-sent events,
// from now on or resumed with Last-Event-ID; ends with the session.
server::Awaitable<server::HttpResponse> StreamSecurityEvents(server::Api& api, server::Call& call);

// Registers the worklist source audit.security_alerts (http/security_worklist.cc).
void RegisterWorklistSources();

}  // namespace ordo::audit
