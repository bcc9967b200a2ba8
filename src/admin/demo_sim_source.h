// The demo's simulator source, registered by `ordo init --demo`: a rest source for the
// demo plant's machines, so that `make demo` can run `ordo sim --rest` against the demo
// site from its first start (docs/simulator.md).
#pragma once

#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"
#include "store/data_dir.h"

namespace ordo::admin {

// The source's name, and the file in the data directory holding its API key (mode 0600).
inline constexpr const char* kDemoSimSource = "demo-sim";
inline constexpr const char* kDemoSimKeyFile = "demo-sim.key";

// The demo work units the simulator speaks for (scripts/demo passes the same list).
const std::vector<std::string>& DemoSimWorkUnits();

// Registers the demo simulator source as `engineer` (equipment.source_registered) and
// writes its new API key to DIR/demo-sim.key (created 0600, never overwritten). Fails when
// the registration is refused or the file cannot be written.
Status RegisterDemoSimSource(engine::Engine& engine, const engine::Actor& engineer,
                             const store::DataDir& dir);

}  // namespace ordo::admin
