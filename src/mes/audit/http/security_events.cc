// Handler of the security events: failed sign-ins (access), failed signings
// (signatures) and account administration (users created and disabled, roles granted and
// revoked), read from the ledger newest first.
#include <algorithm>

#include "mes/access/events.h"
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

const std::vector<std::string>& SecurityEventTypes() {
  static const std::vector<std::string> kTypes{
      access::LoginFailed::kType,  signatures::SignatureFailed::kType, access::UserCreated::kType,
      access::UserDisabled::kType, access::RoleGranted::kType,         access::RoleRevoked::kType};
  return kTypes;
}

Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call) {
  auto before = server::IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = server::IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  Json events = Json::array();
  for (const std::string& type : SecurityEventTypes()) {
    store::LedgerQuery query;
    query.type = type;
    query.newest_first = true;
    query.before = *before;
    query.limit = *limit;
    auto rows = store::QueryEntries(api.reader(), query);
    if (!rows.ok()) co_return ProblemResponse(rows.error());
    for (const auto& e : *rows)
      events.push_back({{"seq", e.seq},
                        {"time_us", e.time_us},
                        {"time", FormatUtcMicros(e.time_us)},
                        {"type", e.type},
                        {"actor", e.actor},
                        {"reason", e.reason ? Json(*e.reason) : Json(nullptr)},
                        {"payload", e.payload}});
  }
  std::sort(events.begin(), events.end(),
            [](const Json& a, const Json& b) { return a["seq"] > b["seq"]; });
  if (events.size() > static_cast<std::size_t>(*limit))
    events.erase(events.begin() + *limit, events.end());
  co_return server::JsonResponse(200, Json{{"events", events}});
}

}  // namespace ordo::audit
