// Handlers of the genealogy endpoints and their table.
#include "mes/genealogy/http/genealogy_http.h"

#include "mes/genealogy/permissions.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::genealogy {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Awaitable<HttpResponse> TraceHandler(Api& api, Call& call) {
  const auto& q = call.request.query;
  std::string direction_text = "backward";
  if (auto it = q.find("direction"); it != q.end()) direction_text = it->second;
  const auto direction = ParseDirection(direction_text);
  if (!direction)
    co_return ProblemResponse(Error::Invalid(
        "direction", "direction must be backward or forward, not '" + direction_text + "'",
        "unknown_direction"));
  auto depth = server::IntParam(q, "depth", TraceLimits{}.max_depth, 1, TraceLimits{}.max_depth);
  if (!depth.ok()) co_return ProblemResponse(depth.error());
  auto limit = server::IntParam(q, "limit", TraceLimits{}.max_nodes, 1, TraceLimits{}.max_nodes);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  const std::string id = call.params["id"];
  auto node = ResolveNode(api.reader(), id);
  if (!node.ok()) co_return ProblemResponse(node.error());
  if (!*node)
    co_return ProblemResponse(Error{
        ErrorCode::kNotFound, "there is no lot, serial or order '" + id + "' in the genealogy",
        "id", "node_missing"});
  TraceLimits limits;
  limits.max_depth = static_cast<int>(*depth);
  limits.max_nodes = *limit;
  auto trace = *direction == Direction::kBackward ? TraceBackward(api.reader(), **node, limits)
                                                  : TraceForward(api.reader(), **node, limits);
  if (!trace.ok()) co_return ProblemResponse(trace.error());
  co_return JsonResponse(200, TraceJson(*trace));
}

using namespace server::schema;

Json Number(const std::string& description) {
  return Json{{"type", "number"}, {"description", description}};
}

Json TraceSchema() {
  Json node = Object(
      {{"id", String("node id: lot:<lot>, serial:<serial> or order:<order>")},
       {"kind", Enum(String(), {"lot", "serial", "order"})},
       {"ref", String("the lot, serial or order id without its prefix")},
       {"depth", Integer("edges between it and the start (0: the start)")},
       {"known", Boolean("false when only edges name it (e.g. a lot never received)")},
       {"material", Nullable(String("lot: its material; order: the product material"))},
       {"status", Nullable(String("lot: its stored state; order: its state"))},
       {"quantity", Nullable(Number("lot: quantity left; order: quantity (base unit)"))},
       {"base_unit", Nullable(String())},
       {"order_id", Nullable(String("order: itself; lot or serial: the order that produced it"))}});
  Json edge =
      Object({{"parent", String("node id that went into the child")},
              {"child", String("node id")},
              {"kind", Enum(String(), {"consumed", "produced", "split", "merged"})},
              {"quantity", Number("quantity moved along the edge, in base_unit (0 for a serial)")},
              {"base_unit", Nullable(String())},
              {"order_id", Nullable(String("the order that recorded it"))},
              {"operation", Nullable(String("the operation that recorded it"))},
              {"seq", Integer("the ledger entry it was projected from")}});
  return Object({{"start", String("the node traced from")},
                 {"direction", Enum(String(), {"backward", "forward"})},
                 {"truncated", Boolean("true when the depth or node limit stopped the walk (nodes "
                                       "beyond it are missing)")},
                 {"nodes", Array(node)},
                 {"edges", Array(edge)}});
}

Json OrNull(const std::string& text) { return text.empty() ? Json() : Json(text); }

}  // namespace

Json TraceJson(const Trace& trace) {
  Json nodes = Json::array();
  for (const TraceNodeInfo& n : trace.nodes) {
    nodes.push_back(
        Json{{"id", n.id},
             {"kind", NodeKindName(n.kind)},
             {"ref", n.ref},
             {"depth", n.depth},
             {"known", n.known},
             {"material", OrNull(n.material)},
             {"status", OrNull(n.status)},
             {"quantity", n.known && n.kind != NodeKind::kSerial ? Json(n.quantity) : Json()},
             {"base_unit", OrNull(n.base_unit)},
             {"order_id", OrNull(n.order_id)}});
  }
  Json edges = Json::array();
  for (const Edge& e : trace.edges)
    edges.push_back(Json{{"parent", e.parent},
                         {"child", e.child},
                         {"kind", EdgeKindName(e.kind)},
                         {"quantity", e.quantity},
                         {"base_unit", OrNull(e.base_unit)},
                         {"order_id", OrNull(e.order_id)},
                         {"operation", OrNull(e.operation)},
                         {"seq", e.seq}});
  return Json{{"start", trace.start},
              {"direction", DirectionName(trace.direction)},
              {"truncated", trace.truncated},
              {"nodes", nodes},
              {"edges", edges}};
}

std::vector<server::Endpoint> Endpoints() {
  server::Endpoint trace{
      "GET",
      "/api/v1/genealogy/{id}",
      kGenealogyRead,
      {},
      "read",
      "Trace a lot or serial (or order:<id>) backward (everything that went into it) or "
      "forward (everything it went into): ?direction=backward|forward&depth=N&limit=N (at "
      "most N nodes, 1..200000; truncated says a limit cut the trace); a bare id "
      "that names both a lot and a serial needs the prefix lot: or serial:",
      &TraceHandler};
  trace.response_schema = TraceSchema();
  return {trace, RecallEndpoint()};
}

}  // namespace ordo::genealogy
