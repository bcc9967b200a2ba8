// `ordo lots import FILE`: sends a CSV of lots from the ERP/WMS to a running server
// (POST /api/v1/lots/import) and reports every row (docs/orders-and-lots.md).
#pragma once

#include <CLI/CLI.hpp>

namespace ordo::cli {

// Adds `lots import` to `app`; its exit code goes to *rc (0 every row created or
// unchanged, 1 a row refused or the import failed, 2 bad usage).
void AddLotsCommands(CLI::App& app, int* rc);

}  // namespace ordo::cli
