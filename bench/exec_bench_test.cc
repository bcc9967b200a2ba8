// The execution benchmark's harness at a small scale (ORDO-PERF-01): the same code that
// `make bench` runs (exec_bench.h) against the real server, checked for what it must
// report, each figure of the requirement present and counted. No timing is asserted:
// the figures depend on the machine; only that they were measured.
#include "exec_bench.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <string>

#include "core/testing/verifies.h"
#include "support/ordo.h"

namespace ordo::bench {
namespace {

TEST(ExecBenchHarness, MeasuresEveryCommandAndTheLogbookFloorInOneRun) {
  ORDO_VERIFIES("ORDO-PERF-01");
  const std::string work = (std::filesystem::temp_directory_path() /
                            ("ordo-exec-bench-test-" + std::to_string(::getpid())))
                               .string();
  std::filesystem::create_directories(work);
  ExecBenchOptions o;
  o.ordo_bin = ordo::testing::OrdoBinary();
  o.work_dir = work;
  o.clients = 2;
  o.seconds = 1.5;
  o.orders_per_client = 1;
  const ExecRun run = RunExecBench(o);
  std::filesystem::remove_all(work);

  // Every cycle ran without a refused or failed request.
  EXPECT_EQ(run.errors, 0);
  EXPECT_EQ(run.cycles, 2) << "one order per client, each a whole cycle";
  EXPECT_GT(run.seconds, 0);
  EXPECT_GT(run.cycles_per_second(), 0);
  // The six commands of a cycle, each with a count and its p50 and p99.
  std::set<std::string> named;
  for (const auto& c : run.commands) {
    named.insert(c.command);
    EXPECT_GE(c.count, 2) << c.command;
    EXPECT_GT(c.p50_ms, 0) << c.command;
    EXPECT_GE(c.p99_ms, c.p50_ms) << c.command;
  }
  EXPECT_EQ(named, (std::set<std::string>{"start", "acknowledge", "parameter", "consume",
                                          "characteristic", "complete"}));
  EXPECT_GE(run.requests, 12);
  // The floor, measured on the same server by the same clients.
  EXPECT_GT(run.logbook_writes, 0);
  EXPECT_GT(run.logbook_per_second(), 0);
  EXPECT_GT(run.logbook_p50_ms, 0);
}

}  // namespace
}  // namespace ordo::bench
