// The projectors of gen_edge: each lots event that moves material from one node to
// another is one small function from the event to its edges (EdgesOf...), registered with
// ProjectEdges: lots.material_consumed (lot -> order, consumed), lots.lot_produced
// (order -> lot, produced), lots.lot_split (lot -> sublot, split) and lots.lots_merged
// (each source -> the lot merged into, merged), lots.serial_produced (order -> serial,
// produced) and lots.serial_consumed (serial -> order, consumed).
#include <functional>

#include "ledger/event_type.h"
#include "mes/genealogy/store/edge_store.h"
#include "mes/lots/events.h"
#include "store/projector.h"

namespace ordo::genealogy {

namespace {

// Registers the projector of event P: writes the edges `edges_of` derives from the entry.
// A function of the entry only, so a replay writes the same rows.
template <typename P>
void ProjectEdges(std::vector<Edge> (*edges_of)(const ledger::LedgerEntry&, const P&)) {
  store::RegisterProjector<P>(
      [edges_of](storage::Database& db, const ledger::LedgerEntry& e, const P& p) -> Status {
        for (const Edge& edge : edges_of(e, p)) ORDO_TRY(InsertEdge(db, edge));
        return Ok();
      });
}

// The edge parent -> child of `kind` recorded by ledger entry `e`: `quantity` in
// `base_unit`, by the order step (order_id, operation) ("" for a handling step).
Edge MakeEdge(const ledger::LedgerEntry& e, std::string parent, std::string child, EdgeKind kind,
              double quantity, std::string base_unit = {}, std::string order_id = {},
              std::string operation = {}) {
  Edge edge;
  edge.parent = std::move(parent);
  edge.child = std::move(child);
  edge.kind = kind;
  edge.quantity = quantity;
  edge.base_unit = std::move(base_unit);
  edge.order_id = std::move(order_id);
  edge.operation = std::move(operation);
  edge.seq = e.seq;
  return edge;
}

// A lot consumed for an order: lot -> order.
std::vector<Edge> EdgesOfConsumed(const ledger::LedgerEntry& e, const lots::MaterialConsumed& p) {
  return {MakeEdge(e, LotNode(p.lot), OrderNode(p.order_id), EdgeKind::kConsumed, p.base_quantity,
                   p.base_unit, p.order_id, p.operation)};
}

// An output lot produced by an order's operation: order -> lot.
std::vector<Edge> EdgesOfProduced(const ledger::LedgerEntry& e, const lots::LotProduced& p) {
  return {MakeEdge(e, OrderNode(p.order_id), LotNode(p.lot), EdgeKind::kProduced, p.base_quantity,
                   p.base_unit, p.order_id, p.operation)};
}

// A sublot split off a lot: lot -> sublot (no order: the handling is no production step).
std::vector<Edge> EdgesOfSplit(const ledger::LedgerEntry& e, const lots::LotSplit& p) {
  return {MakeEdge(e, LotNode(p.lot), LotNode(p.sublot), EdgeKind::kSplit, p.base_quantity)};
}

// Lots merged into one: each source -> the lot merged into.
std::vector<Edge> EdgesOfMerged(const ledger::LedgerEntry& e, const lots::LotsMerged& p) {
  std::vector<Edge> edges;
  for (const lots::MergedFrom& from : p.from)
    edges.push_back(
        MakeEdge(e, LotNode(from.lot), LotNode(p.into), EdgeKind::kMerged, from.base_quantity));
  return edges;
}

// A serial produced by an order's operation: order -> serial (one piece: quantity 0).
std::vector<Edge> EdgesOfSerialProduced(const ledger::LedgerEntry& e,
                                        const lots::SerialProduced& p) {
  return {MakeEdge(e, OrderNode(p.order_id), SerialNode(p.serial), EdgeKind::kProduced, 0, "",
                   p.order_id, p.operation)};
}

// A component serial consumed into an order's device: serial -> order.
std::vector<Edge> EdgesOfSerialConsumed(const ledger::LedgerEntry& e,
                                        const lots::SerialConsumed& p) {
  return {MakeEdge(e, SerialNode(p.serial), OrderNode(p.order_id), EdgeKind::kConsumed, 0, "",
                   p.order_id, p.operation)};
}

}  // namespace

void RegisterProjectors() {
  ProjectEdges<lots::MaterialConsumed>(&EdgesOfConsumed);
  ProjectEdges<lots::LotProduced>(&EdgesOfProduced);
  ProjectEdges<lots::LotSplit>(&EdgesOfSplit);
  ProjectEdges<lots::LotsMerged>(&EdgesOfMerged);
  ProjectEdges<lots::SerialProduced>(&EdgesOfSerialProduced);
  ProjectEdges<lots::SerialConsumed>(&EdgesOfSerialConsumed);
}

}  // namespace ordo::genealogy
