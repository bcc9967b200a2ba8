// The soak's stream of messages (soak.h): what the devices publish each second, as
// Sparkplug B edge nodes and devices or as one JSON message per sample. The same stream
// goes to ordo's topics in the soak, and below a prefix that ordo does not subscribe to in
// the floor phase (the publisher's and the broker's work without ordo's).
#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "bench_util.h"
#include "mqtt_support.h"
#include "soak.h"

namespace ordo::bench {

std::string SoakUnitId(int u);        // WU-SOAK-001 ...
std::string SoakTagId(int u, int t);  // WU-SOAK-001.t01 ...

// One Sparkplug edge node of the soak: a sparkplug source for its work units (devices).
struct SoakEdgeNode {
  std::string id;          // soak-edge-K
  std::vector<int> units;  // indexes of its work units
  std::uint64_t seq = 0;   // the seq of its last message
};

// What the stream needs to go on from where it is: a copy goes on independently (the
// floor phase publishes a copy, so that ordo's edge nodes see no gap in their seq).
struct SoakStream {
  SoakShape shape = SoakShape::kSparkplugDevices;
  SoakPhases phases = SoakPhases::kAllAtOnce;
  int tags = 0;
  std::vector<std::string> units;
  std::vector<SoakEdgeNode> nodes;  // Sparkplug: after BirthEdgeNodes
  std::int64_t t0_ms = 0;           // the device time of second 0
  std::int64_t json_seq = 0;        // JSON: the seq of the last message
};

// Registers a sparkplug source per 200 work units and publishes each node's NBIRTH and
// each device's DBIRTH (with its tags' first samples) at `time_ms`; the samples published.
// Fills stream->nodes.
std::int64_t BirthEdgeNodes(Client& engineer, Publisher& pub, std::int64_t time_ms,
                            SoakStream* stream);

// Where a publishing thread reports to.
struct SoakPublishing {
  std::atomic<std::int64_t> samples{0};  // carried by the messages published
  double slipped_seconds = 0;            // how far it fell behind its 1 Hz schedule
  std::string error;                     // why it stopped early, if it did
};

// Publishes `seconds` seconds of `stream` at 1 Hz through `pub`, starting now, every topic
// prefixed by `prefix` ("" for ordo's own topics), until `stop`. Never throws: a failure
// ends it with out->error set.
void PublishSoakStream(SoakStream& stream, Publisher& pub, double seconds,
                       const std::string& prefix, const std::atomic<bool>& stop,
                       SoakPublishing* out);

}  // namespace ordo::bench
