// Integration tests of tags feeding a routing's process parameters (issue 12 section 4,
// third bullet) against the real server: the work unit's mapping under change control
// (bad mappings refused naming the field), samples sent through REST while the operation
// runs recorded as parameter values with their source (a 1 Hz stream gives one value, not
// one per sample), an out-of-limit value of a critical parameter making the same
// exception and deviation as a manual entry, samples without a running operation (or
// while it is paused) and unmapped tags stored as telemetry only, and the batch record
// naming each value's source. Device times are the test's clock plus seconds, so no
// assertion depends on how fast the test runs.
#include <gtest/gtest.h>

#include <chrono>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "support/production_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-TAG-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";
const std::string kUnit = "WU-DISP-BOOTH1";
const std::string kParameter = "booth_downflow_velocity";
const std::string kMapped = "booth1.downflow";
const std::string kUnmapped = "booth1.pressure";

std::int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

class TagParametersApiTest : public ProductionTest {
 protected:
  void SetUp() override {
    ProductionTest::SetUp();
    if (HasFatalFailure()) return;
    HttpReply r = http().Post(
        "/api/v1/sources", Json{{"name", "booth-plc"}, {"kind", "rest"}, {"work_units", {kUnit}}},
        engineer_);
    ASSERT_EQ(r.status, 201) << r.Describe();
    key_ = r.json().value("api_key", "");
    for (const std::string& tag : {kMapped, kUnmapped}) {
      HttpReply t = http().Post(
          "/api/v1/tags", Json{{"name", tag}, {"work_unit", kUnit}, {"unit", "m/s"}}, engineer_);
      ASSERT_EQ(t.status, 201) << t.Describe();
    }
  }

  // The booth maps kMapped to kParameter; operation 10's kParameter is made critical so
  // an excursion opens a deviation. Approved and in force at once.
  void MapAndApprove() {
    std::string cr = OpenCr(engineer_, "Booth downflow from its tag");
    Json booth = Effective("equipment", kUnit);
    booth["parameter_tags"] = Json::array({Json{{"parameter", kParameter}, {"tag", kMapped}}});
    HttpReply put = PutDraft(engineer_, cr, "equipment", kUnit, booth);
    ASSERT_EQ(put.status, 200) << put.Describe();
    Json routing = Effective("routing", kRouting);
    for (auto& op : routing["operations"])
      if (op["id"] == "10")
        for (auto& p : op["parameters"])
          if (p["name"] == kParameter) p["critical"] = true;
    put = PutDraft(engineer_, cr, "routing", kRouting, routing);
    ASSERT_EQ(put.status, 200) << put.Describe();
    SubmitAndApprove(cr);
  }

  // Sends `samples` ([{tag, time, value}]) as one batch; expects 200.
  void Send(const Json& samples) {
    HttpReply r =
        http().Post("/api/v1/equipment-data",
                    Json{{"source", "booth-plc"}, {"seq", ++seq_}, {"samples", samples}}, key_);
    ASSERT_EQ(r.status, 200) << r.Describe();
    EXPECT_EQ(r.json().value("samples", -1), static_cast<int>(samples.size())) << r.Describe();
  }

  // `n` samples of `tag` one second apart from `from_ms`, all of `value`.
  static Json Stream(const std::string& tag, std::int64_t from_ms, int n, double value) {
    Json out = Json::array();
    for (int i = 0; i < n; ++i)
      out.push_back(Json{{"tag", tag}, {"time", from_ms + i * 1000LL}, {"value", value}});
    return out;
  }

  std::vector<Json> EntriesOf(const std::string& type, std::int64_t after) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), admin_, &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    EXPECT_EQ(error, "");
    return out;
  }

  Json Operation() {
    HttpReply view = http().Get(kOp, operator_);
    EXPECT_EQ(view.status, 200) << view.Describe();
    return view.json()["operation"];
  }

  std::string key_;
  std::int64_t seq_ = 0;
};

TEST_F(TagParametersApiTest, ABadMappingIsRefusedNamingTheField) {
  ORDO_VERIFIES("ORDO-TEL-12", "ORDO-TEL-13");
  std::string cr = OpenCr(engineer_, "Booth mapping");
  Json booth = Effective("equipment", kUnit);
  const std::int64_t head = HeadSeq(http());
  booth["parameter_tags"] = Json::array({Json{{"parameter", kParameter}, {"tag", "booth/1"}}});
  HttpReply put = PutDraft(engineer_, cr, "equipment", kUnit, booth);
  EXPECT_EQ(put.status, 400) << put.Describe();
  EXPECT_NE(put.body.find("parameter_tags[parameter=" + kParameter + "].tag"), std::string::npos)
      << put.Describe();
  booth["parameter_tags"] = Json::array({Json{{"parameter", kParameter}, {"tag", 7}}});
  put = PutDraft(engineer_, cr, "equipment", kUnit, booth);
  EXPECT_EQ(put.status, 400) << put.Describe();
  EXPECT_NE(put.body.find("parameter_tags[parameter=" + kParameter + "].tag"), std::string::npos)
      << put.Describe();
  EXPECT_EQ(HeadSeq(http()), head);  // nothing saved
  // A good mapping saves.
  booth["parameter_tags"] = Json::array({Json{{"parameter", kParameter}, {"tag", kMapped}}});
  put = PutDraft(engineer_, cr, "equipment", kUnit, booth);
  EXPECT_EQ(put.status, 200) << put.Describe();
}

TEST_F(TagParametersApiTest, SamplesOfAMappedTagBecomeTheRunningOperationsParameterValues) {
  ORDO_VERIFIES("ORDO-TEL-12", "ORDO-TEL-14", "ORDO-TEL-15", "ORDO-TEL-16", "ORDO-TEL-17",
                "ORDO-TEL-18", "ORDO-TEL-19", "ORDO-TEL-20", "ORDO-TEL-21");
  MapAndApprove();
  if (HasFatalFailure()) return;
  ReleaseOrder(kOrder);
  if (HasFatalFailure()) return;

  // No operation runs: the samples are telemetry only.
  std::int64_t head = HeadSeq(http());
  Send(Stream(kMapped, NowMs() - 60'000, 5, 0.45));
  if (HasFatalFailure()) return;
  EXPECT_TRUE(EntriesOf("execution.parameter_recorded", head).empty());
  HttpReply values =
      http().Get("/api/v1/tags/" + kMapped + "/values?from=" + std::to_string(NowMs() - 3'600'000) +
                     "&to=" + std::to_string(NowMs() + 60'000),
                 operator_);
  ASSERT_EQ(values.status, 200) << values.Describe();
  EXPECT_EQ(values.json()["values"].size(), 5u) << values.Describe();

  HttpReply start = http().Post(kOp + "/start", Json{{"work_unit", kUnit}}, operator_);
  ASSERT_EQ(start.status, 200) << start.Describe();
  std::int64_t t = NowMs() + 1000;

  // A 1 Hz stream in limits, with an unmapped tag beside it: one value, the first.
  head = HeadSeq(http());
  Json batch = Stream(kMapped, t, 20, 0.45);
  for (const auto& s : Stream(kUnmapped, t, 20, 99)) batch.push_back(s);
  Send(batch);
  if (HasFatalFailure()) return;
  auto recorded = EntriesOf("execution.parameter_recorded", head);
  ASSERT_EQ(recorded.size(), 1u);
  const Json& first = recorded[0]["payload"];
  EXPECT_EQ(first["name"], kParameter);
  EXPECT_EQ(first["value"], 0.45);
  EXPECT_EQ(first["in_limits"], true);
  EXPECT_EQ(first["source"], "equipment");
  EXPECT_EQ(first["device"], kUnit);
  EXPECT_EQ(first["user_id"], 0);
  EXPECT_EQ(first["occurred_us"], t * 1000);  // the sample's device time
  EXPECT_EQ(first["origin"]["data_source"], "booth-plc");
  EXPECT_EQ(first["origin"]["tag"], kMapped);
  EXPECT_EQ(first["origin"]["rule"], "first");
  EXPECT_EQ(first["origin"]["batch_seq"], seq_);
  EXPECT_EQ(recorded[0].value("actor", ""), "source:booth-plc");
  EXPECT_TRUE(EntriesOf("execution.exception_recorded", head).empty());
  // The unmapped tag changed nothing in execution: the one value is the mapped tag's.
  Json op = Operation();
  ASSERT_EQ(op["parameters"].size(), 1u) << op.dump();
  EXPECT_EQ(op["parameters"][0]["origin"]["tag"], kMapped);
  EXPECT_TRUE(op["exceptions"].empty());

  // The critical parameter leaves its limits (0.36..0.54): the same exception and
  // deviation as a manual value; back in limits once more; nothing for the samples between.
  t += 30'000;
  head = HeadSeq(http());
  Json excursion = Stream(kMapped, t, 5, 0.61);
  for (const auto& s : Stream(kMapped, t + 5000, 5, 0.46)) excursion.push_back(s);
  Send(excursion);
  if (HasFatalFailure()) return;
  recorded = EntriesOf("execution.parameter_recorded", head);
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0]["payload"]["value"], 0.61);
  EXPECT_EQ(recorded[0]["payload"]["in_limits"], false);
  EXPECT_EQ(recorded[0]["payload"]["origin"]["rule"], "limit_crossed");
  EXPECT_EQ(recorded[1]["payload"]["value"], 0.46);
  EXPECT_EQ(recorded[1]["payload"]["in_limits"], true);
  auto exceptions = EntriesOf("execution.exception_recorded", head);
  ASSERT_EQ(exceptions.size(), 1u);
  EXPECT_EQ(exceptions[0]["payload"]["kind"], "parameter_out_of_limits");
  EXPECT_EQ(exceptions[0]["payload"]["subject"], kParameter);
  EXPECT_EQ(exceptions[0]["payload"]["blocks_completion"], true);
  EXPECT_EQ(exceptions[0]["payload"]["details"]["tag"], kMapped);
  EXPECT_EQ(exceptions[0]["seq"].get<std::int64_t>(), recorded[0]["seq"].get<std::int64_t>() + 1);
  auto deviations = EntriesOf("deviations.deviation_opened", head);
  ASSERT_EQ(deviations.size(), 1u);
  const Json& dv = deviations[0]["payload"];
  EXPECT_EQ(dv["source"], "parameter_out_of_limits");
  EXPECT_EQ(dv["classification"], "critical");
  EXPECT_EQ(dv["blocks_completion"], true);
  EXPECT_EQ(dv["exception_seq"], exceptions[0]["seq"]);
  // Completion is blocked, naming the deviation, as after a manual excursion (the
  // operator has read the instructions; the tag values needed no acknowledgement).
  HttpReply ack = http().Post(kOp + "/acknowledge-instructions", Json::object(), operator_);
  ASSERT_EQ(ack.status, 200) << ack.Describe();
  HttpReply sample =
      http().Post(kOp + "/characteristics",
                  Json{{"name", "net_weight_deviation"}, {"values", {0.1}}}, operator_);
  ASSERT_EQ(sample.status, 200) << sample.Describe();
  HttpReply complete = http().Post(kOp + "/complete", Json{{"good", 1500}}, operator_);
  EXPECT_EQ(complete.json().value("reason", ""), "deviation_required") << complete.Describe();
  EXPECT_NE(complete.body.find(dv.value("id", "?")), std::string::npos) << complete.Describe();

  // A manual entry beside the tag's values is still an operator's entry.
  HttpReply manual = http().Post(
      kOp + "/parameters", Json{{"name", "room_relative_humidity"}, {"value", 45}}, operator_);
  ASSERT_EQ(manual.status, 200) << manual.Describe();

  // Paused: the operation takes no values from its tags.
  ASSERT_EQ(http().Post(kOp + "/pause", Json{{"reason", "break"}}, operator_).status, 200);
  head = HeadSeq(http());
  Send(Stream(kMapped, t + 60'000, 3, 0.70));
  if (HasFatalFailure()) return;
  EXPECT_TRUE(EntriesOf("execution.parameter_recorded", head).empty());
  EXPECT_TRUE(EntriesOf("execution.exception_recorded", head).empty());

  // The batch record names each value's source.
  HttpReply record = http().Get("/api/v1/orders/" + kOrder + "/batch-record", quality_);
  ASSERT_EQ(record.status, 200) << record.Describe();
  Json params = Json::array();
  const Json view = record.json()["batch_record"];
  for (const auto& o : view["operations"])
    if (o.value("operation", "") == "10") params = o["parameters"];
  ASSERT_EQ(params.size(), 4u) << view["operations"].dump().substr(0, 3000);
  EXPECT_EQ(params[0]["origin"]["tag"], kMapped);
  EXPECT_EQ(params[0]["origin"]["data_source"], "booth-plc");
  EXPECT_FALSE(params[3].contains("origin"));                // the operator's entry
  EXPECT_FALSE(params[2].value("corrects_earlier", false));  // readings are no corrections
  HttpReply html = http().Get("/api/v1/orders/" + kOrder + "/batch-record?format=html", quality_);
  ASSERT_EQ(html.status, 200) << html.Describe();
  EXPECT_NE(html.body.find("tag " + kMapped + " from source booth-plc (first)"), std::string::npos);
  EXPECT_NE(html.body.find("tag " + kMapped + " from source booth-plc (limit_crossed)"),
            std::string::npos);
  EXPECT_NE(html.body.find("operator entry"), std::string::npos);
}

}  // namespace
}  // namespace ordo::testing
