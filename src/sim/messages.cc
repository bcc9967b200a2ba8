// Building the simulator's REST batches, JSON topic messages and Sparkplug B messages.
#include "sim/messages.h"

#include <algorithm>
#include <tuple>

#include "mes/equipment/sparkplug/session.h"
#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::sim {

Json StateItem(const StateChange& s) {
  Json j{{"work_unit", s.work_unit}, {"time", s.time_ms}, {"state", s.state}};
  if (!s.reason.empty()) j["reason"] = s.reason;
  return j;
}

Json CountItem(const Count& c) {
  return Json{{"work_unit", c.work_unit}, {"time", c.time_ms}, {"total", c.total},
              {"good", c.good},           {"scrap", c.scrap},  {"rework", 0}};
}

Json SampleItem(const Sample& s) {
  return Json{{"tag", s.work_unit + "." + s.tag}, {"time", s.time_ms}, {"value", s.value}};
}

std::vector<Json> RestBatches(const std::string& source, std::int64_t first_seq,
                              const Stream& stream, bool with_samples, std::size_t max_items) {
  std::vector<Json> out;
  Json batch;
  std::size_t items = 0;
  auto add = [&](const char* list, Json item) {
    if (items == max_items) {
      out.push_back(std::move(batch));
      items = 0;
    }
    if (items == 0)
      batch = Json{{"source", source}, {"seq", first_seq + static_cast<std::int64_t>(out.size())}};
    batch[list].push_back(std::move(item));
    ++items;
  };
  for (const auto& s : stream.states) add("states", StateItem(s));
  for (const auto& c : stream.counts) add("counts", CountItem(c));
  if (with_samples)
    for (const auto& s : stream.samples) add("samples", SampleItem(s));
  if (items > 0) out.push_back(std::move(batch));
  return out;
}

std::vector<Message> JsonTopicMessages(const std::string& site, const Stream& stream,
                                       std::int64_t* seq) {
  // (time, kind, index) so that the messages go out in time order.
  std::vector<std::tuple<std::int64_t, int, std::size_t>> order;
  for (std::size_t i = 0; i < stream.states.size(); ++i)
    order.emplace_back(stream.states[i].time_ms, 0, i);
  for (std::size_t i = 0; i < stream.counts.size(); ++i)
    order.emplace_back(stream.counts[i].time_ms, 1, i);
  for (std::size_t i = 0; i < stream.samples.size(); ++i)
    order.emplace_back(stream.samples[i].time_ms, 2, i);
  std::stable_sort(order.begin(), order.end());
  std::vector<Message> out;
  const std::string prefix = "ordo/" + site + "/";
  for (const auto& [time, kind, i] : order) {
    Message m;
    Json payload;
    if (kind == 0) {
      m.topic = prefix + stream.states[i].work_unit + "/state";
      payload = StateItem(stream.states[i]);
    } else if (kind == 1) {
      m.topic = prefix + stream.counts[i].work_unit + "/count";
      payload = CountItem(stream.counts[i]);
    } else {
      // The tag's full name, <work unit>.<tag>, as in REST and Sparkplug.
      const Sample& s = stream.samples[i];
      payload = SampleItem(s);
      m.topic = prefix + s.work_unit + "/tag/" + payload["tag"].get<std::string>();
      payload["work_unit"] = s.work_unit;
    }
    payload["seq"] = (*seq)++;
    m.payload = payload.dump();
    out.push_back(std::move(m));
  }
  return out;
}

namespace {

namespace sp = ordo::sparkplug;

sp::Metric MetricOf(std::string name, sp::DataType type, sp::Value value,
                    std::uint64_t timestamp_ms) {
  sp::Metric m;
  m.name = std::move(name);
  m.datatype = type;
  m.value = std::move(value);
  m.timestamp_ms = timestamp_ms;
  return m;
}

std::string TopicOf(sp::MessageType type, const std::string& group, const std::string& node,
                    const std::string& device = "") {
  sp::Topic t;
  t.type = type;
  t.group_id = group;
  t.edge_node_id = node;
  t.device_id = device;
  return sp::FormatTopic(t);
}

}  // namespace

SparkplugEdge::SparkplugEdge(std::string group_id, std::string edge_node_id,
                             std::vector<std::string> devices)
    : group_id_(std::move(group_id)),
      edge_node_id_(std::move(edge_node_id)),
      devices_(std::move(devices)) {}

std::uint64_t SparkplugEdge::NextSeq() {
  seq_ = (seq_ + 1) % 256;
  return seq_;
}

Message SparkplugEdge::Will() const {
  sp::Payload p;
  p.metrics.push_back(
      MetricOf(sp::kBdSeqMetric, sp::DataType::kInt64, static_cast<std::int64_t>(bd_seq_), 0));
  p.metrics.back().timestamp_ms.reset();
  return {TopicOf(sp::MessageType::kNDeath, group_id_, edge_node_id_), sp::EncodePayload(p)};
}

std::vector<Message> SparkplugEdge::Births(std::uint64_t timestamp_ms) {
  std::vector<Message> out;
  seq_ = 0;
  sp::Payload node;
  node.timestamp_ms = timestamp_ms;
  node.seq = 0;
  node.metrics.push_back(MetricOf(sp::kBdSeqMetric, sp::DataType::kInt64,
                                  static_cast<std::int64_t>(bd_seq_), timestamp_ms));
  node.metrics.push_back(MetricOf(sp::kRebirthMetric, sp::DataType::kBoolean, false, timestamp_ms));
  out.push_back(
      {TopicOf(sp::MessageType::kNBirth, group_id_, edge_node_id_), sp::EncodePayload(node)});
  for (const auto& device : devices_) {
    sp::Payload p;
    p.timestamp_ms = timestamp_ms;
    p.seq = NextSeq();
    auto state = last_state_.find(device);
    p.metrics.push_back(MetricOf(
        "state", sp::DataType::kString,
        state == last_state_.end() ? std::string("offline") : state->second.state, timestamp_ms));
    p.metrics.push_back(MetricOf("reason", sp::DataType::kString,
                                 state == last_state_.end() ? std::string() : state->second.reason,
                                 timestamp_ms));
    for (const char* name : {"count/total", "count/good", "count/scrap"})
      p.metrics.push_back(
          MetricOf(name, sp::DataType::kInt64, static_cast<std::int64_t>(0), timestamp_ms));
    for (const auto& [tag, value] : last_tags_[device])
      p.metrics.push_back(MetricOf("tag/" + tag, sp::DataType::kDouble, value, timestamp_ms));
    if (last_tags_[device].empty())
      for (const char* tag : {"tag/temperature", "tag/pressure"}) {
        auto m = MetricOf(tag, sp::DataType::kDouble, 0.0, timestamp_ms);
        m.value = std::monostate{};
        m.is_null = true;
        p.metrics.push_back(m);
      }
    out.push_back({TopicOf(sp::MessageType::kDBirth, group_id_, edge_node_id_, device),
                   sp::EncodePayload(p)});
  }
  return out;
}

std::vector<SparkplugEdge::DeviceData> SparkplugEdge::Group(const Stream& stream) {
  std::map<std::pair<std::int64_t, std::string>, std::vector<sp::Metric>> groups;
  for (const auto& s : stream.states) {
    const auto t = static_cast<std::uint64_t>(s.time_ms);
    auto& g = groups[{s.time_ms, s.work_unit}];
    g.push_back(MetricOf("state", sp::DataType::kString, s.state, t));
    g.push_back(MetricOf("reason", sp::DataType::kString, s.reason, t));
    last_state_[s.work_unit] = s;
  }
  for (const auto& c : stream.counts) {
    const auto t = static_cast<std::uint64_t>(c.time_ms);
    auto& g = groups[{c.time_ms, c.work_unit}];
    g.push_back(MetricOf("count/total", sp::DataType::kInt64, c.total, t));
    g.push_back(MetricOf("count/good", sp::DataType::kInt64, c.good, t));
    g.push_back(MetricOf("count/scrap", sp::DataType::kInt64, c.scrap, t));
  }
  for (const auto& s : stream.samples) {
    groups[{s.time_ms, s.work_unit}].push_back(MetricOf(
        "tag/" + s.tag, sp::DataType::kDouble, s.value, static_cast<std::uint64_t>(s.time_ms)));
    last_tags_[s.work_unit][s.tag] = s.value;
  }
  std::vector<DeviceData> out;
  for (auto& [key, metrics] : groups) out.push_back({key.second, key.first, std::move(metrics)});
  return out;
}

Message SparkplugEdge::Encode(const DeviceData& data) {
  sp::Payload p;
  p.timestamp_ms = static_cast<std::uint64_t>(data.time_ms);
  p.seq = NextSeq();
  p.metrics = data.metrics;
  return {TopicOf(sp::MessageType::kDData, group_id_, edge_node_id_, data.device),
          sp::EncodePayload(p)};
}

std::vector<Message> SparkplugEdge::Data(const Stream& stream) {
  std::vector<Message> out;
  for (const auto& g : Group(stream)) out.push_back(Encode(g));
  return out;
}

}  // namespace ordo::sim
