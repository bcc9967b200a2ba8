// ordo_dispatch_bench: the dispatch list computation of one work unit with a plant full of
// open operations (docs/PERFORMANCE.md, "Dispatch lists"). Not a test; run by `make bench`.
//
// Setup, not timed: a fresh demo data dir (`init --demo`), then through the engine as the
// demo supervisor N orders of PD-PCM500-20 imported and released (7 operations each, so
// 1 429 orders give 10 003 open operations, 1 429 of them dispensing, eligible for the
// booth). Timed: on a read-only connection with the row seal key installed (every row
// read is checked against its seal, as in the server), what GET
// /api/v1/work-units/WU-DISP-BOOTH1/dispatch does without HTTP: ComputeDispatchList (the
// unit and its work center in force, the open orders with work for its class and their
// operations in one seal-checked read, eligibility, the
// moves, Sequence) plus the JSON answer; and apart from it, the orders read the list
// makes (orders::OpenWorkForClass). `rounds` rounds of `calls` calls; per round the
// p50 and p99 of single calls; the medians over rounds are printed. Exit 0 only when
// every figure is positive and the list is as long as expected.
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "admin/data_dir_ops.h"
#include "cli/capabilities.h"
#include "core/clock.h"
#include "engine/engine.h"
#include "mes/access/users.h"
#include "mes/dispatch/store/dispatch_list.h"
#include "mes/orders/commands/order_commands.h"
#include "mes/orders/domain/import.h"
#include "mes/orders/orders.h"
#include "store/data_dir.h"
#include "store/row_seal.h"

namespace {

using namespace ordo;

template <typename T>
T Take(Result<T> r, const std::string& what) {
  if (!r.ok()) throw std::runtime_error(what + ": " + r.error().message);
  return std::move(*r);
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  const std::size_t i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

double Median(std::vector<double> v) { return Percentile(std::move(v), 0.5); }

// Imports and releases `orders` orders (priorities 1..9 and due dates spread over a
// year), in import chunks of at most kMaxImportRows.
void FillPlant(engine::Engine& engine, const engine::Actor& supervisor, int orders) {
  for (int first = 0; first < orders; first += 2000) {
    std::string csv = "order_id,product,quantity,unit,due_date,priority,customer_order\n";
    for (int i = first; i < std::min(orders, first + 2000); ++i) {
      char line[160];
      std::snprintf(line, sizeof line, "WO-B%05d,PD-PCM500-20,1500,ea,2099-%02d-%02d,%d,\n", i,
                    1 + i % 12, 1 + (i * 7) % 28, 1 + (i * 5) % 9);
      csv += line;
    }
    auto rows = Take(orders::ParseCsvOrders(csv), "parse orders");
    auto r = engine.SubmitAndWait(orders::ImportOrdersCommand(supervisor, std::move(rows)));
    if (!r.ok() || r->body.value("refused", 1) != 0)
      throw std::runtime_error("import: " + (r.ok() ? r->body.dump() : r.error().message));
  }
  // Releases submitted back to back (group commit), then waited for.
  std::mutex m;
  std::condition_variable cv;
  int pending = orders;
  std::string failure;
  for (int i = 0; i < orders; ++i) {
    char id[32];
    std::snprintf(id, sizeof id, "WO-B%05d", i);
    engine.Submit(orders::ReleaseOrderCommand(supervisor, id), [&](Result<engine::CommandReply> r) {
      std::lock_guard lock(m);
      if (!r.ok() && failure.empty()) failure = r.error().message;
      if (--pending == 0) cv.notify_all();
    });
  }
  std::unique_lock lock(m);
  cv.wait(lock, [&] { return pending == 0; });
  if (!failure.empty()) throw std::runtime_error("release: " + failure);
}

int Run(int orders, int rounds, int calls, const std::string& work) {
  cli::RegisterCapabilities();
  const std::string dir = work + "/dispatch-bench-" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  SystemClock clock;
  store::DataDir data{dir + "/data"};
  admin::InitOptions init;
  init.dir = data;
  init.site_name = "bench";
  init.admin_password = "bench-admin-password";
  init.demo = true;
  Take(admin::InitDataDir(init, clock), "init --demo");
  const auto setup_start = std::chrono::steady_clock::now();
  {
    std::int64_t supervisor_id = 0;
    {
      auto reader = Take(store::OpenStore(data, storage::OpenMode::kReadOnly), "open");
      auto user = Take(access::FindUserByName(*reader, "supervisor"), "find supervisor");
      if (!user) throw std::runtime_error("the demo site has no supervisor");
      supervisor_id = user->id;
    }
    engine::EngineOptions eo;
    eo.data_dir = data;
    eo.clock = &clock;
    auto engine = Take(engine::Engine::Start(eo), "engine");
    FillPlant(*engine, engine::Actor{supervisor_id, "supervisor", "supervisor"}, orders);
    engine->Stop();
  }
  const double setup_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - setup_start).count();

  auto db = Take(store::OpenStore(data, storage::OpenMode::kReadOnly), "open reader");
  auto seals = Take(store::ReadSealState(data), "read the seal file");
  if (!seals) throw std::runtime_error("init wrote no row seal file");
  store::InstallSealKey(db->path(), seals->key);
  const std::size_t open_ops = Take(orders::OpenOperations(*db), "open operations").size();
  const std::string unit = "WU-DISP-BOOTH1";
  std::size_t listed = 0, bytes = 0;
  std::vector<double> p50s, p99s, open_p50s;
  for (int round = 0; round < rounds; ++round) {
    std::vector<double> times, open_times;
    for (int i = 0; i < calls; ++i) {
      auto t0 = std::chrono::steady_clock::now();
      auto list = Take(dispatch::ComputeDispatchList(*db, unit, clock.NowMicros()), "list");
      std::string body = CanonicalJson(dispatch::ToJson(list));
      auto t1 = std::chrono::steady_clock::now();
      auto work = Take(orders::OpenWorkForClass(*db, list.unit.work_center_class), "open work");
      auto t2 = std::chrono::steady_clock::now();
      listed = 0;
      for (const auto& e : list.entries) listed += e.entry.candidate.order_id.rfind("WO-B", 0) == 0;
      bytes = body.size();
      if (work.empty()) throw std::runtime_error("no open work");
      times.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      open_times.push_back(std::chrono::duration<double, std::milli>(t2 - t1).count());
    }
    p50s.push_back(Percentile(times, 0.5));
    p99s.push_back(Percentile(times, 0.99));
    open_p50s.push_back(Percentile(open_times, 0.5));
  }
  store::RemoveSealKey(db->path());
  db.reset();
  std::filesystem::remove_all(dir);

  // The dispensing operation of each of the bench's orders (the demo's own open orders
  // may add entries; they are not counted).
  const std::size_t expected = static_cast<std::size_t>(orders);
  std::printf(
      "Dispatch list of %s, %zu open operations in the plant (%d orders released, "
      "setup %.1f s)\n",
      unit.c_str(), open_ops, orders, setup_s);
  std::printf("  list: %zu entries of the bench's orders, %zu bytes of JSON\n", listed, bytes);
  std::printf(
      "  compute + JSON, ms per call (median of %d rounds x %d calls): p50 %.2f  p99 "
      "%.2f\n",
      rounds, calls, Median(p50s), Median(p99s));
  std::printf(
      "  of which the orders read alone (orders::OpenWorkForClass, sealed rows), p50 %.2f ms\n",
      Median(open_p50s));
  return listed == expected && Median(p50s) > 0 && Median(p99s) > 0 ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  int orders = 1429, rounds = 5, calls = 40;
  std::string work = std::filesystem::temp_directory_path().string();
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--quick") {
      orders = 150;
      rounds = 1;
      calls = 5;
    } else if (a == "--orders") {
      orders = std::atoi(next().c_str());
    } else if (a == "--rounds") {
      rounds = std::atoi(next().c_str());
    } else if (a == "--calls") {
      calls = std::atoi(next().c_str());
    } else if (a == "--dir") {
      work = next();
    } else {
      std::printf(
          "usage: ordo_dispatch_bench [--quick] [--orders N (7 operations each; default "
          "1429)] [--rounds N] [--calls N] [--dir DIR]\n");
      return a == "--help" ? 0 : 2;
    }
  }
  if (orders < 1 || rounds < 1 || calls < 1) return 2;
  try {
    return Run(orders, rounds, calls, work);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ordo_dispatch_bench: %s\n", e.what());
    return 1;
  }
}
