// `ordo telemetry compact --data DIR [--now T]`: compacts the telemetry file of a stopped
// server's data directory by the tags' retention (docs/telemetry.md, docs/operations.md).
#pragma once

#include <CLI/CLI.hpp>

namespace ordo::cli {

// Adds `telemetry compact` to `app`; its exit code goes to *rc (0 done, 1 failed, 2 bad
// usage or the directory locked by a running server).
void AddTelemetryCommands(CLI::App& app, int* rc);

}  // namespace ordo::cli
