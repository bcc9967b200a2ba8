// Codec interop with a third-party Sparkplug B implementation: the npm `sparkplug-payload`
// (used by `sparkplug-client`), installed in tests/sparkplug by scripts/install-deps.
// Their encoder's payloads decode with ours (and feed a session); ours decode with theirs.
// No MQTT here: bytes pass through files and pipes (the broker test is the connector's).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "core/testing/verifies.h"
#include "mes/equipment/sparkplug/session.h"
#include "mes/equipment/sparkplug/sparkplug.h"

namespace ordo::sparkplug {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

constexpr std::uint64_t kT0 = 1764500000000;

std::string Hex(const std::string& bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    out.push_back(kDigits[c >> 4]);
    out.push_back(kDigits[c & 15]);
  }
  return out;
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

// Runs `node tests/sparkplug/interop.mjs ARGS` and returns its stdout as JSON. Fails the
// test (not skips it) when the npm packages are missing: scripts/install-deps installs them.
json RunNode(const std::string& args) {
  const fs::path dir = ORDO_SPARKPLUG_INTEROP_DIR;
  if (!fs::exists(dir / "node_modules" / "sparkplug-payload")) {
    ADD_FAILURE() << (dir / "node_modules").string()
                  << " has no sparkplug-payload: run scripts/install-deps (it runs npm ci in "
                     "tests/sparkplug)";
    return json::array();
  }
  const std::string command =
      std::string("'") + ORDO_NODE_BIN + "' '" + (dir / "interop.mjs").string() + "' " + args;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    ADD_FAILURE() << "cannot run " << command;
    return json::array();
  }
  std::string out;
  char buffer[4096];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
  const int status = pclose(pipe);
  if (status != 0) {
    ADD_FAILURE() << command << " exited with status " << status << " (is Node.js 20+ on PATH?)";
    return json::array();
  }
  return json::parse(out);
}

Payload Theirs(const json& cases, const std::string& name) {
  for (const json& c : cases) {
    if (c.at("case") == name) {
      auto p = DecodePayload(Unhex(c.at("hex").get<std::string>()));
      EXPECT_TRUE(p.ok()) << name << ": " << p.error().field << ": " << p.error().message;
      return p.ok() ? p.value() : Payload{};
    }
  }
  ADD_FAILURE() << "no case " << name << " from interop.mjs";
  return {};
}

const Metric& Named(const Payload& p, const std::string& name) {
  for (const Metric& m : p.metrics)
    if (m.name == name) return m;
  static const Metric kNone;
  ADD_FAILURE() << "no metric " << name;
  return kNone;
}

TEST(SparkplugInterop, DecodesWhatTheirEncoderWrites) {
  ORDO_VERIFIES("ORDO-SPB-12");
  const json cases = RunNode("encode");
  const Payload birth = Theirs(cases, "birth");
  EXPECT_EQ(birth.timestamp_ms, kT0);
  EXPECT_EQ(birth.seq, 0u);
  ASSERT_EQ(birth.metrics.size(), 20u);
  EXPECT_EQ(Named(birth, "bdSeq").value, Value{std::int64_t{3}});
  EXPECT_EQ(Named(birth, "Node Control/Rebirth").alias, 1u);
  EXPECT_EQ(Named(birth, "i8").value, Value{std::int64_t{-7}});
  EXPECT_EQ(Named(birth, "i16").value, Value{std::int64_t{-300}});
  EXPECT_EQ(Named(birth, "i32").value, Value{std::int64_t{-70000}});
  EXPECT_EQ(Named(birth, "i64").value, Value{std::numeric_limits<std::int64_t>::min()});
  EXPECT_EQ(Named(birth, "u8").value, Value{std::uint64_t{200}});
  EXPECT_EQ(Named(birth, "u16").value, Value{std::uint64_t{60000}});
  EXPECT_EQ(Named(birth, "u32").value, Value{std::uint64_t{4000000000}});
  EXPECT_EQ(Named(birth, "u64").value, Value{std::numeric_limits<std::uint64_t>::max()});
  EXPECT_EQ(Named(birth, "f").value, Value{1.5});
  EXPECT_EQ(Named(birth, "d").value, Value{-2.25e300});
  EXPECT_EQ(Named(birth, "run").value, Value{true});
  EXPECT_EQ(Named(birth, "s").value, Value{std::string("Gr\xc3\xbc\xc3\x9f"
                                                       "e, Linie 1")});
  EXPECT_EQ(Named(birth, "dt").datatype, DataType::kDateTime);
  EXPECT_EQ(Named(birth, "dt").value, Value{kT0 + 5});
  EXPECT_EQ(Named(birth, "txt").value, Value{std::string("text")});
  EXPECT_EQ(Named(birth, "id").datatype, DataType::kUuid);
  EXPECT_EQ(Named(birth, "raw").value, Value{Bytes{std::string("\x00\x01\xff", 3)}});
  EXPECT_TRUE(Named(birth, "gone").is_null);
  EXPECT_EQ(Named(birth, "old").timestamp_ms, kT0 - 60000);
  EXPECT_TRUE(Named(birth, "old").is_historical);

  // Their birth and data through the session: aliases resolve to names and types.
  EdgeNodeSession session("Plant1", "Line-1");
  const Decision born =
      session.OnMessage(ParseTopic("spBv1.0/Plant1/NBIRTH/Line-1").value(), birth);
  ASSERT_EQ(born.outcome, Outcome::kApplied) << born.reason << ": " << born.message;
  EXPECT_EQ(session.bd_seq(), 3u);
  const Decision d =
      session.OnMessage(ParseTopic("spBv1.0/Plant1/NDATA/Line-1").value(), Theirs(cases, "data"));
  EXPECT_FALSE(d.rebirth_needed) << d.rebirth_detail;
  ASSERT_EQ(d.metrics.size(), 3u);
  EXPECT_EQ(d.metrics[0].name, "i8");
  EXPECT_EQ(d.metrics[0].value, Value{std::int64_t{-1}});
  EXPECT_EQ(d.metrics[1].name, "s");
  EXPECT_EQ(d.metrics[1].value, Value{std::string("down")});
  EXPECT_EQ(d.metrics[2].name, "d");
  EXPECT_EQ(d.metrics[2].value, Value{0.125});
  EXPECT_EQ(d.metrics[2].timestamp_ms, kT0 + 999);
  EXPECT_EQ(d.metrics[0].timestamp_ms, kT0 + 1000);

  const Payload rebirth = Theirs(cases, "rebirth");
  ASSERT_EQ(rebirth.metrics.size(), 1u);
  EXPECT_EQ(rebirth.metrics[0].name, kRebirthMetric);
  EXPECT_EQ(rebirth.metrics[0].value, Value{true});
}

Metric M(std::string name, DataType type, Value value, std::optional<std::uint64_t> alias = {}) {
  Metric m;
  m.name = std::move(name);
  m.datatype = type;
  m.value = std::move(value);
  m.alias = alias;
  return m;
}

TEST(SparkplugInterop, TheirDecoderReadsWhatOurEncoderWrites) {
  ORDO_VERIFIES("ORDO-SPB-13", "ORDO-SPB-11");
  Payload birth;
  birth.timestamp_ms = kT0;
  birth.seq = 0;
  birth.metrics = {
      M("bdSeq", DataType::kInt64, std::int64_t{3}),
      M("i8", DataType::kInt8, std::int64_t{-7}, 2),
      M("i16", DataType::kInt16, std::int64_t{-300}, 3),
      M("i32", DataType::kInt32, std::int64_t{-70000}, 4),
      M("i64", DataType::kInt64, std::numeric_limits<std::int64_t>::min(), 5),
      M("u8", DataType::kUInt8, std::uint64_t{200}, 6),
      M("u16", DataType::kUInt16, std::uint64_t{60000}, 7),
      M("u32", DataType::kUInt32, std::uint64_t{4000000000}, 8),
      M("u64", DataType::kUInt64, std::numeric_limits<std::uint64_t>::max(), 9),
      M("f", DataType::kFloat, 1.5, 10),
      M("d", DataType::kDouble, -2.25e300, 11),
      M("run", DataType::kBoolean, true, 12),
      M("s", DataType::kString,
        std::string("Gr\xc3\xbc\xc3\x9f"
                    "e"),
        13),
      M("dt", DataType::kDateTime, kT0 + 5, 14),
      M("raw", DataType::kBytes, Bytes{std::string("\x00\x01\xff", 3)}, 15),
      M("gone", DataType::kDouble, std::monostate{}, 16),
  };
  birth.metrics.back().is_null = true;
  birth.metrics[1].timestamp_ms = kT0 - 1;

  const fs::path file = fs::path(::testing::TempDir()) / "ordo_sparkplug_interop.json";
  {
    json cases = json::array();
    cases.push_back({{"case", "birth"}, {"hex", Hex(EncodePayload(birth))}});
    cases.push_back({{"case", "rebirth"}, {"hex", Hex(EncodePayload(RebirthRequest(kT0)))}});
    std::ofstream(file) << cases.dump();
  }
  const json out = RunNode("decode '" + file.string() + "'");
  fs::remove(file);
  ASSERT_EQ(out.size(), 2u);
  const json& p = out[0].at("payload");
  EXPECT_EQ(p.at("timestamp"), "1764500000000");
  EXPECT_EQ(p.at("seq"), "0");
  const json& m = p.at("metrics");
  ASSERT_EQ(m.size(), birth.metrics.size());
  const json want[] = {"3",
                       -7,
                       -300,
                       -70000,
                       "-9223372036854775808",
                       200,
                       60000,
                       4000000000,
                       "18446744073709551615",
                       1.5,
                       -2.25e300,
                       true,
                       "Gr\xc3\xbc\xc3\x9f"
                       "e",
                       "1764500000005",
                       {{"hex", "0001ff"}},
                       nullptr};
  for (std::size_t i = 0; i < birth.metrics.size(); ++i) {
    SCOPED_TRACE(birth.metrics[i].name);
    EXPECT_EQ(m[i].at("name"), birth.metrics[i].name);
    EXPECT_EQ(m[i].at("type"), DataTypeName(birth.metrics[i].datatype));
    const json& got = m[i].at("value");
    // 64-bit values arrive as decimal strings from `long`; some as plain numbers.
    if (want[i].is_string() && got.is_number()) {
      EXPECT_EQ(got.dump(), want[i].get<std::string>());
    } else {
      EXPECT_EQ(got, want[i]);
    }
    if (birth.metrics[i].alias) {
      EXPECT_EQ(m[i].at("alias"), std::to_string(*birth.metrics[i].alias));
    }
  }
  EXPECT_EQ(m[1].at("timestamp"), std::to_string(kT0 - 1));

  const json& rebirth = out[1].at("payload").at("metrics");
  ASSERT_EQ(rebirth.size(), 1u);
  EXPECT_EQ(rebirth[0].at("name"), "Node Control/Rebirth");
  EXPECT_EQ(rebirth[0].at("type"), "Boolean");
  EXPECT_EQ(rebirth[0].at("value"), true);
}

}  // namespace
}  // namespace ordo::sparkplug
