// `ordo sim`: the plant simulator (src/sim) publishing to a running ordo over REST, or to
// an MQTT broker as JSON topics or a Sparkplug B edge node. docs/simulator.md.
#pragma once

#include <CLI/CLI.hpp>

namespace ordo::cli {

// Adds `ordo sim`; its callback sets *rc: 0 at the end of the duration or after SIGINT or
// SIGTERM (a clean stop), 1 when the publisher failed (a refusal), 2 on a usage error.
void AddSimCommand(CLI::App& app, int* rc);

}  // namespace ordo::cli
