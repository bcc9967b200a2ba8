// Integration tests of the telemetry capability against the real server: tags (roles,
// bad input), samples of an equipment batch that land in telemetry.sqlite and read back
// raw and per step (against a reference computed here), a batch with an unknown tag or a
// bad value refused with nothing of it applied, and the seals: the unsealed tail sealed at
// the next start, `ordo ledger verify` checking the file and naming an edited row.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "api_fixture.h"
#include "core/testing/verifies.h"
#include "support/json_schema.h"

namespace ordo::testing {
namespace {

const char* kData = "/api/v1/equipment-data";
const char* kWorkUnit = "WU-PRESS-01";
// 2026-11-30T06:00:00Z in epoch milliseconds.
constexpr std::int64_t kT0Ms = 1796018400000LL;

class TelemetryApiTest : public ApiTest {
 protected:
  const std::string& engineer() {
    if (engineer_.empty()) engineer_ = TokenFor("engineer");
    return engineer_;
  }
  const std::string& operator_() {
    if (operator_token_.empty()) operator_token_ = TokenFor("operator");
    return operator_token_;
  }
  std::string RestSource(const std::string& name) {
    HttpReply r = http().Post("/api/v1/sources",
                              Json{{"name", name}, {"kind", "rest"}, {"work_units", {kWorkUnit}}},
                              engineer());
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.json().value("api_key", "");
  }
  void DefineTag(const std::string& name, double low = 10, double high = 90) {
    HttpReply r = http().Post("/api/v1/tags",
                              Json{{"name", name},
                                   {"work_unit", kWorkUnit},
                                   {"unit", "kN"},
                                   {"description", "press force"},
                                   {"low", low},
                                   {"high", high},
                                   {"raw_days", 7}},
                              engineer());
    ASSERT_EQ(r.status, 201) << r.Describe();
  }
  // `n` samples of `tag`, one per second from kT0Ms, value f(i).
  static Json Samples(const std::string& tag, int n, double (*f)(int)) {
    Json out = Json::array();
    for (int i = 0; i < n; ++i)
      out.push_back(Json{{"tag", tag}, {"time", kT0Ms + i * 1000LL}, {"value", f(i)}});
    return out;
  }
  Json Values(const std::string& tag, const std::string& query) {
    HttpReply r = http().Get("/api/v1/tags/" + tag + "/values" + query, operator_());
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json();
  }
  void Restart() {
    auto status = server_->Stop();
    ASSERT_TRUE(status.has_value());
    ASSERT_EQ(status->code, 0) << server_->Logs();
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    engineer_.clear();
    operator_token_.clear();
  }
  std::vector<Json> EntriesOf(const std::string& type, std::int64_t after = 0) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), TokenFor("supervisor"), &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    EXPECT_EQ(error, "");
    return out;
  }

  std::string engineer_, operator_token_;
};

double Wave(int i) { return 50 + 30 * std::sin(i / 7.0) + (i % 5) * 0.25; }

TEST_F(TelemetryApiTest, EngineersDefineTagsAndEveryRoleListsThem) {
  ORDO_VERIFIES("ORDO-TEL-08");
  const Json body{{"name", "press.force"}, {"work_unit", kWorkUnit}, {"unit", "kN"}};
  EXPECT_EQ(http().Post("/api/v1/tags", body).status, 401);
  EXPECT_EQ(http().Post("/api/v1/tags", body, operator_()).status, 403);
  const std::int64_t head = HeadSeq(http());
  HttpReply r = http().Post("/api/v1/tags", body, engineer());
  ASSERT_EQ(r.status, 201) << r.Describe();
  EXPECT_EQ(r.json()["tag"]["raw_days"], 30);
  EXPECT_TRUE(r.json()["tag"]["low"].is_null());
  auto defined = EntriesOf("telemetry.tag_defined", head);
  ASSERT_EQ(defined.size(), 1u);
  EXPECT_EQ(defined[0]["payload"]["work_unit"], kWorkUnit);
  // Refusals change nothing.
  const std::int64_t after = HeadSeq(http());
  ExpectProblem(http().Post("/api/v1/tags", body, engineer()), 409, "conflict", "name");
  Json bad = body;
  bad["name"] = "a/b";
  ExpectProblem(http().Post("/api/v1/tags", bad, engineer()), 400, "invalid_argument", "name");
  bad = body;
  bad["name"] = "other";
  bad["work_unit"] = "WU-NOPE";
  ExpectProblem(http().Post("/api/v1/tags", bad, engineer()), 404, "not_found", "work_unit");
  bad = body;
  bad["name"] = "other";
  bad["low"] = 5;
  bad["high"] = 1;
  ExpectProblem(http().Post("/api/v1/tags", bad, engineer()), 400, "invalid_argument", "low");
  bad = body;
  bad["low"] = "five";
  EXPECT_EQ(http().Post("/api/v1/tags", bad, engineer()).status, 400);
  EXPECT_EQ(HeadSeq(http()), after);
  HttpReply list = http().Get("/api/v1/tags", TokenFor("quality"));
  ASSERT_EQ(list.status, 200) << list.Describe();
  // The demo's own tags are listed too (ordo init --demo defines them).
  const Json listed = list.json();
  int press_force = 0, refused_ones = 0;
  for (const auto& t : listed["tags"]) {
    if (t["name"] == "press.force") ++press_force;
    if (t["name"] == "other") ++refused_ones;
  }
  EXPECT_EQ(press_force, 1) << list.Describe();
  EXPECT_EQ(refused_ones, 0) << list.Describe();
  EXPECT_EQ(http().Get("/api/v1/tags/nope/values", operator_()).status, 404);
}

TEST_F(TelemetryApiTest, SamplesLandAndReadBackRawAndPerStep) {
  ORDO_VERIFIES("ORDO-TEL-04", "ORDO-TEL-09", "ORDO-TEL-10");
  const std::string key = RestSource("press");
  DefineTag("press.force");
  const std::int64_t head = HeadSeq(http());
  Json batch{{"source", "press"},
             {"seq", 1},
             {"states", {{{"work_unit", kWorkUnit}, {"time", kT0Ms}, {"state", "running"}}}},
             {"samples", Samples("press.force", 150, &Wave)}};
  HttpReply r = http().Post(kData, batch, key);
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.json()["samples"], 150);
  // The same batch again is a duplicate: nothing stored twice.
  HttpReply again = http().Post(kData, batch, key);
  ASSERT_EQ(again.status, 200) << again.Describe();
  EXPECT_EQ(again.json()["duplicate"], true);
  EXPECT_EQ(again.json()["samples"], 0);
  // Not one ledger entry per sample: the batch and its state change.
  EXPECT_EQ(HeadSeq(http()), head + 2);
  const std::string window = "?from=2026-11-30T06:00:00Z&to=2026-11-30T06:02:30Z";
  Json raw = Values("press.force", window);
  ASSERT_EQ(raw["values"].size(), 150u);
  for (int i = 0; i < 150; ++i) {
    EXPECT_EQ(raw["values"][i]["value"].get<double>(), Wave(i)) << i;
    char expected[40];
    std::snprintf(expected, sizeof expected, "2026-11-30T06:%02d:%02d.000000Z", i / 60, i % 60);
    EXPECT_EQ(raw["values"][i]["time"], expected);
  }
  EXPECT_EQ(raw["low"], 10.0);
  EXPECT_EQ(raw["unit"], "kN");
  // Per step of 60 s: 3 steps (the last 30 s), each checked against a reference.
  Json steps = Values("press.force", window + "&step=60")["steps"];
  ASSERT_EQ(steps.size(), 3u);
  for (int s = 0; s < 3; ++s) {
    double min = 1e9, max = -1e9, sum = 0;
    int count = 0;
    for (int i = s * 60; i < std::min(150, (s + 1) * 60); ++i, ++count) {
      min = std::min(min, Wave(i));
      max = std::max(max, Wave(i));
      sum += Wave(i);
    }
    EXPECT_EQ(steps[s]["count"], count);
    EXPECT_EQ(steps[s]["min"].get<double>(), min);
    EXPECT_EQ(steps[s]["max"].get<double>(), max);
    EXPECT_NEAR(steps[s]["avg"].get<double>(), sum / count, 1e-9);
  }
  EXPECT_EQ(steps[2]["to"], "2026-11-30T06:02:30.000000Z");
  // An empty step counts zero with no min/max/avg.
  Json later = Values("press.force", "?from=2026-11-30T07:00:00Z&to=2026-11-30T07:01:00Z&step=60");
  ASSERT_EQ(later["steps"].size(), 1u);
  EXPECT_EQ(later["steps"][0]["count"], 0);
  EXPECT_TRUE(later["steps"][0]["avg"].is_null());
  // Bad queries: a clear refusal.
  EXPECT_EQ(http().Get("/api/v1/tags/nope/values", operator_()).status, 404);
  EXPECT_EQ(http().Get("/api/v1/tags/press.force/values?from=x", operator_()).status, 400);
  EXPECT_EQ(http().Get("/api/v1/tags/press.force/values" + window + "&step=-1", operator_()).status,
            400);
  EXPECT_EQ(http().Get("/api/v1/tags/press.force/values?step=1", operator_()).status, 400);
  EXPECT_EQ(http().Get("/api/v1/tags/press.force/values", TokenFor("operator")).status, 200);
  EXPECT_EQ(http().Get("/api/v1/tags/press.force/values").status, 401);
}

TEST_F(TelemetryApiTest, AnUnknownTagOrABadValueRefusesTheWholeBatch) {
  ORDO_VERIFIES("ORDO-TEL-01", "ORDO-TEL-02");
  const std::string key = RestSource("press");
  DefineTag("press.force");
  const std::int64_t head = HeadSeq(http());
  Json samples = Samples("press.force", 5, &Wave);
  samples.push_back(Json{{"tag", "press.unknown"}, {"time", kT0Ms}, {"value", 1}});
  Json batch{{"source", "press"},
             {"seq", 1},
             {"states", {{{"work_unit", kWorkUnit}, {"time", kT0Ms}, {"state", "running"}}}},
             {"samples", samples}};
  ExpectProblem(http().Post(kData, batch, key), 404, "not_found", "samples[5].tag");
  EXPECT_EQ(HeadSeq(http()), head);
  const std::string window = "?from=2026-11-30T05:00:00Z&to=2026-11-30T07:00:00Z";
  EXPECT_EQ(Values("press.force", window)["values"].size(), 0u);
  HttpReply states = http().Get(std::string("/api/v1/work-units/") + kWorkUnit +
                                    "/states?from=2026-11-30T05:00:00Z&to=2026-11-30T07:00:00Z",
                                operator_());
  EXPECT_EQ(states.json()["intervals"].size(), 0u) << states.Describe();
  // Bad values and tags: refused naming the item, nothing applied.
  struct Case {
    Json value;
    std::string tag, field, reason;
  };
  for (const Case& c :
       std::vector<Case>{{Json("12"), "press.force", "samples[0].value", "wrong_type"},
                         {Json(true), "press.force", "samples[0].value", "wrong_type"},
                         {Json(1e16), "press.force", "samples[0].value", "invalid_value"},
                         {Json(1), "press/force", "samples[0].tag", "invalid_tag"}}) {
    Json bad{{"source", "press"},
             {"seq", 1},
             {"samples", {{{"tag", c.tag}, {"time", kT0Ms}, {"value", c.value}}}}};
    HttpReply r = http().Post(kData, bad, key);
    ExpectProblem(r, 400, "invalid_argument", c.field);
    EXPECT_EQ(r.json().value("reason", ""), c.reason) << r.Describe();
  }
  HttpReply nan = http().Request("POST", kData,
                                 R"({"source":"press","seq":1,"samples":[{"tag":"press.force",)"
                                 R"("time":1796018400000,"value":1e999}]})",
                                 key, {{"Content-Type", "application/json"}});
  EXPECT_EQ(nan.status, 400) << nan.Describe();
  // The seq was never taken: the corrected batch is accepted.
  batch["samples"].erase(5);
  HttpReply ok = http().Post(kData, batch, key);
  ASSERT_EQ(ok.status, 200) << ok.Describe();
  EXPECT_EQ(Values("press.force", window)["values"].size(), 5u);
}

TEST_F(TelemetryApiTest, TheTailIsSealedAtTheNextStartAndVerifyNamesAnEditedRow) {
  ORDO_VERIFIES("ORDO-TEL-05", "ORDO-TEL-07");
  const std::string key = RestSource("press");
  DefineTag("press.force");
  Json batch{{"source", "press"}, {"seq", 1}, {"samples", Samples("press.force", 40, &Wave)}};
  ASSERT_EQ(http().Post(kData, batch, key).status, 200);
  Restart();
  auto seals = EntriesOf("telemetry.batch_sealed");
  ASSERT_EQ(seals.size(), 1u);
  EXPECT_EQ(seals[0]["payload"]["count"], 40);
  EXPECT_EQ(seals[0]["payload"]["ids"], "1-40");
  EXPECT_EQ(seals[0]["payload"]["from_us"], kT0Ms * 1000);
  EXPECT_EQ(seals[0]["payload"]["to_us"], (kT0Ms + 39000) * 1000);
  auto status = server_->Stop();
  ASSERT_TRUE(status.has_value());
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  EXPECT_NE(verify.out.find("telemetry: 1 batches (40 rows) match their seals"), std::string::npos)
      << verify.Describe();
  // A copy of the data directory with one value edited: verify names the row.
  const std::string copy = sandbox_.file("copy");
  std::filesystem::copy(sandbox_.data(), copy, std::filesystem::copy_options::recursive);
  RunResult edit = ordo::testing::Run({"/usr/bin/sqlite3", copy + "/telemetry.sqlite",
                                       "UPDATE sample SET value = '1000' WHERE id = 12"},
                                      sandbox_.root());
  ASSERT_EQ(edit.status.code, 0) << edit.Describe();
  RunResult broken = sandbox_.Ordo({"ledger", "verify", "--data", copy});
  EXPECT_EQ(broken.status.code, 1) << broken.Describe();
  EXPECT_NE((broken.out + broken.err).find("row 12 (tag press.force) was changed"),
            std::string::npos)
      << broken.Describe();
  // Restart the original for the fixture's own checks.
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
}

TEST_F(TelemetryApiTest, AValuesQueryAcrossACompactedRangeMergesRollupAndRaw) {
  ORDO_VERIFIES("ORDO-TEL-26", "ORDO-TEL-31", "ORDO-TEL-32", "ORDO-TEL-34");
  const std::string key = RestSource("press");
  DefineTag("press.force");  // raw_days 7
  Json batch{{"source", "press"}, {"seq", 1}, {"samples", Samples("press.force", 150, &Wave)}};
  ASSERT_EQ(http().Post(kData, batch, key).status, 200);
  Restart();  // seals the tail
  auto status = server_->Stop();
  ASSERT_TRUE(status.has_value());
  // Eight days later the operator compacts (the server stopped).
  RunResult compact = sandbox_.Ordo(
      {"telemetry", "compact", "--data", sandbox_.data(), "--now", "2026-12-08T07:00:00Z"});
  ASSERT_EQ(compact.status.code, 0) << compact.Describe();
  EXPECT_NE(compact.out.find("1 compactions of 1 sealed batches (150 raw rows into 3 rollup "
                             "rows), 150 raw rows deleted"),
            std::string::npos)
      << compact.Describe();
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  EXPECT_NE(verify.out.find("1 compactions (150 raw rows compacted, 3 rollup rows) match"),
            std::string::npos)
      << verify.Describe();
  // The compaction's projections rebuild from the ledger as they are.
  RunResult replay = sandbox_.Ordo({"ledger", "replay", "--data", sandbox_.data(), "--check"});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  engineer_.clear();
  operator_token_.clear();
  auto compactions = EntriesOf("telemetry.batch_compacted");
  ASSERT_EQ(compactions.size(), 1u);
  EXPECT_EQ(compactions[0]["payload"]["batches"], "1");
  EXPECT_EQ(compactions[0]["payload"]["raw_rows"], 150);
  // 30 more raw values (i = 150..179) in the last compacted minute.
  Json more = Json::array();
  for (int i = 150; i < 180; ++i)
    more.push_back(Json{{"tag", "press.force"}, {"time", kT0Ms + i * 1000LL}, {"value", Wave(i)}});
  ASSERT_EQ(
      http().Post(kData, Json{{"source", "press"}, {"seq", 2}, {"samples", more}}, key).status,
      200);
  const std::string window = "?from=2026-11-30T06:00:00Z&to=2026-11-30T06:03:00Z";
  // Raw: one point per compacted minute (value = avg, with count, min, max), then the raw.
  Json raw = Values("press.force", window)["values"];
  ASSERT_EQ(raw.size(), 33u) << raw.dump();
  for (int m = 0; m < 3; ++m) {
    const int first = m * 60, last = std::min(150, first + 60);
    double min = 1e9, max = -1e9, sum = 0;
    for (int i = first; i < last; ++i) {
      min = std::min(min, Wave(i));
      max = std::max(max, Wave(i));
      sum += Wave(i);
    }
    EXPECT_EQ(raw[m]["count"], last - first);
    EXPECT_EQ(raw[m]["min"].get<double>(), min);
    EXPECT_EQ(raw[m]["max"].get<double>(), max);
    EXPECT_NEAR(raw[m]["value"].get<double>(), sum / (last - first), 1e-9);
  }
  EXPECT_EQ(raw[2]["time"], "2026-11-30T06:02:00.000000Z");
  EXPECT_EQ(raw[3]["time"], "2026-11-30T06:02:30.000000Z");
  EXPECT_EQ(raw[3]["value"].get<double>(), Wave(150));
  EXPECT_FALSE(raw[3].contains("count"));
  // Per step: rollup and raw merged, against a reference over all 180 values.
  Json steps = Values("press.force", window + "&step=60")["steps"];
  ASSERT_EQ(steps.size(), 3u);
  for (int s = 0; s < 3; ++s) {
    double min = 1e9, max = -1e9, sum = 0;
    for (int i = s * 60; i < (s + 1) * 60; ++i) {
      min = std::min(min, Wave(i));
      max = std::max(max, Wave(i));
      sum += Wave(i);
    }
    EXPECT_EQ(steps[s]["count"], 60);
    EXPECT_EQ(steps[s]["min"].get<double>(), min);
    EXPECT_EQ(steps[s]["max"].get<double>(), max);
    EXPECT_NEAR(steps[s]["avg"].get<double>(), sum / 60, 1e-9);
  }
}

TEST_F(TelemetryApiTest, ACompactedMinuteHoldingOneValueIsReadAsARollup) {
  ORDO_VERIFIES("ORDO-TEL-31");
  const std::string key = RestSource("press");
  DefineTag("press.force");  // raw_days 7
  // 60 values in the minute from 06:00, one alone at 06:01:30.
  Json samples = Samples("press.force", 60, &Wave);
  samples.push_back(Json{{"tag", "press.force"}, {"time", kT0Ms + 90'000LL}, {"value", 42.5}});
  ASSERT_EQ(
      http().Post(kData, Json{{"source", "press"}, {"seq", 1}, {"samples", samples}}, key).status,
      200);
  Restart();  // seals the tail
  auto status = server_->Stop();
  ASSERT_TRUE(status.has_value());
  RunResult compact = sandbox_.Ordo(
      {"telemetry", "compact", "--data", sandbox_.data(), "--now", "2026-12-08T07:00:00Z"});
  ASSERT_EQ(compact.status.code, 0) << compact.Describe();
  EXPECT_NE(compact.out.find("61 raw rows into 2 rollup rows), 61 raw rows deleted"),
            std::string::npos)
      << compact.Describe();
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  engineer_.clear();
  operator_token_.clear();
  // Without a step: the one-value minute is a rollup too, at the minute's start, with its
  // count, min and max (not a raw value).
  Json raw = Values("press.force", "?from=2026-11-30T06:00:00Z&to=2026-11-30T06:03:00Z")["values"];
  ASSERT_EQ(raw.size(), 2u) << raw.dump();
  EXPECT_EQ(raw[0]["count"], 60);
  EXPECT_EQ(raw[1]["time"], "2026-11-30T06:01:00.000000Z");
  EXPECT_EQ(raw[1]["value"].get<double>(), 42.5);
  EXPECT_EQ(raw[1]["count"], 1) << raw[1].dump();
  EXPECT_EQ(raw[1]["min"], 42.5) << raw[1].dump();
  EXPECT_EQ(raw[1]["max"], 42.5) << raw[1].dump();
}

TEST_F(TelemetryApiTest, TheServerCompactsAtStartAndDeletesTheRawRowsAtTheNextRun) {
  ORDO_VERIFIES("ORDO-TEL-33");
  const std::string key = RestSource("press");
  HttpReply tag = http().Post(
      "/api/v1/tags", Json{{"name", "oven.temp"}, {"work_unit", kWorkUnit}, {"raw_days", 1}},
      engineer());
  ASSERT_EQ(tag.status, 201) << tag.Describe();
  // 90 values from ten days before kT0 (device times may be old): past the tag's one day.
  constexpr std::int64_t kOldMs = kT0Ms - 10LL * 24 * 3600 * 1000;
  Json samples = Json::array();
  for (int i = 0; i < 90; ++i)
    samples.push_back(Json{{"tag", "oven.temp"}, {"time", kOldMs + i * 1000LL}, {"value", i}});
  ASSERT_EQ(
      http().Post(kData, Json{{"source", "press"}, {"seq", 1}, {"samples", samples}}, key).status,
      200);
  // Each start seals the tail, then compacts (--compact-interval 0: only at start).
  auto restart = [&] {
    auto status = server_->Stop();
    ASSERT_TRUE(status.has_value());
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(),
                                           std::vector<std::string>{"--compact-interval", "0"});
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
    engineer_.clear();
    operator_token_.clear();
  };
  restart();
  auto compactions = EntriesOf("telemetry.batch_compacted");
  ASSERT_EQ(compactions.size(), 1u);
  EXPECT_EQ(compactions[0]["payload"]["raw_rows"], 90);
  EXPECT_EQ(compactions[0]["payload"]["rollup_rows"], 2);
  // Until the raw rows go, the values are the raw ones (counted once).
  const std::string window = "?from=" + std::to_string(kOldMs) +
                             "&to=" + std::to_string(kOldMs + 3600 * 1000) + "&step=3600";
  EXPECT_EQ(Values("oven.temp", window)["steps"][0]["count"], 90);
  restart();
  EXPECT_EQ(EntriesOf("telemetry.batch_compacted").size(), 1u);
  Json steps = Values("oven.temp", window)["steps"];
  EXPECT_EQ(steps[0]["count"], 90);
  EXPECT_EQ(steps[0]["min"], 0.0);
  EXPECT_EQ(steps[0]["max"], 89.0);
  EXPECT_EQ(Values("oven.temp", window.substr(0, window.find("&step")))["values"].size(), 2u);
  auto status = server_->Stop();
  ASSERT_TRUE(status.has_value());
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  EXPECT_NE(verify.out.find("1 compactions (90 raw rows compacted, 2 rollup rows)"),
            std::string::npos)
      << verify.Describe();
  // A bad interval is refused before anything starts.
  RunResult bad = sandbox_.Ordo({"serve", "--data", sandbox_.data(), "--compact-interval", "soon"});
  EXPECT_EQ(bad.status.code, 2) << bad.Describe();
  server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
}

TEST_F(TelemetryApiTest, EveryTelemetryAnswerFitsItsDocumentedSchema) {
  ORDO_VERIFIES("ORDO-API-03", "ORDO-TEL-08", "ORDO-TEL-09", "ORDO-TEL-10");
  const Json document = http().Get("/api/v1/openapi.json").json();
  auto fits = [&](const std::string& method, const std::string& path, const HttpReply& reply) {
    SCOPED_TRACE(method + " " + path);
    const Json& op = document["paths"][path][method];
    int status = 0;
    Json schema;
    for (const auto& [code, response] : op["responses"].items()) {
      if (code.empty() || code[0] != '2') continue;
      status = std::stoi(code);
      schema = response["content"]["application/json"].value("schema", Json());
    }
    ASSERT_NE(status, 0) << "no success response documented";
    ASSERT_FALSE(schema.is_null()) << "no response schema documented";
    ASSERT_EQ(reply.status, status) << reply.Describe();
    std::string listed;
    for (const auto& m : SchemaMismatches(schema, reply.json(), document)) listed += m + "\n";
    EXPECT_EQ(listed, "") << reply.Describe();
  };
  const std::string key = RestSource("press");
  fits("post", "/api/v1/tags",
       http().Post("/api/v1/tags",
                   Json{{"name", "press.force"}, {"work_unit", kWorkUnit}, {"low", 1.5}},
                   engineer()));
  fits("get", "/api/v1/tags", http().Get("/api/v1/tags", operator_()));
  Json batch{{"source", "press"}, {"seq", 1}, {"samples", Samples("press.force", 90, &Wave)}};
  fits("post", "/api/v1/equipment-data", http().Post(kData, batch, key));
  const std::string values =
      "/api/v1/tags/press.force/values?from=2026-11-30T06:00:00Z&to=2026-11-30T06:02:00Z";
  fits("get", "/api/v1/tags/{tag}/values", http().Get(values, operator_()));
  fits("get", "/api/v1/tags/{tag}/values", http().Get(values + "&step=60", operator_()));
}

}  // namespace
}  // namespace ordo::testing
