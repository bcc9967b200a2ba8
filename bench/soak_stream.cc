// The soak's stream of messages (see soak_stream.h).
#include "soak_stream.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::bench {
namespace {

namespace sp = ordo::sparkplug;
constexpr const char* kGroup = "soak";

std::string SparkplugPayload(std::int64_t time_ms, std::uint64_t seq,
                             std::vector<sp::Metric> metrics) {
  sp::Payload p;
  p.timestamp_ms = static_cast<std::uint64_t>(time_ms);
  p.seq = seq % 256;
  p.metrics = std::move(metrics);
  return sp::EncodePayload(p);
}

// The `tags` samples of one device at one time (metrics tag/t01 ...).
std::vector<sp::Metric> TagMetrics(int tags, std::int64_t salt) {
  std::vector<sp::Metric> metrics;
  for (int t = 0; t < tags; ++t) {
    char name[16];
    std::snprintf(name, sizeof name, "tag/t%02d", t + 1);
    sp::Metric m;
    m.name = name;
    m.datatype = sp::DataType::kDouble;
    m.value = 20 + static_cast<double>(((salt + t) * 7) % 1000) / 100.0;
    metrics.push_back(std::move(m));
  }
  return metrics;
}

// Second k of the stream, due at `due` (Sparkplug: spread over the second by its phases).
void PublishSecond(SoakStream& s, Publisher& pub, int k, SteadyClock::time_point due,
                   const std::string& prefix, SoakPublishing* out) {
  const std::int64_t time_ms = s.t0_ms + std::int64_t{k} * 1000;
  if (s.shape == SoakShape::kSparkplugDevices) {
    int n = 0, i = 0;  // the edge node's and the device's place (s.phases)
    const auto units = static_cast<std::int64_t>(s.units.size());
    for (SoakEdgeNode& node : s.nodes) {
      if (s.phases == SoakPhases::kByEdgeNode)
        std::this_thread::sleep_until(
            due + std::chrono::microseconds(1'000'000LL * n++ /
                                            static_cast<std::int64_t>(s.nodes.size())));
      for (int u : node.units) {
        if (s.phases == SoakPhases::kByDevice)
          std::this_thread::sleep_until(due + std::chrono::microseconds(1'000'000LL * i++ / units));
        pub.Publish(prefix + "spBv1.0/" + kGroup + "/DDATA/" + node.id + "/" + s.units[u],
                    SparkplugPayload(time_ms, ++node.seq, TagMetrics(s.tags, u + k)));
        out->samples += s.tags;
      }
    }
    return;
  }
  for (std::size_t u = 0; u < s.units.size(); ++u) {
    const std::string topic = prefix + "ordo/SITE-BSL/" + s.units[u] + "/tag/";
    for (int t = 0; t < s.tags; ++t) {
      const std::int64_t seq = ++s.json_seq;
      pub.Publish(topic + SoakTagId(static_cast<int>(u), t),
                  Json{{"seq", seq},
                       {"time", time_ms},
                       {"value", 20 + static_cast<double>((seq * 7) % 1000) / 100.0}}
                      .dump());
      ++out->samples;
    }
  }
}

}  // namespace

std::string SoakUnitId(int u) {
  char id[32];
  std::snprintf(id, sizeof id, "WU-SOAK-%03d", u + 1);
  return id;
}

std::string SoakTagId(int u, int t) {
  char id[48];
  std::snprintf(id, sizeof id, "WU-SOAK-%03d.t%02d", u + 1, t + 1);
  return id;
}

std::int64_t BirthEdgeNodes(Client& engineer, Publisher& pub, std::int64_t time_ms,
                            SoakStream* stream) {
  std::int64_t samples = 0;
  const std::vector<std::string>& units = stream->units;
  for (std::size_t first = 0; first < units.size(); first += 200) {
    SoakEdgeNode node;
    node.id = "soak-edge-" + std::to_string(first / 200);
    Json wus = Json::array();
    for (std::size_t u = first; u < std::min(units.size(), first + 200); ++u) {
      node.units.push_back(static_cast<int>(u));
      wus.push_back(units[u]);
    }
    auto r = PostJson(engineer, "/api/v1/sources",
                      {{"name", "soak-spb-" + std::to_string(first / 200)},
                       {"kind", "sparkplug"},
                       {"group_id", kGroup},
                       {"edge_node", node.id},
                       {"work_units", wus}});
    if (r.first != 201) throw std::runtime_error("register sparkplug source: " + r.second.dump());
    sp::Metric bd;
    bd.name = "bdSeq";
    bd.datatype = sp::DataType::kInt64;
    bd.value = std::int64_t{0};
    pub.Publish(std::string("spBv1.0/") + kGroup + "/NBIRTH/" + node.id,
                SparkplugPayload(time_ms, node.seq, {bd}));
    for (int u : node.units) {
      pub.Publish(std::string("spBv1.0/") + kGroup + "/DBIRTH/" + node.id + "/" + units[u],
                  SparkplugPayload(time_ms, ++node.seq, TagMetrics(stream->tags, u)));
      samples += stream->tags;
    }
    stream->nodes.push_back(std::move(node));
  }
  return samples;
}

void PublishSoakStream(SoakStream& stream, Publisher& pub, double seconds,
                       const std::string& prefix, const std::atomic<bool>& stop,
                       SoakPublishing* out) {
  try {
    const auto start = SteadyClock::now();
    for (int k = 0; k < static_cast<int>(seconds) && !stop.load(); ++k) {
      const auto due = start + std::chrono::seconds(k);
      if (SteadyClock::now() < due) std::this_thread::sleep_until(due);
      out->slipped_seconds = std::max(
          out->slipped_seconds, std::chrono::duration<double>(SteadyClock::now() - due).count());
      PublishSecond(stream, pub, k, due, prefix, out);
    }
  } catch (const std::exception& e) {
    out->error = e.what();
  }
}

}  // namespace ordo::bench
