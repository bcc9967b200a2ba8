// Sparkplug B codec: the protobuf payload (our own sparkplug_b.proto) to and from plain
// structs, and the spBv1.0 topic namespace. Pure, no I/O; protobuf types stay in the .cc.
// Supported subset, limits and rules: docs/sparkplug.md.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/result.h"

namespace ordo::sparkplug {

// Bounds DecodePayload enforces (each refusal has its own reason code).
inline constexpr std::size_t kMaxPayloadBytes = 1 << 20;  // 1 MiB
inline constexpr std::size_t kMaxMetrics = 10000;
inline constexpr std::size_t kMaxMetricNameBytes = 1024;
inline constexpr std::size_t kMaxTopicBytes = 1024;

// Sparkplug datatype codes (the numbers are the wire interface).
enum class DataType : std::uint32_t {
  kUnknown = 0,  // not sent: data messages may omit it, the birth gives it
  kInt8 = 1,
  kInt16 = 2,
  kInt32 = 3,
  kInt64 = 4,
  kUInt8 = 5,
  kUInt16 = 6,
  kUInt32 = 7,
  kUInt64 = 8,
  kFloat = 9,
  kDouble = 10,
  kBoolean = 11,
  kString = 12,
  kDateTime = 13,  // ms since the Unix epoch
  kText = 14,
  kUuid = 15,
  kDataSet = 16,
  kBytes = 17,
  kFile = 18,
  kTemplate = 19,
  kPropertySet = 20,
  kPropertySetList = 21,
  kInt8Array = 22,  // 22..34: arrays, carried as little-endian bytes
  kDateTimeArray = 34,
};
inline constexpr std::uint32_t kMaxDataType = 34;

// Stable name, e.g. "Int32", "Boolean"; "Unknown" for kUnknown.
const char* DataTypeName(DataType type);

// The protobuf value field that carried a metric's value (set by DecodePayload; the
// session uses it to type a data metric by its birth's datatype).
enum class WireField {
  kNone,
  kInt,        // int_value (uint32)
  kLong,       // long_value (uint64)
  kFloat,      // float_value
  kDouble,     // double_value
  kBoolean,    // boolean_value
  kString,     // string_value
  kBytes,      // bytes_value
  kDataSet,    // dataset_value: shape checked, value not carried
  kTemplate,   // template_value: shape checked, value not carried
  kExtension,  // extension_value: value not carried
};

struct Bytes {
  std::string data;
  bool operator==(const Bytes&) const = default;
};

// The value of a metric: signed integer types (Int8..Int64) as int64; unsigned ones and
// DateTime as uint64; Float and Double as double; String/Text/UUID as string;
// Bytes/File/arrays as Bytes. monostate: null, or a DataSet/Template (not carried).
using Value =
    std::variant<std::monostate, std::int64_t, std::uint64_t, double, bool, std::string, Bytes>;

struct Metric {
  std::string name;  // empty when only the alias is sent
  std::optional<std::uint64_t> alias;
  std::optional<std::uint64_t> timestamp_ms;
  DataType datatype = DataType::kUnknown;
  Value value;
  bool is_null = false;
  bool is_historical = false;
  bool is_transient = false;
  WireField wire = WireField::kNone;  // DecodePayload fills it; EncodePayload ignores it
};

struct Payload {
  std::optional<std::uint64_t> timestamp_ms;
  std::optional<std::uint64_t> seq;  // 0..255
  std::vector<Metric> metrics;
};

// Decodes a Sparkplug B payload. Refusals (Error::reason, field names the input part):
//   payload_too_large   more than kMaxPayloadBytes (field "payload")
//   malformed_payload   not a valid protobuf Payload message (field "payload")
//   compressed_payload  a compressed payload (uuid SPBV1.0_COMPRESSED): not supported
//   too_many_metrics    more than kMaxMetrics (field "metrics")
//   invalid_seq         seq above 255 (field "seq")
//   metric_unnamed      neither name nor alias (field "metrics[i]")
//   name_too_long       name over kMaxMetricNameBytes (field "metrics[i].name")
//   unknown_datatype    datatype above kMaxDataType (field "metrics[i].datatype")
//   missing_value       not null, yet no value field (field "metrics[i].value")
//   value_type_mismatch value field not the one the datatype needs ("metrics[i].value")
//   value_out_of_range  integer outside its datatype's range ("metrics[i].value")
// A metric without datatype keeps the value as the wire field gave it (int/long ->
// uint64, float/double -> double, ...); TypeMetric types it once the birth is known.
Result<Payload> DecodePayload(std::string_view bytes);

// Types an undecoded-datatype metric by `datatype` (from the birth) with the same checks
// as DecodePayload; `field` names the metric in errors. A metric that already carries
// a datatype is checked against it (a different one: value_type_mismatch).
Result<Metric> TypeMetric(Metric metric, DataType datatype, const std::string& field);

// Encodes a payload. Each metric's value is written to the field its datatype needs
// (DataType::kUnknown: the field of the value's alternative); Int8..Int32 as 32-bit
// two's complement in int_value, UInt32 in long_value (as common edge libraries read it).
// A value whose alternative cannot be written as its datatype is a caller bug: asserts.
std::string EncodePayload(const Payload& payload);

enum class MessageType { kNBirth, kNData, kNDeath, kDBirth, kDData, kDDeath, kNCmd, kDCmd, kState };

// "NBIRTH", ..., "STATE".
const char* MessageTypeName(MessageType type);

struct Topic {
  MessageType type = MessageType::kNData;
  std::string group_id;
  std::string edge_node_id;
  std::string device_id;  // D* messages only
  std::string host_id;    // STATE only
};

// Parses `spBv1.0/<group>/<type>/<edge node>[/<device>]` or `spBv1.0/STATE/<host id>`.
// Refusals (Error::reason; field "topic" or the id's name):
//   topic_too_long      over kMaxTopicBytes
//   wrong_namespace     first level not spBv1.0
//   wrong_level_count   too few or too many levels for the message type
//   unknown_message_type third level not one of the nine types
//   invalid_id          an empty id, or one holding '+' or '#' (field group_id, edge_node_id,
//                       device_id or host_id)
Result<Topic> ParseTopic(std::string_view topic);

// The topic string for `topic` (inverse of ParseTopic for a valid Topic).
std::string FormatTopic(const Topic& topic);

}  // namespace ordo::sparkplug
