// libFuzzer target for the Sparkplug B codec and session: arbitrary bytes as a payload,
// as a topic, and as a stream of messages into an edge node session must give a value or
// a refusal with a code and a message; never a crash, a hang or an exception. A decoded
// payload encodes and decodes back to the same metrics.
//
// Stream format (seeds in tests/sparkplug_fuzz_seeds): repeated [type byte][length byte]
// [payload bytes]; type % 8 picks NBIRTH, NDATA, NDEATH, DBIRTH, DDATA, DDEATH, NCMD, DCMD.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "mes/equipment/sparkplug/session.h"
#include "mes/equipment/sparkplug/sparkplug.h"

namespace sp = ordo::sparkplug;

namespace {

void CheckError(const ordo::Error& e) {
  if (e.reason.empty() || e.message.empty()) __builtin_trap();
}

bool NotCarried(sp::WireField w) {
  return w == sp::WireField::kDataSet || w == sp::WireField::kTemplate ||
         w == sp::WireField::kExtension;
}

void CheckPayload(std::string_view input) {
  auto decoded = sp::DecodePayload(input);
  if (!decoded.ok()) {
    CheckError(decoded.error());
    return;
  }
  const sp::Payload& p = decoded.value();
  if (p.metrics.size() > sp::kMaxMetrics) __builtin_trap();
  if (p.seq && *p.seq > 255) __builtin_trap();
  const std::string again = sp::EncodePayload(p);
  if (again.size() > sp::kMaxPayloadBytes) return;
  auto back = sp::DecodePayload(again);
  if (!back.ok() || back->metrics.size() != p.metrics.size()) __builtin_trap();
  if (back->seq != p.seq || back->timestamp_ms != p.timestamp_ms) __builtin_trap();
  for (std::size_t i = 0; i < p.metrics.size(); ++i) {
    const sp::Metric& a = p.metrics[i];
    const sp::Metric& b = back->metrics[i];
    if (a.name != b.name || a.alias != b.alias || a.timestamp_ms != b.timestamp_ms) {
      __builtin_trap();
    }
    if (a.datatype != b.datatype) __builtin_trap();
    if (a.is_null || NotCarried(a.wire)) {
      if (!b.is_null) __builtin_trap();
      continue;
    }
    // Doubles compare by bits (NaN).
    if (a.value.index() != b.value.index()) __builtin_trap();
    if (const auto* d = std::get_if<double>(&a.value)) {
      if (std::string_view(reinterpret_cast<const char*>(d), 8) !=
          std::string_view(reinterpret_cast<const char*>(&std::get<double>(b.value)), 8)) {
        __builtin_trap();
      }
    } else if (a.value != b.value) {
      __builtin_trap();
    }
  }
}

void CheckTopic(std::string_view input) {
  auto topic = sp::ParseTopic(input);
  if (!topic.ok()) {
    CheckError(topic.error());
    return;
  }
  if (sp::FormatTopic(topic.value()) != input) __builtin_trap();
}

void CheckSession(std::string_view input) {
  static constexpr sp::MessageType kTypes[] = {sp::MessageType::kNBirth, sp::MessageType::kNData,
                                               sp::MessageType::kNDeath, sp::MessageType::kDBirth,
                                               sp::MessageType::kDData,  sp::MessageType::kDDeath,
                                               sp::MessageType::kNCmd,   sp::MessageType::kDCmd};
  sp::EdgeNodeSession session("G", "E");
  std::size_t at = 0;
  while (at + 2 <= input.size()) {
    const auto type_byte = static_cast<unsigned char>(input[at]);
    const std::size_t length = static_cast<unsigned char>(input[at + 1]);
    at += 2;
    const std::string_view chunk = input.substr(at, length);
    at += chunk.size();
    auto payload = sp::DecodePayload(chunk);
    if (!payload.ok()) continue;
    sp::Topic topic{kTypes[type_byte % 8], "G", "E", {}, {}};
    const bool device =
        topic.type == sp::MessageType::kDBirth || topic.type == sp::MessageType::kDData ||
        topic.type == sp::MessageType::kDDeath || topic.type == sp::MessageType::kDCmd;
    if (device) topic.device_id = (type_byte & 0x80) ? "D1" : "D2";
    const bool was_requested = session.rebirth_requested();
    const sp::Decision d = session.OnMessage(topic, payload.value());
    if (d.outcome != sp::Outcome::kApplied && d.reason.empty()) __builtin_trap();
    if (d.rebirth_needed && (d.rebirth_reason == sp::RebirthReason::kNone || was_requested)) {
      __builtin_trap();
    }
    if (d.metrics.size() + d.dropped.size() > payload->metrics.size()) __builtin_trap();
    if (d.presence == sp::Presence::kNodeOnline && !session.online()) __builtin_trap();
    if (d.presence == sp::Presence::kNodeOffline && session.online()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  CheckPayload(input);
  CheckTopic(input);
  CheckSession(input);
  return 0;
}
