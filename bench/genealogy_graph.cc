// Generation of the genealogy benchmark's graph and its two tracers (genealogy_graph.h).
#include "genealogy_graph.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "mes/genealogy/store/edge_store.h"
#include "store/schema.h"

namespace ordo::bench {

namespace {

std::string Padded(const char* prefix, int level, std::int64_t index) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%02d-%07lld", prefix, level,
                static_cast<long long>(index));
  return buffer;
}

}  // namespace

std::string BenchLot(int level, std::int64_t index) { return Padded("lot:L", level, index); }

Result<GenealogyGraphStats> GenerateGenealogyGraph(storage::Database& db,
                                                   const GenealogyGraphOptions& o) {
  const auto start = std::chrono::steady_clock::now();
  ORDO_TRY(store::CreateSchema(db));
  GenealogyGraphStats stats;
  const std::int64_t per_level = o.lots / o.levels;
  stats.lots = per_level * o.levels;
  std::mt19937_64 rng(o.seed);
  std::uniform_int_distribution<int> inputs(1, o.max_inputs);
  std::uniform_int_distribution<int> offset(-o.window, o.window);
  std::int64_t seq = 0, in_batch = 0;
  ORDO_TRY(db.Exec("BEGIN"));
  auto insert = [&](genealogy::Edge& e) -> Status {
    e.seq = ++seq;
    ORDO_TRY(genealogy::InsertEdge(db, e));
    ++stats.edges;
    if (++in_batch >= o.batch) {
      ORDO_TRY(db.Exec("COMMIT"));
      ORDO_TRY(db.Exec("BEGIN"));
      in_batch = 0;
    }
    return Ok();
  };
  for (int level = 1; level < o.levels; ++level) {
    for (std::int64_t i = 0; i < per_level; ++i) {
      const std::string order = Padded("order:W", level, i);
      ++stats.orders;
      std::set<std::int64_t> used;
      const int n = inputs(rng);
      for (int k = 0; k < n; ++k)
        used.insert(((i + offset(rng)) % per_level + per_level) % per_level);
      for (std::int64_t j : used) {
        genealogy::Edge e;
        e.parent = BenchLot(level - 1, j);
        e.child = order;
        e.kind = genealogy::EdgeKind::kConsumed;
        e.quantity = 12.5;
        e.base_unit = "kg";
        e.order_id = order.substr(6);
        e.operation = "10";
        ORDO_TRY(insert(e));
      }
      genealogy::Edge made;
      made.parent = order;
      made.child = BenchLot(level, i);
      made.kind = genealogy::EdgeKind::kProduced;
      made.quantity = 100;
      made.base_unit = "kg";
      made.order_id = order.substr(6);
      made.operation = "20";
      ORDO_TRY(insert(made));
    }
  }
  ORDO_TRY(db.Exec("COMMIT"));
  ORDO_TRY(db.Exec("ANALYZE"));
  stats.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stats;
}

Result<TraceSet> TraceByWalk(storage::Database& db, const std::string& start,
                             genealogy::Direction direction) {
  genealogy::ReadSnapshot snapshot(db);  // as genealogy.h's traces read
  genealogy::StoreEdgeReader reader(db, false);
  genealogy::TraceLimits limits;
  limits.max_nodes = std::int64_t{1} << 40;
  auto trace = genealogy::Traverse(reader, start, direction, limits);
  if (!trace.ok()) return trace.error();
  TraceSet out;
  for (const auto& n : trace->nodes) out.nodes.insert(n.id);
  for (const auto& e : trace->edges) out.edges.insert({e.parent, e.child, e.seq});
  return out;
}

Result<TraceSet> TraceByCte(storage::Database& db, const std::string& start,
                            genealogy::Direction direction) {
  const bool backward = direction == genealogy::Direction::kBackward;
  // reach: the start and every node reachable; then the edges whose near end is in it.
  const std::string sql =
      backward
          ? "WITH RECURSIVE reach(node) AS (SELECT ?1 UNION SELECT e.parent FROM gen_edge "
            "e JOIN reach r ON e.child = r.node) SELECT e.parent, e.child, e.kind, e.quantity, "
            "e.base_unit, e.order_id, e.operation, e.seq FROM "
            "reach r JOIN gen_edge e ON e.child = r.node"
          : "WITH RECURSIVE reach(node) AS (SELECT ?1 UNION SELECT e.child FROM gen_edge "
            "e JOIN reach r ON e.parent = r.node) SELECT e.parent, e.child, e.kind, e.quantity, "
            "e.base_unit, e.order_id, e.operation, e.seq FROM "
            "reach r JOIN gen_edge e ON e.parent = r.node";
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  storage::Statement& s = **st;
  s.Bind(1, start);
  TraceSet out;
  out.nodes.insert(start);
  while (true) {
    auto row = s.Step();
    if (!row.ok()) {
      s.Reset();
      return row.error();
    }
    if (!*row) break;
    // The same columns, parsed the same way, as the walk's reader gives (an Edge).
    genealogy::Edge e;
    e.parent = s.Text(0);
    e.child = s.Text(1);
    e.kind = genealogy::ParseEdgeKind(s.Text(2)).value_or(genealogy::EdgeKind::kConsumed);
    e.quantity = std::strtod(s.Text(3).c_str(), nullptr);
    e.base_unit = s.Text(4);
    e.order_id = s.Text(5);
    e.operation = s.Text(6);
    e.seq = s.Int(7);
    out.nodes.insert(backward ? e.parent : e.child);
    out.edges.insert({std::move(e.parent), std::move(e.child), e.seq});
  }
  s.Reset();
  return out;
}

}  // namespace ordo::bench
