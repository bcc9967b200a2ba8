// A service that runs beside the HTTP server for as long as `ordo serve` runs (e.g. the
// MQTT connector of machine data): started after the engine, stopped before it, and
// reported by GET /api/v1/health under `services.<name>`. The server knows nothing of
// what a service does; `ordo serve` gets the list from the CLI (ServeOptions::services).
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"
#include "store/data_dir.h"

namespace ordo::engine {
class Engine;
}

namespace ordo::server {

// What a service may use while it runs: the engine (Submit / SubmitAndWait from any
// thread), the data directory (e.g. to open its own reader connection) and the clock.
struct ServiceContext {
  engine::Engine& engine;
  store::DataDir data_dir;
  const Clock& clock;
};

class BackgroundService {
 public:
  virtual ~BackgroundService() = default;
  // Its key in the health reply's `services` (letters, digits, '_').
  virtual std::string name() const = 0;
  // Called once after the engine started and before the server listens. An error stops
  // `ordo serve` from starting (a wrong option); a peer that is down is not an error:
  // the service keeps trying on its own thread.
  virtual Status Start(const ServiceContext& context) = 0;
  // Called once during shutdown, before the engine stops (the service may still submit
  // commands while it winds down). Blocks until its threads ended. Idempotent.
  virtual void Stop() = 0;
  // Its state for the health endpoint (a JSON object). Thread-safe; never blocks long.
  virtual Json Health() const = 0;
};

}  // namespace ordo::server
