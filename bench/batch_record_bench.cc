// ordo_batch_record_bench: compile and export time of the batch record of an order with
// 50 operations (4 parameters, 1 characteristic, start, completion and second-person
// verification each) and 200 consumed lots, from facts generated in memory (the pure
// compile of src/mes/batchrecord/domain), then the same order read from a real store
// (batch_record_store_bench.h: gather, record view, the GET through the server) and the
// worklist read among 1,000 sealed records. Prints the median, min and max over the runs.
// `ordo_batch_record_bench [--operations N] [--lots N] [--sealed N] [--runs N] [--quick]
// [--no-store] [--ordo PATH] [--dir DIR] [--keep]`; docs/PERFORMANCE.md.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <vector>

#include "batch_record_store_bench.h"
#include "bench_util.h"
#include "mes/batchrecord/domain/html.h"
#include "mes/batchrecord/domain/review.h"

namespace {

using namespace ordo;
using namespace ordo::batchrecord;
using namespace ordo::bench;

constexpr std::int64_t kT0 = 1'764'500'000'000'000;

Facts Generate(int operations, int lots) {
  Facts f;
  f.order = Json{{"order_id", "WO-BENCH"},
                 {"product", "PD-BENCH"},
                 {"product_version", 1},
                 {"product_hash", std::string(64, 'a')},
                 {"routing", "RT-BENCH"},
                 {"routing_version", 1},
                 {"routing_hash", std::string(64, 'b')},
                 {"material", "FG-BENCH"},
                 {"quantity", 1000.0},
                 {"unit", "ea"},
                 {"base_quantity", 1000.0},
                 {"base_unit", "ea"},
                 {"created_us", kT0},
                 {"released_us", kT0}};
  f.yield_low = 95;
  f.yield_high = 105;
  std::int64_t seq = 0;
  auto add = [&](const std::string& type, Json payload, const std::string& kind = "order") {
    Entry e;
    e.seq = ++seq;
    e.time_us = kT0 + seq * 1'000'000;
    e.actor = "operator";
    e.type = type;
    e.subject_kind = kind;
    e.subject_id = "WO-BENCH";
    e.payload = std::move(payload);
    f.entries.push_back(std::move(e));
  };
  for (int i = 0; i < operations; ++i) {
    const std::string op = std::to_string((i + 1) * 10);
    const Json spec = BenchOperationSpec();
    f.operations.push_back(Json{{"operation", op},
                                {"name", "Step " + op},
                                {"position", i + 1},
                                {"operation_class", "c"},
                                {"work_unit", "WU-1"},
                                {"state", "verified"},
                                {"spec", spec},
                                {"start_qualifications", Json::array()}});
    f.equipment_at_start[op] = Json{{"work_unit", "WU-1"}, {"calibration_due", "2099-01-01"}};
    add("orders.operation_started",
        Json{{"order_id", "WO-BENCH"}, {"operation", op}, {"work_unit", "WU-1"}, {"user_id", 3}});
    add("execution.instructions_acknowledged", Json{{"order_id", "WO-BENCH"},
                                                    {"operation", op},
                                                    {"user", "operator"},
                                                    {"instruction_hash", std::string(64, 'c')},
                                                    {"routing_version", 1}});
    for (int p = 0; p < 4; ++p)
      add("execution.parameter_recorded", Json{{"order_id", "WO-BENCH"},
                                               {"operation", op},
                                               {"name", "p" + std::to_string(p)},
                                               {"unit", "C"},
                                               {"value", 50},
                                               {"low", 10},
                                               {"high", 90},
                                               {"in_limits", true}});
    add("execution.characteristic_recorded", Json{{"order_id", "WO-BENCH"},
                                                  {"operation", op},
                                                  {"name", "weight"},
                                                  {"values", Json::array({0.1})},
                                                  {"in_spec", true}});
    for (int l = 0; l < lots / operations + (i < lots % operations ? 1 : 0); ++l)
      add("lots.material_consumed",
          Json{{"order_id", "WO-BENCH"},
               {"operation", op},
               {"lot", "L-" + op + "-" + std::to_string(l)},
               {"material", "RM-1"},
               {"bom_material", "RM-1"},
               {"quantity", 1.5},
               {"unit", "kg"},
               {"base_quantity", 1.5},
               {"base_unit", "kg"},
               {"work_unit", "WU-1"}},
          "lot");
    add("orders.operation_completed",
        Json{{"order_id", "WO-BENCH"}, {"operation", op}, {"good", 1000.0}, {"unit", "ea"}});
    add("signature.applied", Json{{"signer", "supervisor"},
                                  {"printed_name", "Sam Supervisor"},
                                  {"meaning", "verified"},
                                  {"record_kind", "order_operation"},
                                  {"record_id", "WO-BENCH/" + op}});
    add("orders.operation_verified",
        Json{{"order_id", "WO-BENCH"}, {"operation", op}, {"verifier", "supervisor"}});
  }
  add("lots.lot_produced",
      Json{{"order_id", "WO-BENCH"},
           {"operation", "500"},
           {"lot", "FG-BENCH-1"},
           {"quantity", 1000.0},
           {"base_quantity", 1000.0}},
      "lot");
  add("orders.order_completed", Json{{"order_id", "WO-BENCH"}});
  return f;
}

void Report(const char* what, const std::vector<double>& ms) {
  std::printf("  %-28s median %8.2f ms   min %8.2f   max %8.2f\n", what, Median(ms), MinOf(ms),
              MaxOf(ms));
}

}  // namespace

#ifndef ORDO_BIN
#define ORDO_BIN "ordo"
#endif

int main(int argc, char** argv) {
  int operations = 50, lots = 200, runs = 30, sealed = 1000, store_runs = 15;
  bool store = true, keep = false;
  std::string ordo_bin = ORDO_BIN, dir = "/tmp";
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::atoi(argv[++i]) : 0; };
    if (a == "--operations")
      operations = next();
    else if (a == "--lots")
      lots = next();
    else if (a == "--runs")
      runs = next();
    else if (a == "--sealed")
      sealed = next();
    else if (a == "--quick") {
      runs = store_runs = 3;
      sealed = 60;  // more than the 50 the worklist once looked at
    } else if (a == "--no-store")
      store = false;
    else if (a == "--ordo" && i + 1 < argc)
      ordo_bin = argv[++i];
    else if (a == "--dir" && i + 1 < argc)
      dir = argv[++i];
    else if (a == "--keep")
      keep = true;
    else {
      std::fprintf(stderr,
                   "usage: ordo_batch_record_bench [--operations N] [--lots N] [--sealed N] "
                   "[--runs N] [--quick] [--no-store] [--ordo PATH] [--dir DIR] [--keep]\n");
      return 2;
    }
  }
  if (operations < 1 || lots < 0 || runs < 1 || sealed < 1) {
    std::fprintf(stderr, "operations and runs must be at least 1\n");
    return 2;
  }
  const Facts facts = Generate(operations, lots);
  std::vector<double> compile, json, html;
  std::size_t json_bytes = 0, html_bytes = 0;
  std::string hash;
  for (int r = 0; r < runs; ++r) {
    auto t0 = SteadyClock::now();
    Assessed a = Assess(facts);
    compile.push_back(SecondsSince(t0) * 1000);
    auto t1 = SteadyClock::now();
    Json view = View(a);
    std::string text = view.dump(2);
    json.push_back(SecondsSince(t1) * 1000);
    auto t2 = SteadyClock::now();
    std::string page = RenderHtml(view);
    html.push_back(SecondsSince(t2) * 1000);
    json_bytes = text.size();
    html_bytes = page.size();
    if (!hash.empty() && hash != a.compiled.content_hash) {
      std::fprintf(stderr, "the content hash changed between runs\n");
      return 1;
    }
    hash = a.compiled.content_hash;
    if (!a.missing.empty() || !a.open_exceptions.empty()) {
      std::fprintf(stderr, "the generated record is not complete and clean\n");
      return 1;
    }
  }
  std::printf("batch record: %d operations, %d consumed lots, %zu ledger facts, %d runs\n",
              operations, lots, facts.entries.size(), runs);
  Report("compile (Assess)", compile);
  Report("export JSON (View + dump)", json);
  Report("export HTML", html);
  std::printf("  JSON %zu bytes, HTML %zu bytes, content hash %s\n", json_bytes, html_bytes,
              hash.c_str());
  if (!store) return 0;

  // The same shape of order read from a real store, and the worklist among sealed records.
  StoreBenchOptions so;
  so.ordo_bin = ordo_bin;
  so.work_dir = dir;
  so.operations = operations;
  so.lots = lots;
  so.sealed = sealed;
  so.runs = std::min(runs, store_runs);
  so.keep = keep;
  StoreBenchFigures fig;
  try {
    fig = RunBatchRecordStoreBench(so);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "store benchmark failed: %s\n", e.what());
    return 1;
  }
  std::printf("batch record from the store: %zu ledger entries read, %d sealed records, %d runs\n",
              fig.entries, sealed, so.runs);
  Report("gather (GatherFacts)", fig.gather_ms);
  Report("record view (gather+compile)", fig.view_ms);
  Report("GET through the server", fig.get_ms);
  Report("worklist awaiting_review", fig.worklist_ms);
  std::printf("  GET %zu bytes; amended records on the worklist: %zu\n", fig.get_bytes,
              fig.worklist_items);
  if (fig.worklist_items != 1) {
    std::fprintf(stderr, "the worklist lists %zu amended records, expected the oldest one\n",
                 fig.worklist_items);
    return 1;
  }
  return 0;
}
