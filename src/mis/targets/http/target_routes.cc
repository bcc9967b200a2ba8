// GET, PUT and DELETE /api/v1/targets (target_routes.h).
#include "mis/targets/http/target_routes.h"

#include <cmath>

#include "mis/access/roles.h"
#include "mis/kpi/kpi.h"
#include "mis/targets/targets_store.h"
#include "server/problem.h"

namespace ordo::mis::targets {

namespace {

Json TargetJson(const Target& t) {
  return Json{{"scope", t.scope},
              {"kpi", t.kpi},
              {"target", t.target},
              {"set_by", t.set_by},
              {"set_at", FormatUtcMicros(t.set_at)}};
}

bool KnownKpi(const std::string& kpi) {
  return FindKpi(kpi, Profile::kIso22400) || FindKpi(kpi, Profile::kPractitioner);
}

Error UnknownKpi(const std::string& kpi) {
  std::string ids;
  for (const auto& d : KpiRegistry()) ids += (ids.empty() ? "" : ", ") + d.id;
  return Error::Invalid("kpi", "kpi: '" + kpi + "' is not a KPI id; expected one of " + ids,
                        "unknown_kpi");
}

http::Awaitable<http::HttpResponse> ListHandler(http::Context& context, http::Call&) {
  auto all = ListTargets(context.db());
  if (!all.ok()) co_return server::ProblemResponse(all.error());
  Json list = Json::array();
  for (const Target& t : *all) list.push_back(TargetJson(t));
  co_return server::JsonResponse(200, Json{{"targets", list}});
}

http::Awaitable<http::HttpResponse> PutHandler(http::Context& context, http::Call& call) {
  Target t;
  t.scope = call.body.value("scope", "");
  t.kpi = call.body.value("kpi", "");
  if (!KnownKpi(t.kpi)) co_return server::ProblemResponse(UnknownKpi(t.kpi));
  const Json& value = call.body["target"];
  if (!value.is_number() || !std::isfinite(value.get<double>()))
    co_return server::ProblemResponse(
        Error::Invalid("target", "target: expected a finite number in the KPI's unit"));
  t.target = value.get<double>();
  t.set_by = call.session->user_name;
  t.set_at = context.clock().NowMicros();
  Status put = PutTarget(context.db(), t);
  if (!put.ok()) co_return server::ProblemResponse(put.error());
  co_return server::JsonResponse(200, Json{{"target", TargetJson(t)}});
}

http::Awaitable<http::HttpResponse> DeleteHandler(http::Context& context, http::Call& call) {
  const auto& query = call.request.query;
  for (const auto& [name, value] : query)
    if (name != "scope" && name != "kpi")
      co_return server::ProblemResponse(Error::Invalid(
          name, "unknown parameter '" + name + "': expected scope and kpi", "unknown_parameter"));
  auto kpi = query.find("kpi");
  if (kpi == query.end())
    co_return server::ProblemResponse(
        Error::Invalid("kpi", "kpi: required, the KPI id of the target", "missing_parameter"));
  auto scope = query.find("scope");
  Status removed =
      DeleteTarget(context.db(), scope == query.end() ? "" : scope->second, kpi->second);
  if (!removed.ok()) co_return server::ProblemResponse(removed.error());
  http::HttpResponse r;
  r.status = 204;
  co_return r;
}

}  // namespace

std::vector<http::Route> Routes() {
  using F = server::FieldType;
  std::vector<http::Route> routes;
  routes.push_back(
      {"GET", "/api/v1/targets", access::kRead, "The KPI targets by scope", &ListHandler});
  http::Route put{"PUT", "/api/v1/targets", access::kImportsRun,
                  "Set the target of a KPI for a scope", &PutHandler};
  put.schema = {{{"scope", F::kString, true, 128, "equipment id; \"\" = the plant"},
                 {"kpi", F::kString, true, 64, "a KPI id (docs/kpi.md)"},
                 {"target", F::kNumber, true, 0, "the target in the KPI's unit"}}};
  routes.push_back(std::move(put));
  routes.push_back({"DELETE", "/api/v1/targets", access::kImportsRun,
                    "Remove the target of a KPI for a scope", &DeleteHandler});
  return routes;
}

}  // namespace ordo::mis::targets
