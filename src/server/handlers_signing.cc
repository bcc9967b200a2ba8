// Handlers: site settings and security events.

#include "app/masterdata_commands.h"
#include "mes/signatures/events.h"
#include "server/api.h"
#include "server/legacy_handlers.h"
#include "server/query_params.h"
#include "store/ledger_store.h"
#include "store/masterdata_queries.h"

namespace ordo::server {

Awaitable<HttpResponse> GetSiteSettings(Api& api, Call&) {
  auto settings = store::GetSiteSettings(api.reader());
  if (!settings.ok()) co_return ProblemResponse(settings.error());
  co_return JsonResponse(200, Json{{"settings", store::ToJson(*settings)}});
}

Awaitable<HttpResponse> ChangeSiteSettings(Api& api, Call& call) {
  Json settings = Json::object();
  if (call.body.contains("approvals_required")) {
    auto n = call.body["approvals_required"].get<std::int64_t>();
    if (n < 1 || n > 5)
      co_return ProblemResponse(
          Error::Invalid("approvals_required", "approvals_required must be from 1 to 5"));
    settings["approvals_required"] = n;
  }
  if (call.body.contains("signing_password_only"))
    settings["signing_password_only"] = call.body["signing_password_only"].get<bool>();
  if (settings.empty())
    co_return ProblemResponse(Error::Invalid(
        "body", "name at least one setting: approvals_required, signing_password_only"));
  if (!call.body.contains("reason") || call.body["reason"].get<std::string>().empty())
    co_return ProblemResponse(Error::Invalid("reason", "a settings change needs a reason"));
  engine::Command command =
      app::ChangeSiteSettings(api.ActorOf(call), settings, call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call) {
  auto before = IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  Json events = Json::array();
  for (const char* type : {"session.login_failed", signatures::SignatureFailed::kType}) {
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
                        {"payload", e.payload}});
  }
  std::sort(events.begin(), events.end(),
            [](const Json& a, const Json& b) { return a["seq"] > b["seq"]; });
  if (events.size() > static_cast<std::size_t>(*limit))
    events.erase(events.begin() + *limit, events.end());
  co_return JsonResponse(200, Json{{"events", events}});
}

}  // namespace ordo::server
