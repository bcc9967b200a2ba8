// The composition root's one list: every MES capability the `ordo` server runs.
#pragma once

namespace ordo::cli {

// Registers every capability with the platform (event types, tables, projectors,
// permissions, endpoints). Idempotent and thread-safe; call it before opening a store,
// starting the engine or serving.
void RegisterCapabilities();

}  // namespace ordo::cli
