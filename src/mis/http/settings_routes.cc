// GET /api/v1/settings/history (settings_routes.h).
#include "mis/http/settings_routes.h"

#include "mis/access/roles.h"
#include "mis/store/setting_change.h"
#include "server/problem.h"

namespace ordo::mis::http {

namespace {

Awaitable<HttpResponse> History(Context& context, Call&) {
  auto changes = store::SettingChanges(context.db());
  if (!changes.ok()) co_return server::ProblemResponse(changes.error());
  Json list = Json::array();
  for (const store::SettingChange& c : *changes)
    list.push_back(Json{{"id", c.id},
                        {"at", FormatUtcMicros(c.at)},
                        {"key", c.key},
                        {"old_value", c.old_value},
                        {"new_value", c.new_value},
                        {"by_os_user", c.by_os_user},
                        {"reason", c.reason}});
  co_return server::JsonResponse(200, Json{{"changes", list}});
}

}  // namespace

std::vector<Route> SettingsRoutes() {
  return {GetRoute("/api/v1/settings/history", access::kSettingsRead,
                   "The changes of the store's settings after init (who, when, why)", &History)};
}

}  // namespace ordo::mis::http
