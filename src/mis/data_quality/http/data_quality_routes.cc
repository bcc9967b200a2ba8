// GET /api/v1/data-quality (data_quality_routes.h).
#include "mis/data_quality/http/data_quality_routes.h"

#include <memory>

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

// What the pool computes from: everything loaded on the io thread.
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
  auto loaded = std::make_shared<Loaded>();
  loaded->request = query->request;
  loaded->request.kpis = {"availability"};  // any: the findings are the scope's and window's
  auto all = kpi_source::LoadKpiInputs(context.db());
  if (!all.ok()) co_return server::ProblemResponse(all.error());
  loaded->all = std::move(*all);
  auto imported = kpi_source::LoadImportedInputs(context.db());
  if (!imported.ok()) co_return server::ProblemResponse(imported.error());
  loaded->erp = std::move(imported->orders);
  Inputs feed_only;
  if (Status s = feed::AppendFeedInputs(context.db(), feed_only); !s.ok())
    co_return server::ProblemResponse(s.error());
  loaded->mes = std::move(feed_only.orders);
  auto status = feed::ReadFeedStatus(context.db());
  if (!status.ok()) co_return server::ProblemResponse(status.error());
  loaded->feed_used = status->cursor.seq > 0;
  auto refused = ReadRefusedRows(context.db(), kMaxRefusedRows);
  if (!refused.ok()) co_return server::ProblemResponse(refused.error());
  loaded->refused = std::move(*refused);
  auto answer = std::make_shared<Result<Json>>(Json());
  std::function<Json()> work = [loaded, answer] {
    *answer = Build(*loaded);
    return Json();
  };
  auto computing = context.OffThread(std::move(work));
  co_await std::move(computing);
  if (!answer->ok()) co_return server::ProblemResponse(answer->error());
  co_return server::JsonResponse(200, **answer);
}

}  // namespace

std::vector<http::Route> Routes() {
  return {http::GetRoute("/api/v1/data-quality", access::kRead,
                         "The data quality report of a scope and window (issues and findings)",
                         &Report)};
}

}  // namespace ordo::mis::data_quality
