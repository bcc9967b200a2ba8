// The MQTT benchmark's smoke run (ORDO-PERF-06, ORDO-PERF-07, ORDO-PERF-11): the binary
// `make bench` runs, with `--quick` (200 messages, 20 more work units), against a real
// mosquitto and the real server. It exits 1 when any message is refused or lost or the
// board misses a unit; here every figure of its summary must be present and positive. No
// timing is asserted.
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>
#include <string>

#include "core/testing/verifies.h"
#include "support/process.h"

namespace ordo::bench {
namespace {

double Figure(const std::string& out, const std::string& pattern) {
  std::smatch m;
  if (!std::regex_search(out, m, std::regex(pattern))) return -1;
  return std::stod(m[1]);
}

TEST(MqttBenchSmoke, MeasuresSamplesStatesCountsAndTheBoardInOneRun) {
  ORDO_VERIFIES("ORDO-PERF-06", "ORDO-PERF-07", "ORDO-PERF-11");
  const std::string scratch =
      (std::filesystem::temp_directory_path() / "ordo-mqtt-bench-test").string();
  std::filesystem::create_directories(scratch);
  auto run = ordo::testing::Run({MQTT_BENCH_BIN, "--quick"}, scratch, std::chrono::seconds(240));
  std::filesystem::remove_all(scratch);
  ASSERT_TRUE(!run.timed_out && run.status.code == 0) << run.Describe();
  const std::string& out = run.out;
  EXPECT_GT(Figure(out, R"(bare batched SQLite insert[^:]*: (\d+) samples/s)"), 0) << out;
  EXPECT_GT(Figure(out, R"(MQTT tag samples into telemetry.sqlite, end to end: (\d+))"), 0) << out;
  EXPECT_GT(Figure(out, R"(ratio MQTT / bare: ([0-9.]+))"), 0) << out;
  EXPECT_GT(Figure(out, R"(MQTT states \+ counts into the ledger: (\d+))"), 0) << out;
  EXPECT_GT(Figure(out, R"(REST states \+ counts, one item per request: (\d+))"), 0) << out;
  EXPECT_GT(Figure(out, R"(ratio MQTT / REST: ([0-9.]+))"), 0) << out;
  const double demo_units = Figure(out, R"(demo plant, (\d+) work units on the board)");
  const double all_units = Figure(out, R"(\+ 20 work units, (\d+) on the board)");
  EXPECT_GT(demo_units, 0) << out;
  EXPECT_EQ(all_units, demo_units + 20) << out;
  EXPECT_GT(Figure(out, R"(\+ 20 work units, \d+ on the board: p50 ([0-9.]+) ms)"), 0) << out;
}

}  // namespace
}  // namespace ordo::bench
