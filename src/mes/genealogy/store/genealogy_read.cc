// The public read API (genealogy.h): resolving ids, traces with node details, the cycle
// check over the stored graph.
#include "mes/genealogy/genealogy.h"
#include "mes/genealogy/store/edge_store.h"
#include "mes/lots/lots.h"
#include "mes/orders/orders.h"

namespace ordo::genealogy {

namespace {

// A serial is known when lots produced it or an edge names it.
Result<bool> SerialKnown(storage::Database& db, const std::string& serial) {
  auto found = lots::FindSerial(db, serial);
  if (!found.ok()) return found.error();
  if (*found) return true;
  return HasEdges(db, SerialNode(serial));
}

Result<bool> LotKnown(storage::Database& db, const std::string& lot) {
  auto found = lots::FindLot(db, lot);
  if (!found.ok()) return found.error();
  if (*found) return true;
  return HasEdges(db, LotNode(lot));
}

// Fills what lots and orders know of `info`'s node; `edges` gives a lot's producing order.
Status Describe(storage::Database& db, const std::vector<Edge>& edges, TraceNodeInfo& info) {
  auto ref = ParseNodeId(info.id);
  if (!ref) return Ok();  // only ids this capability wrote reach here
  info.kind = ref->kind;
  info.ref = ref->id;
  if (ref->kind == NodeKind::kLot) {
    auto lot = lots::FindLot(db, ref->id);
    if (!lot.ok()) return lot.error();
    if (*lot) {
      info.known = true;
      info.material = (*lot)->material;
      info.status = (*lot)->state;
      info.quantity = (*lot)->quantity;
      info.base_unit = (*lot)->base_unit;
    }
  } else if (ref->kind == NodeKind::kOrder) {
    auto order = orders::FindOrder(db, ref->id);
    if (!order.ok()) return order.error();
    info.order_id = ref->id;
    if (*order) {
      info.known = true;
      info.material = (*order)->material.empty() ? (*order)->product : (*order)->material;
      info.status = (*order)->state;
      info.quantity = (*order)->base_quantity;
      info.base_unit = (*order)->base_unit;
    }
  } else {
    auto serial = lots::FindSerial(db, ref->id);
    if (!serial.ok()) return serial.error();
    info.known = true;  // a serial only edges name is still a serial of the graph
    if (*serial) {
      info.material = (*serial)->material;
      info.status = (*serial)->state;
      info.order_id = (*serial)->order_id;
    }
  }
  if (ref->kind != NodeKind::kOrder)
    for (const Edge& e : edges)
      if (e.child == info.id && e.kind == EdgeKind::kProduced) info.order_id = e.order_id;
  return Ok();
}

Result<Trace> Walk(storage::Database& db, const std::string& node, Direction direction,
                   const TraceLimits& limits) {
  ReadSnapshot snapshot(db);
  StoreEdgeReader reader(db, true);
  auto graph = Traverse(reader, node, direction, limits);
  if (!graph.ok()) return graph.error();
  Trace trace;
  trace.start = node;
  trace.direction = direction;
  trace.truncated = graph->truncated;
  trace.edges = std::move(graph->edges);
  // A lot's producing order is a parent edge: backward traces have it; forward traces
  // ask for the edges into the lots they list.
  std::vector<Edge> producers = trace.edges;
  if (direction == Direction::kForward) {
    std::vector<std::string> ids;
    for (const auto& n : graph->nodes) ids.push_back(n.id);
    auto into = reader.EdgesInto(ids);
    if (!into.ok()) return into.error();
    producers = std::move(*into);
  }
  for (const TraceNode& n : graph->nodes) {
    TraceNodeInfo info;
    info.id = n.id;
    info.depth = n.depth;
    ORDO_TRY(Describe(db, producers, info));
    trace.nodes.push_back(std::move(info));
  }
  return trace;
}

}  // namespace

Result<std::optional<std::string>> ResolveNode(storage::Database& db, const std::string& id) {
  using Found = std::optional<std::string>;
  if (auto ref = ParseNodeId(id)) {
    Result<bool> known = false;
    if (ref->kind == NodeKind::kLot) {
      known = LotKnown(db, ref->id);
    } else if (ref->kind == NodeKind::kOrder) {
      auto order = orders::FindOrder(db, ref->id);
      if (!order.ok()) return order.error();
      known = order->has_value() ? Result<bool>(true) : HasEdges(db, id);
    } else {
      known = SerialKnown(db, ref->id);
    }
    if (!known.ok()) return known.error();
    return *known ? Found(id) : Found();
  }
  auto lot = LotKnown(db, id);
  if (!lot.ok()) return lot.error();
  auto serial = SerialKnown(db, id);
  if (!serial.ok()) return serial.error();
  if (*lot && *serial)
    return Error{ErrorCode::kInvalidArgument,
                 "'" + id + "' names both a lot and a serial: write lot:" + id + " or serial:" + id,
                 "id", "ambiguous_id"};
  if (*lot) return Found(LotNode(id));
  if (*serial) return Found(SerialNode(id));
  return Found();
}

Result<Trace> TraceBackward(storage::Database& db, const std::string& node,
                            const TraceLimits& limits) {
  return Walk(db, node, Direction::kBackward, limits);
}

Result<Trace> TraceForward(storage::Database& db, const std::string& node,
                           const TraceLimits& limits) {
  return Walk(db, node, Direction::kForward, limits);
}

}  // namespace ordo::genealogy
