// Integration test of the batch record worklist (batchrecord.awaiting_review) against the
// real server: many sealed records of a one-operation product; an amendment of the oldest
// of them still shows, and every item says since when it waits.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "support/production_fixture.h"

namespace ordo::testing {
namespace {

const std::string kProduct = "PD-BRW";
const std::string kRoutingId = "RT-BRW";

class BatchRecordWorklistTest : public ProductionTest {
 protected:
  void SetUp() override {
    ProductionTest::SetUp();
    if (HasFatalFailure()) return;
    const std::string cr = OpenCr(engineer_, "Worklist test product");
    Json routing{{"id", kRoutingId},
                 {"name", "worklist test"},
                 {"operations", Json::array({Json{{"id", "10"},
                                                  {"name", "Dispensing"},
                                                  {"operation_class", "dispensing"},
                                                  {"work_center_class", "dispensary"}}})}};
    Json product{{"id", kProduct},
                 {"name", "worklist test product"},
                 {"material", "FG-PCM500-20"},
                 {"routing", kRoutingId},
                 {"bom", Json::array()}};
    HttpReply r1 = PutDraft(engineer_, cr, "routing", kRoutingId, routing);
    ASSERT_EQ(r1.status, 200) << r1.Describe();
    HttpReply r2 = PutDraft(engineer_, cr, "product", kProduct, product);
    ASSERT_EQ(r2.status, 200) << r2.Describe();
    SubmitAndApprove(cr);
  }

  void Ok(const HttpReply& r) { ASSERT_TRUE(r.status == 200 || r.status == 201) << r.Describe(); }

  // Creates, releases and runs order `id` to completion (no exceptions).
  void Complete(const std::string& id) {
    StartOrder(id, kProduct, 10);
    if (HasFatalFailure()) return;
    const std::string op = OperationPath(id);
    Ok(http().Post(op + "/produce", Json{{"lot", "FG-" + id}, {"quantity", 10}}, operator_));
    Ok(http().Post(op + "/complete", Json{{"good", 10}}, operator_));
  }
  void Seal(const std::string& id) {
    Complete(id);
    Ok(http().Post("/api/v1/orders/" + id + "/batch-record/release", SigOf("quality"), quality_));
  }

  // The worklist's batch record item of `id`, or null.
  Json ItemOf(const std::string& id) {
    HttpReply r = http().Get("/api/v1/worklist", quality_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    const Json body = r.json();  // kept alive: the loop reads into it
    for (const auto& item : body["items"])
      if (item["source"] == "batchrecord.awaiting_review" && item["id"] == id) return item;
    return nullptr;
  }
};

TEST_F(BatchRecordWorklistTest, AnAmendedRecordOlderThanFiftySealedOnesWaitsSinceItsChange) {
  ORDO_VERIFIES("ORDO-BR-55", "ORDO-BR-56", "ORDO-BR-41");
  Seal("WO-BRW-000");
  if (HasFatalFailure()) return;
  for (int i = 1; i <= 50; ++i) {
    Seal("WO-BRW-" + std::to_string(100 + i));
    if (HasFatalFailure()) return;
  }
  // A sealed record nothing changed since is not listed.
  EXPECT_TRUE(ItemOf("WO-BRW-000").is_null());

  // A completed record waits since its completion entry.
  std::int64_t head = HeadSeq(http());
  Complete("WO-BRW-200");
  if (HasFatalFailure()) return;
  std::string error;
  auto entries = AllLedger(http(), admin_, &error, head);
  std::string completed_at;
  for (const auto& e : entries)
    if (e["type"] == "orders.order_completed") completed_at = e["time"];
  ASSERT_FALSE(completed_at.empty()) << error;
  Json waiting = ItemOf("WO-BRW-200");
  ASSERT_FALSE(waiting.is_null());
  EXPECT_EQ(waiting["since"], completed_at);
  EXPECT_EQ(waiting["state"], "ready for release");

  // A deviation opened on the oldest sealed order amends it: it waits since that entry,
  // behind the fifty records sealed after it.
  head = HeadSeq(http());
  HttpReply dv = http().Post(
      "/api/v1/deviations",
      Json{{"order_id", "WO-BRW-000"}, {"operation", "10"}, {"title", "late finding"}}, quality_);
  ASSERT_EQ(dv.status, 201) << dv.Describe();
  entries = AllLedger(http(), admin_, &error, head);
  ASSERT_FALSE(entries.empty()) << error;
  EXPECT_EQ(entries[0]["type"], "deviations.deviation_opened");
  Json amended = ItemOf("WO-BRW-000");
  ASSERT_FALSE(amended.is_null());
  EXPECT_EQ(amended["state"], "amended: release again");
  EXPECT_EQ(amended["since"], entries[0]["time"]);
  // A later change keeps the first one's time.
  const std::string id = dv.json()["deviation"]["id"];
  Ok(http().Post("/api/v1/deviations/" + id + "/update",
                 Json{{"investigation_note", "looked at the room log"}}, quality_));
  EXPECT_EQ(ItemOf("WO-BRW-000")["since"], entries[0]["time"]);
  // The other sealed records stay off the list.
  EXPECT_TRUE(ItemOf("WO-BRW-101").is_null());
}

}  // namespace
}  // namespace ordo::testing
