// The genealogy graph as values: node ids (lot:X, serial:X, order:X), edges (what went
// into what, with quantity and order), the reader the algorithms walk, and the cycle
// check every command runs on the edges it is about to add. Pure: no SQL, no clock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"

namespace ordo::genealogy {

// What a node is. Its id is "<kind>:<id>", e.g. "lot:L-PCM-01", "order:WO-1001".
enum class NodeKind { kLot, kSerial, kOrder };
const char* NodeKindName(NodeKind kind);  // "lot", "serial", "order"

struct NodeRef {
  NodeKind kind = NodeKind::kLot;
  std::string id;  // the lot, serial or order id, without the prefix
};
// "lot:L-1" for {kLot, "L-1"}.
std::string NodeId(NodeKind kind, const std::string& id);
inline std::string LotNode(const std::string& lot) { return NodeId(NodeKind::kLot, lot); }
inline std::string SerialNode(const std::string& serial) {
  return NodeId(NodeKind::kSerial, serial);
}
inline std::string OrderNode(const std::string& order) { return NodeId(NodeKind::kOrder, order); }
// The kind and id of "lot:L-1"; nullopt when the prefix is not lot:, serial: or order:
// or the id after it is empty.
std::optional<NodeRef> ParseNodeId(const std::string& node);

// How a child came from a parent:
//   consumed - a lot or serial went into an order (parent lot/serial, child order);
//   produced - an order made a lot or serial (parent order, child lot/serial);
//   split    - a sublot was split off a lot (parent lot, child sublot);
//   merged   - a lot was merged into another (parent source lot, child the lot merged into).
enum class EdgeKind { kConsumed, kProduced, kSplit, kMerged };
const char* EdgeKindName(EdgeKind kind);
std::optional<EdgeKind> ParseEdgeKind(const std::string& name);

// One edge: parent went into (or became part of) child. quantity is in base_unit (0 for a
// serial, which is one piece); order_id and operation name the order step that recorded it
// ("" for split and merge); seq is the ledger entry it was projected from.
struct Edge {
  std::string parent, child;  // node ids
  EdgeKind kind = EdgeKind::kConsumed;
  double quantity = 0;
  std::string base_unit;
  std::string order_id, operation;
  std::int64_t seq = 0;
};

// Where the algorithms get edges from: the store (gen_edge) or, in tests, a vector. Both
// calls take a batch of nodes (one level of a walk) so that a store answers a level with
// few queries. Order of the result is not significant. Failures are the store's.
class EdgeReader {
 public:
  virtual ~EdgeReader() = default;
  // Every edge whose child is one of `children` (what went into them).
  virtual Result<std::vector<Edge>> EdgesInto(const std::vector<std::string>& children) = 0;
  // Every edge whose parent is one of `parents` (where they went).
  virtual Result<std::vector<Edge>> EdgesOutOf(const std::vector<std::string>& parents) = 0;
};

// Checks that adding `new_edges` to the graph `existing` reads leaves it without a cycle.
// Ok when it does. Fails with failed_precondition (422), reason "genealogy_cycle", when an
// edge points from a node to itself or when its child already reaches its parent (through
// existing edges or the other new ones); the message names the new edge and the path that
// would close the loop, e.g. "the edge lot:A -> order:W would close the loop order:W ->
// lot:B -> lot:A". A reader failure is returned as it is.
Status CheckAcyclic(EdgeReader& existing, const std::vector<Edge>& new_edges);

}  // namespace ordo::genealogy
