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

// Every node of the hierarchy, and every work unit with data outside it.
Json ScopesJson(const Inputs& inputs) {
  std::map<std::string, Json> scopes;
  for (const EquipmentNode& n : inputs.equipment)
    scopes[n.id] =
        Json{{"id", n.id},       {"name", n.name},       {"parent", n.parent},
             {"level", n.level}, {"in_hierarchy", true}, {"source", SourceToJson(n.source)}};
  std::set<std::string> units;
  for (const StateInterval& s : inputs.states) units.insert(s.work_unit);
  for (const Count& c : inputs.counts) units.insert(c.work_unit);
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
  return Json{{"scopes", list}};
}

http::Awaitable<http::HttpResponse> ListScopes(http::Context& context, http::Call& call) {
  if (!call.request.query.empty())
    co_return server::ProblemResponse(Error::Invalid(call.request.query.begin()->first,
                                                     "GET /api/v1/scopes takes no parameters",
                                                     "unknown_parameter"));
  std::function<Result<Json>(storage::Database&)> work = [](storage::Database& reader) {
    // No dates reach the list of scopes: the zone plays no part.
    auto inputs = LoadKpiInputs(reader, calendar::TimeZone::Utc());
    if (!inputs.ok()) return Result<Json>(inputs.error());
    return Result<Json>(ScopesJson(*inputs));
  };
  auto listing = context.ComputeJson(std::move(work));
  http::HttpResponse response = co_await std::move(listing);
  co_return response;
}

}  // namespace

std::vector<http::Route> ScopeRoutes() {
  return {http::GetRoute("/api/v1/scopes", access::kRead,
                         "The equipment hierarchy and work units a KPI can be asked for",
                         &ListScopes)};
}

}  // namespace ordo::mis::kpi_source
