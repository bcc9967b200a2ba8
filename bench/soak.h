// The MQTT soak (make soak; docs/PERFORMANCE.md), issue 12 section 8: a real mosquitto,
// `ordo serve --mqtt-broker`, `units` work units x `tags` tags, one sample of every tag
// per second (QoS 1, one publisher; SoakShape: how) for `seconds`; the
// server's resident memory sampled every second (start, peak, end), and an operator
// command (a logbook write through HTTP) timed every `probe_ms` during the soak, against
// the same command timed while idle first, in the same run; optionally (floor_seconds) also
// while the same stream goes to a consumer that is not ordo, between the two.
#pragma once

#include <cstdint>
#include <string>

namespace ordo::bench {

// How the samples travel: one JSON message per sample on ordo/<site>/<wu>/tag/<name>,
// or Sparkplug B as a plant's edge nodes send them: one edge node per 200 work units
// (a sparkplug source each), each work unit a device whose DDATA carries all its tags'
// samples of the second (metrics tag/tNN), after an NBIRTH and a DBIRTH per device.
enum class SoakShape { kTagMessages, kSparkplugDevices };

// Sparkplug: every device's DDATA at the top of each second (the worst case: 500 at once);
// each edge node's devices together, the nodes at their own phases (node k of n at k/n of
// the second: gateways that publish their devices at the end of unsynchronised scans); or
// each device at its own phase, evenly over the second (devices polled in turn).
enum class SoakPhases { kAllAtOnce, kByEdgeNode, kByDevice };

struct SoakOptions {
  std::string ordo_bin;
  std::string work_dir;  // scratch (must exist); everything below it is removed
  int units = 500, tags = 20;
  double seconds = 600;        // publishing at 1 Hz for this long
  double idle_seconds = 30;    // idle probes before the soak
  int probe_ms = 100;          // one operator command every probe_ms
  double drain_seconds = 60;   // after the soak: wait this long at most for the backlog
  bool verbose = true;         // a progress line every 10 s on stderr
  int broker_inflight = 1000;  // the broker's max_inflight_messages (mqtt_support.h)
  SoakShape shape = SoakShape::kTagMessages;
  // Sparkplug: when in the second the devices' DDATA are sent.
  SoakPhases phases = SoakPhases::kAllAtOnce;
  // > 0: the disk probe, beside the operator's in every phase: every disk_probe_ms a 4 KiB
  // write to a file beside the data directory and its fdatasync, timed; what one sync of
  // that disk costs idle and under the soak, without ordo. 0 (the default): off, since its
  // syncs add to the soak's.
  int disk_probe_ms = 0;
  // > 0: the floor phase, between the idle phase and the soak, this many seconds: the same
  // stream, from a publisher of its own below the prefix "soak-floor/" (topics ordo does not
  // subscribe to), delivered by the same broker to a subscriber of the soak's that only
  // counts, while the operator probes the idle server. What the load generator (publisher
  // and broker, on the same cores) costs the operator without any of ordo's ingest: the
  // share of the soak's tail that is not ordo's. Reported beside the soak's figures, never a
  // check. 0 (the default): off.
  double floor_seconds = 0;
};

struct SoakResult {
  std::int64_t published = 0;  // messages acknowledged by the broker (births included)
  std::int64_t samples = 0;    // the samples those messages carry
  std::int64_t accepted = 0, refused = 0, not_stored = 0;  // the connector's counters
  std::int64_t rebirths = 0;     // Sparkplug rebirth requests (any means a message was lost)
  std::int64_t stored = 0;       // rows in telemetry.sqlite
  std::int64_t max_backlog = 0;  // published - handled, largest seen during the soak
  double slipped_seconds = 0;    // how far the publisher fell behind its 1 Hz schedule
  double drained_after = -1;     // seconds after the soak until all were handled (-1: not)
  bool server_alive = false;
  std::int64_t rss_start_kib = 0, rss_peak_kib = 0, rss_end_kib = 0, hwm_kib = 0;
  std::int64_t rss_drained_kib = 0;  // after the drain wait
  int idle_probes = 0, soak_probes = 0, probe_errors = 0;
  double idle_p50_ms = 0, idle_p99_ms = 0, soak_p50_ms = 0, soak_p99_ms = 0;
  // The disk probe's syncs (SoakOptions::disk_probe_ms) in each phase, in ms.
  int disk_idle_syncs = 0, disk_soak_syncs = 0, disk_floor_syncs = 0;
  double disk_idle_p50_ms = 0, disk_idle_p99_ms = 0, disk_soak_p50_ms = 0, disk_soak_p99_ms = 0;
  double disk_floor_p50_ms = 0, disk_floor_p99_ms = 0;
  // The floor phase (SoakOptions::floor_seconds): the operator's latencies in ms, and the
  // floor's messages acknowledged by the broker and received by its subscriber.
  int floor_probes = 0;
  double floor_p50_ms = 0, floor_p99_ms = 0;
  std::int64_t floor_published = 0, floor_received = 0;
  double setup_seconds = 0;
  std::string first_error;

  double p99_ratio() const { return idle_p99_ms > 0 ? soak_p99_ms / idle_p99_ms : 0; }
  // The invariants that hold whatever the machine: every sample published is stored, no
  // refusal and no rebirth, the server alive, every operator command answered.
  bool InvariantsHold() const {
    return server_alive && published > 0 && samples > 0 && stored == samples && refused == 0 &&
           not_stored == 0 && rebirths == 0 && probe_errors == 0;
  }
};

// Runs the soak; throws std::runtime_error when the setup fails.
SoakResult RunSoak(const SoakOptions& options);

// The idle phase counts as quiet when its p99 is at most this many times its p50 (a quiet
// idle phase of this machine: 1.2-3.7x); else the machine stalled during it and the soak
// fails, since its p99 ratio would measure the stall, not the soak.
inline constexpr double kIdleQuietFactor = 5.0;

// The summary as text (one "key: value" per line).
std::string SoakSummary(const SoakOptions& options, const SoakResult& r, double rss_margin_mib);

}  // namespace ordo::bench
