// Unit tests of the genealogy domain: node ids, the cycle check and the walk of traces,
// with a property test over random plant graphs (orders, splits, merges, many levels)
// that compares every trace with a reference traversal written separately here.
#include "mes/genealogy/domain/graph.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <functional>
#include <map>
#include <random>
#include <set>

#include "core/testing/verifies.h"
#include "mes/genealogy/domain/memory_reader.h"
#include "mes/genealogy/domain/trace.h"

namespace ordo::genealogy {
namespace {

Edge E(const std::string& parent, const std::string& child, EdgeKind kind = EdgeKind::kConsumed,
       std::int64_t seq = 0) {
  Edge e;
  e.parent = parent;
  e.child = child;
  e.kind = kind;
  e.seq = seq;
  return e;
}

std::vector<std::string> Ids(const TraceGraph& t) {
  std::vector<std::string> out;
  for (const auto& n : t.nodes) out.push_back(n.id + "@" + std::to_string(n.depth));
  return out;
}

TEST(GenealogyNodes, IdsCarryTheirKindAndParseBack) {
  ORDO_VERIFIES("ORDO-GEN-01");
  EXPECT_EQ(LotNode("L-1"), "lot:L-1");
  EXPECT_EQ(SerialNode("SN-9"), "serial:SN-9");
  EXPECT_EQ(OrderNode("WO-1"), "order:WO-1");
  auto ref = ParseNodeId("serial:SN:9");
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(ref->kind, NodeKind::kSerial);
  EXPECT_EQ(ref->id, "SN:9");
  for (const char* bad : {"", "L-1", "lot:", "batch:L-1", ":L-1"})
    EXPECT_FALSE(ParseNodeId(bad).has_value()) << bad;
  for (EdgeKind k : {EdgeKind::kConsumed, EdgeKind::kProduced, EdgeKind::kSplit, EdgeKind::kMerged})
    EXPECT_EQ(ParseEdgeKind(EdgeKindName(k)), k);
  EXPECT_FALSE(ParseEdgeKind("made").has_value());
}

TEST(GenealogyCycle, AnEdgeThatWouldCloseALoopIsRefusedNamingThePath) {
  ORDO_VERIFIES("ORDO-GEN-02");
  // lot:A -> order:W -> lot:B -> order:V -> lot:C
  MemoryEdgeReader graph({E("lot:A", "order:W"), E("order:W", "lot:B", EdgeKind::kProduced),
                          E("lot:B", "order:V"), E("order:V", "lot:C", EdgeKind::kProduced)});
  Status s = CheckAcyclic(graph, {E("lot:C", "order:W")});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(s.error().reason, "genealogy_cycle");
  EXPECT_NE(s.error().message.find("lot:C -> order:W"), std::string::npos) << s.error().message;
  EXPECT_NE(s.error().message.find("order:W -> lot:B -> order:V -> lot:C"), std::string::npos)
      << s.error().message;
  // Forward and sideways edges are fine: a DAG may share ancestors.
  EXPECT_TRUE(CheckAcyclic(graph, {E("lot:A", "order:V")}).ok());
  EXPECT_TRUE(CheckAcyclic(graph, {E("lot:X", "order:W"), E("lot:C", "order:Z")}).ok());
}

TEST(GenealogyCycle, ASelfLoopAndALoopMadeOnlyOfNewEdgesAreRefused) {
  ORDO_VERIFIES("ORDO-GEN-02");
  MemoryEdgeReader empty;
  Status self = CheckAcyclic(empty, {E("lot:A", "lot:A", EdgeKind::kMerged)});
  ASSERT_FALSE(self.ok());
  EXPECT_EQ(self.error().reason, "genealogy_cycle");
  Status pair = CheckAcyclic(
      empty, {E("lot:A", "lot:B", EdgeKind::kMerged), E("lot:B", "lot:A", EdgeKind::kMerged)});
  ASSERT_FALSE(pair.ok());
  EXPECT_NE(pair.error().message.find("lot:A -> lot:B"), std::string::npos) << pair.error().message;
}

TEST(GenealogyTrace, ASharedAncestorIsVisitedOnceAtItsShortestDepth) {
  ORDO_VERIFIES("ORDO-GEN-03", "DI-10");
  // lot:R went into both orders; order:W2 consumed the output of order:W1 too.
  MemoryEdgeReader graph({E("lot:R", "order:W1", EdgeKind::kConsumed, 1),
                          E("order:W1", "lot:M", EdgeKind::kProduced, 2),
                          E("lot:R", "order:W2", EdgeKind::kConsumed, 3),
                          E("lot:M", "order:W2", EdgeKind::kConsumed, 4),
                          E("order:W2", "lot:F", EdgeKind::kProduced, 5)});
  auto back = Traverse(graph, "lot:F", Direction::kBackward, {});
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(Ids(*back), (std::vector<std::string>{"lot:F@0", "order:W2@1", "lot:M@2", "lot:R@2",
                                                  "order:W1@3"}));
  EXPECT_EQ(back->edges.size(), 5u);
  EXPECT_FALSE(back->truncated);
  EXPECT_EQ(graph.calls(), 4) << "one reader call per level";
  auto forward = Traverse(graph, "lot:R", Direction::kForward, {});
  ASSERT_TRUE(forward.ok());
  EXPECT_EQ(Ids(*forward), (std::vector<std::string>{"lot:R@0", "order:W1@1", "order:W2@1",
                                                     "lot:F@2", "lot:M@2"}));
  EXPECT_EQ(forward->edges.size(), 5u);
}

TEST(GenealogyTrace, LimitsTruncateAndSaySo) {
  ORDO_VERIFIES("ORDO-GEN-03");
  MemoryEdgeReader chain(
      {E("lot:A", "order:1"), E("order:1", "lot:B"), E("lot:B", "order:2"), E("order:2", "lot:C")});
  TraceLimits depth;
  depth.max_depth = 2;
  auto t = Traverse(chain, "lot:A", Direction::kForward, depth);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Ids(*t), (std::vector<std::string>{"lot:A@0", "order:1@1", "lot:B@2"}));
  EXPECT_TRUE(t->truncated);
  depth.max_depth = 4;  // exactly as deep as the graph: complete
  auto whole = Traverse(chain, "lot:A", Direction::kForward, depth);
  ASSERT_TRUE(whole.ok());
  EXPECT_FALSE(whole->truncated);
  EXPECT_EQ(whole->nodes.size(), 5u);
  TraceLimits nodes;
  nodes.max_nodes = 2;
  auto few = Traverse(chain, "lot:C", Direction::kBackward, nodes);
  ASSERT_TRUE(few.ok());
  EXPECT_EQ(few->nodes.size(), 2u);
  EXPECT_EQ(few->edges.size(), 1u);
  EXPECT_TRUE(few->truncated);
  auto alone = Traverse(chain, "lot:Z", Direction::kBackward, {});
  ASSERT_TRUE(alone.ok());
  EXPECT_EQ(Ids(*alone), (std::vector<std::string>{"lot:Z@0"}));
}

// A random plant: supplier lots received; orders consuming 1-3 lots (often partly, so a lot
// feeds several orders) and often a component serial made by an earlier order (each serial
// goes into one order only), producing 1-2 lots or serials; lots split into sublots; lots
// merged into an existing lot. Built so it stays acyclic, checked by the reference below.
struct RandomPlant {
  std::vector<Edge> edges;
  std::vector<std::string> nodes;
};

// Reference: every node `from` reaches following `next`, with its shortest distance,
// computed by relaxing all edges until nothing changes (Bellman-Ford), independent of the
// level-by-level walk under test.
std::map<std::string, int> ReferenceDistances(const std::vector<Edge>& edges,
                                              const std::string& from, bool backward,
                                              int max_depth) {
  std::map<std::string, int> dist{{from, 0}};
  bool changed = true;
  while (changed) {
    changed = false;
    for (const Edge& e : edges) {
      const std::string& near = backward ? e.child : e.parent;
      const std::string& far = backward ? e.parent : e.child;
      auto it = dist.find(near);
      if (it == dist.end() || it->second >= max_depth) continue;
      auto f = dist.find(far);
      if (f == dist.end() || f->second > it->second + 1) {
        dist[far] = it->second + 1;
        changed = true;
      }
    }
  }
  return dist;
}

// Reference: whether `to` is reachable from `from` going forward (recursive search).
bool ReferenceReaches(const std::vector<Edge>& edges, const std::string& from,
                      const std::string& to) {
  std::set<std::string> seen;
  std::function<bool(const std::string&)> go = [&](const std::string& n) {
    if (n == to) return true;
    if (!seen.insert(n).second) return false;
    for (const Edge& e : edges)
      if (e.parent == n && go(e.child)) return true;
    return false;
  };
  return go(from);
}

RandomPlant MakePlant(std::mt19937& rng, int steps) {
  RandomPlant p;
  std::vector<std::string> lots;
  std::vector<std::string> free_serials;  // produced, not yet consumed
  std::int64_t seq = 0;
  auto pick = [&](const std::vector<std::string>& v) {
    return v[std::uniform_int_distribution<std::size_t>(0, v.size() - 1)(rng)];
  };
  auto add_lot = [&](const std::string& id) {
    lots.push_back(id);
    p.nodes.push_back(id);
  };
  for (int i = 0; i < 4; ++i) add_lot("lot:S" + std::to_string(i));
  for (int step = 0; step < steps; ++step) {
    const int what = std::uniform_int_distribution<int>(0, 9)(rng);
    const std::string n = std::to_string(step);
    if (what < 2) {
      add_lot("lot:S" + n);  // a supplier lot
    } else if (what < 7) {   // an order
      const std::string order = "order:W" + n;
      p.nodes.push_back(order);
      const int inputs = std::uniform_int_distribution<int>(1, 3)(rng);
      std::set<std::string> used;
      for (int i = 0; i < inputs; ++i) used.insert(pick(lots));
      for (const auto& lot : used) p.edges.push_back(E(lot, order, EdgeKind::kConsumed, ++seq));
      if (!free_serials.empty() && std::uniform_int_distribution<int>(0, 1)(rng) == 0) {
        const std::size_t at =
            std::uniform_int_distribution<std::size_t>(0, free_serials.size() - 1)(rng);
        p.edges.push_back(E(free_serials[at], order, EdgeKind::kConsumed, ++seq));
        free_serials.erase(free_serials.begin() + static_cast<std::ptrdiff_t>(at));
      }
      const int outputs = std::uniform_int_distribution<int>(1, 2)(rng);
      for (int i = 0; i < outputs; ++i) {
        const bool serial = std::uniform_int_distribution<int>(0, 3)(rng) == 0;
        const std::string out = (serial ? "serial:N" : "lot:P") + n + "-" + std::to_string(i);
        if (serial) {
          p.nodes.push_back(out);
          free_serials.push_back(out);
        } else {
          add_lot(out);
        }
        p.edges.push_back(E(order, out, EdgeKind::kProduced, ++seq));
      }
    } else if (what < 9) {  // a split
      const std::string from = pick(lots);
      add_lot("lot:X" + n);
      p.edges.push_back(E(from, "lot:X" + n, EdgeKind::kSplit, ++seq));
    } else {  // a merge of two lots into a third that neither descends from
      const std::string into = pick(lots);
      std::vector<Edge> merge;
      for (int i = 0; i < 2; ++i) {
        const std::string from = pick(lots);
        if (from == into || ReferenceReaches(p.edges, into, from)) continue;
        merge.push_back(E(from, into, EdgeKind::kMerged, ++seq));
      }
      for (auto& e : merge) p.edges.push_back(e);
    }
  }
  return p;
}

TEST(GenealogyTrace, EveryTraceOfRandomPlantsEqualsTheReferenceTraversal) {
  ORDO_VERIFIES("ORDO-GEN-04", "ORDO-GEN-21", "DI-10", "IND-10");
  std::mt19937 rng(20261130);
  int traces = 0;
  int serial_traces = 0, consumed_serials = 0, through_serials = 0;
  for (int graph = 0; graph < 40; ++graph) {
    RandomPlant plant = MakePlant(rng, 20 + graph * 3);
    std::vector<Edge> shuffled = plant.edges;  // the reader's order must not matter
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    MemoryEdgeReader reader(shuffled);
    for (const Edge& e : plant.edges)
      if (e.parent.rfind("serial:", 0) == 0) ++consumed_serials;
    for (const std::string& start : plant.nodes) {
      for (Direction d : {Direction::kBackward, Direction::kForward}) {
        const bool backward = d == Direction::kBackward;
        TraceLimits limits;
        if (traces % 7 == 0) limits.max_depth = 2;
        auto t = Traverse(reader, start, d, limits);
        ASSERT_TRUE(t.ok());
        ++traces;
        const auto want = ReferenceDistances(plant.edges, start, backward, limits.max_depth);
        std::map<std::string, int> got;
        for (const auto& n : t->nodes) {
          EXPECT_TRUE(got.emplace(n.id, n.depth).second) << n.id << " listed twice";
        }
        ASSERT_EQ(got, want) << "graph " << graph << " from " << start << " " << DirectionName(d);
        if (start.rfind("serial:", 0) == 0) ++serial_traces;
        // A trace that passes a serial on its way (the serial neither start nor end).
        for (const auto& e : t->edges)
          if (e.parent.rfind("serial:", 0) == 0 && e.parent != start && e.child != start)
            ++through_serials;
        // Edges: exactly those whose near end is within the walk and not at its last level.
        std::multiset<std::tuple<std::string, std::string, std::int64_t>> want_edges, got_edges;
        for (const Edge& e : plant.edges) {
          auto it = want.find(backward ? e.child : e.parent);
          if (it != want.end() && it->second < limits.max_depth)
            want_edges.insert({e.parent, e.child, e.seq});
        }
        for (const Edge& e : t->edges) got_edges.insert({e.parent, e.child, e.seq});
        EXPECT_EQ(got_edges, want_edges) << "graph " << graph << " from " << start;
        EXPECT_TRUE(std::is_sorted(t->nodes.begin(), t->nodes.end(),
                                   [](const TraceNode& a, const TraceNode& b) {
                                     return std::tie(a.depth, a.id) < std::tie(b.depth, b.id);
                                   }));
      }
    }
  }
  EXPECT_GT(traces, 1000);
  // Serials are produced, consumed into devices and traced through, not only leaves.
  EXPECT_GT(serial_traces, 100);
  EXPECT_GT(consumed_serials, 40);
  EXPECT_GT(through_serials, 100);
}

TEST(GenealogyCycle, OnRandomPlantsAnEdgeIsRefusedExactlyWhenItsChildReachesItsParent) {
  ORDO_VERIFIES("ORDO-GEN-02");
  std::mt19937 rng(11);
  int refused = 0, accepted = 0;
  for (int graph = 0; graph < 25; ++graph) {
    RandomPlant plant = MakePlant(rng, 30);
    MemoryEdgeReader reader(plant.edges);
    for (int i = 0; i < 40; ++i) {
      const auto& a =
          plant.nodes[std::uniform_int_distribution<std::size_t>(0, plant.nodes.size() - 1)(rng)];
      const auto& b =
          plant.nodes[std::uniform_int_distribution<std::size_t>(0, plant.nodes.size() - 1)(rng)];
      Status s = CheckAcyclic(reader, {E(a, b, EdgeKind::kMerged)});
      const bool cycle = ReferenceReaches(plant.edges, b, a);
      EXPECT_EQ(s.ok(), !cycle) << a << " -> " << b;
      if (!s.ok()) {
        EXPECT_EQ(s.error().reason, "genealogy_cycle");
        ++refused;
      } else {
        ++accepted;
      }
    }
  }
  EXPECT_GT(refused, 20);
  EXPECT_GT(accepted, 20);
}

}  // namespace
}  // namespace ordo::genealogy
