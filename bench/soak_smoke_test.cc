// The soak at a small scale (ORDO-PERF-08): the same code that `make soak` runs (soak.h)
// with 20 work units x 5 tags at 1 Hz for 20 s, against a real mosquitto and the real
// server. Only what holds on any machine is asserted: every published sample is stored,
// nothing refused, the server alive, every operator command answered, and the figures of
// the summary measured. No timing is asserted.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "core/testing/verifies.h"
#include "soak.h"
#include "support/ordo.h"

namespace ordo::bench {
namespace {

// The smoke's sizes: 20 work units x 5 tags at 1 Hz for 20 s, in a scratch directory of
// its own per shape (ctest runs the tests of this file in parallel processes).
SoakOptions SmallSoak(SoakShape shape) {
  SoakOptions o;
  o.ordo_bin = ordo::testing::OrdoBinary();
  o.shape = shape;
  o.work_dir =
      (std::filesystem::temp_directory_path() /
       ((shape == SoakShape::kSparkplugDevices ? "ordo-soak-spb-test-" : "ordo-soak-test-") +
        std::to_string(::getpid())))
          .string();
  o.units = 20;
  o.tags = 5;
  o.seconds = 20;
  o.idle_seconds = 3;
  o.probe_ms = 200;
  o.drain_seconds = 120;
  o.verbose = false;
  return o;
}

// Runs the soak in its scratch directory, removed afterwards.
SoakResult RunSmallSoak(const SoakOptions& o) {
  std::filesystem::create_directories(o.work_dir);
  const SoakResult r = RunSoak(o);
  std::filesystem::remove_all(o.work_dir);
  return r;
}

TEST(SoakSmoke, EverySampleStoredNoRefusalServerAliveOperatorAnswered) {
  ORDO_VERIFIES("ORDO-PERF-08", "ORDO-PERF-12");
  const SoakOptions o = SmallSoak(SoakShape::kTagMessages);
  const SoakResult r = RunSmallSoak(o);
  const std::string summary = SoakSummary(o, r, 32);

  EXPECT_EQ(r.published, 20 * 5 * 20) << summary;
  EXPECT_EQ(r.samples, r.published) << summary;
  EXPECT_EQ(r.stored, r.samples) << summary;
  EXPECT_EQ(r.accepted, r.published) << summary;
  EXPECT_EQ(r.refused, 0) << summary;
  EXPECT_EQ(r.not_stored, 0) << summary;
  EXPECT_TRUE(r.server_alive) << summary;
  EXPECT_EQ(r.probe_errors, 0) << summary;
  EXPECT_GE(r.drained_after, 0) << summary;
  EXPECT_TRUE(r.InvariantsHold()) << summary;
  // The figures of the summary were measured (their values are not asserted).
  EXPECT_GT(r.idle_probes, 0);
  EXPECT_GT(r.soak_probes, 0);
  EXPECT_GT(r.rss_start_kib, 0);
  EXPECT_GE(r.rss_peak_kib, r.rss_start_kib);
  EXPECT_GT(r.rss_end_kib, 0);
  EXPECT_GT(r.idle_p99_ms, 0);
  EXPECT_GT(r.soak_p99_ms, 0);
  EXPECT_NE(summary.find("verdict:"), std::string::npos);
  // The floor phase is off unless asked for.
  EXPECT_EQ(r.floor_probes, 0);
  EXPECT_EQ(summary.find("floor_operator_command_ms"), std::string::npos) << summary;
}

// The same with the samples as a plant's Sparkplug edge nodes send them: one edge node
// for the 20 work units, each a device whose DDATA carries its 5 tags every second.
TEST(SoakSmoke, SparkplugDevicesEverySampleStoredNoRebirthServerAlive) {
  ORDO_VERIFIES("ORDO-PERF-08", "ORDO-PERF-12", "ORDO-PERF-13");
  SoakOptions o = SmallSoak(SoakShape::kSparkplugDevices);
  o.disk_probe_ms = 200;  // and the disk probe beside the operator's
  o.floor_seconds = 5;    // and the floor phase: 5 s of the stream to another subscriber
  const SoakResult r = RunSmallSoak(o);
  const std::string summary = SoakSummary(o, r, 32);

  EXPECT_EQ(r.published, 1 + 20 + 20 * 20) << summary;    // NBIRTH, DBIRTHs, DDATA
  EXPECT_EQ(r.samples, 20 * 5 + 20 * 5 * 20) << summary;  // births carry samples too
  EXPECT_EQ(r.stored, r.samples) << summary;
  // The NBIRTH is no work unit's: ignored. None of the floor's messages reached ordo, and
  // the floor's copy of the stream left ordo's seqs without a gap (no rebirth).
  EXPECT_EQ(r.accepted, 20 + 20 * 20) << summary;
  EXPECT_EQ(r.rebirths, 0) << summary;
  EXPECT_EQ(r.refused, 0) << summary;
  EXPECT_EQ(r.not_stored, 0) << summary;
  EXPECT_TRUE(r.server_alive) << summary;
  EXPECT_EQ(r.probe_errors, 0) << summary;
  EXPECT_GE(r.drained_after, 0) << summary;
  EXPECT_TRUE(r.InvariantsHold()) << summary;
  EXPECT_NE(summary.find("Sparkplug B: one DDATA per work unit"), std::string::npos) << summary;
  // The disk probe synced in both phases (its figures are not asserted).
  EXPECT_GT(r.disk_idle_syncs, 0) << summary;
  EXPECT_GT(r.disk_soak_syncs, 0) << summary;
  EXPECT_GT(r.disk_soak_p99_ms, 0) << summary;
  EXPECT_NE(summary.find("disk_sync_ms"), std::string::npos) << summary;
  // The floor: the stream's 20 DDATA a second for 5 s, all delivered to its subscriber,
  // while the operator's commands were timed (their figures are not asserted).
  EXPECT_EQ(r.floor_published, 20 * 5) << summary;
  EXPECT_EQ(r.floor_received, r.floor_published) << summary;
  EXPECT_GT(r.floor_probes, 0) << summary;
  EXPECT_GT(r.floor_p99_ms, 0) << summary;
  EXPECT_NE(summary.find("floor_operator_command_ms"), std::string::npos) << summary;
  EXPECT_NE(summary.find("soak_p99_over_floor_p99"), std::string::npos) << summary;
  EXPECT_GT(r.disk_floor_syncs, 0) << summary;  // the disk probe ran in the floor too
  EXPECT_NE(summary.find("floor_disk_sync_ms"), std::string::npos) << summary;
}

// The soak's checks (what `make soak` fails on), on given figures.
TEST(SoakChecks, FailWhenMemoryGrowsOrTheOperatorP99ExceedsOneAndAHalfTimesIdle) {
  ORDO_VERIFIES("ORDO-PERF-09", "ORDO-PERF-10", "ORDO-PERF-12", "ORDO-PERF-13");
  SoakOptions o;
  SoakResult r;
  r.published = r.samples = r.accepted = r.stored = 1000;
  r.server_alive = true;
  r.drained_after = 0.5;
  r.rss_start_kib = 40 * 1024;
  r.rss_peak_kib = r.rss_end_kib = 60 * 1024;
  r.idle_p50_ms = 2;
  r.idle_p99_ms = 10;
  r.soak_p99_ms = 15;
  std::string s = SoakSummary(o, r, 32);
  EXPECT_NE(s.find("verdict: pass"), std::string::npos) << s;
  EXPECT_NE(s.find("rss_mib: start 40.0, peak 60.0, end 60.0"), std::string::npos) << s;

  SoakResult grown = r;
  grown.rss_end_kib = 73 * 1024;  // 33 MiB over the start, margin 32
  s = SoakSummary(o, grown, 32);
  EXPECT_NE(s.find("check rss_end_minus_start <= 32 MiB: FAIL"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: FAIL"), std::string::npos) << s;

  SoakResult slow = r;
  slow.soak_p99_ms = 15.1;  // 1.51x idle
  s = SoakSummary(o, slow, 32);
  EXPECT_NE(s.find("check p99_ratio <= 1.5: FAIL"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: FAIL"), std::string::npos) << s;

  SoakResult stalled = r;      // the idle phase met a stall: its p99 says nothing of idle
  stalled.idle_p99_ms = 10.1;  // 5.05x its p50
  stalled.soak_p99_ms = 5;     // a ratio of 0.5, which would pass
  s = SoakSummary(o, stalled, 32);
  EXPECT_NE(s.find("check idle_p99 <= 5x idle_p50 (the idle phase was quiet): FAIL"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("check p99_ratio <= 1.5: pass"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: FAIL"), std::string::npos) << s;

  // The floor phase is reported, never a check: a soak p99 far above the floor's (ordo's
  // own share of the tail) changes no verdict, and neither does a floor above the soak's.
  SoakOptions with_floor = o;
  with_floor.floor_seconds = 60;
  SoakResult floor = r;
  floor.floor_probes = 600;
  floor.floor_p50_ms = 2;
  floor.floor_p99_ms = 5;  // the soak's p99 is 3x it
  floor.floor_published = floor.floor_received = 30000;
  s = SoakSummary(with_floor, floor, 32);
  EXPECT_NE(s.find("floor_operator_command_ms (the same stream for 60 s to a subscriber that is "
                   "not ordo, ordo idle): p50 2.00 p99 5.00 (600); p99 over idle 0.50; messages "
                   "published 30000, received 30000"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("soak_p99_over_floor_p99: 3.00"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: pass"), std::string::npos) << s;
  floor.floor_p99_ms = 30;  // the floor above the soak: still the soak's own check decides
  s = SoakSummary(with_floor, floor, 32);
  EXPECT_NE(s.find("soak_p99_over_floor_p99: 0.50"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: pass"), std::string::npos) << s;
  EXPECT_EQ(SoakSummary(o, floor, 32).find("floor_"), std::string::npos);  // off: not shown

  SoakResult lost = r;
  lost.stored = 999;
  s = SoakSummary(o, lost, 32);
  EXPECT_NE(s.find("check all_stored_no_refusals_alive: FAIL"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: FAIL"), std::string::npos) << s;

  SoakResult rebirth = r;  // a Sparkplug rebirth request: a message was lost or out of order
  rebirth.rebirths = 1;
  s = SoakSummary(o, rebirth, 32);
  EXPECT_NE(s.find("rebirths_requested: 1"), std::string::npos) << s;
  EXPECT_NE(s.find("check all_stored_no_refusals_alive: FAIL"), std::string::npos) << s;

  SoakResult behind = r;  // everything stored in the end, but not within the drain wait
  behind.drained_after = -1;
  s = SoakSummary(o, behind, 32);
  EXPECT_NE(s.find("drained_after_s: not within the drain wait"), std::string::npos) << s;
  EXPECT_NE(s.find("check all_stored_no_refusals_alive: FAIL"), std::string::npos) << s;
  EXPECT_NE(s.find("verdict: FAIL"), std::string::npos) << s;
}

}  // namespace
}  // namespace ordo::bench
