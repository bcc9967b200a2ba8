// What the MIS feed benchmarks share (docs/PERFORMANCE.md, "The MIS"): a real `ordo serve`
// (demo data dir) with machine data written through POST /api/v1/equipment-data and a
// feed_reader account, a real `ordo-mis serve --mes ...` from an empty store, the wait
// until the MIS's cursor is at the MES's head, an operator command load with its
// latencies, and a storm of KPI reports against the MIS. Errors throw std::runtime_error.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_util.h"
#include "http_support.h"

namespace ordo::bench {

struct MesWithData {
  DemoServer server;
  std::string feed_password_file;    // the feed account's password, for ordo-mis
  std::int64_t head = 0;             // the ledger's head seq after the data
  std::int64_t machine_batches = 0;  // POSTs of equipment data (an entry per item each)
  std::string first_day, last_day;   // ISO times spanning the machine data
  std::string site_key;              // the MES's public key (hex), from its first checkpoint
};

// `ordo init --demo` + `ordo serve` below `dir`, the feed account mis.feed, `units` REST
// sources (one work unit each) and `batches` batches of `items` states and counts per
// source (4 writer threads).
MesWithData StartMesWithData(const std::string& ordo_bin, const std::string& dir, int units,
                             int batches, int items);

struct MisProcess {
  pid_t pid = 0;
  SteadyClock::time_point spawned;  // when `ordo-mis serve` was started
  unsigned short port = 0;
  std::string token;  // the MIS admin's
};

// `ordo-mis init` into DIR/data (a fresh directory) and `ordo-mis serve` following `mes`.
// Returns once it listens and the admin signed in (the feed starts before it listens).
// `nice` > 0 runs it under `nice -n NICE` (every thread at that niceness). `pin_key`: with
// `--mes-public-key` (mes.site_key), so the MIS checks the MES's signed checkpoints.
MisProcess StartMis(const std::string& mis_bin, const std::string& dir, const MesWithData& mes,
                    int nice = 0, bool pin_key = false);

// GET /api/v1/feed until the cursor is at `head` and the state is `following`;
// throws after `timeout_s`.
void WaitForHead(const MisProcess& mis, std::int64_t head, double timeout_s);

// `clients` demo operators write logbook entries (one in flight each) until `stop`;
// returns every request's latency in ms. A failed write throws (after `stop`).
std::vector<double> OperatorLoad(const MesWithData& mes, int clients, double seconds);

// `clients` threads on the MIS alternate GET /api/v1/kpi (the OEE set of the plant over
// the data's whole span) and GET /api/v1/kpi/explain (availability with drilldown=true)
// until `stop`; returns how many reports were answered. A non-200 throws.
std::int64_t KpiStorm(const MisProcess& mis, const MesWithData& mes, int clients,
                      const std::atomic<bool>& stop);

}  // namespace ordo::bench
