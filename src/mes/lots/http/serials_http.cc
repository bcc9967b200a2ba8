// Handlers of the serial endpoints (GET /api/v1/serials, /api/v1/serials/{serial}) and
// their table: serial numbers with their quality state, where they were produced and what
// they went into.
#include "mes/lots/http/serials_http.h"

#include "core/clock.h"
#include "mes/lots/lots.h"
#include "mes/lots/permissions.h"
#include "mes/lots/store/serials_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::lots {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

Json SerialJson(const SerialUnit& u) {
  return Json{{"serial", u.serial},
              {"material", u.material},
              {"state", u.state},
              {"order_id", u.order_id},
              {"operation", u.operation},
              {"work_unit", u.work_unit},
              {"source", u.source},
              {"produced_seq", u.produced_seq},
              {"produced_us", u.produced_us},
              {"produced_at", FormatUtcMicros(u.produced_us)},
              {"consumed_order_id", OrNull(u.consumed_order_id)},
              {"consumed_operation", OrNull(u.consumed_operation)},
              {"consumed_bom_material", OrNull(u.consumed_bom_material)}};
}

Awaitable<HttpResponse> ListSerialsHandler(Api& api, Call& call) {
  const auto& q = call.request.query;
  SerialFilter filter;
  if (auto it = q.find("material"); it != q.end()) filter.material = it->second;
  if (auto it = q.find("order"); it != q.end()) filter.order_id = it->second;
  if (auto it = q.find("state"); it != q.end()) filter.state = it->second;
  if (!filter.state.empty() && !IsSerialState(filter.state))
    co_return ProblemResponse(Error::Invalid(
        "state", "state must be one of quarantined, released, on_hold, rejected, consumed",
        "unknown_state"));
  auto limit = server::IntParam(q, "limit", 500, 1, 5000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  auto after = server::IntParam(q, "after", 0, 0, INT64_MAX);
  if (!after.ok()) co_return ProblemResponse(after.error());
  filter.limit = *limit;
  filter.after_seq = *after;
  auto rows = ListSerialRows(api.reader(), filter);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json serials = Json::array();
  for (const auto& u : *rows) serials.push_back(SerialJson(u));
  co_return JsonResponse(200, Json{{"serials", serials}});
}

Awaitable<HttpResponse> GetSerialHandler(Api& api, Call& call) {
  const std::string serial = call.params["serial"];
  auto row = FindSerialRow(api.reader(), serial);
  if (!row.ok()) co_return ProblemResponse(row.error());
  if (!*row)
    co_return ProblemResponse(Error{ErrorCode::kNotFound, "there is no serial '" + serial + "'",
                                    "serial", "serial_missing"});
  co_return JsonResponse(200, Json{{"serial", SerialJson(**row)}});
}

using namespace server::schema;

Json SerialSchema() {
  return Object(
      {{"serial", String("the serial number (unique across materials)")},
       {"material", String("material id")},
       {"state", Enum(String("the quality state: born quarantined, released with its batch"),
                      {"quarantined", "released", "on_hold", "rejected", "consumed"})},
       {"order_id", String("the order that produced it")},
       {"operation", String("the operation that produced it")},
       {"work_unit", String("the work unit it was produced on")},
       {"source", Enum(String("generated from the material's pattern, or scanned"),
                       {"generated", "scanned"})},
       {"produced_seq", Integer("the lots.serial_produced ledger entry (paging: ?after=)")},
       {"produced_us", Integer("when it was produced (microseconds since 1970 UTC)")},
       {"produced_at", Time("when it was produced")},
       {"consumed_order_id", Nullable(String("the order it was consumed into"))},
       {"consumed_operation", Nullable(String("the operation it was consumed at"))},
       {"consumed_bom_material", Nullable(String("the BOM item it was consumed for"))}});
}

}  // namespace

std::vector<server::Endpoint> SerialEndpoints() {
  server::Endpoint list{"GET",
                        "/api/v1/serials",
                        kLotsRead,
                        {},
                        "read",
                        "Serial numbers, oldest first (?material=&order=&state=&limit=&after=; "
                        "after: the produced_seq of the last one of the previous page)",
                        &ListSerialsHandler};
  list.response_schema = Object({{"serials", Array(SerialSchema())}});
  server::Endpoint get{"GET",
                       "/api/v1/serials/{serial}",
                       kLotsRead,
                       {},
                       "read",
                       "A serial number: quality state, material, producing order and "
                       "operation, and the order it was consumed into",
                       &GetSerialHandler};
  get.response_schema = Object({{"serial", SerialSchema()}});
  return {std::move(list), std::move(get)};
}

}  // namespace ordo::lots
