// The Sparkplug B codec: round trips of every carried datatype, the wire field numbers
// (checked with hand-built protobuf bytes, not with our own .proto), and every refusal.
#include "mes/equipment/sparkplug/sparkplug.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/testing/verifies.h"

namespace ordo::sparkplug {
namespace {

// A minimal protobuf writer: field numbers from the Sparkplug B specification.
struct Wire {
  std::string out;
  void Varint(std::uint64_t v) {
    while (v >= 0x80) {
      out.push_back(static_cast<char>((v & 0x7f) | 0x80));
      v >>= 7;
    }
    out.push_back(static_cast<char>(v));
  }
  Wire& U(int field, std::uint64_t v) {
    Varint(static_cast<std::uint64_t>(field) << 3);
    Varint(v);
    return *this;
  }
  Wire& S(int field, const std::string& s) {
    Varint((static_cast<std::uint64_t>(field) << 3) | 2);
    Varint(s.size());
    out += s;
    return *this;
  }
  Wire& F32(int field, float f) {
    Varint((static_cast<std::uint64_t>(field) << 3) | 5);
    out.append(reinterpret_cast<const char*>(&f), 4);
    return *this;
  }
  Wire& F64(int field, double d) {
    Varint((static_cast<std::uint64_t>(field) << 3) | 1);
    out.append(reinterpret_cast<const char*>(&d), 8);
    return *this;
  }
};

// Payload fields: timestamp 1, metrics 2, seq 3. Metric: name 1, alias 2, timestamp 3,
// datatype 4, is_historical 5, is_transient 6, is_null 7, int_value 10, long_value 11,
// float_value 12, double_value 13, boolean_value 14, string_value 15, bytes_value 16,
// dataset_value 17, template_value 18.
std::string OneMetric(const Wire& metric) { return Wire{}.S(2, metric.out).out; }

Metric Make(std::string name, DataType type, Value value) {
  Metric m;
  m.name = std::move(name);
  m.datatype = type;
  m.value = std::move(value);
  return m;
}

Error DecodeError(const std::string& bytes) {
  auto r = DecodePayload(bytes);
  EXPECT_FALSE(r.ok());
  return r.ok() ? Error{} : r.error();
}

TEST(SparkplugCodec, EveryCarriedDatatypeRoundTrips) {
  ORDO_VERIFIES("ORDO-SPB-01");
  Payload p;
  p.timestamp_ms = 1764500000123;
  p.seq = 255;
  p.metrics = {
      Make("i8", DataType::kInt8, std::int64_t{-128}),
      Make("i16", DataType::kInt16, std::int64_t{-300}),
      Make("i32", DataType::kInt32, std::int64_t{std::numeric_limits<std::int32_t>::min()}),
      Make("i64", DataType::kInt64, std::int64_t{std::numeric_limits<std::int64_t>::min()}),
      Make("u8", DataType::kUInt8, std::uint64_t{255}),
      Make("u16", DataType::kUInt16, std::uint64_t{65535}),
      Make("u32", DataType::kUInt32, std::uint64_t{4000000000}),
      Make("u64", DataType::kUInt64, std::numeric_limits<std::uint64_t>::max()),
      Make("f", DataType::kFloat, 1.5),
      Make("d", DataType::kDouble, -2.25e300),
      Make("b", DataType::kBoolean, true),
      Make("s", DataType::kString, std::string("Line 1 \xc3\xa9")),
      Make("t", DataType::kDateTime, std::uint64_t{1764500000000}),
      Make("x", DataType::kText, std::string("long text")),
      Make("id", DataType::kUuid, std::string("8a4f0c52-3c1e-4c35-9b4e-0d3c6b1b2f10")),
      Make("raw", DataType::kBytes, Bytes{std::string("\x00\x01\xff", 3)}),
      Make("file", DataType::kFile, Bytes{"%PDF"}),
      Make("arr", DataType::kInt8Array, Bytes{"\x01\x02"}),
  };
  p.metrics[0].alias = 7;
  p.metrics[1].timestamp_ms = 1764500000001;
  p.metrics[2].is_historical = true;
  p.metrics[3].is_transient = true;
  Metric null_metric = Make("n", DataType::kDouble, std::monostate{});
  null_metric.is_null = true;
  p.metrics.push_back(null_metric);

  auto back = DecodePayload(EncodePayload(p));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->timestamp_ms, p.timestamp_ms);
  EXPECT_EQ(back->seq, p.seq);
  ASSERT_EQ(back->metrics.size(), p.metrics.size());
  for (std::size_t i = 0; i < p.metrics.size(); ++i) {
    const Metric& want = p.metrics[i];
    const Metric& got = back->metrics[i];
    SCOPED_TRACE(want.name);
    EXPECT_EQ(got.name, want.name);
    EXPECT_EQ(got.datatype, want.datatype);
    EXPECT_EQ(got.value, want.value);
    EXPECT_EQ(got.is_null, want.is_null);
    EXPECT_EQ(got.alias, want.alias);
    EXPECT_EQ(got.timestamp_ms, want.timestamp_ms);
    EXPECT_EQ(got.is_historical, want.is_historical);
    EXPECT_EQ(got.is_transient, want.is_transient);
  }
}

TEST(SparkplugCodec, ReadsTheSpecificationsFieldNumbers) {
  ORDO_VERIFIES("ORDO-SPB-01");
  Wire payload;
  payload.U(1, 1764500000000).U(3, 42);
  payload.S(2, Wire{}.S(1, "Temp").U(2, 3).U(3, 1764500000005).U(4, 10).F64(13, 71.5).out);
  payload.S(2, Wire{}.S(1, "Speed").U(4, 9).F32(12, 2.5f).out);
  payload.S(2, Wire{}.S(1, "Count").U(4, 8).U(11, 1234567890123).out);
  payload.S(2, Wire{}.S(1, "Run").U(4, 11).U(14, 1).out);
  payload.S(2, Wire{}.S(1, "Order").U(4, 12).S(15, "WO-1").out);
  payload.S(2, Wire{}.S(1, "Blob").U(4, 17).S(16, "ab").out);
  payload.S(2, Wire{}.S(1, "Gone").U(4, 3).U(7, 1).out);
  payload.S(2, Wire{}.S(1, "Old").U(4, 5).U(5, 1).U(6, 1).U(10, 200).out);
  auto p = DecodePayload(payload.out);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->timestamp_ms, 1764500000000u);
  EXPECT_EQ(p->seq, 42u);
  ASSERT_EQ(p->metrics.size(), 8u);
  EXPECT_EQ(p->metrics[0].alias, 3u);
  EXPECT_EQ(p->metrics[0].timestamp_ms, 1764500000005u);
  EXPECT_EQ(p->metrics[0].value, Value{71.5});
  EXPECT_EQ(p->metrics[1].value, Value{2.5});
  EXPECT_EQ(p->metrics[2].value, Value{std::uint64_t{1234567890123}});
  EXPECT_EQ(p->metrics[3].value, Value{true});
  EXPECT_EQ(p->metrics[4].value, Value{std::string("WO-1")});
  EXPECT_EQ(p->metrics[5].value, Value{Bytes{"ab"}});
  EXPECT_TRUE(p->metrics[6].is_null);
  EXPECT_EQ(p->metrics[6].value, Value{});
  EXPECT_EQ(p->metrics[7].value, Value{std::uint64_t{200}});
  EXPECT_TRUE(p->metrics[7].is_historical);
  EXPECT_TRUE(p->metrics[7].is_transient);
}

TEST(SparkplugCodec, SignedIntegersInEitherTwosComplementForm) {
  ORDO_VERIFIES("ORDO-SPB-01");
  // -1 as Int8: the 8-bit pattern 0xFF, or sign-extended to the 32-bit int_value.
  for (std::uint64_t raw : {std::uint64_t{0xFF}, std::uint64_t{0xFFFFFFFF}}) {
    auto p = DecodePayload(OneMetric(Wire{}.S(1, "a").U(4, 1).U(10, raw)));
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->metrics[0].value, Value{std::int64_t{-1}});
  }
  auto i16 = DecodePayload(OneMetric(Wire{}.S(1, "a").U(4, 2).U(10, 0xFFFF8000)));
  ASSERT_TRUE(i16.ok());
  EXPECT_EQ(i16->metrics[0].value, Value{std::int64_t{-32768}});
  // UInt32 in int_value (the specification's table) or long_value (common libraries).
  for (int field : {10, 11}) {
    auto p = DecodePayload(OneMetric(Wire{}.S(1, "a").U(4, 7).U(field, 4000000000)));
    ASSERT_TRUE(p.ok()) << p.error().message;
    EXPECT_EQ(p->metrics[0].value, Value{std::uint64_t{4000000000}});
  }
}

// Found by the fuzzer: a Float sent in double_value kept all 64 bits, and the encoder wrote
// them back as a float, so a decode-encode-decode changed the value.
TEST(SparkplugCodec, AFloatInDoubleValueIsAFloat) {
  ORDO_VERIFIES("ORDO-SPB-01", "ORDO-SPB-03", "ORDO-SPB-14");
  const double sent = 0.1;  // not a float
  auto p = DecodePayload(OneMetric(Wire{}.S(1, "Te").U(4, 9).F64(13, sent)));
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->metrics[0].datatype, DataType::kFloat);
  EXPECT_EQ(p->metrics[0].value, Value{static_cast<double>(0.1f)});
  EXPECT_NE(p->metrics[0].value, Value{sent});
  auto back = DecodePayload(EncodePayload(*p));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->metrics[0].value, p->metrics[0].value);
  // A Double keeps every bit in either field.
  auto d = DecodePayload(OneMetric(Wire{}.S(1, "Te").U(4, 10).F64(13, sent)));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->metrics[0].value, Value{sent});
  // Beyond a float's range: refused, not infinity. Infinity itself is a float.
  const Error big = DecodeError(OneMetric(Wire{}.S(1, "Te").U(4, 9).F64(13, 1e300)));
  EXPECT_EQ(big.reason, "value_out_of_range");
  EXPECT_EQ(big.field, "metrics[0].value");
  auto inf = DecodePayload(
      OneMetric(Wire{}.S(1, "Te").U(4, 9).F64(13, std::numeric_limits<double>::infinity())));
  ASSERT_TRUE(inf.ok());
  EXPECT_EQ(inf->metrics[0].value, Value{std::numeric_limits<double>::infinity()});
}

TEST(SparkplugCodec, DataSetAndTemplateAreReadButNotCarried) {
  ORDO_VERIFIES("ORDO-SPB-01");
  const std::string dataset = Wire{}.U(1, 1).S(2, "col").U(3, 3).out;
  const std::string tmpl = Wire{}.S(1, "v1").S(2, Wire{}.S(1, "inner").U(4, 11).U(14, 1).out).out;
  Wire payload;
  payload.S(2, Wire{}.S(1, "Table").U(2, 1).U(4, 16).S(17, dataset).out);
  payload.S(2, Wire{}.S(1, "Udt").U(2, 2).U(4, 19).S(18, tmpl).out);
  auto p = DecodePayload(payload.out);
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->metrics[0].datatype, DataType::kDataSet);
  EXPECT_EQ(p->metrics[0].wire, WireField::kDataSet);
  EXPECT_EQ(p->metrics[0].value, Value{});
  EXPECT_FALSE(p->metrics[0].is_null);
  EXPECT_EQ(p->metrics[1].datatype, DataType::kTemplate);
}

TEST(SparkplugCodec, UntypedDataMetricsKeepTheirWireValueUntilTyped) {
  ORDO_VERIFIES("ORDO-SPB-01", "ORDO-SPB-03");
  auto p = DecodePayload(OneMetric(Wire{}.U(2, 5).U(10, 0xFFFFFFFE)));
  ASSERT_TRUE(p.ok()) << p.error().message;
  const Metric& raw = p->metrics[0];
  EXPECT_EQ(raw.datatype, DataType::kUnknown);
  EXPECT_EQ(raw.value, Value{std::uint64_t{0xFFFFFFFE}});
  auto typed = TypeMetric(raw, DataType::kInt16, "metrics[0]");
  ASSERT_TRUE(typed.ok()) << typed.error().message;
  EXPECT_EQ(typed->value, Value{std::int64_t{-2}});
  EXPECT_EQ(typed->datatype, DataType::kInt16);
  auto wrong = TypeMetric(raw, DataType::kString, "metrics[0]");
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.error().reason, "value_type_mismatch");
  EXPECT_EQ(wrong.error().field, "metrics[0].value");
  auto narrow = TypeMetric(raw, DataType::kUInt8, "metrics[0]");
  ASSERT_FALSE(narrow.ok());
  EXPECT_EQ(narrow.error().reason, "value_out_of_range");
  // Already typed: a different birth datatype is a mismatch.
  auto again = TypeMetric(*typed, DataType::kInt32, "metrics[0]");
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().field, "metrics[0].datatype");
}

TEST(SparkplugCodec, EncodesUntypedMetricsByTheirValue) {
  ORDO_VERIFIES("ORDO-SPB-01");
  Payload p;
  p.seq = 3;
  Metric by_alias;
  by_alias.alias = 9;
  by_alias.value = std::int64_t{-5};
  p.metrics.push_back(by_alias);
  p.metrics.push_back(Make("flag", DataType::kUnknown, false));
  auto back = DecodePayload(EncodePayload(p));
  ASSERT_TRUE(back.ok()) << back.error().message;
  EXPECT_EQ(back->metrics[0].wire, WireField::kLong);
  auto typed = TypeMetric(back->metrics[0], DataType::kInt64, "metrics[0]");
  ASSERT_TRUE(typed.ok());
  EXPECT_EQ(typed->value, Value{std::int64_t{-5}});
  EXPECT_EQ(back->metrics[1].value, Value{false});
}

TEST(SparkplugCodec, RefusesOversizedPayloadsAndTooManyMetrics) {
  ORDO_VERIFIES("ORDO-SPB-02");
  const Error big = DecodeError(std::string(kMaxPayloadBytes + 1, '\0'));
  EXPECT_EQ(big.reason, "payload_too_large");
  EXPECT_EQ(big.code, ErrorCode::kResourceExhausted);
  EXPECT_EQ(big.field, "payload");
  std::string many;
  const std::string metric = OneMetric(Wire{}.S(1, "m").U(4, 11).U(14, 1));
  for (std::size_t i = 0; i <= kMaxMetrics; ++i) many += metric;
  const Error count = DecodeError(many);
  EXPECT_EQ(count.reason, "too_many_metrics");
  EXPECT_EQ(count.field, "metrics");
  // Exactly at the limit is accepted.
  auto at_limit = DecodePayload(many.substr(metric.size()));
  ASSERT_TRUE(at_limit.ok()) << at_limit.error().message;
  EXPECT_EQ(at_limit->metrics.size(), kMaxMetrics);
}

TEST(SparkplugCodec, RefusesMalformedProtobuf) {
  ORDO_VERIFIES("ORDO-SPB-04");
  for (const std::string& bad :
       {std::string("\xff\xff\xff"), std::string("\x12\x05\x0a"), std::string("\x0a\x01", 2)}) {
    const Error e = DecodeError(bad);
    EXPECT_EQ(e.reason, "malformed_payload");
    EXPECT_EQ(e.field, "payload");
    EXPECT_FALSE(e.message.empty());
  }
}

TEST(SparkplugCodec, RefusalsNameTheField) {
  ORDO_VERIFIES("ORDO-SPB-03");
  struct Case {
    std::string bytes;
    std::string reason;
    std::string field;
  };
  const std::string ok_metric = OneMetric(Wire{}.S(1, "ok").U(4, 11).U(14, 0));
  const Case cases[] = {
      {Wire{}.U(3, 256).out, "invalid_seq", "seq"},
      {Wire{}.S(4, "SPBV1.0_COMPRESSED").S(5, "x").out, "compressed_payload", "uuid"},
      {ok_metric + OneMetric(Wire{}.U(4, 11).U(14, 1)), "metric_unnamed", "metrics[1]"},
      {OneMetric(Wire{}.S(1, std::string(kMaxMetricNameBytes + 1, 'n')).U(4, 11).U(14, 1)),
       "name_too_long", "metrics[0].name"},
      {ok_metric + OneMetric(Wire{}.S(1, "x").U(4, 35).U(10, 1)), "unknown_datatype",
       "metrics[1].datatype"},
      {OneMetric(Wire{}.S(1, "x").U(4, 3)), "missing_value", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 11).S(15, "yes")), "value_type_mismatch",
       "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 12).U(10, 1)), "value_type_mismatch", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 9).S(16, "ab")), "value_type_mismatch", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 20).U(10, 1)), "value_type_mismatch", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 1).U(10, 0x100)), "value_out_of_range", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 1).U(10, 0xFFFFFF7F)), "value_out_of_range",
       "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 6).U(11, 65536)), "value_out_of_range", "metrics[0].value"},
      {OneMetric(Wire{}.S(1, "x").U(4, 3).U(11, 0x100000000)), "value_out_of_range",
       "metrics[0].value"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.reason + " " + c.field);
    const Error e = DecodeError(c.bytes);
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.reason, c.reason);
    EXPECT_EQ(e.field, c.field);
    EXPECT_FALSE(e.message.empty());
  }
}

TEST(SparkplugCodec, NullNeedsNoValueAndDataTypeNamesAreStable) {
  ORDO_VERIFIES("ORDO-SPB-01");
  auto p = DecodePayload(OneMetric(Wire{}.S(1, "x").U(4, 10).U(7, 1)));
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p->metrics[0].is_null);
  EXPECT_STREQ(DataTypeName(DataType::kUInt32), "UInt32");
  EXPECT_STREQ(DataTypeName(DataType::kDateTimeArray), "DateTimeArray");
  EXPECT_STREQ(DataTypeName(static_cast<DataType>(99)), "Invalid");
}

}  // namespace
}  // namespace ordo::sparkplug
