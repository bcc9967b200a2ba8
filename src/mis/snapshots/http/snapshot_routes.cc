// POST /api/v1/snapshots/refresh (snapshot_routes.h).
#include "mis/snapshots/http/snapshot_routes.h"

#include <memory>

#include "mis/access/roles.h"
#include "mis/kpi_source/kpi_inputs.h"
#include "mis/snapshots/snapshot.h"
#include "mis/snapshots/store.h"
#include "server/problem.h"
#include "server/query_params.h"

namespace ordo::mis::snapshots {

namespace {

http::Awaitable<http::HttpResponse> Refresh(http::Context& context, http::Call& call) {
  for (const auto& [name, value] : call.request.query)
    if (name != "days")
      co_return server::ProblemResponse(Error::Invalid(
          name, "unknown query parameter '" + name + "'; expected days", "unknown_parameter"));
  auto days = server::IntParam(call.request.query, "days", 7, 1, 92);
  if (!days.ok()) co_return server::ProblemResponse(days.error());
  const TimeMicros now = context.clock().NowMicros();
  std::function<Result<Snapshot>(storage::Database&)> work =
      [now, n = *days, zone = context.time_zone()](storage::Database& reader) -> Result<Snapshot> {
    auto inputs = kpi_source::LoadKpiInputs(reader, zone);
    if (!inputs.ok()) return inputs.error();
    const ElementIndex index(*inputs);
    return ComputeSnapshot(index, now, static_cast<int>(n), zone);
  };
  auto computing = context.Compute(std::move(work));
  Result<Snapshot> snapshot = co_await std::move(computing);
  if (!snapshot.ok()) co_return server::ProblemResponse(snapshot.error());
  if (Status stored = StoreSnapshot(context.db(), *snapshot, now); !stored.ok())
    co_return server::ProblemResponse(stored.error());
  co_return server::JsonResponse(200, Json{{"from", FormatUtcMicros(snapshot->from)},
                                           {"to", FormatUtcMicros(snapshot->to)},
                                           {"figures", snapshot->figures.size()},
                                           {"elements", snapshot->elements.size()}});
}

}  // namespace

std::vector<http::Route> Routes() {
  http::Route route;
  route.method = "POST";
  route.path = "/api/v1/snapshots/refresh";
  route.permission = access::kImportsRun;
  route.summary = "Compute and store the KPI snapshot for the SQL views now (?days=1..92)";
  route.handler = &Refresh;
  return {route};
}

}  // namespace ordo::mis::snapshots
