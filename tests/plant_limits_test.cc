// The bounds of POST /api/v1/plant/apply (issue 8, section 6 "YAML alias amplification"):
// a file that expands through YAML aliases is refused quickly with a small response,
// every error response is bounded, and the io thread keeps serving while a large plant
// is parsed.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::size_t kMaxProblemBytes = 128 * 1024;  // server/api.h

class PlantLimitsTest : public MasterdataTest {
 protected:
  HttpReply Apply(const Json& files) {
    return http().Post("/api/v1/plant/apply", Json{{"files", files}, {"title", "plant limits"}},
                       engineer_);
  }
};

// A material whose conversions repeat one anchored unit name `uses` times.
std::string AmplifiedMaterial(std::size_t anchor_bytes, std::size_t uses) {
  std::string text = "kind: material\nid: M-BIG\nname: &big " + std::string(anchor_bytes, 'x') +
                     "\nclass: raw\nbase_unit: kg\nconversions:\n";
  for (std::size_t i = 0; i < uses; ++i) text += "  - {unit: *big, factor: 2}\n";
  return text;
}

// A valid material with `units` unit conversions (about 40 bytes each).
std::string Material(const std::string& id, int units) {
  std::string text = "kind: material\nid: " + id + "\nname: Load test material " + id +
                     "\nclass: raw\nbase_unit: kg\ntracking: lot\nconversions:\n";
  for (int i = 1; i <= units; ++i)
    text += "  - unit: unit" + std::to_string(i) + "\n    factor: " + std::to_string(i * 3) + "\n";
  return text;
}

TEST_F(PlantLimitsTest, AliasAmplificationIsRefusedWithABoundedResponse) {
  ORDO_VERIFIES("ORDO-MD-07", "ORDO-API-06", "P11-01");
  const std::string text = AmplifiedMaterial(100 * 1024, 600);
  ASSERT_LT(text.size(), 130'000u);  // the 120 KB file of the finding
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Apply(Json::array({{{"path", "materials/M-BIG.yaml"}, {"text", text}}}));
  ExpectProblem(r, 400, "invalid_argument", "files");
  EXPECT_LE(r.body.size(), kMaxProblemBytes);
  EXPECT_LT(r.body.size(), 4096u) << "one error: a small response";
  Json j = r.json();
  EXPECT_EQ(j.value("reason", ""), "plant_file_errors");
  ASSERT_EQ(j["errors"].size(), 1u) << r.Describe();
  EXPECT_EQ(j["errors"][0]["code"], "yaml_too_large");
  EXPECT_EQ(j["errors"][0]["file"], "materials/M-BIG.yaml");
  EXPECT_NE(j["errors"][0].value("message", "").find("4 MiB"), std::string::npos);
  EXPECT_EQ(HeadSeq(http()), head);
  EXPECT_EQ(http().Get("/api/v1/health").status, 200);
}

TEST_F(PlantLimitsTest, ManyErrorsGiveABoundedListAndCountTheRest) {
  ORDO_VERIFIES("ORDO-API-06");
  Json files = Json::array();
  const std::string long_value(2000, 'v');
  for (int i = 0; i < 400; ++i)
    files.push_back({{"path", "materials/M-" + std::to_string(i) + ".yaml"},
                     {"text", "kind: material\nid: M-" + std::to_string(i) +
                                  "\nunknown_field: " + long_value + "\nname: [unclosed\n"}});
  HttpReply r = Apply(files);
  ExpectProblem(r, 400, "invalid_argument", "files");
  EXPECT_LE(r.body.size(), kMaxProblemBytes);
  Json j = r.json();
  ASSERT_TRUE(j["errors"].is_array()) << r.Describe();
  EXPECT_EQ(j["errors"].size(), 50u);
  EXPECT_EQ(j.value("errors_omitted", 0), 350);
  EXPECT_NE(j.value("detail", "").find("50 of 400 errors are listed"), std::string::npos)
      << j.value("detail", "");
  EXPECT_LE(j.value("detail", "").size(), 2200u);
}

TEST_F(PlantLimitsTest, HealthIsAnsweredWhileALargePlantIsParsed) {
  ORDO_VERIFIES("ORDO-API-07");
  // A server that accepts a large upload (the default body limit is 1 MiB).
  ASSERT_TRUE(server_->Stop().has_value());
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(),
                                         std::vector<std::string>{"--max-body-bytes", "33554432"});
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  engineer_ = TokenFor("engineer");
  Json files = Json::array();
  for (int i = 0; i < 400; ++i) {
    const std::string id = "LOAD-" + std::to_string(i);
    files.push_back({{"path", "materials/" + id + ".yaml"}, {"text", Material(id, 150)}});
  }
  const std::string body = Json{{"files", files}, {"title", "large plant"}}.dump();

  std::atomic<bool> applied{false};
  HttpReply apply;
  Clock::time_point apply_end;
  const Clock::time_point apply_start = Clock::now();
  std::thread applier([&] {
    HttpClient c = server_->Client();
    c.set_timeout_seconds(300);
    apply = c.Request("POST", "/api/v1/plant/apply", body, engineer_,
                      {{"Content-Type", "application/json"}});
    apply_end = Clock::now();
    applied = true;
  });
  struct Probe {
    Clock::time_point sent, answered;
    int status;
  };
  std::vector<Probe> probes;
  while (!applied) {
    Probe p{Clock::now(), {}, 0};
    p.status = http().Get("/api/v1/health").status;
    p.answered = Clock::now();
    probes.push_back(p);
    std::this_thread::sleep_for(std::chrono::milliseconds(10));  // pacing, not a timing check
  }
  applier.join();
  ASSERT_EQ(apply.status, 201) << apply.Describe().substr(0, 2000);
  EXPECT_EQ(apply.json()["change_request"]["items"].size(), 400u);
  // Ordering, not absolute times: health answers kept arriving while the apply was in
  // flight, and none waited for a large part of it (a parse on the io thread makes
  // one health request wait for the whole parse).
  int answered_during = 0;
  Clock::duration longest{};
  for (const auto& p : probes) {
    EXPECT_EQ(p.status, 200);
    if (p.answered < apply_end) ++answered_during;
    longest = std::max(longest, p.answered - p.sent);
  }
  const auto apply_time = apply_end - apply_start;
  EXPECT_GE(answered_during, 3);
  EXPECT_LT(longest * 4, apply_time)
      << "longest health wait "
      << std::chrono::duration_cast<std::chrono::milliseconds>(longest).count() << " ms, apply "
      << std::chrono::duration_cast<std::chrono::milliseconds>(apply_time).count() << " ms";
}

}  // namespace
}  // namespace ordo::testing
