// What the simulator sends, built from a Stream (pure): REST batches for
// POST /api/v1/equipment-data, the plain JSON MQTT messages of ordo's topics, and the
// Sparkplug B edge node's messages (births, data, death) with bdSeq and seq.
#pragma once

#include <cstdint>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "mes/equipment/sparkplug/sparkplug.h"
#include "sim/plant_model.h"

namespace ordo::sim {

using Json = nlohmann::json;

// The REST batch items (times as epoch ms). A sample's tag is "<work unit>.<tag>".
Json StateItem(const StateChange& s);
Json CountItem(const Count& c);
Json SampleItem(const Sample& s);

// `stream` cut into batch bodies of at most `max_items` items each (states, then counts,
// then samples; samples left out unless `with_samples`), seq from `first_seq` upwards.
// Nothing for an empty stream.
std::vector<Json> RestBatches(const std::string& source, std::int64_t first_seq,
                              const Stream& stream, bool with_samples, std::size_t max_items);

struct Message {
  std::string topic;
  std::string payload;  // JSON text or Sparkplug protobuf bytes
  bool operator==(const Message&) const = default;
};

// The plain JSON topics: ordo/<site>/<work unit>/state, .../count and .../tag/<name>,
// <name> being the tag's full name <work unit>.<tag> (as in REST: "WU-A.temperature");
// the payload is the REST item (a sample's also with "work_unit") plus "seq" (from *seq
// upwards, one per message; *seq is left at the next one). In time order.
std::vector<Message> JsonTopicMessages(const std::string& site, const Stream& stream,
                                       std::int64_t* seq);

// A Sparkplug B edge node whose devices are the work units. Metrics per device:
// "state" (String), "reason" (String), "count/total", "count/good", "count/scrap"
// (Int64 increments, as the REST counts), "tag/<name>" (Double). Aliases: none (names
// only). Not thread-safe.
class SparkplugEdge {
 public:
  SparkplugEdge(std::string group_id, std::string edge_node_id, std::vector<std::string> devices);
  // The NDEATH to register as the MQTT will before connecting: carries the bdSeq of the
  // session that is about to start.
  Message Will() const;
  // The births of a new session (after each connect): NBIRTH (seq 0, bdSeq, "Node
  // Control/Rebirth"), then one DBIRTH per device with its current values. Advances
  // nothing but seq.
  std::vector<Message> Births(std::uint64_t timestamp_ms);
  // The metrics of `stream` grouped per device and timestamp (in time order); each group
  // is one DDATA, its seq given when it is encoded (so that a new session's births can
  // come between two groups).
  struct DeviceData {
    std::string device;
    std::int64_t time_ms = 0;
    std::vector<sparkplug::Metric> metrics;
  };
  std::vector<DeviceData> Group(const Stream& stream);
  // The DDATA of `data` with the next seq (1..255, then 0).
  Message Encode(const DeviceData& data);
  // Group + Encode of each group.
  std::vector<Message> Data(const Stream& stream);
  // The NDEATH sent on a clean stop (the same as the will).
  Message Death() const { return Will(); }
  // A session ended (cleanly or by a lost connection): the next one's bdSeq is one more
  // (mod 256).
  void EndSession() { bd_seq_ = (bd_seq_ + 1) % 256; }
  std::uint64_t bd_seq() const { return bd_seq_; }

 private:
  std::uint64_t NextSeq();
  std::string group_id_, edge_node_id_;
  std::vector<std::string> devices_;
  std::uint64_t bd_seq_ = 0;
  std::uint64_t seq_ = 0;
  // Last known values per device, for the births.
  std::map<std::string, StateChange> last_state_;
  std::map<std::string, std::map<std::string, double>> last_tags_;
};

}  // namespace ordo::sim
