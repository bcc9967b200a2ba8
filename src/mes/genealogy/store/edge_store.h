// The gen_edge table (one row per genealogy edge, guarded, replay-equal): its migration,
// the one mapping from an Edge to a row (InsertEdge, used by the projectors and by the
// benchmark's bulk load), the projectors and the EdgeReader over it.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "mes/genealogy/domain/graph.h"
#include "storage/database.h"
#include "store/schema.h"

namespace ordo::genealogy {

// Table gen_edge with its indexes on parent and on child, as migrations.
store::TableSet Tables();
// Seals gen_edge rows (the cycle check of commands reads them).
void RegisterGuards();
// Registers the projectors that turn lots' events into edges (store/edge_projectors.cc).
void RegisterProjectors();

// Inserts `edge` as a gen_edge row. Failures are the store's (a second edge with the same
// seq, parent and child is a constraint failure).
Status InsertEdge(storage::Database& db, const Edge& edge);

// An EdgeReader over gen_edge on `db`. A level is read with one query per chunk of up to
// kChunk nodes (IN lists padded to a power of two, so the prepared statements are
// reused). With `checked`, every row read is checked against its seal
// (store::CheckSealedRow) and a row that fails makes the read fail with
// integrity_violation. Not thread-safe (like `db`).
class StoreEdgeReader : public EdgeReader {
 public:
  static constexpr std::size_t kChunk = 256;
  StoreEdgeReader(storage::Database& db, bool checked) : db_(db), checked_(checked) {}
  Result<std::vector<Edge>> EdgesInto(const std::vector<std::string>& children) override;
  Result<std::vector<Edge>> EdgesOutOf(const std::vector<std::string>& parents) override;

 private:
  Result<std::vector<Edge>> Select(const std::vector<std::string>& nodes, const char* column);
  storage::Database& db_;
  bool checked_;
};

// One read transaction around a trace: every level is read from the same snapshot (a
// commit between two levels cannot tear the trace), and SQLite takes its shared lock once
// instead of once per level's query. Does nothing when `db` is already in a transaction.
// Ends it (COMMIT: nothing was written) on destruction.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(storage::Database& db);
  ~ReadSnapshot();
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  storage::Database& db_;
  bool began_ = false;
};

// True when some edge names `node` as parent or child.
Result<bool> HasEdges(storage::Database& db, const std::string& node);

}  // namespace ordo::genealogy
