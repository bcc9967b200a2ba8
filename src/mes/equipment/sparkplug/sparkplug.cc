// Sparkplug B codec: protobuf Payload <-> plain structs (sparkplug.h).
#include "mes/equipment/sparkplug/sparkplug.h"

#include <array>
#include <cmath>
#include <limits>
#include <string>

#include "core/assert.h"
#include "sparkplug_b.pb.h"

namespace ordo::sparkplug {
namespace {

using PbPayload = pb::Payload;
using PbMetric = pb::Payload_Metric;

constexpr std::array<const char*, kMaxDataType + 1> kDataTypeNames = {
    "Unknown",      "Int8",
    "Int16",        "Int32",
    "Int64",        "UInt8",
    "UInt16",       "UInt32",
    "UInt64",       "Float",
    "Double",       "Boolean",
    "String",       "DateTime",
    "Text",         "UUID",
    "DataSet",      "Bytes",
    "File",         "Template",
    "PropertySet",  "PropertySetList",
    "Int8Array",    "Int16Array",
    "Int32Array",   "Int64Array",
    "UInt8Array",   "UInt16Array",
    "UInt32Array",  "UInt64Array",
    "FloatArray",   "DoubleArray",
    "BooleanArray", "StringArray",
    "DateTimeArray"};

Error Refuse(std::string field, std::string reason, std::string message) {
  return Error::Invalid(std::move(field), std::move(message), std::move(reason));
}

std::string Mismatch(DataType type, WireField wire) {
  static constexpr std::array<const char*, 11> kWireNames = {
      "no value field", "int_value",      "long_value",     "float_value",
      "double_value",   "boolean_value",  "string_value",   "bytes_value",
      "dataset_value",  "template_value", "extension_value"};
  return std::string("a ") + DataTypeName(type) + " metric cannot carry its value in " +
         kWireNames[static_cast<std::size_t>(wire)];
}

// Two's complement integer of `bits` bits from a wire value (32-bit int_value or 64-bit
// long_value): either the plain `bits`-bit pattern or its sign extension to the field.
std::optional<std::int64_t> SignedFrom(std::uint64_t raw, int bits, WireField wire) {
  const int field_bits = wire == WireField::kInt ? 32 : 64;
  if (bits >= field_bits) {
    return field_bits == 32 ? static_cast<std::int64_t>(static_cast<std::int32_t>(raw))
                            : static_cast<std::int64_t>(raw);
  }
  const std::uint64_t span = std::uint64_t{1} << bits;
  if (raw < span) {
    const std::int64_t v = static_cast<std::int64_t>(raw);
    return raw >= span / 2 ? v - static_cast<std::int64_t>(span) : v;
  }
  const std::int64_t extended = field_bits == 32
                                    ? static_cast<std::int64_t>(static_cast<std::int32_t>(raw))
                                    : static_cast<std::int64_t>(raw);
  const std::int64_t low = -static_cast<std::int64_t>(span / 2);
  if (extended < 0 && extended >= low) return extended;
  return std::nullopt;
}

int IntegerBits(DataType t) {
  switch (t) {
    case DataType::kInt8:
    case DataType::kUInt8:
      return 8;
    case DataType::kInt16:
    case DataType::kUInt16:
      return 16;
    case DataType::kInt32:
    case DataType::kUInt32:
      return 32;
    default:
      return 64;
  }
}

bool IsArray(DataType t) {
  const auto n = static_cast<std::uint32_t>(t);
  return n >= static_cast<std::uint32_t>(DataType::kInt8Array) && n <= kMaxDataType;
}

// Metric value (raw, as the wire field gave it) -> typed by `type`.
Status TypeValue(Metric& m, DataType type, const std::string& field) {
  const std::string value_field = field + ".value";
  if (m.is_null) {
    m.value = std::monostate{};
    m.datatype = type;
    return Ok();
  }
  if (m.wire == WireField::kNone) {
    return Refuse(value_field, "missing_value",
                  "the metric is not null, yet carries no value field");
  }
  if (type == DataType::kUnknown) return Ok();  // kept raw until the birth types it
  const auto mismatch = [&] {
    return Refuse(value_field, "value_type_mismatch", Mismatch(type, m.wire));
  };
  const bool integer_wire = m.wire == WireField::kInt || m.wire == WireField::kLong;
  switch (type) {
    case DataType::kInt8:
    case DataType::kInt16:
    case DataType::kInt32:
    case DataType::kInt64: {
      if (!integer_wire) return mismatch();
      const auto v = SignedFrom(std::get<std::uint64_t>(m.value), IntegerBits(type), m.wire);
      if (!v) {
        return Refuse(value_field, "value_out_of_range",
                      std::string("the value does not fit a ") + DataTypeName(type));
      }
      m.value = *v;
      break;
    }
    case DataType::kUInt8:
    case DataType::kUInt16:
    case DataType::kUInt32:
    case DataType::kUInt64:
    case DataType::kDateTime: {
      if (!integer_wire) return mismatch();
      const int bits = type == DataType::kDateTime ? 64 : IntegerBits(type);
      const std::uint64_t raw = std::get<std::uint64_t>(m.value);
      if (bits < 64 && raw >= (std::uint64_t{1} << bits)) {
        return Refuse(value_field, "value_out_of_range",
                      std::string("the value does not fit a ") + DataTypeName(type));
      }
      break;
    }
    case DataType::kFloat:
    case DataType::kDouble:
      if (m.wire != WireField::kFloat && m.wire != WireField::kDouble) return mismatch();
      if (type == DataType::kFloat && m.wire == WireField::kDouble) {
        // A Float sent in double_value: the datatype says the value is a 32-bit float, so
        // keep the nearest float (what EncodePayload writes back); beyond a float's range
        // it is refused, not turned into infinity.
        const double d = std::get<double>(m.value);
        if (std::isfinite(d) && std::fabs(d) > std::numeric_limits<float>::max()) {
          return Refuse(value_field, "value_out_of_range", "the value does not fit a Float");
        }
        m.value = static_cast<double>(static_cast<float>(d));
      }
      break;
    case DataType::kBoolean:
      if (m.wire != WireField::kBoolean) return mismatch();
      break;
    case DataType::kString:
    case DataType::kText:
    case DataType::kUuid:
      if (m.wire != WireField::kString) return mismatch();
      break;
    case DataType::kBytes:
    case DataType::kFile:
      if (m.wire != WireField::kBytes) return mismatch();
      break;
    case DataType::kDataSet:
      if (m.wire != WireField::kDataSet) return mismatch();
      break;
    case DataType::kTemplate:
      if (m.wire != WireField::kTemplate) return mismatch();
      break;
    default:
      if (!IsArray(type) || m.wire != WireField::kBytes) return mismatch();
      break;
  }
  m.datatype = type;
  return Ok();
}

Result<Metric> FromProto(const PbMetric& pm, const std::string& field) {
  Metric m;
  if (pm.has_name()) {
    if (pm.name().size() > kMaxMetricNameBytes) {
      return Refuse(
          field + ".name", "name_too_long",
          "the metric name is longer than " + std::to_string(kMaxMetricNameBytes) + " bytes");
    }
    m.name = pm.name();
  }
  if (pm.has_alias()) m.alias = pm.alias();
  if (m.name.empty() && !m.alias) {
    return Refuse(field, "metric_unnamed", "the metric has neither a name nor an alias");
  }
  if (pm.has_timestamp()) m.timestamp_ms = pm.timestamp();
  m.is_null = pm.is_null();
  m.is_historical = pm.is_historical();
  m.is_transient = pm.is_transient();
  switch (pm.value_case()) {
    case PbMetric::kIntValue:
      m.wire = WireField::kInt;
      m.value = std::uint64_t{pm.int_value()};
      break;
    case PbMetric::kLongValue:
      m.wire = WireField::kLong;
      m.value = std::uint64_t{pm.long_value()};
      break;
    case PbMetric::kFloatValue:
      m.wire = WireField::kFloat;
      m.value = static_cast<double>(pm.float_value());
      break;
    case PbMetric::kDoubleValue:
      m.wire = WireField::kDouble;
      m.value = pm.double_value();
      break;
    case PbMetric::kBooleanValue:
      m.wire = WireField::kBoolean;
      m.value = pm.boolean_value();
      break;
    case PbMetric::kStringValue:
      m.wire = WireField::kString;
      m.value = pm.string_value();
      break;
    case PbMetric::kBytesValue:
      m.wire = WireField::kBytes;
      m.value = Bytes{pm.bytes_value()};
      break;
    case PbMetric::kDatasetValue:
      m.wire = WireField::kDataSet;
      break;
    case PbMetric::kTemplateValue:
      m.wire = WireField::kTemplate;
      break;
    case PbMetric::kExtensionValue:
      m.wire = WireField::kExtension;
      break;
    case PbMetric::VALUE_NOT_SET:
      break;
  }
  DataType type = DataType::kUnknown;
  if (pm.has_datatype()) {
    if (pm.datatype() > kMaxDataType) {
      return Refuse(field + ".datatype", "unknown_datatype",
                    "datatype " + std::to_string(pm.datatype()) +
                        " is not a Sparkplug B datatype (0.." + std::to_string(kMaxDataType) + ")");
    }
    type = static_cast<DataType>(pm.datatype());
  }
  ORDO_TRY(TypeValue(m, type, field));
  return m;
}

std::uint64_t AsBits(const Value& v) {
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<std::uint64_t>(*i);
  if (const auto* u = std::get_if<std::uint64_t>(&v)) return *u;
  ORDO_ASSERT(false && "integer metric without an integer value");
  return 0;
}

double AsDouble(const Value& v) {
  if (const auto* d = std::get_if<double>(&v)) return *d;
  if (const auto* i = std::get_if<std::int64_t>(&v)) return static_cast<double>(*i);
  if (const auto* u = std::get_if<std::uint64_t>(&v)) return static_cast<double>(*u);
  ORDO_ASSERT(false && "floating point metric without a numeric value");
  return 0;
}

template <typename T>
const T& Need(const Value& v) {
  const T* p = std::get_if<T>(&v);
  ORDO_ASSERT(p != nullptr && "metric value does not match its datatype");
  return *p;
}

void WriteValue(const Metric& m, PbMetric& pm) {
  const Value& v = m.value;
  switch (m.datatype) {
    case DataType::kUnknown:
      if (std::holds_alternative<std::int64_t>(v) || std::holds_alternative<std::uint64_t>(v)) {
        pm.set_long_value(AsBits(v));
      } else if (const auto* d = std::get_if<double>(&v)) {
        pm.set_double_value(*d);
      } else if (const auto* b = std::get_if<bool>(&v)) {
        pm.set_boolean_value(*b);
      } else if (const auto* s = std::get_if<std::string>(&v)) {
        pm.set_string_value(*s);
      } else if (const auto* bytes = std::get_if<Bytes>(&v)) {
        pm.set_bytes_value(bytes->data);
      }
      return;
    case DataType::kInt8:
    case DataType::kInt16:
    case DataType::kInt32:
    case DataType::kUInt8:
    case DataType::kUInt16:
      pm.set_int_value(static_cast<std::uint32_t>(AsBits(v)));
      return;
    case DataType::kInt64:
    case DataType::kUInt32:
    case DataType::kUInt64:
    case DataType::kDateTime:
      pm.set_long_value(AsBits(v));
      return;
    case DataType::kFloat:
      pm.set_float_value(static_cast<float>(AsDouble(v)));
      return;
    case DataType::kDouble:
      pm.set_double_value(AsDouble(v));
      return;
    case DataType::kBoolean:
      pm.set_boolean_value(Need<bool>(v));
      return;
    case DataType::kString:
    case DataType::kText:
    case DataType::kUuid:
      pm.set_string_value(Need<std::string>(v));
      return;
    default:
      if (m.datatype == DataType::kBytes || m.datatype == DataType::kFile || IsArray(m.datatype)) {
        pm.set_bytes_value(Need<Bytes>(v).data);
        return;
      }
      ORDO_ASSERT(false && "EncodePayload cannot write DataSet, Template or PropertySet values");
  }
}

}  // namespace

const char* DataTypeName(DataType type) {
  const auto n = static_cast<std::uint32_t>(type);
  return n <= kMaxDataType ? kDataTypeNames[n] : "Invalid";
}

Result<Metric> TypeMetric(Metric metric, DataType datatype, const std::string& field) {
  if (metric.datatype != DataType::kUnknown) {
    if (metric.datatype == datatype) return metric;
    return Refuse(field + ".datatype", "value_type_mismatch",
                  std::string("the metric says ") + DataTypeName(metric.datatype) +
                      " but its birth says " + DataTypeName(datatype));
  }
  ORDO_TRY(TypeValue(metric, datatype, field));
  return metric;
}

Result<Payload> DecodePayload(std::string_view bytes) {
  if (bytes.size() > kMaxPayloadBytes) {
    return Error{ErrorCode::kResourceExhausted,
                 "the payload has " + std::to_string(bytes.size()) + " bytes; at most " +
                     std::to_string(kMaxPayloadBytes) + " are accepted",
                 "payload", "payload_too_large"};
  }
  PbPayload pb;
  if (!pb.ParseFromArray(bytes.data(), static_cast<int>(bytes.size()))) {
    return Refuse("payload", "malformed_payload",
                  "the payload is not a Sparkplug B protobuf Payload message");
  }
  if (pb.has_uuid() && pb.uuid() == "SPBV1.0_COMPRESSED") {
    return Refuse("uuid", "compressed_payload",
                  "compressed Sparkplug payloads (uuid SPBV1.0_COMPRESSED) are not supported; "
                  "publish uncompressed");
  }
  if (static_cast<std::size_t>(pb.metrics_size()) > kMaxMetrics) {
    return Refuse("metrics", "too_many_metrics",
                  "the payload has " + std::to_string(pb.metrics_size()) + " metrics; at most " +
                      std::to_string(kMaxMetrics) + " are accepted");
  }
  Payload out;
  if (pb.has_timestamp()) out.timestamp_ms = pb.timestamp();
  if (pb.has_seq()) {
    if (pb.seq() > 255) {
      return Refuse("seq", "invalid_seq", "seq " + std::to_string(pb.seq()) + " is outside 0..255");
    }
    out.seq = pb.seq();
  }
  out.metrics.reserve(pb.metrics_size());
  for (int i = 0; i < pb.metrics_size(); ++i) {
    auto metric = FromProto(pb.metrics(i), "metrics[" + std::to_string(i) + "]");
    if (!metric.ok()) return metric.error();
    out.metrics.push_back(std::move(metric).value());
  }
  return out;
}

std::string EncodePayload(const Payload& payload) {
  PbPayload pb;
  if (payload.timestamp_ms) pb.set_timestamp(*payload.timestamp_ms);
  if (payload.seq) pb.set_seq(*payload.seq);
  for (const Metric& m : payload.metrics) {
    PbMetric& pm = *pb.add_metrics();
    if (!m.name.empty()) pm.set_name(m.name);
    if (m.alias) pm.set_alias(*m.alias);
    if (m.timestamp_ms) pm.set_timestamp(*m.timestamp_ms);
    if (m.datatype != DataType::kUnknown) pm.set_datatype(static_cast<std::uint32_t>(m.datatype));
    if (m.is_historical) pm.set_is_historical(true);
    if (m.is_transient) pm.set_is_transient(true);
    if (m.is_null || std::holds_alternative<std::monostate>(m.value)) {
      pm.set_is_null(true);
      continue;
    }
    WriteValue(m, pm);
  }
  return pb.SerializeAsString();
}

}  // namespace ordo::sparkplug
