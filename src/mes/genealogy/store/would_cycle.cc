// WouldCycle (cycle.h): the pure cycle check over the stored edges.
#include "mes/genealogy/cycle.h"
#include "mes/genealogy/store/edge_store.h"

namespace ordo::genealogy {

Status WouldCycle(storage::Database& db, const std::vector<Edge>& new_edges) {
  ReadSnapshot snapshot(db);  // inside a command: the writer's transaction, kept as it is
  StoreEdgeReader reader(db, true);
  return CheckAcyclic(reader, new_edges);
}

}  // namespace ordo::genealogy
