// The audit endpoint table: the ledger feed, verification, checkpoints, security events.
#include "mes/access/events.h"
#include "mes/audit/http/audit_http.h"
#include "mes/audit/permissions.h"
#include "mes/signatures/events.h"
#include "server/response_schema.h"

namespace ordo::audit {

namespace {

using namespace server::schema;

// A page of the ledger feed (ReadLedger): the entries and where the next page starts.
Json LedgerPageSchema() {
  return Object(
      {{"entries", Array(LedgerEntrySchema())},
       {"next", Integer("forward: the `after` of the next page (the last seq sent, or the "
                        "request's `after`); with ?before=: the `before` of the older page, "
                        "0 when there is none")}});
}

// A signed checkpoint (ledger::ToJson(Checkpoint); docs/ledger-format.md).
Json CheckpointSchema() {
  return Object(
      {{"seq", Integer("the ledger seq of the signed head")},
       {"head_hash", String("the hash of the entry at `seq`")},
       {"time_us", Integer("when it was signed (microseconds since 1970-01-01 UTC)")},
       {"time", Time()},
       {"public_key", String("hex Ed25519 public key that signed it")},
       {"signature", String("hex detached Ed25519 signature of "
                            "\"ordo-checkpoint-v1\\n<seq>\\n<head_hash>\\n<time_us>\"")}});
}

// VerifyLedger's report (ledger::VerifyReport).
Json VerifyReportSchema() {
  return Object({{"ok", Boolean("the chain and every checkpoint verified")},
                 {"entries", Integer("entries checked")},
                 {"checkpoints", Integer("checkpoints checked")},
                 {"head_seq", Integer()},
                 {"first_bad_seq", Nullable(Integer("the first entry that failed; null when ok"))},
                 {"message", String("\"chain intact\" or what is wrong, naming the seq")}});
}

// One security event (SecurityEvents, http/security_events.cc): a failed sign-in or
// signing, an integrity violation or an account change (user created or disabled, role
// granted or revoked), as its ledger entry.
Json SecurityEventSchema() {
  return Object({{"seq", Integer()},
                 {"time_us", Integer("server time (microseconds since 1970-01-01 UTC)")},
                 {"time", Time()},
                 {"type", Enum(String("the event type"), SecurityEventTypes())},
                 {"actor", String("login name given, or who was signed in")},
                 {"reason", Nullable(String("the entry's reason (why an account was disabled "
                                            "or a role granted or revoked); null when none"))},
                 {"payload", AnyObject("the event's data (see the event type)")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  server::Endpoint read{
      "GET",
      "/api/v1/ledger",
      kLedgerFeed,
      {},
      "read",
      "Ledger feed (?after=&limit=&wait=&type=&actor=&subject=&from=&to=), or newest "
      "first with ?before=SEQ (0 = from the head)",
      &ReadLedger};
  server::Endpoint span{"GET",
                        "/api/v1/ledger/span",
                        kLedgerFeed,
                        {},
                        "read",
                        "What a review of a period would cover (?type=&actor=&subject=&from=&to=): "
                        "entries in the period, first and last seq, entries the filters match",
                        &LedgerSpan};
  span.response_schema = Object(
      {{"entries_in_period", Integer("entries with from <= time < to, whatever the filters")},
       {"first_seq", Integer("the first of them (0 when none)")},
       {"last_seq", Integer("the last of them (0 when none)")},
       {"entries_matched", Integer("those of them the type, actor and subject filters match")}});
  server::Endpoint stream{"GET",        "/api/v1/ledger/stream",
                          kLedgerFeed,  {},
                          "read",       "Ledger feed as server-sent events (?after=)",
                          &StreamLedger};
  server::Endpoint checkpoints{
      "GET",
      "/api/v1/ledger/checkpoints",
      kLedgerFeed,
      {},
      "read",
      "The signed checkpoints after a seq, in seq order (?after=&limit=), to check the feed "
      "against the site's public key",
      &ReadLedgerCheckpoints};
  checkpoints.response_schema =
      Object({{"checkpoints", Array(CheckpointSchema())},
              {"next", Integer("the `after` of the next page (the last seq sent, or the request's "
                               "`after`)")}});
  server::Endpoint verify{"GET",         "/api/v1/ledger/verify",
                          kLedgerVerify, {},
                          "read",        "Verify the hash chain and checkpoints",
                          &VerifyLedger};
  server::Endpoint checkpoint{"POST",    "/api/v1/ledger/checkpoint", kLedgerVerify,    {},
                              "command", "Sign the ledger head now",  &CheckpointLedger};
  server::Endpoint security{
      "GET",
      "/api/v1/security/events",
      kAuditRead,
      {},
      "read",
      "Failed sign-ins and signings, integrity violations, users created and disabled, roles "
      "granted and revoked, newest first (?before=&limit=)",
      &SecurityEvents};
  server::Endpoint security_stream{
      "GET",
      "/api/v1/security/events/stream",
      kSecurityMonitor,
      {},
      "read",
      "Security alerts as server-sent events, from now on (?after=, Last-Event-ID)",
      &StreamSecurityEvents};
  security_stream.response_schema = Content(
      "text/event-stream",
      String("server-sent events: per alert `id: <seq>`, `event: security` and `data: <the "
             "event as in GET /api/v1/security/events>`, with `: keep-alive` comments while "
             "idle. Alerts: a sign-in attempt that met the throttle or a lockout, every failed "
             "signing, every security.integrity_violation"));
  read.response_schema = LedgerPageSchema();
  stream.response_schema = Content(
      "text/event-stream",
      String("server-sent events: per ledger entry `id: <seq>`, `event: entry` and `data: "
             "<the entry as canonical JSON>` (as in GET /api/v1/ledger), with `: keep-alive` "
             "comments while idle; resumable with Last-Event-ID"));
  verify.response_schema = VerifyReportSchema();
  checkpoint.response_schema =
      Object({{"checkpoint_seq", Integer("the seq the latest checkpoint signs (0: none yet)")}});
  security.response_schema = Object({{"events", Array(SecurityEventSchema())}});
  return {read, span, stream, checkpoints, verify, checkpoint, security, security_stream};
}

}  // namespace ordo::audit
