// The genealogy cycle check for commands, before they commit: a public header of its own,
// with a library of its own (ordo_mes_genealogy_edges: gen_edge and this check, no other
// capability), so that the commands of lots (split, merge) and of execution (consume,
// produce) can call it without a dependency cycle (genealogy's traces read lots).
// Implemented in store/would_cycle.cc. Not thread-safe per storage::Database.
#pragma once

#include <vector>

#include "core/result.h"
#include "mes/genealogy/domain/graph.h"
#include "storage/database.h"

namespace ordo::genealogy {

// Ok when adding `new_edges` to the stored graph keeps it acyclic, else
// failed_precondition (reason genealogy_cycle) naming the loop (CheckAcyclic). Reads
// gen_edge on `db` (inside a command: the writer's connection, in its transaction); every
// edge row read is checked against its seal (integrity_violation when one fails).
Status WouldCycle(storage::Database& db, const std::vector<Edge>& new_edges);

}  // namespace ordo::genealogy
