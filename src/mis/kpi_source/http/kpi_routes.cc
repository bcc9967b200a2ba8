// GET /api/v1/kpi, /kpi/explain, /kpi/openlineage (kpi_routes.h).
#include "mis/kpi_source/http/kpi_routes.h"

#include <functional>

#include "core/crypto.h"
#include "mis/access/roles.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/openlineage.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/kpi_source/kpi_query.h"
#include "server/problem.h"

namespace ordo::mis::kpi_source {

namespace {

// A random (version 4) UUID for the OpenLineage run.
std::string NewRunId() {
  std::string h = RandomHex(16);
  h[12] = '4';
  h[16] = "89ab"[std::stoi(h.substr(16, 1), nullptr, 16) & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20);
}

// Indexes, computes and renders: pure, so it runs on the context's pool.
Result<Json> Compute(const KpiQuery& query, const Inputs& inputs, QueryKind kind, TimeMicros now) {
  const ElementIndex index(inputs);
  auto report = ComputeKpis(index, query.request);
  if (!report.ok()) return report.error();
  switch (kind) {
    case QueryKind::kFigures:
      return FiguresToJson(*report, query.request);
    case QueryKind::kExplain:
      return ExplainToJson(*report, query, index);
    case QueryKind::kOpenLineage: {
      LineageRun run;
      run.run_id = NewRunId();
      run.event_time = now;
      return OpenLineageRunEvent(*report, run);
    }
  }
  return Error::Make(ErrorCode::kInternal, "unknown KPI query kind");
}

// Parses on the io thread; loads, computes and renders on the report thread, while the io
// thread serves other requests (sign-ins, health, imports).
template <QueryKind kKind>
http::Awaitable<http::HttpResponse> Handle(http::Context& context, http::Call& call) {
  auto query = ParseKpiQuery(call.request.query, kKind);
  if (!query.ok()) co_return server::ProblemResponse(query.error());
  std::function<Result<Json>(storage::Database&)> work =
      [q = std::move(*query), now = context.clock().NowMicros(),
       zone = context.time_zone()](storage::Database& reader) {
        auto inputs = LoadKpiInputs(reader, zone);
        if (!inputs.ok()) return Result<Json>(inputs.error());
        return Compute(q, *inputs, kKind, now);
      };
  auto computing = context.ComputeJson(std::move(work));
  http::HttpResponse response = co_await std::move(computing);
  co_return response;
}

}  // namespace

std::vector<http::Route> Routes() {
  return {http::GetRoute("/api/v1/kpi", access::kRead,
                         "KPI figures of a scope and window (docs/mis.md, KPIs)",
                         Handle<QueryKind::kFigures>),
          http::GetRoute("/api/v1/kpi/explain", access::kRead,
                         "One figure's formula, policy, element totals and import sources",
                         Handle<QueryKind::kExplain>),
          http::GetRoute("/api/v1/kpi/openlineage", access::kRead,
                         "The KPI job as an OpenLineage RunEvent (JSON)",
                         Handle<QueryKind::kOpenLineage>)};
}

}  // namespace ordo::mis::kpi_source
