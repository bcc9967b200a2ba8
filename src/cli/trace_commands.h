// `ordo trace back|forward ID [--json]`: a genealogy trace from a running server
// (GET /api/v1/genealogy/{id}), printed as a readable tree or as the server's JSON; `ordo
// trace recall LOT [--csv|--html] [--to FILE]`: the recall report (docs/genealogy.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/canonical_json.h"

namespace ordo::cli {

// Adds `trace back`, `trace forward` and `trace recall` to `app`; the exit code goes to *rc (0
// printed, 1 the server refused or could not be reached, 2 bad usage).
void AddTraceCommands(CLI::App& app, int* rc);

// The tree of a trace (the JSON of GET /api/v1/genealogy/{id}): the start, then per level
// the nodes it came from (backward) or went into (forward), indented, each with what is
// known of it and the edge's kind, quantity and operation. A node reached a second time
// (a shared ancestor) is printed once more without its subtree, marked "(see above)".
std::string FormatTraceTree(const Json& trace);

// The lines of a recall report (the JSON of GET /api/v1/genealogy/{lot}/recall): the
// suspect lot and time, one line per finished lot or serial (node, material, status,
// quantity, location, order), and the count.
std::string FormatRecall(const Json& report);

}  // namespace ordo::cli
