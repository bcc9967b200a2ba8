// Node ids, edge kinds and the cycle check (graph.h).
#include "mes/genealogy/domain/graph.h"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace ordo::genealogy {

const char* NodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::kLot:
      return "lot";
    case NodeKind::kSerial:
      return "serial";
    case NodeKind::kOrder:
      return "order";
  }
  return "lot";
}

std::string NodeId(NodeKind kind, const std::string& id) {
  return std::string(NodeKindName(kind)) + ":" + id;
}

std::optional<NodeRef> ParseNodeId(const std::string& node) {
  const auto colon = node.find(':');
  if (colon == std::string::npos || colon + 1 == node.size()) return std::nullopt;
  const std::string prefix = node.substr(0, colon);
  NodeRef ref;
  ref.id = node.substr(colon + 1);
  if (prefix == "lot")
    ref.kind = NodeKind::kLot;
  else if (prefix == "serial")
    ref.kind = NodeKind::kSerial;
  else if (prefix == "order")
    ref.kind = NodeKind::kOrder;
  else
    return std::nullopt;
  return ref;
}

const char* EdgeKindName(EdgeKind kind) {
  switch (kind) {
    case EdgeKind::kConsumed:
      return "consumed";
    case EdgeKind::kProduced:
      return "produced";
    case EdgeKind::kSplit:
      return "split";
    case EdgeKind::kMerged:
      return "merged";
  }
  return "consumed";
}

std::optional<EdgeKind> ParseEdgeKind(const std::string& name) {
  for (EdgeKind k : {EdgeKind::kConsumed, EdgeKind::kProduced, EdgeKind::kSplit, EdgeKind::kMerged})
    if (name == EdgeKindName(k)) return k;
  return std::nullopt;
}

namespace {

// The existing graph plus the new edges, read forward only.
class Overlay {
 public:
  Overlay(EdgeReader& existing, const std::vector<Edge>& added) : existing_(existing) {
    for (const Edge& e : added) added_[e.parent].push_back(e.child);
  }
  // The children of each of `parents`, existing and added, sorted and unique per parent.
  Result<std::map<std::string, std::vector<std::string>>> ChildrenOf(
      const std::vector<std::string>& parents) {
    auto edges = existing_.EdgesOutOf(parents);
    if (!edges.ok()) return edges.error();
    std::map<std::string, std::set<std::string>> found;
    for (const Edge& e : *edges) found[e.parent].insert(e.child);
    for (const std::string& p : parents)
      if (auto it = added_.find(p); it != added_.end())
        found[p].insert(it->second.begin(), it->second.end());
    std::map<std::string, std::vector<std::string>> out;
    for (auto& [p, children] : found) out[p].assign(children.begin(), children.end());
    return out;
  }

 private:
  EdgeReader& existing_;
  std::map<std::string, std::vector<std::string>> added_;
};

// The path from `from` to `to` (both included) following edges forward, or empty when
// `to` cannot be reached. Breadth first, so the path is a shortest one.
Result<std::vector<std::string>> PathBetween(Overlay& graph, const std::string& from,
                                             const std::string& to) {
  std::map<std::string, std::string> came_from{{from, ""}};
  std::vector<std::string> frontier{from};
  while (!frontier.empty()) {
    auto children = graph.ChildrenOf(frontier);
    if (!children.ok()) return children.error();
    std::vector<std::string> next;
    for (const std::string& node : frontier) {
      auto it = children->find(node);
      if (it == children->end()) continue;
      for (const std::string& child : it->second) {
        if (came_from.count(child)) continue;
        came_from[child] = node;
        if (child == to) {
          std::vector<std::string> path{to};
          for (std::string at = node; !at.empty(); at = came_from[at]) path.push_back(at);
          std::reverse(path.begin(), path.end());
          return path;
        }
        next.push_back(child);
      }
    }
    frontier = std::move(next);
  }
  return std::vector<std::string>{};
}

Error CycleError(const Edge& edge, const std::vector<std::string>& path) {
  std::string loop;
  for (const std::string& node : path) loop += (loop.empty() ? "" : " -> ") + node;
  return Error{ErrorCode::kFailedPrecondition,
               "the edge " + edge.parent + " -> " + edge.child + " would close the loop " + loop +
                   ": the genealogy would contain a cycle (a lot would contain itself)",
               "", "genealogy_cycle"};
}

}  // namespace

Status CheckAcyclic(EdgeReader& existing, const std::vector<Edge>& new_edges) {
  Overlay graph(existing, new_edges);
  for (const Edge& e : new_edges) {
    if (e.parent == e.child) return CycleError(e, {e.child, e.parent});
    // A cycle through e exists exactly when its child already reaches its parent.
    auto path = PathBetween(graph, e.child, e.parent);
    if (!path.ok()) return path.error();
    if (!path->empty()) return CycleError(e, *path);
  }
  return Ok();
}

}  // namespace ordo::genealogy
