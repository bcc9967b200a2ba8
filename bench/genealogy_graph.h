// The genealogy benchmark's graph and its two ways of tracing it (docs/PERFORMANCE.md,
// docs/decisions/0011-genealogy-traces.md): a generated plant of N lots in L levels, each
// produced lot made by its own order from 1..max_inputs lots of the level below, stored as
// gen_edge rows by genealogy's own insert path (genealogy::InsertEdge, the projectors'
// mapping); traces by the genealogy walk (domain Traverse over StoreEdgeReader, batched
// IN-queries per level) and by one recursive-CTE query on the same data. Used by
// ordo_genealogy_bench and, at small scale, by genealogy_bench_test.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/result.h"
#include "mes/genealogy/domain/trace.h"
#include "storage/database.h"

namespace ordo::bench {

struct GenealogyGraphOptions {
  std::int64_t lots = 1'000'000;  // in all levels together
  int levels = 10;
  int max_inputs = 3;  // each produced lot consumes 1..max_inputs lots of the level below
  // Inputs of lot i come from lots i-window .. i+window of the level below (wrapping): a
  // plant consumes the lots at hand, not random ones from its whole history. Traces grow
  // with the window (reported as nodes per trace).
  int window = 2;
  std::uint32_t seed = 20261130;
  std::int64_t batch = 100'000;  // edges per transaction
};

struct GenealogyGraphStats {
  std::int64_t lots = 0, orders = 0, edges = 0;
  double seconds = 0;  // to generate and store (indexes included)
};

// The node id of lot `index` of `level` ("lot:L03-0000042").
std::string BenchLot(int level, std::int64_t index);

// Creates the full ordo schema in `db` (capabilities registered by the caller) and stores
// the graph. Level 0 lots are received (no inputs); lot i of level k >= 1 is produced by
// order W<k>-<i> (edge order -> lot, produced) from its inputs (edges lot -> order,
// consumed). Deterministic for the options.
Result<GenealogyGraphStats> GenerateGenealogyGraph(storage::Database& db,
                                                   const GenealogyGraphOptions& options);

// A trace reduced to what both methods return: the nodes reached (the start included) and
// the edges walked as (parent, child, seq).
struct TraceSet {
  std::set<std::string> nodes;
  std::set<std::tuple<std::string, std::string, std::int64_t>> edges;
  bool operator==(const TraceSet&) const = default;
};

// The genealogy walk (no depth limit, no seal check: the graph walk alone).
Result<TraceSet> TraceByWalk(storage::Database& db, const std::string& start,
                             genealogy::Direction direction);
// One recursive-CTE query: the nodes reachable, then every edge out of (forward) or into
// (backward) them, in the same statement.
Result<TraceSet> TraceByCte(storage::Database& db, const std::string& start,
                            genealogy::Direction direction);

}  // namespace ordo::bench
