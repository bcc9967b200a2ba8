// The projectors of gen_edge: each lots event that moves material from one node to
// another is one small function from the event to its edges (EdgesOf...), registered with
// ProjectEdges: lots.material_consumed (lot -> order, consumed), lots.lot_produced
// (order -> lot, produced), lots.lot_split (lot -> sublot, split) and lots.lots_merged
// (each source -> the lot merged into, merged). Serials are added the same way
// (README.md, "Adding an edge event").
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

// A lot consumed for an order: lot -> order.
std::vector<Edge> EdgesOfConsumed(const ledger::LedgerEntry& e, const lots::MaterialConsumed& p) {
  Edge edge;
  edge.parent = LotNode(p.lot);
  edge.child = OrderNode(p.order_id);
  edge.kind = EdgeKind::kConsumed;
  edge.quantity = p.base_quantity;
  edge.base_unit = p.base_unit;
  edge.order_id = p.order_id;
  edge.operation = p.operation;
  edge.seq = e.seq;
  return {edge};
}

// An output lot produced by an order's operation: order -> lot.
std::vector<Edge> EdgesOfProduced(const ledger::LedgerEntry& e, const lots::LotProduced& p) {
  Edge edge;
  edge.parent = OrderNode(p.order_id);
  edge.child = LotNode(p.lot);
  edge.kind = EdgeKind::kProduced;
  edge.quantity = p.base_quantity;
  edge.base_unit = p.base_unit;
  edge.order_id = p.order_id;
  edge.operation = p.operation;
  edge.seq = e.seq;
  return {edge};
}

// A sublot split off a lot: lot -> sublot (no order: the handling is no production step).
std::vector<Edge> EdgesOfSplit(const ledger::LedgerEntry& e, const lots::LotSplit& p) {
  Edge edge;
  edge.parent = LotNode(p.lot);
  edge.child = LotNode(p.sublot);
  edge.kind = EdgeKind::kSplit;
  edge.quantity = p.base_quantity;
  edge.seq = e.seq;
  return {edge};
}

// Lots merged into one: each source -> the lot merged into.
std::vector<Edge> EdgesOfMerged(const ledger::LedgerEntry& e, const lots::LotsMerged& p) {
  std::vector<Edge> edges;
  for (const lots::MergedFrom& from : p.from) {
    Edge edge;
    edge.parent = LotNode(from.lot);
    edge.child = LotNode(p.into);
    edge.kind = EdgeKind::kMerged;
    edge.quantity = from.base_quantity;
    edge.seq = e.seq;
    edges.push_back(std::move(edge));
  }
  return edges;
}

}  // namespace

void RegisterProjectors() {
  ProjectEdges<lots::MaterialConsumed>(&EdgesOfConsumed);
  ProjectEdges<lots::LotProduced>(&EdgesOfProduced);
  ProjectEdges<lots::LotSplit>(&EdgesOfSplit);
  ProjectEdges<lots::LotsMerged>(&EdgesOfMerged);
}

}  // namespace ordo::genealogy
