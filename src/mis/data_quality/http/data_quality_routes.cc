// GET /api/v1/data-quality (data_quality_routes.h).
#include "mis/data_quality/http/data_quality_routes.h"

#include <functional>

#include "mis/access/roles.h"
#include "mis/data_quality/checks.h"
#include "mis/data_quality/refused_rows.h"
#include "mis/feed/feed_inputs.h"
#include "mis/feed/store/feed_store.h"
#include "mis/kpi/figure_json.h"
#include "mis/kpi_source/imported_inputs.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/kpi_source/kpi_query.h"
#include "server/problem.h"

namespace ordo::mis::data_quality {

namespace {

constexpr int kMaxRefusedRows = 500;

Json IssueToJson(const Issue& issue) {
  Json sources = Json::array();
  for (const SourceRef& s : issue.sources) sources.push_back(SourceToJson(s));
  return Json{{"kind", issue.kind},
              {"subject", issue.subject},
              {"start", issue.start ? Json(FormatUtcMicros(issue.start)) : Json(nullptr)},
              {"end", issue.end ? Json(FormatUtcMicros(issue.end)) : Json(nullptr)},
              {"detail", issue.detail},
              {"sources", sources}};
}

// What the report is built from: one snapshot of the store.
struct Loaded {
  KpiRequest request;
  Inputs all;                   // the KPI inputs (each side preferred)
  std::vector<Order> erp, mes;  // the orders of each side, before preferring
  bool feed_used = false;
  std::vector<RefusedRow> refused;
};

// The report; the engine's errors (unknown_scope: 404).
Result<Json> Build(const Loaded& in) {
  const ElementIndex index(in.all);
  auto report = ComputeKpis(index, in.request);
  if (!report.ok()) return report.error();
  std::vector<Issue> issues = CheckOrders(in.erp, in.mes, in.feed_used);
  const double threshold = static_cast<double>(in.request.policy.micro_stop_threshold_s);
  for (Issue& i : UnassignedDowntime(in.all.states, index.hierarchy().WorkUnitsOf(in.request.scope),
                                     in.request.from, in.request.to, threshold))
    issues.push_back(std::move(i));
  for (Issue& i : RefusedRows(in.refused)) issues.push_back(std::move(i));
  Json findings = Json::array();
  for (const Finding& f : report->findings) findings.push_back(FindingToJson(f));
  Json counts = Json::object(), list = Json::array();
  for (const Issue& i : issues) {
    counts[i.kind] = counts.value(i.kind, 0) + 1;
    list.push_back(IssueToJson(i));
  }
  for (const auto& f : findings)
    counts[f["kind"].get<std::string>()] = counts.value(f["kind"].get<std::string>(), 0) + 1;
  return Json{
      {"scope", in.request.scope},
      {"window",
       {{"from", FormatUtcMicros(in.request.from)}, {"to", FormatUtcMicros(in.request.to)}}},
      {"issues", list},
      {"findings", findings},
      {"counts", counts}};
}

http::Awaitable<http::HttpResponse> Report(http::Context& context, http::Call& call) {
  if (call.request.query.count("kpi"))
    co_return server::ProblemResponse(
        Error::Invalid("kpi", "the data quality report takes no kpi", "unknown_parameter"));
  auto query = kpi_source::ParseKpiQuery(call.request.query, kpi_source::QueryKind::kFigures);
  if (!query.ok()) co_return server::ProblemResponse(query.error());
  std::function<Result<Json>(storage::Database&)> work =
      [request = query->request, zone = context.time_zone()](storage::Database& reader) {
        Loaded loaded;
        loaded.request = request;
        loaded.request.kpis = {"availability"};  // any: the findings are the scope's and window's
        auto all = kpi_source::LoadKpiInputs(reader, zone);
        if (!all.ok()) return Result<Json>(all.error());
        loaded.all = std::move(*all);
        auto imported = kpi_source::LoadImportedInputs(reader, zone);
        if (!imported.ok()) return Result<Json>(imported.error());
        loaded.erp = std::move(imported->orders);
        Inputs feed_only;
        if (Status s = feed::AppendFeedInputs(reader, zone, feed_only); !s.ok())
          return Result<Json>(s.error());
        loaded.mes = std::move(feed_only.orders);
        auto status = feed::ReadFeedStatus(reader);
        if (!status.ok()) return Result<Json>(status.error());
        loaded.feed_used = status->cursor.seq > 0;
        auto refused = ReadRefusedRows(reader, kMaxRefusedRows);
        if (!refused.ok()) return Result<Json>(refused.error());
        loaded.refused = std::move(*refused);
        return Build(loaded);
      };
  auto computing = context.ComputeJson(std::move(work));
  http::HttpResponse response = co_await std::move(computing);
  co_return response;
}

}  // namespace

std::vector<http::Route> Routes() {
  return {http::GetRoute("/api/v1/data-quality", access::kRead,
                         "The data quality report of a scope and window (issues and findings)",
                         &Report)};
}

}  // namespace ordo::mis::data_quality
