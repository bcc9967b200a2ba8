// `ordo-mis serve`: opens the store (applying pending migrations), serves the router's
// routes over HTTP with the shared runtime (server/http_server.h: limits, timeouts,
// security headers), and stops cleanly on SIGTERM/SIGINT: stop accepting, let running
// requests finish (up to 10 s), stop the services, exit 0.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mis/app/options.h"
#include "mis/app/service.h"
#include "mis/http/context.h"
#include "mis/http/router.h"
#include "mis/store/migration.h"
#include "server/http_server.h"

namespace ordo::mis::app {

struct ServeOptions {
  std::string data_dir;
  server::HttpServerOptions http;  // address and port from --listen
  http::ContextOptions context;
  // The MES to read the ledger feed from (the feed consumer service, mis/feed/consumer.h).
  std::optional<MesConnection> mes;
  // --time-zone: overrides the store's site time zone for this run ("": the store's;
  // site_time_zone.h). The effective zone is logged at start.
  std::string time_zone;
  std::vector<std::unique_ptr<Service>> services;
  // The nice value the whole server runs at (every thread; --nice, 0..19): the MIS is a
  // visibility service and yields the CPU to the MES when both share a host. Only ever
  // raised: a server started at a higher nice keeps it.
  int nice = 10;
};

// Runs until SIGTERM or SIGINT. Prints "ordo-mis: listening on http://ADDRESS:PORT" on
// stdout once it accepts connections. Returns the exit code: 0 after a clean stop, 2
// when it cannot start (no store, a store too new, the directory in use, the address
// taken, a time zone that does not load), with a message on stderr.
int RunServer(ServeOptions options, const std::vector<store::Migration>& migrations,
              const http::Router& router);

}  // namespace ordo::mis::app
