// Execution through the HTTP API (issue 10, section 8): the real server on a fresh demo
// data dir, N operator clients, each on its own dispensing work unit (the bench adds
// WU-BENCH-01.. through change control first: a work unit runs one operation at a time),
// each running cycles of start, acknowledge, parameter, consume, characteristic and
// complete on operation 10 of its own released orders (created and released up front,
// outside the measured time). Then, on the same server, the same clients write logbook
// entries for the same time: the engine's floor, the figure the execution commands are
// compared with.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench_util.h"

namespace ordo::bench {

struct ExecBenchOptions {
  std::string ordo_bin;
  std::string work_dir;
  int clients = 32;
  double seconds = 10;         // measured window of each phase
  int orders_per_client = 10;  // a client stops early when it has run them all
  bool keep = false;
};

struct CommandFigures {
  std::string command;  // start, acknowledge, parameter, consume, characteristic, complete
  std::int64_t count = 0;
  double p50_ms = 0, p99_ms = 0;
};

struct ExecRun {
  double seconds = 0;  // until the deadline or the last client ran out of orders
  std::int64_t cycles = 0, requests = 0, errors = 0;
  std::vector<CommandFigures> commands;
  double logbook_seconds = 0;
  std::int64_t logbook_writes = 0;
  double logbook_p50_ms = 0, logbook_p99_ms = 0;
  double setup_seconds = 0;  // work units, orders created and released
  double cycles_per_second() const { return seconds > 0 ? cycles / seconds : 0; }
  double requests_per_second() const { return seconds > 0 ? requests / seconds : 0; }
  double logbook_per_second() const {
    return logbook_seconds > 0 ? logbook_writes / logbook_seconds : 0;
  }
};

// Throws std::runtime_error when the server cannot be started or the setup fails.
ExecRun RunExecBench(const ExecBenchOptions& options);

}  // namespace ordo::bench
