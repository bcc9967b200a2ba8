// Compile, completeness, exceptions (one test per kind), review and release decisions.
#include "mes/batchrecord/domain/compile.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/batchrecord/domain/completeness.h"
#include "mes/batchrecord/domain/diff.h"
#include "mes/batchrecord/domain/html.h"
#include "mes/batchrecord/domain/review.h"

namespace ordo::batchrecord {
namespace {

constexpr std::int64_t kT0 = 1'764'500'000'000'000;  // 2025-11-30T10:53:20Z

class Record {
 public:
  Record() {
    f.order = Json{{"order_id", "PO-1"},   {"product", "TAB"},       {"product_version", 2},
                   {"product_hash", "ph"}, {"routing", "R"},         {"routing_version", 1},
                   {"routing_hash", "rh"}, {"material", "TAB"},      {"quantity", 100.0},
                   {"unit", "pcs"},        {"base_quantity", 100.0}, {"base_unit", "pcs"},
                   {"created_us", kT0},    {"released_us", kT0}};
    f.operations = Json::array(
        {Op("10", Json{{"parameters",
                        Json::array(
                            {Json{{"name", "temp"}, {"unit", "C"}, {"low", 20}, {"high", 30}}})}}),
         Op("20", Json{{"second_person_verification", true}})});
  }
  static Json Op(const std::string& id, Json spec) {
    return Json{{"operation", id},
                {"name", "Op " + id},
                {"position", std::stoi(id) / 10},
                {"operation_class", "c"},
                {"work_unit", "WU"},
                {"state", "pending"},
                {"spec", spec},
                {"start_qualifications", Json::array()}};
  }
  Entry& Add(const std::string& type, Json payload, const std::string& kind = "order") {
    Entry e;
    e.seq = ++seq;
    e.time_us = kT0 + seq * 1'000'000;
    e.actor = "op1";
    e.type = type;
    e.subject_kind = kind;
    e.subject_id = "PO-1";
    e.payload = std::move(payload);
    f.entries.push_back(e);
    return f.entries.back();
  }
  void Param(const std::string& op, double value) {
    Add("execution.parameter_recorded", Json{{"order_id", "PO-1"},
                                             {"operation", op},
                                             {"name", "temp"},
                                             {"value", value},
                                             {"in_limits", value >= 20 && value <= 30}});
  }
  void Exception(const std::string& kind) {
    Add("execution.exception_recorded", Json{{"order_id", "PO-1"},
                                             {"operation", "10"},
                                             {"kind", kind},
                                             {"subject", "temp"},
                                             {"message", "m"},
                                             {"details", Json::object()},
                                             {"blocks_completion", false}});
  }
  // Everything done: both operations complete, 20 verified, temp recorded in limits.
  void Complete() {
    Add("orders.operation_started", Json{{"order_id", "PO-1"}, {"operation", "10"}});
    Param("10", 25);
    Add("orders.operation_completed",
        Json{{"order_id", "PO-1"}, {"operation", "10"}, {"good", 100.0}, {"unit", "pcs"}});
    Add("orders.operation_completed",
        Json{{"order_id", "PO-1"}, {"operation", "20"}, {"good", 100.0}, {"unit", "pcs"}});
    Add("orders.operation_verified",
        Json{{"order_id", "PO-1"}, {"operation", "20"}, {"verifier", "qa2"}});
    Add("orders.order_completed", Json{{"order_id", "PO-1"}});
    f.operations[0]["state"] = "completed";
    f.operations[1]["state"] = "verified";
  }
  std::vector<std::string> Kinds() const {
    std::vector<std::string> k;
    for (const auto& x : Compile(f).exceptions) k.push_back(x.kind);
    return k;
  }
  Facts f;
  std::int64_t seq = 0;
};

signatures::SignerState Signer() {
  signatures::SignerState s;
  s.user_id = 7;
  s.name = "qa1";
  s.printed_name = "Quality One";
  s.meaning = "released";
  s.active = true;
  s.policy_acknowledged = true;
  return s;
}

TEST(BatchRecordCompileTest, CleanBatchHasNoExceptionsAndAStableHash) {
  ORDO_VERIFIES("ORDO-BR-02", "ORDO-BR-05", "IND-01", "IND-03");
  Record r;
  r.Complete();
  const Compiled c = Compile(r.f);
  EXPECT_TRUE(c.exceptions.empty());
  EXPECT_TRUE(c.content["exceptions"].empty());
  EXPECT_EQ(c.content_hash, Compile(r.f).content_hash);
  EXPECT_EQ(c.content_hash.size(), 64u);
  EXPECT_EQ(c.content["quantities"]["theoretical"], 100.0);
  EXPECT_EQ(c.content["operations"][0]["parameters"][0]["value"], 25.0);
  EXPECT_EQ(c.content["operations"][1]["verification"]["verifier"], "qa2");
  // review, release and the describing fields are outside the hash.
  Json view = c.content;
  view["review"] = Json{{"x", 1}};
  view["release"] = Json{{"y", 2}};
  view["state"] = "released";
  EXPECT_EQ(ContentHash(view), c.content_hash);
  view["order_id"] = "PO-2";
  EXPECT_NE(ContentHash(view), c.content_hash);
}

TEST(BatchRecordCompileTest, LimitViolation) {
  ORDO_VERIFIES("ORDO-BR-06", "IND-03");
  Record r;
  r.Exception("parameter_out_of_limits");
  r.Exception("characteristic_out_of_spec");
  EXPECT_EQ(r.Kinds(), (std::vector<std::string>{kLimitViolation, kLimitViolation}));
  EXPECT_EQ(Compile(r.f).exceptions[0].id, "EX-1");
}

TEST(BatchRecordCompileTest, LateEntry) {
  ORDO_VERIFIES("ORDO-BR-07", "DI-03");
  Record r;
  r.Exception("late_entry");
  EXPECT_EQ(r.Kinds(), std::vector<std::string>{kLateEntry});
}

TEST(BatchRecordCompileTest, CorrectionNamesPreviousValueAndReason) {
  ORDO_VERIFIES("ORDO-BR-08", "P11-13");
  Record r;
  r.Param("10", 25);
  r.Param("10", 26);
  r.f.entries.back().reason = "typo";
  const Compiled c = Compile(r.f);
  ASSERT_EQ(c.exceptions.size(), 1u);
  EXPECT_EQ(c.exceptions[0].kind, kCorrection);
  EXPECT_EQ(c.exceptions[0].id, "EX-2");
  EXPECT_EQ(c.exceptions[0].details["previous"], 25.0);
  EXPECT_EQ(c.exceptions[0].details["reason"], "typo");
  EXPECT_EQ(c.content["operations"][0]["parameters"].size(), 2u);
}

TEST(BatchRecordCompileTest, SecondCharacteristicSampleIsNoCorrection) {
  ORDO_VERIFIES("ORDO-BR-37", "IND-03");
  Record r;
  for (int i = 0; i < 2; ++i)
    r.Add("execution.characteristic_recorded", Json{{"order_id", "PO-1"},
                                                    {"operation", "10"},
                                                    {"name", "weight"},
                                                    {"values", Json::array({1.0 + i})}});
  const Compiled c = Compile(r.f);
  EXPECT_TRUE(c.exceptions.empty());
  ASSERT_EQ(c.content["operations"][0]["characteristics"].size(), 2u);
  EXPECT_FALSE(c.content["operations"][0]["characteristics"][1].contains("corrects_earlier"));
  // A parameter of another operation with the same name is no correction either.
  r.Param("10", 25);
  r.Param("20", 26);
  EXPECT_TRUE(Compile(r.f).exceptions.empty());
}

TEST(BatchRecordCompileTest, ValuesFromATagAreReadingsWithTheirSourceNeverCorrections) {
  ORDO_VERIFIES("ORDO-TEL-21");
  Record r;
  const Json origin{
      {"data_source", "plc"}, {"tag", "wu.temp"}, {"batch_seq", 3}, {"rule", "first"}};
  r.Param("10", 25);  // an operator's entry
  for (double v : {26.0, 31.0, 27.0}) {
    r.Param("10", v);
    r.f.entries.back().payload["origin"] = origin;
    r.f.entries.back().actor = "source:plc";
  }
  Compiled c = Compile(r.f);
  EXPECT_TRUE(c.exceptions.empty());  // no correction: three readings of a trend
  const Json& params = c.content["operations"][0]["parameters"];
  ASSERT_EQ(params.size(), 4u);
  EXPECT_FALSE(params[0].contains("origin"));
  EXPECT_EQ(params[1]["origin"]["tag"], "wu.temp");
  for (const auto& p : params) EXPECT_FALSE(p.contains("corrects_earlier"));
  // A later entry by a person corrects the person's earlier entry, not a reading.
  r.Param("10", 24);
  c = Compile(r.f);
  ASSERT_EQ(c.exceptions.size(), 1u);
  EXPECT_EQ(c.exceptions[0].kind, kCorrection);
  EXPECT_EQ(c.exceptions[0].details["previous"], 25.0);
  // The printable record names each value's source.
  const std::string html = RenderHtml(View(Assess(r.f)));
  EXPECT_NE(html.find("operator entry"), std::string::npos);
  EXPECT_NE(html.find("tag wu.temp from source plc (first)"), std::string::npos);
}

TEST(BatchRecordCompileTest, RefusedAttempt) {
  ORDO_VERIFIES("ORDO-BR-09", "IND-03");
  Record r;
  r.Add("execution.command_refused", Json{{"order_id", "PO-1"},
                                          {"operation", "10"},
                                          {"command", "consume"},
                                          {"code", "wrong_material"},
                                          {"field", "lot"},
                                          {"message", "not on the BOM"},
                                          {"details", Json::object()}});
  const Compiled c = Compile(r.f);
  ASSERT_EQ(c.exceptions.size(), 1u);
  EXPECT_EQ(c.exceptions[0].kind, kRefusedAttempt);
  EXPECT_EQ(c.exceptions[0].details["code"], "wrong_material");
}

TEST(BatchRecordCompileTest, OverConsumption) {
  ORDO_VERIFIES("ORDO-BR-10", "IND-03");
  Record r;
  r.Exception("over_consumption");
  EXPECT_EQ(r.Kinds(), std::vector<std::string>{kOverConsumption});
}

TEST(BatchRecordCompileTest, DeviationIsAnExceptionWithItsDisposition) {
  ORDO_VERIFIES("ORDO-BR-11", "IND-04");
  Record r;
  deviations::Deviation d;
  d.id = "DV-000001";
  d.order_id = "PO-1";
  d.operation = "10";
  d.opened_seq = 42;
  d.classification = "major";
  d.title = "too hot";
  d.dispositions.push_back({"use_as_is", "ok", "qa1", 43, kT0});
  r.f.deviations.push_back(d);
  Entry sig;
  sig.seq = 43;
  sig.time_us = kT0;
  sig.type = "signature.applied";
  sig.payload =
      Json{{"signer", "qa1"}, {"printed_name", "Quality One"}, {"meaning", "dispositioned"}};
  r.f.disposition_signatures[43] = sig;
  const Compiled c = Compile(r.f);
  ASSERT_EQ(c.exceptions.size(), 1u);
  EXPECT_EQ(c.exceptions[0].id, "EX-42");
  EXPECT_EQ(c.exceptions[0].deviation, "DV-000001");
  EXPECT_EQ(c.content["deviations"][0]["dispositions"][0]["manifestation"]["printed_name"],
            "Quality One");
  EXPECT_EQ(c.content["signatures"][0]["time"], "2025-11-30T10:53:20+00:00");
}

TEST(BatchRecordCompileTest, YieldOutOfLimitsOnlyOnceCompleted) {
  ORDO_VERIFIES("ORDO-BR-12", "ORDO-BR-01");
  Record r;
  r.f.yield_low = 98;
  r.f.yield_high = 102;
  r.Add("lots.lot_produced", Json{{"order_id", "PO-1"},
                                  {"operation", "20"},
                                  {"lot", "L1"},
                                  {"base_quantity", 90.0},
                                  {"quantity", 90.0}});
  EXPECT_TRUE(r.Kinds().empty());  // not completed yet
  r.Complete();
  const Compiled c = Compile(r.f);
  ASSERT_EQ(c.exceptions.size(), 1u);
  EXPECT_EQ(c.exceptions[0].kind, kYieldOutOfLimits);
  EXPECT_EQ(c.content["quantities"]["yield_percent"], 90.0);
  EXPECT_EQ(c.content["quantities"]["yield_in_limits"], false);
  r.f.yield_low = 85;
  EXPECT_TRUE(r.Kinds().empty());
}

TEST(BatchRecordCompileTest, DeviceHistoryListsSerialsAndCountsThem) {
  ORDO_VERIFIES("ORDO-BR-38", "IND-01");
  Record r;
  r.f.serial_tracked = true;
  r.Add("lots.serial_consumed",
        Json{{"serial", "C-1"},
             {"material", "COMP"},
             {"order_id", "PO-1"},
             {"operation", "10"},
             {"work_unit", "WU"},
             {"bom_material", "COMP"}},
        "serial");
  for (const char* serial : {"S-1", "S-2", "S-3"})
    r.Add("lots.serial_produced",
          Json{{"serial", serial},
               {"material", "TAB"},
               {"order_id", "PO-1"},
               {"operation", "10"},
               {"work_unit", "WU"},
               {"source", "generated"}},
          "serial");
  const Compiled c = Compile(r.f);
  ASSERT_EQ(c.content["produced_serials"].size(), 3u);
  EXPECT_EQ(c.content["produced_serials"][1]["serial"], "S-2");
  EXPECT_EQ(c.content["produced_serials"][1]["produced"]["by"], "op1");
  ASSERT_EQ(c.content["consumed_serials"].size(), 1u);
  EXPECT_EQ(c.content["consumed_serials"][0]["bom_material"], "COMP");
  EXPECT_EQ(c.content["quantities"]["actual_base"], 3.0);
  EXPECT_EQ(c.content["quantities"]["actual_basis"], "produced_serials");
  EXPECT_EQ(c.content["quantities"]["yield_percent"], 3.0);
}

TEST(BatchRecordCompletenessTest, ListsWhatIsMissing) {
  ORDO_VERIFIES("ORDO-BR-13", "IND-01");
  Record r;
  auto missing = CheckCompleteness(r.f);
  std::vector<std::string> kinds;
  for (const auto& m : missing) kinds.push_back(m.kind + ":" + m.operation + ":" + m.item);
  EXPECT_EQ(kinds, (std::vector<std::string>{
                       "operation_not_complete:10:", "required_value_missing:10:temp",
                       "operation_not_complete:20:", "verification_unsigned:20:"}));
  r.Complete();
  EXPECT_TRUE(CheckCompleteness(r.f).empty());
}

TEST(BatchRecordCompletenessTest, UsesExecutionsRequiredRule) {
  ORDO_VERIFIES("ORDO-BR-36", "IND-01");
  Record r;
  // A non-critical equipment parameter may stay absent (execution completes without it);
  // a critical equipment parameter and a characteristic without a sample may not.
  r.f.operations[0]["spec"]["parameters"].push_back(Json{{"name", "rpm"}, {"source", "equipment"}});
  r.f.operations[0]["spec"]["parameters"].push_back(
      Json{{"name", "press"}, {"source", "equipment"}, {"critical", true}});
  r.f.operations[0]["spec"]["characteristics"] =
      Json::array({Json{{"name", "weight"}, {"sample_size", 2}}});
  r.Complete();
  std::vector<std::string> items;
  for (const auto& m : CheckCompleteness(r.f)) items.push_back(m.kind + ":" + m.item);
  EXPECT_EQ(items, (std::vector<std::string>{"required_value_missing:press",
                                             "required_value_missing:weight"}));
  r.Add("execution.parameter_recorded", Json{{"operation", "10"}, {"name", "press"}, {"value", 2}});
  r.Add("execution.characteristic_recorded",
        Json{{"operation", "10"}, {"name", "weight"}, {"values", Json::array({1, 2})}});
  EXPECT_TRUE(CheckCompleteness(r.f).empty());
}

TEST(BatchRecordReviewTest, ReviewRefusals) {
  ORDO_VERIFIES("ORDO-BR-14", "ORDO-BR-15", "IND-03");
  Record r;
  r.Exception("late_entry");  // EX-1
  const Assessed incomplete = Assess(r.f);
  EXPECT_EQ(incomplete.state, kInProgress);
  auto refused = DecideReview(incomplete, "PO-1", {{"EX-1", kAcknowledged, ""}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "record_incomplete");
  r.Complete();
  const Assessed a = Assess(r.f);
  EXPECT_EQ(a.state, kAwaitingReview);
  EXPECT_EQ(a.open_exceptions, std::vector<std::string>{"EX-1"});
  auto unknown = DecideReview(a, "PO-1", {{"EX-999", kAcknowledged, ""}});
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.error().reason, "unknown_exception");
  EXPECT_EQ(unknown.error().field, "items[0].exception_id");
  EXPECT_NE(unknown.error().message.find("EX-999"), std::string::npos);
  auto outcome = DecideReview(a, "PO-1", {{"EX-1", "ignored", ""}});
  ASSERT_FALSE(outcome.ok());
  EXPECT_EQ(outcome.error().field, "items[0].outcome");
  auto no_comment = DecideReview(a, "PO-1", {{"EX-1", kDispositioned, ""}});
  ASSERT_FALSE(no_comment.ok());
  EXPECT_EQ(no_comment.error().reason, "comment_required");
  auto twice = DecideReview(a, "PO-1", {{"EX-1", kAcknowledged, ""}, {"EX-1", kAcknowledged, ""}});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().reason, "duplicate_item");
  auto ok = DecideReview(a, "PO-1", {{"EX-1", kAcknowledged, "seen"}});
  ASSERT_TRUE(ok.ok()) << ok.error().message;
  EXPECT_EQ(ok->type, "batchrecord.exceptions_reviewed");
  r.Add(ok->type, ok->payload, "batch_record");
  const Assessed after = Assess(r.f);
  EXPECT_EQ(after.state, kReadyForRelease);
  EXPECT_TRUE(after.open_exceptions.empty());
  auto again = DecideReview(after, "PO-1", {{"EX-1", kAcknowledged, ""}});
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "already_reviewed");
}

TEST(BatchRecordReviewTest, DeviationExceptionIsClearedOnlyByItsDisposition) {
  ORDO_VERIFIES("ORDO-BR-16", "IND-04");
  Record r;
  r.Complete();
  deviations::Deviation d;
  d.id = "DV-000007";
  d.opened_seq = 3;
  r.f.deviations.push_back(d);
  Assessed a = Assess(r.f);
  auto refused = DecideReview(a, "PO-1", {{"EX-3", kAcknowledged, ""}});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "cleared_by_disposition");
  EXPECT_NE(refused.error().message.find("DV-000007"), std::string::npos);
  ReleaseInput in{"PO-1", std::nullopt, {}, {}, kT0, 100};
  auto release = DecideRelease(a, in, Signer());
  ASSERT_FALSE(release.ok());
  EXPECT_EQ(release.error().reason, "open_deviation");
  EXPECT_NE(release.error().message.find("DV-000007"), std::string::npos);
  r.f.deviations[0].state = deviations::kStateClosed;
  a = Assess(r.f);
  EXPECT_TRUE(a.open_exceptions.empty());
  EXPECT_TRUE(DecideRelease(a, in, Signer()).ok());
}

TEST(BatchRecordReleaseTest, RefusalsSealingAndAmendment) {
  ORDO_VERIFIES("ORDO-BR-17", "ORDO-BR-18", "ORDO-BR-19", "ORDO-BR-20", "P11-17", "A11-13");
  Record r;
  r.Exception("late_entry");  // EX-1
  ReleaseInput in{"PO-1", std::nullopt, {}, {}, kT0, 100};
  auto incomplete = DecideRelease(Assess(r.f), in, Signer());
  ASSERT_FALSE(incomplete.ok());
  EXPECT_EQ(incomplete.error().reason, "record_incomplete");
  EXPECT_NE(incomplete.error().message.find("operation 20 needs a second-person"),
            std::string::npos);
  r.Complete();
  auto open = DecideRelease(Assess(r.f), in, Signer());
  ASSERT_FALSE(open.ok());
  EXPECT_EQ(open.error().reason, "exceptions_open");
  EXPECT_NE(open.error().message.find("EX-1"), std::string::npos);
  r.Add("batchrecord.exceptions_reviewed",
        Json{{"order_id", "PO-1"},
             {"items",
              Json::array(
                  {Json{{"exception_id", "EX-1"}, {"outcome", "acknowledged"}, {"comment", ""}}})}},
        "batch_record");
  const Assessed ready = Assess(r.f);
  in.next_seq = r.seq + 1;
  auto released = DecideRelease(ready, in, Signer());
  ASSERT_TRUE(released.ok()) << released.error().message;
  ASSERT_EQ(released->size(), 2u);
  EXPECT_EQ((*released)[0].type, "signature.applied");
  EXPECT_EQ((*released)[0].payload["meaning"], "released");
  EXPECT_EQ((*released)[1].type, "batchrecord.released");
  EXPECT_EQ((*released)[1].payload["content_hash"], ready.compiled.content_hash);
  EXPECT_EQ((*released)[1].payload["checkpoint_seq"], r.seq + 2);
  for (const auto& e : *released) r.Add(e.type, e.payload, "batch_record");
  const Assessed sealed = Assess(r.f);
  EXPECT_EQ(sealed.state, kReleased);
  auto again = DecideRelease(sealed, in, Signer());
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().reason, "already_released");
  // A correction after the release: amended, with the changed path.
  r.Param("10", 27);
  r.f.entries.back().reason = "re-measured";
  const Assessed amended = Assess(r.f);
  EXPECT_EQ(amended.state, kAmended);
  const Json view = View(amended);
  EXPECT_EQ(view["amendment"]["previous_hash"], ready.compiled.content_hash);
  EXPECT_FALSE(view["amendment"]["changed"].empty());
  // Its new exception (the correction) must be reviewed, then a reason is required.
  const std::string correction = amended.open_exceptions.at(0);
  r.Add("batchrecord.exceptions_reviewed",
        Json{{"order_id", "PO-1"},
             {"items",
              Json::array({Json{
                  {"exception_id", correction}, {"outcome", "acknowledged"}, {"comment", ""}}})}},
        "batch_record");
  auto no_reason = DecideRelease(Assess(r.f), in, Signer());
  ASSERT_FALSE(no_reason.ok());
  EXPECT_EQ(no_reason.error().reason, "reason_required");
  in.reason = "temperature re-measured";
  auto re = DecideRelease(Assess(r.f), in, Signer());
  ASSERT_TRUE(re.ok()) << re.error().message;
  EXPECT_EQ(re->at(re->size() - 2).type, "batchrecord.amended");
  EXPECT_EQ(re->at(re->size() - 2).payload["previous_hash"], ready.compiled.content_hash);
  EXPECT_EQ(re->back().payload["version"], 2);
}

TEST(BatchRecordDiffTest, NamesTheFirstDifferingPaths) {
  ORDO_VERIFIES("ORDO-BR-21", "DI-08");
  Json a = Json::parse(R"({"a":{"b":[1,2,{"c":"x"}]},"d":1})");
  Json b = a;
  EXPECT_TRUE(DiffPaths(a, b).empty());
  b["a"]["b"][2]["c"] = "y";
  b["e"] = 2;
  EXPECT_EQ(DiffPaths(a, b), (std::vector<std::string>{"a.b[2].c", "e"}));
}

TEST(BatchRecordHtmlTest, EscapesTextAndCarriesHashAndPageNumbers) {
  ORDO_VERIFIES("ORDO-BR-22", "P11-13", "A11-06");
  Record r;
  r.Add("execution.exception_recorded", Json{{"order_id", "PO-1"},
                                             {"operation", "10"},
                                             {"kind", "late_entry"},
                                             {"subject", "<script>"},
                                             {"message", "a & b"},
                                             {"details", Json::object()}});
  Json view = View(Assess(r.f));
  const std::string html = RenderHtml(view);
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(html.find("a &amp; b"), std::string::npos);
  EXPECT_NE(html.find("counter(page)"), std::string::npos);
  EXPECT_NE(html.find(view["content_hash"].get<std::string>()), std::string::npos);
  EXPECT_LT(html.find("<h2>Exceptions"), html.find("<h2>Operations"));
}

}  // namespace
}  // namespace ordo::batchrecord
