// Decoding a batch alone: every refusal names the field.
#include "mes/equipment/domain/batch.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "core/testing/verifies.h"

namespace ordo::equipment {
namespace {

// 2026-11-30T08:00:00Z
constexpr TimeMicros kNow = 1796025600LL * 1'000'000;

Json Valid() {
  return Json{
      {"source", "press-1"},
      {"seq", 7},
      {"states",
       {{{"work_unit", "WU-PRESS-01"}, {"time", "2026-11-30T07:59:00Z"}, {"state", "running"}},
        {{"work_unit", "WU-PRESS-01"},
         {"time", 1796025590000LL},
         {"state", "down"},
         {"reason", "UNP-JAM"}}}},
      {"counts",
       {{{"work_unit", "WU-PRESS-01"},
         {"time", "2026-11-30T07:59:30.500+01:00"},
         {"total", 10},
         {"good", 9},
         {"scrap", 1}}}}};
}

Error Refusal(const Json& body, bool increments = true) {
  auto r = DecodeBatch(body, increments, kNow);
  EXPECT_FALSE(r.ok()) << body.dump();
  return r.ok() ? Error{} : r.error();
}

TEST(Batch, DecodesStatesAndCountsWithBothTimeForms) {
  ORDO_VERIFIES("ORDO-EQ-07");
  auto b = DecodeBatch(Valid(), true, kNow);
  ASSERT_TRUE(b.ok()) << b.error().message;
  EXPECT_EQ(b->source, "press-1");
  EXPECT_EQ(b->seq, 7);
  ASSERT_EQ(b->states.size(), 2u);
  EXPECT_EQ(b->states[0].device_time_us, kNow - 60'000'000);
  EXPECT_EQ(b->states[1].device_time_us, kNow - 10'000'000);
  EXPECT_EQ(b->states[1].reason, "UNP-JAM");
  ASSERT_EQ(b->counts.size(), 1u);
  EXPECT_EQ(b->counts[0].device_time_us, kNow - 3600'000'000LL - 29'500'000);
  EXPECT_EQ(b->counts[0].rework, 0);
}

TEST(Batch, BadTimesAreRefusedNamingTheItem) {
  ORDO_VERIFIES("ORDO-EQ-07", "ORDO-EQ-08");
  for (const Json& t :
       {Json("yesterday"), Json(1.5), Json(true), Json(-5), Json("1999-12-31T23:59:59Z"),
        Json(946684799999LL), Json("2026-12-02T08:00:00Z"), Json(nullptr)}) {
    Json body = Valid();
    body["states"][1]["time"] = t;
    Error e = Refusal(body);
    EXPECT_EQ(e.field, "states[1].time") << t.dump();
    EXPECT_EQ(e.reason, t.is_null() ? "missing_field" : "invalid_time") << t.dump();
  }
  Json body = Valid();
  body["counts"][0]["time"] = "2026-11-30T08:00:00";  // no offset
  EXPECT_EQ(Refusal(body).field, "counts[0].time");
}

TEST(Batch, WrongTypesUnknownFieldsAndBadStatesAreRefused) {
  ORDO_VERIFIES("ORDO-EQ-07");
  struct Case {
    std::string pointer;
    Json value;
    std::string field, reason;
  };
  std::vector<Case> cases = {
      {"/seq", "7", "seq", "wrong_type"},
      {"/seq", 0, "seq", "wrong_type"},
      {"/source", "", "source", "wrong_type"},
      {"/states", Json::object(), "states", "wrong_type"},
      {"/states/0", "running", "states[0]", "wrong_type"},
      {"/states/0/state", "stopped", "states[0].state", "invalid_state"},
      {"/states/0/state", 3, "states[0].state", "invalid_state"},
      {"/states/0/work_unit", 12, "states[0].work_unit", "wrong_type"},
      {"/states/0/work_unit", std::string(65, 'W'), "states[0].work_unit", "wrong_type"},
      {"/states/0/colour", "red", "states[0].colour", "unknown_field"},
      {"/counts/0/total", -1, "counts[0].total", "invalid_count"},
      {"/counts/0/total", 2.5, "counts[0].total", "wrong_type"},
      {"/counts/0/good", 11, "counts[0].total", "invalid_count"},
      {"/extra", 1, "batch.extra", "unknown_field"},
  };
  for (const auto& c : cases) {
    Json body = Valid();
    body[Json::json_pointer(c.pointer)] = c.value;
    Error e = Refusal(body);
    EXPECT_EQ(e.field, c.field) << c.pointer;
    EXPECT_EQ(e.reason, c.reason) << c.pointer;
    EXPECT_EQ(e.code, ErrorCode::kInvalidArgument);
  }
  // A cumulative source's counters are independent: good may pass total.
  Json cumulative = Valid();
  cumulative["counts"][0]["good"] = 11;
  EXPECT_TRUE(DecodeBatch(cumulative, false, kNow).ok());
}

TEST(Batch, OversizedAndEmptyBatchesAreRefused) {
  ORDO_VERIFIES("ORDO-EQ-07");
  Json body = Valid();
  BatchLimits limits;
  limits.max_items = 3;
  body["samples"] = Json::array({Json{{"tag", "t"}, {"time", 1}, {"value", 1}}});
  auto r = DecodeBatch(body, true, kNow, limits);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().reason, "batch_too_large");
  EXPECT_EQ(r.error().field, "samples");
  Json empty{{"source", "s"}, {"seq", 1}, {"states", Json::array()}};
  EXPECT_EQ(Refusal(empty).reason, "empty_batch");
}

TEST(Batch, SamplesAreDecodedWithTheirTagTimeAndValue) {
  ORDO_VERIFIES("ORDO-TEL-01");
  Json body = Valid();
  body["samples"] =
      Json::array({Json{{"tag", "oven.temp-1"}, {"time", 1796025590000LL}, {"value", 201.25}},
                   Json{{"tag", "P_2"}, {"time", "2026-11-30T07:59:59Z"}, {"value", -3}}});
  auto b = DecodeBatch(body, true, kNow);
  ASSERT_TRUE(b.ok()) << b.error().message;
  ASSERT_EQ(b->samples.size(), 2u);
  EXPECT_EQ(b->samples[0].tag, "oven.temp-1");
  EXPECT_EQ(b->samples[0].device_time_us, kNow - 10'000'000);
  EXPECT_EQ(b->samples[0].value, 201.25);
  EXPECT_EQ(b->samples[1].value, -3);
  Json only{{"source", "s"}, {"seq", 1}, {"samples", body["samples"]}};
  EXPECT_TRUE(DecodeBatch(only, true, kNow).ok());
}

TEST(Batch, BadSamplesAreRefusedNamingTheItem) {
  ORDO_VERIFIES("ORDO-TEL-01");
  struct Case {
    Json sample;
    std::string field, reason;
  };
  const Json ok{{"tag", "T1"}, {"time", 1796025590000LL}, {"value", 1.5}};
  auto with = [&](const char* key, Json v) {
    Json s = ok;
    if (v.is_discarded())
      s.erase(key);
    else
      s[key] = v;
    return s;
  };
  for (const Case& c : std::vector<Case>{
           {with("tag", "a/b"), "samples[1].tag", "invalid_tag"},
           {with("tag", "+"), "samples[1].tag", "invalid_tag"},
           {with("tag", std::string(65, 'x')), "samples[1].tag", "invalid_tag"},
           {with("tag", 5), "samples[1].tag", "invalid_tag"},
           {with("value", "12"), "samples[1].value", "wrong_type"},
           {with("value", true), "samples[1].value", "wrong_type"},
           {with("value", nullptr), "samples[1].value", "missing_field"},
           {with("value", 1e16), "samples[1].value", "invalid_value"},
           {with("value", std::numeric_limits<double>::infinity()), "samples[1].value",
            "invalid_value"},
           {with("value", std::nan("")), "samples[1].value", "invalid_value"},
           {with("time", "soon"), "samples[1].time", "invalid_time"},
           {with("time", Json(Json::value_t::discarded)), "samples[1].time", "missing_field"},
           {with("unit", "degC"), "samples[1].unit", "unknown_field"}}) {
    Json body = Valid();
    body["samples"] = Json::array({ok, c.sample});
    Error e = Refusal(body);
    EXPECT_EQ(e.field, c.field) << c.sample.dump();
    EXPECT_EQ(e.reason, c.reason) << c.sample.dump();
  }
}

TEST(Batch, SkewIsFlaggedBeyondTheThresholdEitherWay) {
  ORDO_VERIFIES("ORDO-EQ-09");
  EXPECT_FALSE(Skew(kNow - 299'000'000, kNow).has_value());
  EXPECT_EQ(Skew(kNow + 301'000'000, kNow), 301'000'000);
  EXPECT_EQ(Skew(kNow - 3600'000'000LL, kNow), -3600'000'000LL);
}

TEST(Batch, TheHashIgnoresKeyOrderAndSpacing) {
  ORDO_VERIFIES("ORDO-EQ-10");
  Json a = Json::parse(R"({"seq":1,"source":"s","states":[]})");
  Json b = Json::parse(R"({ "source" : "s", "states": [], "seq": 1 })");
  EXPECT_EQ(BatchHash(a), BatchHash(b));
  b["seq"] = 2;
  EXPECT_NE(BatchHash(a), BatchHash(b));
}

}  // namespace
}  // namespace ordo::equipment
