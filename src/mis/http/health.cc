// GET /api/v1/health.
#include "mis/http/health.h"

#include "core/version.h"
#include "server/problem.h"

namespace ordo::mis::http {

namespace {

Awaitable<HttpResponse> Health(Context& context, Call&) {
  co_return server::JsonResponse(200, Json{{"status", context.shutting_down() ? "stopping" : "ok"},
                                           {"service", "ordo-mis"},
                                           {"version", Version()},
                                           {"commit", GitCommit()},
                                           {"time_zone", context.time_zone().name()}});
}

}  // namespace

std::vector<Route> HealthRoutes() {
  Route health;
  health.method = "GET";
  health.path = "/api/v1/health";
  health.summary = "Liveness and build version (open)";
  health.handler = &Health;
  return {health};
}

}  // namespace ordo::mis::http
