// Integration tests of the quality state of serial numbers against the real server (issue
// 11): an open deviation naming a serial the order produced or consumed blocks the order's
// batch release, which then changes nothing.
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "support/serials_fixture.h"

namespace ordo::testing {
namespace {

class SerialsQualityApiTest : public SerialsTest {
 protected:
  // Opens a deviation on `order` naming `serial`; its id.
  std::string DeviationNaming(const std::string& order, const std::string& serial) {
    HttpReply r = http().Post("/api/v1/deviations",
                              Json{{"order_id", order},
                                   {"lots", Json::array({serial})},
                                   {"title", "serial " + serial + " suspect"}},
                              supervisor_);
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.status == 201 ? r.json()["deviation"]["id"].get<std::string>() : std::string();
  }

  // The batch release of `order`, refused for `deviation`, changing nothing.
  void ExpectReleaseBlockedBy(const std::string& order, const std::string& deviation) {
    const std::int64_t head = HeadSeq(http());
    HttpReply r = http().Post("/api/v1/orders/" + order + "/batch-record/release", SigOf("quality"),
                              quality_);
    ExpectReason(r, 422, "failed_precondition", "open_deviation");
    EXPECT_NE(r.json().value("detail", "").find(deviation), std::string::npos) << r.Describe();
    EXPECT_EQ(HeadSeq(http()), head);
    HttpReply record = http().Get("/api/v1/orders/" + order + "/batch-record", quality_);
    ASSERT_EQ(record.status, 200) << record.Describe();
    EXPECT_NE(record.json()["batch_record"]["state"], "released") << record.Describe();
  }
};

TEST_F(SerialsQualityApiTest, ADeviationNamingAProducedSerialBlocksTheBatchRelease) {
  ORDO_VERIFIES("ORDO-BR-58", "P11-17", "IND-04");
  DlmSerialsProduced(false);
  if (HasFatalFailure()) return;
  Order(kPenOrder, "PD-DOSEPEN-3ML", 100);
  if (HasFatalFailure()) return;
  // Opened on another order, naming one of the module order's serials only.
  const std::string dv = DeviationNaming(kPenOrder, "DLM-T-2");
  ASSERT_FALSE(dv.empty());
  ExpectReleaseBlockedBy(kDlmOrder, dv);
  if (HasFatalFailure()) return;
  for (const auto& u : SerialsOf("?order=" + kDlmOrder, operator_))
    EXPECT_EQ(u["state"], "quarantined") << u.dump();
}

TEST_F(SerialsQualityApiTest, ADeviationNamingAConsumedSerialBlocksTheBatchRelease) {
  ORDO_VERIFIES("ORDO-BR-59", "P11-17", "IND-04");
  DlmSerialsProduced();
  if (HasFatalFailure()) return;
  // A one-operation pen build consuming one module: its record completes.
  const std::string cr = OpenCr(engineer_, "Test build of pens from one module");
  HttpReply put = PutDraft(
      engineer_, cr, "product", "PD-PEN-TEST",
      Json{{"id", "PD-PEN-TEST"},
           {"name", "Pen test build"},
           {"material", kPen},
           {"routing", "RT-DLM-TEST"},
           {"bom", Json::array({Json{{"material", "DV-DLM"}, {"quantity", 1}, {"unit", "ea"}}})}});
  ASSERT_EQ(put.status, 200) << put.Describe();
  SubmitAndApprove(cr);
  if (HasFatalFailure()) return;
  Order(kPenOrder, "PD-PEN-TEST", 1);
  if (HasFatalFailure()) return;
  Run(kPenOp, "WU-KIT-01");
  if (HasFatalFailure()) return;
  HttpReply c = http().Post(kPenOp + "/consume", Json{{"serial", "DLM-T-1"}}, operator_);
  ASSERT_EQ(c.status, 200) << c.Describe();
  HttpReply made = http().Post(kPenOp + "/produce", Json{{"count", 1}}, operator_);
  ASSERT_EQ(made.status, 200) << made.Describe();
  const std::string pen = made.json()["produced"]["serials"][0].get<std::string>();
  HttpReply done = http().Post(kPenOp + "/complete", Json{{"good", 1}}, operator_);
  ASSERT_EQ(done.status, 200) << done.Describe();
  // Opened on the module order (already released), naming the consumed module.
  const std::string dv = DeviationNaming(kDlmOrder, "DLM-T-1");
  ASSERT_FALSE(dv.empty());
  ExpectReleaseBlockedBy(kPenOrder, dv);
  if (HasFatalFailure()) return;
  HttpReply unit = http().Get("/api/v1/serials/" + pen, operator_);
  ASSERT_EQ(unit.status, 200) << unit.Describe();
  EXPECT_EQ(unit.json()["serial"]["state"], "quarantined") << unit.Describe();
}

}  // namespace
}  // namespace ordo::testing
