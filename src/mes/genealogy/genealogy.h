// The genealogy capability's public read API: traces from a lot, serial or order backward
// (everything that went into it) and forward (everything it went into); the cycle check
// commands run before they add edges is in cycle.h (included). Reads gen_edge (store/edge_store.h)
// and, for the nodes, lots' and orders' readers. Every edge row read is checked against its seal;
// a row that fails makes the call fail with integrity_violation. Implemented in
// store/genealogy_read.cc. Not thread-safe per storage::Database.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/genealogy/cycle.h"
#include "mes/genealogy/domain/graph.h"
#include "mes/genealogy/domain/trace.h"
#include "storage/database.h"

namespace ordo::genealogy {

// One node of a trace with what is known of it now. For a lot: material, stored state,
// quantity left and base unit from lots::FindLot, and the order that produced it (the
// parent of a produced edge, "" for a received lot); for an order: the order id and the
// product material and state (orders::FindOrder); for a serial: its material, state
// (produced | consumed) and producing order (lots::FindSerial), else what its edges say.
// `known` is false for a node that only edges name (e.g. a lot never received).
struct TraceNodeInfo {
  std::string id;  // node id, e.g. "lot:L-1"
  NodeKind kind = NodeKind::kLot;
  std::string ref;  // the id without its prefix
  int depth = 0;
  bool known = false;
  std::string material, status, base_unit, order_id;
  double quantity = 0;
};

struct Trace {
  std::string start;  // node id
  Direction direction = Direction::kBackward;
  std::vector<TraceNodeInfo> nodes;  // by depth, then id; the start first
  std::vector<Edge> edges;           // by parent, child, seq
  bool truncated = false;            // a limit stopped the walk
};

// The node an id names: "lot:X", "serial:X" and "order:X" as they are; a bare id is the
// lot X when lot X exists or has edges, else the serial X when lots produced it or it has
// edges. nullopt when
// nothing is known of it (an unknown id), including "order:X" for an order that neither
// exists nor has edges. Fails with invalid_argument (reason ambiguous_id, field id) when a
// bare id names both a lot and a serial.
Result<std::optional<std::string>> ResolveNode(storage::Database& db, const std::string& id);

// The trace from `node` (a node id) backward / forward, within `limits` (domain/trace.h).
Result<Trace> TraceBackward(storage::Database& db, const std::string& node,
                            const TraceLimits& limits = {});
Result<Trace> TraceForward(storage::Database& db, const std::string& node,
                           const TraceLimits& limits = {});

// WouldCycle(db, new_edges), the check commands run before they commit, is in cycle.h
// (included here) with a library of its own that other capabilities' commands can link.

}  // namespace ordo::genealogy
