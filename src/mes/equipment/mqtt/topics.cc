// The plain JSON topics of machine data (topics.h).
#include "mes/equipment/mqtt/topics.h"

namespace ordo::equipment::mqtt {

namespace {

std::vector<std::string> Levels(const std::string& topic) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = topic.find('/', start);
    out.push_back(
        topic.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) return out;
    start = slash + 1;
  }
}

Error BadTopic(const std::string& why) {
  return Error::Invalid("topic",
                        why +
                            ": a data topic is ordo/<site>/<work_unit>/state, .../count or "
                            ".../tag/<name>, each level 1 to 64 characters",
                        "invalid_topic");
}

const char* ArrayOf(TopicKind kind) {
  switch (kind) {
    case TopicKind::kState:
      return "states";
    case TopicKind::kCount:
      return "counts";
    case TopicKind::kTag:
      return "samples";
  }
  return "states";
}

}  // namespace

Result<DataTopic> ParseDataTopic(const std::string& topic) {
  const auto levels = Levels(topic);
  if (levels.size() < 4 || levels[0] != kTopicRoot) return BadTopic("'" + topic + "'");
  for (const auto& l : levels)
    if (l.empty() || l.size() > 64) return BadTopic("a level of '" + topic + "' is empty or long");
  DataTopic t;
  t.site = levels[1];
  t.work_unit = levels[2];
  if (levels.size() == 4 && levels[3] == "state") {
    t.kind = TopicKind::kState;
  } else if (levels.size() == 4 && levels[3] == "count") {
    t.kind = TopicKind::kCount;
  } else if (levels.size() == 5 && levels[3] == "tag") {
    t.kind = TopicKind::kTag;
    t.tag = levels[4];
  } else {
    return BadTopic("'" + topic + "' is no data topic");
  }
  return t;
}

bool TopicMatches(const std::string& filter, const std::string& topic) {
  const auto f = Levels(filter);
  const auto t = Levels(topic);
  if (!topic.empty() && topic[0] == '$' && !f.empty() && (f[0] == "+" || f[0] == "#")) return false;
  for (std::size_t i = 0; i < f.size(); ++i) {
    if (f[i] == "#") return i + 1 == f.size();  // "#" also matches the parent level
    if (i >= t.size()) return false;
    if (f[i] != "+" && f[i] != t[i]) return false;
  }
  return f.size() == t.size();
}

std::string DefaultFilter(const std::string& site, const std::string& work_unit) {
  return std::string(kTopicRoot) + "/" + site + "/" + work_unit + "/#";
}

Result<Json> BatchOfMessage(const DataTopic& topic, const std::string& owner,
                            const std::string& payload) {
  if (payload.size() > kMaxPayloadBytes)
    return Error::Invalid("payload",
                          "a message is at most " + std::to_string(kMaxPayloadBytes) +
                              " bytes; this one has " + std::to_string(payload.size()),
                          "payload_too_large");
  Json item = Json::parse(payload, nullptr, false);
  if (item.is_discarded())
    return Error::Invalid("payload", "the payload is not valid JSON", "malformed_json");
  if (!item.is_object())
    return Error::Invalid("payload", "the payload must be a JSON object", "wrong_type");
  if (!item.contains("seq"))
    return Error::Invalid("seq", "seq (a positive integer, unique per source) is required",
                          "missing_field");
  Json batch{{"source", owner}, {"seq", item["seq"]}};
  if (item.contains("source")) batch["source"] = item["source"];
  item.erase("seq");
  item.erase("source");
  auto wu = item.find("work_unit");
  if (wu != item.end() && *wu != Json(topic.work_unit))
    return Error::Invalid("work_unit",
                          "work_unit must be left out or be the topic's '" + topic.work_unit + "'",
                          "work_unit_mismatch");
  if (topic.kind == TopicKind::kTag) {
    auto tag = item.find("tag");
    if (tag != item.end() && *tag != Json(topic.tag))
      return Error::Invalid("tag", "tag must be left out or be the topic's '" + topic.tag + "'",
                            "tag_mismatch");
    item["tag"] = topic.tag;
    item.erase("work_unit");  // a sample names its tag; the topic names the work unit
  } else {
    item["work_unit"] = topic.work_unit;
  }
  batch[ArrayOf(topic.kind)] = Json::array({std::move(item)});
  return batch;
}

Error PayloadFieldError(Error e) {
  for (const char* prefix : {"states[0].", "counts[0].", "samples[0]."}) {
    const std::string p = prefix;
    if (e.field.rfind(p, 0) == 0) {
      e.field = e.field.substr(p.size());
      break;
    }
  }
  return e;
}

std::int64_t SeqOfPayload(const std::string& payload) {
  if (payload.size() > kMaxPayloadBytes) return 0;
  Json j = Json::parse(payload, nullptr, false);
  if (!j.is_object() || !j.contains("seq") || !j["seq"].is_number_integer()) return 0;
  const auto seq = j["seq"].get<std::int64_t>();
  return seq > 0 ? seq : 0;
}

}  // namespace ordo::equipment::mqtt
