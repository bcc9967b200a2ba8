// The demo's simulator sources, registered by `ordo init --demo`: a rest source and an
// mqtt source for the demo plant's machines, and the tags of their process values, so that
// `make demo` can run `ordo sim --mqtt` (or `--rest`) against the demo site from its first
// start (docs/simulator.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"
#include "store/data_dir.h"

namespace ordo::admin {

// The source's name, and the file in the data directory holding its API key (mode 0600).
inline constexpr const char* kDemoSimSource = "demo-sim";
inline constexpr const char* kDemoSimKeyFile = "demo-sim.key";

// The mqtt source: it owns ordo/<site>/<work unit>/# of each demo work unit (SITE-BSL).
inline constexpr const char* kDemoSimMqttSource = "demo-sim-mqtt";
// The simulator's seed in the demo (scripts/demo: SIM_SEED, default 1): the demo tags'
// limits are those the plant model draws with it.
inline constexpr std::uint64_t kDemoSimSeed = 1;

// The demo work units the simulator speaks for (scripts/demo passes the same list).
const std::vector<std::string>& DemoSimWorkUnits();

// Registers the demo simulator source as `engineer` (equipment.source_registered) and
// writes its new API key to DIR/demo-sim.key (created 0600, never overwritten). Fails when
// the registration is refused or the file cannot be written.
Status RegisterDemoSimSource(engine::Engine& engine, const engine::Actor& engineer,
                             const store::DataDir& dir);

// Registers the demo simulator's mqtt source (kDemoSimMqttSource, default topics) for the
// demo work units, and defines the tags the simulator sends for each of them,
// `<work unit>.temperature` (Cel) and `<work unit>.pressure` (bar), with the low and high
// limits of the plant model with kDemoSimSeed (equipment.source_registered, then one
// telemetry.tag_defined per tag, as `engineer`). Fails when one is refused.
Status RegisterDemoSimMqtt(engine::Engine& engine, const engine::Actor& engineer);

}  // namespace ordo::admin
