// End-to-end HTTP measurement of the ordo benchmark: starts the real `ordo` binary on
// a fresh data dir (`ordo init --demo`, then `ordo serve --listen 127.0.0.1:0`), signs
// in N keep-alive clients as the demo operator, and has each write logbook entries
// (POST /api/v1/logbook, one request in flight per client) for a fixed duration.
#pragma once

#include <string>

#include "bench_util.h"

namespace ordo::bench {

struct HttpBenchOptions {
  std::string ordo_bin;  // path of the ordo executable
  std::string work_dir;  // a fresh data dir is created below it
  int clients = 32;
  double seconds = 10;  // measured window
  bool keep = false;
};

// Throws std::runtime_error when the server cannot be started or no client can sign in.
HttpRun RunHttpBench(const HttpBenchOptions& options);

}  // namespace ordo::bench
