// The MIS feed benchmarks (make bench; docs/PERFORMANCE.md, "The MIS"), on a real MES
// (`ordo serve`, demo data dir) and a real MIS (`ordo-mis serve --mes`):
// 1. catch-up: N machine-data ledger entries written through POST /api/v1/equipment-data,
//    then an MIS started from an empty store; the time from its start until
//    GET /api/v1/feed shows the cursor at the MES head, as ledger entries per second
//    (median of the repeats; each repeat a fresh MIS store), without and with the site's
//    key pinned (--mes-public-key: the MIS checks the MES's signed checkpoints of each
//    page), alternately, and the ratio of the medians;
// 2. the operator's p99 with and without a report storm: demo operators write logbook
//    entries (ledger-writing operator commands, one in flight each) while the MIS follows
//    the feed, idle and then while clients hammer the MIS's GET /api/v1/kpi and
//    /kpi/explain?drilldown=true over the data's whole span; the ratio of the p99s
//    (median over the pairs). The target: within 1.5x.
//
// usage: ordo_mis_feed_bench [--quick] [--units N] [--batches N] [--repeats N] [--seconds S]
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include "mis_feed_support.h"

namespace ordo::bench {
namespace {

struct Config {
  int units = 20, batches = 1000, items = 10;  // 20,000 entries of 10 states + 10 counts
  int repeats = 3;
  double seconds = 10;  // each operator phase
  int operators = 4, storm_clients = 4;
};

Config Parse(int argc, char** argv) {
  Config c;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> double {
      if (i + 1 >= argc) throw std::runtime_error(a + " needs a value");
      return std::atof(argv[++i]);
    };
    if (a == "--quick") {
      c.units = 4, c.batches = 25, c.repeats = 1, c.seconds = 1;
    } else if (a == "--units") {
      c.units = static_cast<int>(next());
    } else if (a == "--batches") {
      c.batches = static_cast<int>(next());
    } else if (a == "--repeats") {
      c.repeats = static_cast<int>(next());
    } else if (a == "--seconds") {
      c.seconds = next();
    } else {
      throw std::runtime_error("unknown argument " + a +
                               " (--quick, --units N, --batches N, --repeats N, --seconds S)");
    }
  }
  return c;
}

double At(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return Quantile(v, q);
}
double P99(const std::vector<double>& v) { return At(v, 0.99); }

// Stops the servers it holds when the run ends, also on an error.
struct Servers {
  pid_t mes = 0, mis = 0;
  ~Servers() {
    for (pid_t pid : {mis, mes})
      if (pid) StopServer(pid);
  }
};

// Idle and storm phases, `c.repeats` pairs; the median ratio of the p99s.
double StormPairs(const Config& c, const MisProcess& mis, const MesWithData& mes) {
  std::vector<double> ratios;
  for (int r = 0; r < c.repeats; ++r) {
    const std::vector<double> idle = OperatorLoad(mes, c.operators, c.seconds);
    std::atomic<bool> stop{false};
    std::int64_t reports = 0;
    std::string storm_error;
    std::thread storm([&] {
      try {
        reports = KpiStorm(mis, mes, c.storm_clients, stop);
      } catch (const std::exception& e) {
        storm_error = e.what();
      }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    const std::vector<double> busy = OperatorLoad(mes, c.operators, c.seconds);
    stop = true;
    storm.join();
    if (!storm_error.empty()) throw std::runtime_error(storm_error);
    ratios.push_back(P99(busy) / P99(idle));
    std::printf(
        "  operator pair %d: idle %zu writes p50 %.2f ms p99 %.2f ms; storm (%d clients, %lld "
        "reports) %zu writes p50 %.2f ms p99 %.2f ms; ratio %.2f\n",
        r + 1, idle.size(), At(idle, 0.5), P99(idle), c.storm_clients,
        static_cast<long long>(reports), busy.size(), At(busy, 0.5), P99(busy), ratios.back());
    std::fflush(stdout);
  }
  return Median(ratios);
}

void Run(const Config& c, const std::string& dir) {
  std::filesystem::create_directories(dir + "/mes");
  auto start = SteadyClock::now();
  Servers servers;
  MesWithData mes = StartMesWithData(ORDO_BIN, dir + "/mes", c.units, c.batches, c.items);
  servers.mes = mes.server.pid;
  std::printf(
      "MIS feed: MES with %lld machine-data batches (%d sources x %d batches of %d states + %d "
      "counts, an entry each), head %lld; written in %.1f s\n",
      static_cast<long long>(mes.machine_batches), c.units, c.batches, c.items, c.items,
      static_cast<long long>(mes.head), SecondsSince(start));
  std::fflush(stdout);
  std::vector<double> rates, checked_rates;
  MisProcess mis;
  for (int r = 0; r < c.repeats; ++r) {
    for (const bool pin_key : {false, true}) {
      const std::string mis_dir = dir + "/mis-" + std::to_string(r) + (pin_key ? "-checked" : "");
      std::filesystem::create_directories(mis_dir);
      if (mis.pid) StopServer(mis.pid);
      servers.mis = 0;
      mis = StartMis(ORDO_MIS_BIN, mis_dir, mes, 0, pin_key);
      servers.mis = mis.pid;
      WaitForHead(mis, mes.head, 600);
      const double seconds = SecondsSince(mis.spawned);
      (pin_key ? checked_rates : rates).push_back(static_cast<double>(mes.head) / seconds);
      std::printf("  catch-up %d%s: %lld entries in %.2f s = %.0f entries/s\n", r + 1,
                  pin_key ? " (checkpoints checked)" : "", static_cast<long long>(mes.head),
                  seconds, static_cast<double>(mes.head) / seconds);
      std::fflush(stdout);
    }
  }
  std::printf("  catch-up (median of %d): %.0f ledger entries/s\n", c.repeats, Median(rates));
  std::printf(
      "  catch-up with the checkpoints checked (median of %d): %.0f ledger entries/s; "
      "checked / unchecked %.2f\n",
      c.repeats, Median(checked_rates), Median(checked_rates) / Median(rates));
  const double plain = StormPairs(c, mis, mes);
  std::printf("  operator p99 storm / idle (median of %d): %.2f (issue target <= 1.5)\n", c.repeats,
              plain);
  std::fflush(stdout);
  // The same with the MIS under `nice -n 19`: what is left is not CPU contention.
  StopServer(mis.pid);
  servers.mis = 0;
  std::filesystem::create_directories(dir + "/mis-nice");
  mis = StartMis(ORDO_MIS_BIN, dir + "/mis-nice", mes, 19);
  servers.mis = mis.pid;
  WaitForHead(mis, mes.head, 600);
  const double niced = StormPairs(c, mis, mes);
  std::printf("  operator p99 storm / idle, the MIS at nice 19 (median of %d): %.2f\n", c.repeats,
              niced);
}

}  // namespace
}  // namespace ordo::bench

int main(int argc, char** argv) {
  using namespace ordo::bench;
  const std::string dir = std::filesystem::temp_directory_path() /
                          ("ordo-mis-feed-bench-" + std::to_string(::getpid()));
  int rc = 0;
  try {
    const Config c = Parse(argc, argv);
    std::filesystem::remove_all(dir);
    Run(c, dir);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "MIS feed bench: %s\n", e.what());
    rc = 1;
  }
  std::filesystem::remove_all(dir);
  return rc;
}
