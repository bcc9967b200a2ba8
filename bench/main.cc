// ordo_bench: the performance benchmark behind docs/PERFORMANCE.md. In one run it
// measures durable hash-chained logbook entries per second through the engine (group
// commit) against two plain-SQLite baselines on the same schema, then the real server
// over HTTP (writes/s, p50/p99 latency, peak RSS), and master data: the change control
// write path through the engine and the master data reads, each against a logbook
// baseline in the same run. Storage runs are interleaved and repeated; medians are
// reported. `ordo_bench --help` lists the knobs; `--quick` is the
// few-second smoke mode used by ctest. Exit status 0 only if every figure is positive.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <stdexcept>
#include <string>
#include <thread>

#include "cli/capabilities.h"
#include "core/crypto.h"
#include "exec_bench.h"
#include "http_bench.h"
#include "masterdata_bench.h"
#include "signing_bench.h"
#include "storage_bench.h"

#ifndef ORDO_BIN
#define ORDO_BIN "ordo"
#endif

namespace {

using namespace ordo::bench;

struct Config {
  int runs = 5;
  int submitters = 32;
  int engine_entries = 8000;
  int a_entries = 1000;
  int b_entries = 20000;
  int batch = 1000;
  bool closed_loop = true;  // also measure the engine with one command in flight per submitter
  bool diagnostics = true;  // also (b) with a SAVEPOINT per row, temp_store FILE and MEMORY
  bool masterdata = true;
  int md_calls = 200;  // calls per read per round
  bool http = true;
  int http_runs = 3;
  int clients = 32;
  double http_seconds = 10;
  bool exec = true;      // execution through the HTTP API (exec_bench.h), http_runs runs
  int exec_orders = 10;  // per client, created and released up front
  bool signing = true;
  int signing_rounds = 5;  // per server; one server per HTTP run
  std::string ordo_bin = ORDO_BIN;
  std::string dir;
  bool keep = false;
};

void Usage() {
  std::printf(
      "usage: ordo_bench [--quick] [--runs N] [--submitters N] [--engine-entries N]\n"
      "                  [--a-entries N] [--b-entries N] [--batch N] [--no-closed-loop]\n"
      "                  [--no-diagnostics] [--no-masterdata] [--md-calls N]\n"
      "                  [--no-http] [--http-runs N] [--http-seconds S] [--clients N]\n"
      "                  [--no-signing] [--signing-rounds N] [--no-exec] [--exec-orders N]\n"
      "                  [--ordo PATH] [--dir DIR] [--keep]\n"
      "environment: ORDO_BENCH_QUICK=1, ORDO_BENCH_RUNS, ORDO_BENCH_HTTP_SECONDS,\n"
      "             ORDO_BENCH_HTTP_RUNS, ORDO_BENCH_DIR (flags win)\n"
      "DIR (default: a 'work' folder beside this executable) must be on the disk under test.\n");
}

void ApplyQuick(Config& c) {
  c.runs = 1;
  c.engine_entries = 640;
  c.a_entries = 100;
  c.b_entries = 2000;
  c.http_runs = 1;
  c.clients = 8;
  c.http_seconds = 2;
  c.md_calls = 20;
  c.signing_rounds = 1;
  c.exec_orders = 3;
}

Config Parse(int argc, char** argv) {
  Config c;
  auto env = [](const char* name) -> const char* { return std::getenv(name); };
  if (const char* q = env("ORDO_BENCH_QUICK"); q && std::string(q) == "1") ApplyQuick(c);
  for (int i = 1; i < argc; ++i)
    if (std::string(argv[i]) == "--quick") ApplyQuick(c);
  if (const char* v = env("ORDO_BENCH_RUNS")) c.runs = std::atoi(v);
  if (const char* v = env("ORDO_BENCH_HTTP_SECONDS")) c.http_seconds = std::atof(v);
  if (const char* v = env("ORDO_BENCH_HTTP_RUNS")) c.http_runs = std::atoi(v);
  if (const char* v = env("ORDO_BENCH_DIR")) c.dir = v;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) throw std::invalid_argument(a + " needs a value");
      return argv[++i];
    };
    if (a == "--quick")
      continue;
    else if (a == "--runs")
      c.runs = std::stoi(next());
    else if (a == "--submitters")
      c.submitters = std::stoi(next());
    else if (a == "--engine-entries")
      c.engine_entries = std::stoi(next());
    else if (a == "--a-entries")
      c.a_entries = std::stoi(next());
    else if (a == "--b-entries")
      c.b_entries = std::stoi(next());
    else if (a == "--batch")
      c.batch = std::stoi(next());
    else if (a == "--no-closed-loop")
      c.closed_loop = false;
    else if (a == "--no-diagnostics")
      c.diagnostics = false;
    else if (a == "--no-masterdata")
      c.masterdata = false;
    else if (a == "--md-calls")
      c.md_calls = std::stoi(next());
    else if (a == "--no-http")
      c.http = false;
    else if (a == "--http-runs")
      c.http_runs = std::stoi(next());
    else if (a == "--http-seconds")
      c.http_seconds = std::stod(next());
    else if (a == "--no-exec")
      c.exec = false;
    else if (a == "--exec-orders")
      c.exec_orders = std::stoi(next());
    else if (a == "--no-signing")
      c.signing = false;
    else if (a == "--signing-rounds")
      c.signing_rounds = std::stoi(next());
    else if (a == "--clients")
      c.clients = std::stoi(next());
    else if (a == "--ordo")
      c.ordo_bin = next();
    else if (a == "--dir")
      c.dir = next();
    else if (a == "--keep")
      c.keep = true;
    else if (a == "--help" || a == "-h") {
      Usage();
      std::exit(0);
    } else
      throw std::invalid_argument("unknown option " + a);
  }
  if (c.runs < 1 || c.http_runs < 1 || c.http_seconds <= 0 || c.md_calls < 1 ||
      c.signing_rounds < 1 || c.exec_orders < 1)
    throw std::invalid_argument("runs and durations must be positive");
  if (c.dir.empty())
    c.dir = (std::filesystem::canonical("/proc/self/exe").parent_path() / "work").string();
  return c;
}

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) return line.substr(line.find(':') + 2);
  return "unknown";
}

struct Series {
  std::string label;
  std::vector<StorageRun> runs;
  std::vector<double> rates() const {
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(r.rate());
    return v;
  }
  double median() const { return Median(rates()); }
  double group() const {
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(r.group());
    return Median(v);
  }
};

void PrintSeries(const Series& s) {
  auto rates = s.rates();
  std::printf("  %-50s %11.0f   [%8.0f .. %8.0f]   %7.1f\n", s.label.c_str(), Median(rates),
              MinOf(rates), MaxOf(rates), s.group());
}

void PrintRange(const char* label, const std::vector<double>& v, const char* format,
                const std::string& extra = "") {
  char cells[160];
  std::snprintf(cells, sizeof cells, format, Median(v), MinOf(v), MaxOf(v));
  std::printf("  %-50s %s%s\n", label, cells, extra.c_str());
}

// Prints the master data section; true when every figure is positive.
// The signing section: per server run, the median ms per call and the ratios to the two
// baselines of the same run (the durable ledger append, whose fsync makes it the noisier
// one, and the unsigned read); then the median over runs.
bool PrintSigning(const Config& c, const std::vector<SigningRun>& runs) {
  std::printf(
      "\nsigning over HTTP: real `ordo serve`, one client at a time, %d interleaved rounds per "
      "server (median of the rounds' medians, ms per call; ratios to the same run's "
      "baselines):\n",
      c.signing_rounds);
  std::vector<double> append, read, sign_in, approve, sign_in_a, approve_a, sign_in_r, approve_r;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const SigningRun& s = runs[i];
    const double a = s.append_ms > 0 ? s.append_ms : 1, r = s.read_ms > 0 ? s.read_ms : 1;
    std::printf(
        "  run %zu: append %.2f, read %.2f, sign-in %.2f (%.0fx append, %.0fx read), signed "
        "approve %.2f (%.0fx append, %.0fx read)\n",
        i + 1, s.append_ms, s.read_ms, s.sign_in_ms, s.sign_in_ms / a, s.sign_in_ms / r,
        s.approve_ms, s.approve_ms / a, s.approve_ms / r);
    append.push_back(s.append_ms);
    read.push_back(s.read_ms);
    sign_in.push_back(s.sign_in_ms);
    approve.push_back(s.approve_ms);
    sign_in_a.push_back(s.sign_in_ms / a);
    approve_a.push_back(s.approve_ms / a);
    sign_in_r.push_back(s.sign_in_ms / r);
    approve_r.push_back(s.approve_ms / r);
  }
  auto row = [](const char* label, const std::vector<double>& ms) {
    std::printf("  %-50s %8.2f ms   [%.2f .. %.2f]\n", label, Median(ms), MinOf(ms), MaxOf(ms));
  };
  auto ratio = [](const char* label, const std::vector<double>& x) {
    std::printf("  %-50s %8.0fx     [%.0f .. %.0f]\n", label, Median(x), MinOf(x), MaxOf(x));
  };
  std::printf("  median of %zu server run(s), [min .. max]:\n", runs.size());
  row("baseline: POST /api/v1/logbook (durable append)", append);
  row("baseline: GET /api/v1/change-requests/{id}", read);
  row("sign-in: POST /api/v1/session", sign_in);
  row("signed approve: POST .../approve (user+password)", approve);
  ratio("sign-in / append", sign_in_a);
  ratio("sign-in / read", sign_in_r);
  ratio("signed approve / append", approve_a);
  ratio("signed approve / read", approve_r);
  return Median(append) > 0 && Median(read) > 0 && Median(sign_in) > 0 && Median(approve) > 0;
}

bool PrintMasterdata(const Config& c, const std::vector<ChangeControlRun>& writes,
                     const MasterdataReadResult& reads) {
  std::vector<double> apply, submit, approve, drafts_s, logbook_s, ratio, commits, drafts;
  for (const auto& w : writes) {
    apply.push_back(w.apply_seconds * 1e3);
    submit.push_back(w.submit_seconds * 1e3);
    approve.push_back(w.approve_seconds * 1e3);
    drafts_s.push_back(w.drafts_per_second());
    logbook_s.push_back(w.logbook_per_second());
    ratio.push_back(w.logbook_per_second() > 0 ? w.drafts_per_second() / w.logbook_per_second()
                                               : 0);
    commits.push_back(static_cast<double>(w.logbook_commits));
    drafts.push_back(static_cast<double>(w.drafts));
  }
  const long n_drafts = static_cast<long>(Median(drafts));
  std::printf(
      "\nmaster data change control: in-process through the engine, each run on a fresh "
      "data dir\n(demo plant applied to a site without it; median of %d, [min .. max]):\n",
      c.runs);
  std::printf("  %-50s %11s   %22s\n", "measurement", "ms", "range");
  const std::string apply_label =
      "ApplyPlant: " + std::to_string(n_drafts) + " drafts + opened, 1 txn";
  PrintRange(apply_label.c_str(), apply, "%11.2f   [%8.2f .. %8.2f]");
  PrintRange("SubmitChangeRequest (authored signature)", submit, "%11.2f   [%8.2f .. %8.2f]");
  PrintRange("SignChangeRequest approved (effective at once)", approve,
             "%11.2f   [%8.2f .. %8.2f]");
  std::printf("  %-50s %11s   %22s\n", "", "per s", "range");
  PrintRange("drafts/s through ApplyPlant", drafts_s, "%11.0f   [%8.0f .. %8.0f]");
  const std::string logbook_label =
      "baseline: " + std::to_string(n_drafts) + " logbook entries as one group";
  char commit_note[64];
  std::snprintf(commit_note, sizeof commit_note, "   (%.0f commit(s))", Median(commits));
  PrintRange(logbook_label.c_str(), logbook_s, "%11.0f   [%8.0f .. %8.0f]", commit_note);
  PrintRange("ratio drafts/s / logbook entries/s, per run", ratio, "%11.2fx  [%7.2fx .. %7.2fx]");

  std::vector<double> object, cr, exp, logbook;
  for (const auto& r : reads.rounds) {
    object.push_back(r.object_view_us);
    cr.push_back(r.cr_view_us);
    exp.push_back(r.export_us);
    logbook.push_back(r.logbook_us);
  }
  std::printf(
      "\nmaster data reads: one read-only connection to a demo data dir, %d calls per read "
      "per round\n(median per call, median of %d rounds, [min .. max]; ratio against the "
      "baseline's median):\n",
      c.md_calls, c.runs);
  std::printf("  %-50s %11s   %22s   %9s   %8s\n", "measurement", "us/call", "range", "calls/s",
              "x base");
  const double base = Median(logbook);
  auto row = [&](const std::string& label, const std::vector<double>& v) {
    char extra[64];
    std::snprintf(extra, sizeof extra, "   %9.0f   %7.1fx", Median(v) > 0 ? 1e6 / Median(v) : 0,
                  base > 0 ? Median(v) / base : 0);
    PrintRange(label.c_str(), v, "%11.1f   [%8.1f .. %8.1f]", extra);
  };
  row("baseline: ListLogbook(limit 100)", logbook);
  row("ObjectView RT-PCM500-FCT, " + std::to_string(reads.signatures) + " sigs re-checked", object);
  row("ChangeRequestView(full) CR-000001, " + std::to_string(reads.cr_items) + " items", cr);
  row("AllInForce + ExportFiles, " + std::to_string(reads.exported_files) + " files", exp);

  std::vector<double> user_unchecked, user_checked, exp_checked, audit_rows;
  for (const auto& r : reads.rounds) {
    user_unchecked.push_back(r.user_unchecked_us);
    user_checked.push_back(r.user_checked_us);
    exp_checked.push_back(r.export_checked_us);
    audit_rows.push_back(r.audit_rows_ms);
  }
  std::printf(
      "\nrow seals (docs/decisions/0006): the same reads without and with the seal check, "
      "same rounds\n(median per call, median of %d rounds, [min .. max]):\n",
      c.runs);
  std::printf("  %-50s %11s   %22s\n", "measurement", "us/call", "range");
  PrintRange("FindUserById, unchecked", user_unchecked, "%11.1f   [%8.1f .. %8.1f]");
  PrintRange("FindUserById, seal checked", user_checked, "%11.1f   [%8.1f .. %8.1f]");
  PrintRange("AllInForce + ExportFiles, every version checked", exp_checked,
             "%11.1f   [%8.1f .. %8.1f]");
  std::printf("  %-50s %11.2fx  (check: +%.1f us per user)\n",
              "ratio FindUserById checked/unchecked",
              Median(user_unchecked) > 0 ? Median(user_checked) / Median(user_unchecked) : 0,
              Median(user_checked) - Median(user_unchecked));
  std::printf("  %-50s %11.2fx\n", "ratio export checked/unchecked",
              Median(exp) > 0 ? Median(exp_checked) / Median(exp) : 0);
  const std::string audit_label =
      "audit scan: all " + std::to_string(reads.guarded_rows) + " guarded rows (ms)";
  PrintRange(audit_label.c_str(), audit_rows, "%11.2f   [%8.2f .. %8.2f]");

  bool positive = !writes.empty() && !reads.rounds.empty();
  for (const auto* v :
       {&apply, &submit, &approve, &drafts_s, &logbook_s, &ratio, &object, &cr, &exp, &logbook})
    positive = positive && Median(*v) > 0 && MinOf(*v) > 0;
  return positive;
}

}  // namespace

// The execution figures: medians over the runs of cycles/s and requests/s, each
// command's p50 and p99, and the same run's logbook write (the engine's floor) with the
// ratios. True when every figure is positive.
bool PrintExec(const Config& c, const std::vector<ExecRun>& runs) {
  std::vector<double> cycles, requests, floor, floor_p50, floor_p99, ratio;
  std::int64_t errors = 0;
  for (const auto& e : runs) {
    cycles.push_back(e.cycles_per_second());
    requests.push_back(e.requests_per_second());
    floor.push_back(e.logbook_per_second());
    floor_p50.push_back(e.logbook_p50_ms);
    floor_p99.push_back(e.logbook_p99_ms);
    ratio.push_back(e.logbook_per_second() > 0 ? e.requests_per_second() / e.logbook_per_second()
                                               : 0);
    errors += e.errors;
  }
  std::printf(
      "\nExecution through the HTTP API: %d operator clients, each on its own work unit, "
      "cycles of start, acknowledge, parameter, consume, characteristic, complete on its own "
      "released orders (%d each) for up to %.0f s; then the same clients write logbook "
      "entries on the same server for %.0f s (median of %d, [min .. max]):\n",
      c.clients, c.exec_orders, c.http_seconds, c.http_seconds, c.http_runs);
  std::printf("  cycles/s                  %9.1f   [%.1f .. %.1f]\n", Median(cycles), MinOf(cycles),
              MaxOf(cycles));
  std::printf("  execution requests/s      %9.0f   [%.0f .. %.0f]\n", Median(requests),
              MinOf(requests), MaxOf(requests));
  std::printf("  logbook writes/s (floor)  %9.0f   [%.0f .. %.0f]\n", Median(floor), MinOf(floor),
              MaxOf(floor));
  std::printf("  requests/s / floor        %9.2f   [%.2f .. %.2f]\n", Median(ratio), MinOf(ratio),
              MaxOf(ratio));
  std::printf("  %-16s %9s %9s %9s %9s\n", "command", "p50 ms", "p99 ms", "p50/floor", "p99/floor");
  bool positive = Median(cycles) > 0 && Median(floor) > 0;
  const std::size_t commands = runs.empty() ? 0 : runs.front().commands.size();
  for (std::size_t k = 0; k < commands; ++k) {
    std::vector<double> p50, p99, r50, r99;
    for (const auto& e : runs) {
      p50.push_back(e.commands[k].p50_ms);
      p99.push_back(e.commands[k].p99_ms);
      r50.push_back(e.logbook_p50_ms > 0 ? e.commands[k].p50_ms / e.logbook_p50_ms : 0);
      r99.push_back(e.logbook_p99_ms > 0 ? e.commands[k].p99_ms / e.logbook_p99_ms : 0);
    }
    std::printf("  %-16s %9.2f %9.2f %9.2f %9.2f\n", runs.front().commands[k].command.c_str(),
                Median(p50), Median(p99), Median(r50), Median(r99));
    positive = positive && Median(p50) > 0;
  }
  std::printf("  %-16s %9.2f %9.2f %9.2f %9.2f\n", "logbook (floor)", Median(floor_p50),
              Median(floor_p99), 1.0, 1.0);
  std::printf("  errors                    %9lld\n", static_cast<long long>(errors));
  return positive && errors == 0;
}

int main(int argc, char** argv) {
  Config c;
  try {
    c = Parse(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ordo_bench: %s\n", e.what());
    Usage();
    return 2;
  }
  if (!ordo::InitCrypto()) return 2;
  ordo::cli::RegisterCapabilities();
  std::filesystem::create_directories(c.dir);
  std::printf("ordo benchmark: %u cpus (%s), work dir %s\n", std::thread::hardware_concurrency(),
              CpuModel().c_str(), c.dir.c_str());
  std::printf(
      "storage: %d interleaved runs; engine %d entries from %d submitters, (a) %d, "
      "(b) %d in txns of %d\n\n",
      c.runs, c.engine_entries, c.submitters, c.a_entries, c.b_entries, c.batch);
  std::fflush(stdout);

  Series engine{"engine: " + std::to_string(c.submitters) + " submitters, group commit", {}};
  Series closed{"engine: " + std::to_string(c.submitters) + " submitters, 1 in flight each", {}};
  Series a{"(a) SQLite, 1 txn per entry, hash inline", {}};
  Series b{"(b) SQLite, " + std::to_string(c.batch) + " rows/txn, pre-hashed", {}};
  Series b_sp{"(b) + SAVEPOINT per row (temp_store=FILE, default)", {}};
  Series b_spm{"(b) + SAVEPOINT per row, temp_store=MEMORY", {}};
  try {
    for (int r = 0; r < c.runs; ++r) {
      engine.runs.push_back(RunEngineBench({c.dir, c.submitters, c.engine_entries, false, c.keep}));
      a.runs.push_back(RunPerEntryTxnBench({c.dir, c.a_entries, 1, c.keep}));
      b.runs.push_back(RunBatchedInsertBench({c.dir, c.b_entries, c.batch, c.keep}));
      if (c.closed_loop)
        closed.runs.push_back(
            RunEngineBench({c.dir, c.submitters, c.engine_entries, true, c.keep}));
      if (c.diagnostics) {
        b_sp.runs.push_back(
            RunBatchedInsertBench({c.dir, c.b_entries, c.batch, c.keep, true, false}));
        b_spm.runs.push_back(
            RunBatchedInsertBench({c.dir, c.b_entries, c.batch, c.keep, true, true}));
      }
      std::fprintf(stderr, "run %d/%d: engine %.0f/s (group %.1f), (a) %.0f/s, (b) %.0f/s%s\n",
                   r + 1, c.runs, engine.runs.back().rate(), engine.runs.back().group(),
                   a.runs.back().rate(), b.runs.back().rate(),
                   c.closed_loop
                       ? (", 1-in-flight " +
                          std::to_string(static_cast<long>(closed.runs.back().rate())) + "/s")
                             .c_str()
                       : "");
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "ordo_bench: storage benchmark failed: %s\n", e.what());
    return 1;
  }

  std::vector<ChangeControlRun> md_writes;
  MasterdataReadResult md_reads;
  if (c.masterdata) {
    try {
      for (int r = 0; r < c.runs; ++r) {
        md_writes.push_back(RunChangeControlBench(c.dir, c.keep));
        const ChangeControlRun& w = md_writes.back();
        std::fprintf(stderr,
                     "master data run %d/%d: apply %.1f ms (%lld drafts), submit %.1f ms, "
                     "approve %.1f ms, %lld logbook entries %.1f ms\n",
                     r + 1, c.runs, w.apply_seconds * 1e3, static_cast<long long>(w.drafts),
                     w.submit_seconds * 1e3, w.approve_seconds * 1e3,
                     static_cast<long long>(w.logbook_entries), w.logbook_seconds * 1e3);
      }
      md_reads = RunMasterdataReadBench(c.dir, c.runs, c.md_calls, c.keep);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ordo_bench: master data benchmark failed: %s\n", e.what());
      return 1;
    }
  }

  std::vector<HttpRun> http_runs;
  if (c.http) {
    try {
      for (int r = 0; r < c.http_runs; ++r) {
        http_runs.push_back(RunHttpBench({c.ordo_bin, c.dir, c.clients, c.http_seconds, c.keep}));
        const HttpRun& h = http_runs.back();
        std::fprintf(stderr,
                     "http run %d/%d: %.0f writes/s, p50 %.2f ms, p99 %.2f ms, "
                     "VmHWM %lld KiB (sign-in of %d clients %.1f s)\n",
                     r + 1, c.http_runs, h.rate(), h.p50_ms, h.p99_ms,
                     static_cast<long long>(h.vm_hwm_kib), c.clients, h.login_seconds);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ordo_bench: HTTP benchmark failed: %s\n", e.what());
      return 1;
    }
  }

  std::vector<ExecRun> exec_runs;
  if (c.exec) {
    try {
      for (int r = 0; r < c.http_runs; ++r) {
        exec_runs.push_back(
            RunExecBench({c.ordo_bin, c.dir, c.clients, c.http_seconds, c.exec_orders, c.keep}));
        const ExecRun& e = exec_runs.back();
        std::fprintf(stderr,
                     "execution run %d/%d: %.1f cycles/s (%.0f requests/s), logbook %.0f "
                     "writes/s in the same run (setup %.1f s)\n",
                     r + 1, c.http_runs, e.cycles_per_second(), e.requests_per_second(),
                     e.logbook_per_second(), e.setup_seconds);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ordo_bench: execution benchmark failed: %s\n", e.what());
      return 1;
    }
  }

  std::vector<SigningRun> signing_runs;
  if (c.signing) {
    try {
      const bool quick = c.signing_rounds == 1 && c.http_runs == 1;
      for (int r = 0; r < c.http_runs; ++r) {
        SigningBenchOptions so;
        so.ordo_bin = c.ordo_bin;
        so.work_dir = c.dir;
        so.rounds = c.signing_rounds;
        so.keep = c.keep;
        if (quick) so.appends = so.reads = 5, so.sign_ins = so.approvals = 2;
        signing_runs.push_back(RunSigningBench(so));
        const SigningRun& s = signing_runs.back();
        std::fprintf(stderr,
                     "signing run %d/%d: append %.2f ms, read %.2f ms, sign-in %.2f ms, signed "
                     "approve %.2f ms\n",
                     r + 1, c.http_runs, s.append_ms, s.read_ms, s.sign_in_ms, s.approve_ms);
      }
    } catch (const std::exception& e) {
      std::fprintf(stderr, "ordo_bench: signing benchmark failed: %s\n", e.what());
      return 1;
    }
  }

  std::printf("durable hash-chained entries per second (median of %d, [min .. max]):\n", c.runs);
  std::printf("  %-50s %11s   %22s   %7s\n", "measurement", "entries/s", "range", "per txn");
  PrintSeries(engine);
  if (c.closed_loop) PrintSeries(closed);
  PrintSeries(a);
  PrintSeries(b);
  if (c.diagnostics) {
    std::printf(
        "  diagnostics (what a SAVEPOINT per command would cost; the engine takes one only when\n  "
        "re-running a group after a failed write):\n");
    PrintSeries(b_sp);
    PrintSeries(b_spm);
  }
  const double ratio_a = a.median() > 0 ? engine.median() / a.median() : 0;
  const double ratio_b = b.median() > 0 ? engine.median() / b.median() : 0;
  std::printf("\nratios (medians):\n");
  std::printf("  engine / (a) = %6.2fx   target >= 10x   %s\n", ratio_a,
              ratio_a >= 10 ? "met" : "NOT met");
  std::printf("  engine / (b) = %6.2fx   target >= 0.5x  %s\n", ratio_b,
              ratio_b >= 0.5 ? "met" : "NOT met");

  bool positive = engine.median() > 0 && a.median() > 0 && b.median() > 0 &&
                  (!c.closed_loop || closed.median() > 0) &&
                  (!c.diagnostics || (b_sp.median() > 0 && b_spm.median() > 0));
  if (c.masterdata) positive = PrintMasterdata(c, md_writes, md_reads) && positive;
  if (c.http) {
    std::vector<double> rate, p50, p99, hwm, rss;
    std::int64_t errors = 0;
    for (const auto& h : http_runs) {
      rate.push_back(h.rate());
      p50.push_back(h.p50_ms);
      p99.push_back(h.p99_ms);
      hwm.push_back(static_cast<double>(h.vm_hwm_kib) / 1024.0);
      rss.push_back(static_cast<double>(h.vm_rss_kib) / 1024.0);
      errors += h.errors;
    }
    std::printf(
        "\nHTTP: real `ordo serve`, %d keep-alive clients signed in as operator, "
        "POST /api/v1/logbook for %.0f s (median of %d, [min .. max]):\n",
        c.clients, c.http_seconds, c.http_runs);
    std::printf("  writes/s           %9.0f   [%.0f .. %.0f]\n", Median(rate), MinOf(rate),
                MaxOf(rate));
    std::printf("  latency p50 (ms)   %9.2f   [%.2f .. %.2f]\n", Median(p50), MinOf(p50),
                MaxOf(p50));
    std::printf("  latency p99 (ms)   %9.2f   [%.2f .. %.2f]\n", Median(p99), MinOf(p99),
                MaxOf(p99));
    std::printf("  server VmHWM (MiB) %9.1f   [%.1f .. %.1f]\n", Median(hwm), MinOf(hwm),
                MaxOf(hwm));
    std::printf("  server VmRSS at end (MiB) %2.1f\n", Median(rss));
    std::printf("  errors             %9lld\n", static_cast<long long>(errors));
    positive =
        positive && Median(rate) > 0 && Median(p50) > 0 && Median(p99) > 0 && Median(hwm) > 0;
  }
  if (c.exec) positive = PrintExec(c, exec_runs) && positive;
  if (c.signing) positive = PrintSigning(c, signing_runs) && positive;
  if (!positive) {
    std::fprintf(stderr, "ordo_bench: some figure is not positive\n");
    return 1;
  }
  return 0;
}
