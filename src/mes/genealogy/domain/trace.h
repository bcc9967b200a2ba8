// Traces: the walk from one node backward (everything that went into it) or forward
// (everything it went into), level by level over an EdgeReader. Pure: the store's reader
// and the tests' in-memory graphs give the same answer.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/genealogy/domain/graph.h"

namespace ordo::genealogy {

enum class Direction { kBackward, kForward };
const char* DirectionName(Direction direction);  // "backward", "forward"
std::optional<Direction> ParseDirection(const std::string& name);

struct TraceLimits {
  int max_depth = 1000;             // levels walked from the start (the start is depth 0)
  std::int64_t max_nodes = 200000;  // nodes listed; beyond it the trace is truncated
};

// One node reached, at its shortest distance (in edges) from the start.
struct TraceNode {
  std::string id;  // node id, e.g. "lot:L-1"
  int depth = 0;
};

// A trace: the start (depth 0) and every node reached, each once, ordered by depth then
// id; the edges walked, each once, ordered by parent, child, seq. truncated: a limit
// stopped the walk (nodes beyond max_depth or max_nodes are missing).
struct TraceGraph {
  Direction direction = Direction::kBackward;
  std::vector<TraceNode> nodes;
  std::vector<Edge> edges;
  bool truncated = false;
};

// Walks from `start` in `direction`: backward follows edges to their parents, forward to
// their children. Each node is expanded once (the graph may share ancestors: a DAG is
// walked, not unfolded into a tree); a level is read with one EdgesInto/EdgesOutOf call.
// Deterministic: the same graph gives the same TraceGraph whatever order the reader
// returns edges in. Fails only when the reader fails.
Result<TraceGraph> Traverse(EdgeReader& reader, const std::string& start, Direction direction,
                            const TraceLimits& limits);

}  // namespace ordo::genealogy
