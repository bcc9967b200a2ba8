// The cost of signing over HTTP: the real server on a fresh demo data dir, one client
// at a time, timing a sign-in (POST /api/v1/session) and a signed approval of a change
// request (POST /api/v1/change-requests/{id}/approve with user id and password) against
// two baselines measured in the same rounds on the same server: a durable ledger append
// (POST /api/v1/logbook) and an unsigned read (GET /api/v1/change-requests/{id}).
// Rounds are interleaved; each figure is the median of the per-round medians.
#pragma once

#include <string>

#include "bench_util.h"

namespace ordo::bench {

struct SigningBenchOptions {
  std::string ordo_bin;  // path of the ordo executable
  std::string work_dir;  // a fresh data dir is created below it
  int rounds = 5;
  int appends = 20;   // timed logbook appends per round
  int reads = 20;     // timed change request reads per round
  int sign_ins = 4;   // timed sign-ins per round
  int approvals = 4;  // timed signed approvals per round (each on its own change request)
  bool keep = false;
};

// Per call, milliseconds: the median over rounds of each round's median.
struct SigningRun {
  double append_ms = 0, read_ms = 0, sign_in_ms = 0, approve_ms = 0;
};

// Throws std::runtime_error when the server cannot be started or a set-up step fails.
SigningRun RunSigningBench(const SigningBenchOptions& options);

}  // namespace ordo::bench
