// The level-by-level walk of a trace (trace.h).
#include "mes/genealogy/domain/trace.h"

#include <algorithm>
#include <tuple>
#include <unordered_map>

namespace ordo::genealogy {

const char* DirectionName(Direction direction) {
  return direction == Direction::kBackward ? "backward" : "forward";
}

std::optional<Direction> ParseDirection(const std::string& name) {
  if (name == "backward") return Direction::kBackward;
  if (name == "forward") return Direction::kForward;
  return std::nullopt;
}

namespace {

bool EdgeLess(const Edge& a, const Edge& b) {
  return std::tie(a.parent, a.child, a.seq) < std::tie(b.parent, b.child, b.seq);
}

}  // namespace

Result<TraceGraph> Traverse(EdgeReader& reader, const std::string& start, Direction direction,
                            const TraceLimits& limits) {
  const bool backward = direction == Direction::kBackward;
  TraceGraph trace;
  trace.direction = direction;
  std::unordered_map<std::string, int> depth_of{{start, 0}};
  trace.nodes.push_back({start, 0});
  std::vector<std::string> frontier{start};
  for (int depth = 0; !frontier.empty(); ++depth) {
    if (depth >= limits.max_depth) {
      // The next level exists only if the frontier has edges: ask, so that a trace that
      // ends exactly at the limit is not called truncated.
      auto more = backward ? reader.EdgesInto(frontier) : reader.EdgesOutOf(frontier);
      if (!more.ok()) return more.error();
      trace.truncated = !more->empty();
      break;
    }
    auto level = backward ? reader.EdgesInto(frontier) : reader.EdgesOutOf(frontier);
    if (!level.ok()) return level.error();
    std::vector<Edge>& edges = *level;
    // Which nodes a level adds does not depend on the order the reader answers in, and
    // the result is sorted at the end; only a level that may cross max_nodes is sorted
    // first (far node, then near, then seq), so that a truncated trace is deterministic
    // too.
    if (static_cast<std::int64_t>(trace.nodes.size() + edges.size()) > limits.max_nodes)
      std::sort(edges.begin(), edges.end(), [&](const Edge& a, const Edge& b) {
        const std::string& fa = backward ? a.parent : a.child;
        const std::string& fb = backward ? b.parent : b.child;
        if (fa != fb) return fa < fb;
        return EdgeLess(a, b);
      });
    std::vector<std::string> next;
    for (Edge& e : edges) {
      const std::string& far = backward ? e.parent : e.child;
      if (!depth_of.count(far)) {
        if (static_cast<std::int64_t>(trace.nodes.size()) >= limits.max_nodes) {
          trace.truncated = true;
          continue;  // neither the node nor its edge is listed
        }
        depth_of.emplace(far, depth + 1);
        trace.nodes.push_back({far, depth + 1});
        next.push_back(far);
      }
      trace.edges.push_back(std::move(e));
    }
    frontier = std::move(next);
  }
  std::stable_sort(trace.nodes.begin(), trace.nodes.end(),
                   [](const TraceNode& a, const TraceNode& b) {
                     return std::tie(a.depth, a.id) < std::tie(b.depth, b.id);
                   });
  std::sort(trace.edges.begin(), trace.edges.end(), EdgeLess);
  return trace;
}

}  // namespace ordo::genealogy
