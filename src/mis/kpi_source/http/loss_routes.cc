// GET /api/v1/kpi/losses (loss_routes.h).
#include "mis/kpi_source/http/loss_routes.h"

#include <algorithm>
#include <functional>
#include <map>
#include <utility>

#include "mis/access/roles.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/time_elements.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/kpi_source/kpi_query.h"
#include "server/problem.h"

namespace ordo::mis::kpi_source {

namespace {

Json Waterfall(const Elements& e, Profile profile) {
  const double pbt = Seconds(e.PBT);
  const double run = Seconds(e.APT + (profile == Profile::kPractitioner ? e.micro_stop : 0));
  Json out = Json::array();
  auto step = [&out](const char* name, double seconds) {
    out.push_back(Json{{"step", name}, {"seconds", seconds}});
  };
  step("planned_busy_time", pbt);
  step("availability_loss", pbt - run);
  step("run_time", run);
  step("performance_loss", run - e.ideal_time_pq);
  step("net_productive_time", e.ideal_time_pq);
  step("quality_loss", e.ideal_time_pq - e.ideal_time_gq);
  step("fully_productive_time", e.ideal_time_gq);
  return out;
}

Json Downtime(const ElementIndex& index, const KpiRequest& r) {
  std::map<std::pair<std::string, std::string>, std::pair<std::int64_t, int>> by_reason;
  for (const std::string& unit : index.hierarchy().WorkUnitsOf(r.scope)) {
    const ElementResult er = ComputeUnitElements(index, unit, r.from, r.to, r.policy, true);
    for (const Segment& s : er.segments) {
      if (s.state != "down" && s.state != "idle") continue;
      if (s.element == "PDOT" || s.element == "outside_pot") continue;  // not in PBT
      auto& [micros, pieces] = by_reason[{s.state, s.reason}];
      micros += s.end - s.start;
      ++pieces;
    }
  }
  std::vector<Json> rows;
  for (const auto& [key, total] : by_reason)
    rows.push_back(Json{{"state", key.first},
                        {"reason", key.second},
                        {"seconds", Seconds(total.first)},
                        {"intervals", total.second}});
  std::stable_sort(rows.begin(), rows.end(), [](const Json& a, const Json& b) {
    return a["seconds"].get<double>() > b["seconds"].get<double>();
  });
  return Json(rows);
}

Result<Json> Compute(const KpiQuery& query, const Inputs& inputs) {
  const ElementIndex index(inputs);
  auto report = ComputeKpis(index, query.request);
  if (!report.ok()) return report.error();
  Json answer = FiguresToJson(*report, query.request);
  answer.erase("figures");
  answer.erase("findings");
  Json elements = Json::object();
  for (const auto& [key, value] : report->elements.Values()) elements[key] = value;
  answer["elements"] = elements;
  answer["waterfall"] = Waterfall(report->elements, query.request.profile);
  answer["downtime"] = Downtime(index, query.request);
  return answer;
}

http::Awaitable<http::HttpResponse> Losses(http::Context& context, http::Call& call) {
  auto query = ParseKpiQuery(call.request.query, QueryKind::kFigures);
  if (!query.ok()) co_return server::ProblemResponse(query.error());
  std::function<Result<Json>(storage::Database&)> work =
      [q = std::move(*query), zone = context.time_zone()](storage::Database& reader) {
        auto inputs = LoadKpiInputs(reader, zone);
        if (!inputs.ok()) return Result<Json>(inputs.error());
        return Compute(q, *inputs);
      };
  auto computing = context.ComputeJson(std::move(work));
  http::HttpResponse response = co_await std::move(computing);
  co_return response;
}

}  // namespace

std::vector<http::Route> LossRoutes() {
  return {http::GetRoute("/api/v1/kpi/losses", access::kRead,
                         "The loss waterfall and the downtime Pareto of a scope and window",
                         &Losses)};
}

}  // namespace ordo::mis::kpi_source
