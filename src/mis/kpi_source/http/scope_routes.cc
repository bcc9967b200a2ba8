// GET /api/v1/scopes (scope_routes.h).
#include "mis/kpi_source/http/scope_routes.h"

#include <map>
#include <set>

#include "mis/access/roles.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "server/problem.h"

namespace ordo::mis::kpi_source {

namespace {

http::Awaitable<http::HttpResponse> ListScopes(http::Context& context, http::Call& call) {
  if (!call.request.query.empty())
    co_return server::ProblemResponse(Error::Invalid(call.request.query.begin()->first,
                                                     "GET /api/v1/scopes takes no parameters",
                                                     "unknown_parameter"));
  auto inputs = LoadKpiInputs(context.db());
  if (!inputs.ok()) co_return server::ProblemResponse(inputs.error());
  std::map<std::string, Json> scopes;
  for (const EquipmentNode& n : inputs->equipment)
    scopes[n.id] =
        Json{{"id", n.id},       {"name", n.name},       {"parent", n.parent},
             {"level", n.level}, {"in_hierarchy", true}, {"source", SourceToJson(n.source)}};
  std::set<std::string> units;
  for (const StateInterval& s : inputs->states) units.insert(s.work_unit);
  for (const Count& c : inputs->counts) units.insert(c.work_unit);
  for (const std::string& u : units)
    if (!scopes.count(u))
      scopes[u] = Json{{"id", u},
                       {"name", ""},
                       {"parent", ""},
                       {"level", "work_unit"},
                       {"in_hierarchy", false},
                       {"source", nullptr}};
  Json list = Json::array();
  for (auto& [id, scope] : scopes) list.push_back(std::move(scope));
  co_return server::JsonResponse(200, Json{{"scopes", list}});
}

}  // namespace

std::vector<http::Route> ScopeRoutes() {
  http::Route route;
  route.method = "GET";
  route.path = "/api/v1/scopes";
  route.permission = access::kRead;
  route.summary = "The equipment hierarchy and work units a KPI can be asked for";
  route.handler = &ListScopes;
  return {route};
}

}  // namespace ordo::mis::kpi_source
