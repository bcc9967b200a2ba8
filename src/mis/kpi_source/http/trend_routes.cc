// GET /api/v1/kpi/trend (trend_routes.h).
#include "mis/kpi_source/http/trend_routes.h"

#include <functional>
#include <memory>

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
  const KpiRequest& request = trend->query.request;
  auto target = targets::FindTarget(context.db(), request.scope, request.kpis.at(0));
  if (!target.ok()) co_return server::ProblemResponse(target.error());
  Json target_json = nullptr;
  if (*target)
    target_json = Json{{"value", (*target)->target},
                       {"set_by", (*target)->set_by},
                       {"set_at", FormatUtcMicros((*target)->set_at)}};
  auto inputs = LoadKpiInputs(context.db());
  if (!inputs.ok()) co_return server::ProblemResponse(inputs.error());
  auto answer = std::make_shared<Result<Json>>(Json());
  std::function<Json()> work = [answer, t = std::move(*trend), in = std::move(*inputs),
                                target_json] {
    const ElementIndex index(in);
    *answer = ComputeTrend(index, t, target_json);
    return Json();
  };
  auto computing = context.OffThread(std::move(work));
  co_await std::move(computing);
  if (!answer->ok()) co_return server::ProblemResponse(answer->error());
  co_return server::JsonResponse(200, **answer);
}

}  // namespace

std::vector<http::Route> TrendRoutes() {
  http::Route route;
  route.method = "GET";
  route.path = "/api/v1/kpi/trend";
  route.permission = access::kRead;
  route.summary = "One KPI of a scope per day or per shift, with its target";
  route.handler = &TrendHandler;
  return {route};
}

}  // namespace ordo::mis::kpi_source
