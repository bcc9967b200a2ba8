// ordo_soak: the MQTT soak of issue 12 (make soak; docs/PERFORMANCE.md). Sizes from the
// environment: ORDO_SOAK_UNITS (500), ORDO_SOAK_TAGS (20), ORDO_SOAK_SECONDS (600),
// ORDO_SOAK_IDLE_SECONDS (30), ORDO_SOAK_PROBE_MS (100), ORDO_SOAK_DRAIN_SECONDS (60),
// ORDO_SOAK_RSS_MARGIN_MIB (32), ORDO_SOAK_SUMMARY (a file for the summary),
// ORDO_SOAK_PROBE_LOG (a file for each operator command's wall time and latency),
// ORDO_SOAK_SHAPE (`sparkplug`, the default: one Sparkplug DDATA per work unit a second
// with all its tags; `tag-messages`: one JSON message per sample), ORDO_SOAK_DISK_PROBE_MS
// (0, off: a 4 KiB write and its fdatasync beside the data every N ms, timed; the disk's
// own sync latency idle and under the soak, reported, never a check),
// ORDO_SOAK_FLOOR_SECONDS (60; 0: off: the floor phase, SoakOptions::floor_seconds, the
// operator's latency while the same stream goes to a consumer that is not ordo, reported
// beside the soak's, never a check). Exit 0 when
// every check passes (all stored, no refusal, server alive; resident memory at the end
// within the margin of the start; operator command p99 within 1.5x of idle), else 1.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "cli/capabilities.h"
#include "core/crypto.h"
#include "soak.h"

namespace {
double Env(const char* name, double fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atof(v) : fallback;
}
}  // namespace

int main() {
  using namespace ordo::bench;
  ordo::InitCrypto();
  ordo::cli::RegisterCapabilities();
  SoakOptions o;
  o.ordo_bin = ORDO_BIN;
  o.units = static_cast<int>(Env("ORDO_SOAK_UNITS", 500));
  o.tags = static_cast<int>(Env("ORDO_SOAK_TAGS", 20));
  o.seconds = Env("ORDO_SOAK_SECONDS", 600);
  o.idle_seconds = Env("ORDO_SOAK_IDLE_SECONDS", 30);
  o.probe_ms = static_cast<int>(Env("ORDO_SOAK_PROBE_MS", 100));
  o.drain_seconds = Env("ORDO_SOAK_DRAIN_SECONDS", 60);
  o.broker_inflight = static_cast<int>(Env("ORDO_SOAK_BROKER_INFLIGHT", 1000));
  o.disk_probe_ms = static_cast<int>(Env("ORDO_SOAK_DISK_PROBE_MS", 0));
  o.floor_seconds = Env("ORDO_SOAK_FLOOR_SECONDS", 60);
  const double margin = Env("ORDO_SOAK_RSS_MARGIN_MIB", 32);
  const char* phases = std::getenv("ORDO_SOAK_PHASES");
  const std::string phases_name = phases && *phases ? phases : "all";
  if (phases_name == "all") {
    o.phases = SoakPhases::kAllAtOnce;
  } else if (phases_name == "node") {
    o.phases = SoakPhases::kByEdgeNode;
  } else if (phases_name == "device") {
    o.phases = SoakPhases::kByDevice;
  } else {
    std::fprintf(stderr, "soak: ORDO_SOAK_PHASES must be all, node or device, not '%s'\n",
                 phases_name.c_str());
    return 2;
  }
  const char* shape = std::getenv("ORDO_SOAK_SHAPE");
  const std::string shape_name = shape && *shape ? shape : "sparkplug";
  if (shape_name == "sparkplug") {
    o.shape = SoakShape::kSparkplugDevices;
  } else if (shape_name == "tag-messages") {
    o.shape = SoakShape::kTagMessages;
  } else {
    std::fprintf(stderr, "soak: ORDO_SOAK_SHAPE must be sparkplug or tag-messages, not '%s'\n",
                 shape_name.c_str());
    return 2;
  }
  o.work_dir =
      (std::filesystem::temp_directory_path() / ("ordo-soak-" + std::to_string(::getpid())))
          .string();
  std::filesystem::create_directories(o.work_dir);
  std::string summary;
  try {
    summary = SoakSummary(o, RunSoak(o), margin);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "soak: %s\n", e.what());
    std::filesystem::remove_all(o.work_dir);
    return 1;
  }
  std::filesystem::remove_all(o.work_dir);
  std::fputs(summary.c_str(), stdout);
  if (const char* path = std::getenv("ORDO_SOAK_SUMMARY"); path && *path)
    std::ofstream(path) << summary;
  return summary.find("verdict: pass") != std::string::npos ? 0 : 1;
}
