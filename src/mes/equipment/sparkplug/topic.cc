// Sparkplug B topics: spBv1.0/<group>/<type>/<edge node>[/<device>] and
// spBv1.0/STATE/<host id> (sparkplug.h).
#include <array>
#include <string>
#include <vector>

#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::sparkplug {
namespace {

constexpr std::string_view kNamespace = "spBv1.0";

struct TypeName {
  MessageType type;
  const char* name;
  bool device;  // D* message: the topic names a device
};

constexpr std::array<TypeName, 9> kTypes = {{
    {MessageType::kNBirth, "NBIRTH", false},
    {MessageType::kNData, "NDATA", false},
    {MessageType::kNDeath, "NDEATH", false},
    {MessageType::kDBirth, "DBIRTH", true},
    {MessageType::kDData, "DDATA", true},
    {MessageType::kDDeath, "DDEATH", true},
    {MessageType::kNCmd, "NCMD", false},
    {MessageType::kDCmd, "DCMD", true},
    {MessageType::kState, "STATE", false},
}};

Error Refuse(std::string field, std::string reason, std::string message) {
  return Error::Invalid(std::move(field), std::move(message), std::move(reason));
}

Status CheckId(std::string_view id, const char* field) {
  if (id.empty()) return Refuse(field, "invalid_id", std::string("the ") + field + " is empty");
  if (id.find_first_of("+#") != std::string_view::npos) {
    return Refuse(field, "invalid_id",
                  std::string("the ") + field + " holds an MQTT wildcard ('+' or '#')");
  }
  return Ok();
}

std::vector<std::string_view> Split(std::string_view topic) {
  std::vector<std::string_view> levels;
  std::size_t start = 0;
  while (true) {
    const std::size_t slash = topic.find('/', start);
    if (slash == std::string_view::npos) {
      levels.push_back(topic.substr(start));
      return levels;
    }
    levels.push_back(topic.substr(start, slash - start));
    start = slash + 1;
  }
}

}  // namespace

const char* MessageTypeName(MessageType type) {
  for (const TypeName& t : kTypes)
    if (t.type == type) return t.name;
  return "?";
}

Result<Topic> ParseTopic(std::string_view topic) {
  if (topic.size() > kMaxTopicBytes) {
    return Refuse("topic", "topic_too_long",
                  "the topic is longer than " + std::to_string(kMaxTopicBytes) + " bytes");
  }
  const std::vector<std::string_view> levels = Split(topic);
  if (levels[0] != kNamespace) {
    return Refuse("topic", "wrong_namespace", "the topic does not start with spBv1.0/");
  }
  Topic out;
  if (levels.size() == 3 && levels[1] == "STATE") {
    ORDO_TRY(CheckId(levels[2], "host_id"));
    out.type = MessageType::kState;
    out.host_id = std::string(levels[2]);
    return out;
  }
  if (levels.size() < 4) {
    return Refuse("topic", "wrong_level_count",
                  "a Sparkplug topic is spBv1.0/<group>/<type>/<edge node>[/<device>]");
  }
  const TypeName* type = nullptr;
  for (const TypeName& t : kTypes)
    if (t.type != MessageType::kState && levels[2] == t.name) type = &t;
  if (type == nullptr) {
    return Refuse("topic", "unknown_message_type",
                  "the message type '" + std::string(levels[2].substr(0, 32)) +
                      "' is not NBIRTH, NDATA, NDEATH, DBIRTH, DDATA, DDEATH, NCMD or DCMD");
  }
  if (levels.size() != (type->device ? 5u : 4u)) {
    return Refuse("topic", "wrong_level_count",
                  std::string("a ") + type->name + " topic has " +
                      (type->device ? "5 levels (it names a device)" : "4 levels (no device)"));
  }
  ORDO_TRY(CheckId(levels[1], "group_id"));
  ORDO_TRY(CheckId(levels[3], "edge_node_id"));
  if (type->device) ORDO_TRY(CheckId(levels[4], "device_id"));
  out.type = type->type;
  out.group_id = std::string(levels[1]);
  out.edge_node_id = std::string(levels[3]);
  if (type->device) out.device_id = std::string(levels[4]);
  return out;
}

std::string FormatTopic(const Topic& topic) {
  std::string out(kNamespace);
  if (topic.type == MessageType::kState) return out + "/STATE/" + topic.host_id;
  out += "/" + topic.group_id + "/" + MessageTypeName(topic.type) + "/" + topic.edge_node_id;
  if (!topic.device_id.empty()) out += "/" + topic.device_id;
  return out;
}

}  // namespace ordo::sparkplug
