// The projectors of gen_edge: each lots event that moves material from one node to
// another is one small function from the event to its edges (EdgesOf...), registered with
// ProjectEdges. Today: lots.material_consumed (lot -> order, consumed). The events of
// production, serials, split and merge are added the same way (README.md, "Adding an
// edge event").
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

}  // namespace

void RegisterProjectors() { ProjectEdges<lots::MaterialConsumed>(&EdgesOfConsumed); }

}  // namespace ordo::genealogy
