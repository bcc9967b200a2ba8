// `ordo orders import FILE`: an ERP's order file (CSV, or JSON for *.json) sent to a
// running server's POST /api/v1/orders/import (docs/orders-and-lots.md).
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "core/canonical_json.h"

namespace ordo::cli {

// The lines `ordo orders import` prints for an import report (the reply of
// POST /api/v1/orders/import): "N created, N unchanged, N refused", then one line per
// refused or conflicting row: "line L (ORDER): OUTCOME: FIELD: MESSAGE" per error.
std::string FormatImportReport(const Json& report);

// Adds `orders import` to `app`; its exit code goes to *rc: 0 when no row was refused,
// 1 when a row was refused or in conflict (or the import failed), 2 on a usage error
// (a file that cannot be read, a malformed server URL).
void AddOrdersCommands(CLI::App& app, int* rc);

}  // namespace ordo::cli
