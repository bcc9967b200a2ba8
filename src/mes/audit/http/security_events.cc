// Handlers of the security events: failed sign-ins, account locks and account
// administration (access: users created and disabled, roles granted and revoked,
// one-time passwords set), failed signings (signatures) and integrity violations (audit),
// read from the ledger newest first, and the live stream of the ones admins are alerted to.
#include <algorithm>

#include "mes/access/events.h"
#include "mes/access/events/credentials.h"
#include "mes/audit/events.h"
#include "mes/audit/http/audit_http.h"
#include "mes/signatures/events.h"
#include "server/query_params.h"
#include "store/ledger_store.h"

namespace ordo::audit {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::ProblemResponse;
using server::StreamWriter;

namespace {

Json EventJson(const ledger::LedgerEntry& e) {
  return Json{{"seq", e.seq},
              {"time_us", e.time_us},
              {"time", FormatUtcMicros(e.time_us)},
              {"type", e.type},
              {"actor", e.actor},
              {"reason", e.reason ? Json(*e.reason) : Json(nullptr)},
              {"payload", e.payload}};
}

}  // namespace

bool IsSecurityAlert(const ledger::LedgerEntry& e) {
  if (e.type == access::LoginFailed::kType) {
    // A single wrong password is not an alert; the attempt that meets the throttle (too
    // many failures for the account or the address, or an admin lockout) is.
    const std::string detail = e.payload.value("detail", std::string());
    return detail.rfind("throttled", 0) == 0 || detail.find("lock") != std::string::npos;
  }
  return e.type == signatures::SignatureFailed::kType || e.type == IntegrityViolationFound::kType ||
         e.type == access::UserLocked::kType;
}

const std::vector<std::string>& SecurityEventTypes() {
  static const std::vector<std::string> kTypes{
      access::LoginFailed::kType,     signatures::SignatureFailed::kType,
      IntegrityViolationFound::kType, access::UserLocked::kType,
      access::UserUnlocked::kType,    access::UserCreated::kType,
      access::UserDisabled::kType,    access::RoleGranted::kType,
      access::RoleRevoked::kType,     access::PasswordReset::kType};
  return kTypes;
}

Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call) {
  auto before = server::IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = server::IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  Json events = Json::array();
  for (const auto& type : SecurityEventTypes()) {
    store::LedgerQuery query;
    query.type = type;
    query.newest_first = true;
    query.before = *before;
    query.limit = *limit;
    auto rows = store::QueryEntries(api.reader(), query);
    if (!rows.ok()) co_return ProblemResponse(rows.error());
    for (const auto& e : *rows) events.push_back(EventJson(e));
  }
  std::sort(events.begin(), events.end(),
            [](const Json& a, const Json& b) { return a["seq"] > b["seq"]; });
  if (events.size() > static_cast<std::size_t>(*limit))
    events.erase(events.begin() + *limit, events.end());
  co_return server::JsonResponse(200, Json{{"events", events}});
}

Awaitable<HttpResponse> StreamSecurityEvents(Api& api, Call& call) {
  // From the head by default (only what happens from now on), or after ?after= /
  // Last-Event-ID when resuming.
  std::map<std::string, std::string> q = call.request.query;
  if (std::string last = call.request.Header("last-event-id"); !last.empty()) q["after"] = last;
  auto after = server::IntParam(q, "after", api.head_seq(), 0, INT64_MAX);
  if (!after.ok()) co_return ProblemResponse(after.error());
  HttpResponse r;
  r.content_type = "text/event-stream";
  r.headers.emplace_back("Cache-Control", "no-store");
  r.stream = [&api, from = *after, token = call.token](StreamWriter& out) -> Awaitable<void> {
    store::LedgerQuery query;
    query.after = from;
    query.limit = 500;
    // Ends with the session: logout, expiry or a disabled user stop the stream.
    while (!api.shutting_down() && api.sessions().Alive(token, api.clock().NowMicros())) {
      auto entries = store::QueryEntries(api.reader(), query);
      if (!entries.ok()) co_return;
      for (const auto& e : *entries) {
        query.after = e.seq;
        if (!IsSecurityAlert(e)) continue;
        std::string frame = "id: " + std::to_string(e.seq) +
                            "\nevent: security\ndata: " + CanonicalJson(EventJson(e)) + "\n\n";
        auto written = out.Write(std::move(frame));
        if (!co_await std::move(written)) co_return;
      }
      if (entries->empty()) {
        auto waiting = api.WaitForHead(std::max(query.after, api.head_seq()), 15);
        co_await std::move(waiting);
        if (api.head_seq() <= query.after) {
          auto kept = out.Write(": keep-alive\n\n");
          if (!co_await std::move(kept)) co_return;
        }
      }
    }
  };
  co_return r;
}

}  // namespace ordo::audit
