// The plain JSON topics of machine data over MQTT (docs/mqtt.md): which topics carry what,
// which source owns a topic, and how one message becomes one batch of the REST shape
// (domain/batch.h), so that MQTT data goes through the same ingest as REST. Pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::equipment::mqtt {

// Every plain JSON topic is under this root: ordo/<site>/<work_unit>/...
inline constexpr const char* kTopicRoot = "ordo";
// The filter ordo subscribes to (all plain topics, so that unowned ones are recorded).
inline constexpr const char* kSubscription = "ordo/#";
// A message larger than this is refused (payload_too_large) before it is parsed.
inline constexpr std::size_t kMaxPayloadBytes = 64 * 1024;

enum class TopicKind { kState, kCount, kTag };

// ordo/<site>/<work_unit>/state | /count | /tag/<name>
struct DataTopic {
  std::string site, work_unit;
  TopicKind kind = TopicKind::kState;
  std::string tag;  // kTag only
};

// Parses a data topic: exactly those shapes, each level 1 to 64 characters. Refusal
// invalid_argument invalid_topic (field topic) naming what was expected.
Result<DataTopic> ParseDataTopic(const std::string& topic);

// MQTT 3.1.1 topic filter matching (4.7): `+` one level, `#` (last) this level and all
// below; a wildcard at the first level does not match a topic beginning with `$`.
bool TopicMatches(const std::string& filter, const std::string& topic);

// The topics an mqtt source owns by default for one of its work units.
std::string DefaultFilter(const std::string& site, const std::string& work_unit);

// The batch (REST body shape) one message on `topic` stands for, sent by `owner`:
//   state: {"seq", "time", "state", "reason"?}        -> {"source", "seq", "states": [item]}
//   count: {"seq", "time", "total", "good"?, ...}     -> {"source", "seq", "counts": [item]}
//   tag/<name>: {"seq", "time", "value"}              -> {"source", "seq", "samples": [item]}
// The item's work_unit (and a sample's tag) come from the topic; the payload may repeat
// them, and must then agree (work_unit_mismatch, tag_mismatch). `source` is optional and
// must then name the owner (checked by the ingest: source_mismatch); `seq` is required.
// Refusals (invalid_argument, field named as in the payload): payload_too_large,
// malformed_json, wrong_type (not an object), missing_field (seq), work_unit_mismatch,
// tag_mismatch. The rest is checked by DecodeBatch.
Result<Json> BatchOfMessage(const DataTopic& topic, const std::string& owner,
                            const std::string& payload);

// A DecodeBatch refusal with the field as the payload names it: "states[0].time" -> "time".
Error PayloadFieldError(Error e);

// The payload's `seq` when it is a positive integer (for the record of a refusal), else 0.
std::int64_t SeqOfPayload(const std::string& payload);

}  // namespace ordo::equipment::mqtt
