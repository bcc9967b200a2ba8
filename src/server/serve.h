// `ordo serve`: wires the engine, the API and the HTTP transport on one io_context,
// and shuts down gracefully on SIGTERM/SIGINT (stop accepting, drain, flush, exit 0).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "server/api.h"
#include "server/background_service.h"
#include "server/http_server.h"

namespace ordo::server {

struct ServeOptions {
  std::string data_dir;
  HttpServerOptions http;
  ApiOptions api;
  std::int64_t checkpoint_every_entries = 1000;
  std::int64_t checkpoint_every_seconds = 600;
  // The background integrity audit runs this often; 0 = off (admin/integrity_audit.h).
  std::int64_t audit_interval_seconds = 3600;
  // Started after the engine, stopped before it, reported by the health endpoint
  // (server/background_service.h); e.g. the MQTT connector of `--mqtt-broker`.
  std::vector<std::shared_ptr<BackgroundService>> services;
  // Intervals of registered serve tasks (server/serve_tasks.h) by task name, overriding
  // their registered ones (e.g. "telemetry compaction" from --compact-interval).
  std::map<std::string, std::int64_t> task_interval_seconds;
};

// Runs until a termination signal. Returns the process exit code (0 after a clean
// shutdown); prints a clear message and returns non-zero when start-up fails.
int RunServer(ServeOptions options);

}  // namespace ordo::server
