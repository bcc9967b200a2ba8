// GET /api/v1/kpi/trend (trend_routes.h).
#include "mis/kpi_source/http/trend_routes.h"

#include <functional>

#include "mis/access/roles.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/kpi_source/trend.h"
#include "mis/targets/targets_store.h"
#include "server/problem.h"

namespace ordo::mis::kpi_source {

namespace {

http::Awaitable<http::HttpResponse> TrendHandler(http::Context& context, http::Call& call) {
  auto trend = ParseTrendQuery(call.request.query);
  if (!trend.ok()) co_return server::ProblemResponse(trend.error());
  std::function<Result<Json>(storage::Database&)> work =
      [t = std::move(*trend), zone = context.time_zone()](storage::Database& reader) {
        const KpiRequest& request = t.query.request;
        auto target = targets::FindTarget(reader, request.scope, request.kpis.at(0));
        if (!target.ok()) return Result<Json>(target.error());
        Json target_json = nullptr;
        if (*target)
          target_json = Json{{"value", (*target)->target},
                             {"set_by", (*target)->set_by},
                             {"set_at", FormatUtcMicros((*target)->set_at)}};
        auto inputs = LoadKpiInputs(reader, zone);
        if (!inputs.ok()) return Result<Json>(inputs.error());
        const ElementIndex index(*inputs);
        return ComputeTrend(index, t, target_json, zone);
      };
  auto computing = context.ComputeJson(std::move(work));
  http::HttpResponse response = co_await std::move(computing);
  co_return response;
}

}  // namespace

std::vector<http::Route> TrendRoutes() {
  return {http::GetRoute("/api/v1/kpi/trend", access::kRead,
                         "One KPI of a scope per day or per shift, with its target",
                         &TrendHandler)};
}

}  // namespace ordo::mis::kpi_source
