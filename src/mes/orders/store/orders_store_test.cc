// Tests of the orders projection through the public readers (orders.h), with every
// capability's tables and projectors registered: the release's pinned rows, the
// supervisor's states, and the operation and order events execution records.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "ledger/event_type.h"
#include "mes/orders/events.h"
#include "mes/orders/orders.h"
#include "store/row_seal.h"
#include "store/testing/store_fixture.h"

namespace ordo::orders {
namespace {

class OrdersStoreTest : public store::testing::StoreFixture {
 protected:
  template <typename P>
  ledger::LedgerEntry Record(const P& payload) {
    ledger::Event e = ledger::MakeEvent(payload, kSubjectKind, "PO-1");
    return Append(e.type, "supervisor", "PO-1", e.payload);
  }

  void CreateAndRelease() {
    OrderCreated c{"PO-1",       "PD-1", 750, "carton", 15000,   "ea",
                   "2026-12-15", kT0,    2,   "CO",     "import"};
    Record(c);
    OrderReleased r;
    r.order_id = "PO-1";
    r.product = "PD-1";
    r.product_version = 3;
    r.product_hash = "ph";
    r.routing = "RT-1";
    r.routing_version = 2;
    r.routing_hash = "rh";
    r.material = "FG-1";
    r.base_unit = "ea";
    r.batch_size = 15000;
    r.scale = 1;
    r.bom = {PinnedBomLine{"RM-1", 150.5, "kg", 150.5, "kg", 0.02, {"RM-2"}}};
    r.operations = {PinnedOperationLine{"10",
                                        1,
                                        "Dispense",
                                        "dispensing",
                                        "dispensary",
                                        {},
                                        15000,
                                        15,
                                        60,
                                        0,
                                        Json{{"id", "10"}, {"qualifications", {"GMP"}}}},
                    PinnedOperationLine{"20",
                                        2,
                                        "Check",
                                        "inspection",
                                        "",
                                        {"10"},
                                        15000,
                                        0,
                                        30,
                                        1.5,
                                        Json{{"id", "20"}, {"second_person_verification", true}}}};
    Record(r);
  }
};

TEST_F(OrdersStoreTest, TheReleasePinsOperationsAndBomRows) {
  ORDO_VERIFIES("IND-02", "ORDO-ORDER-06");
  CreateAndRelease();
  auto order = FindOrder(*db_, "PO-1");
  ASSERT_TRUE(order.ok() && order->has_value());
  EXPECT_EQ((*order)->state, "released");
  EXPECT_EQ((*order)->quantity, 750);
  EXPECT_EQ((*order)->base_quantity, 15000);
  EXPECT_EQ((*order)->routing_version, 2);
  EXPECT_EQ((*order)->created_seq, 1);
  EXPECT_EQ((*order)->released_us, kT0 + 2'000'000);
  auto ops = OperationsOf(*db_, "PO-1");
  ASSERT_TRUE(ops.ok());
  ASSERT_EQ(ops->size(), 2u);
  EXPECT_EQ((*ops)[0].operation, "10");
  EXPECT_EQ((*ops)[0].state, "pending");
  EXPECT_EQ((*ops)[0].spec["qualifications"][0], "GMP");
  EXPECT_EQ((*ops)[1].predecessors, std::vector<std::string>{"10"});
  EXPECT_EQ((*ops)[1].ideal_cycle_seconds, 1.5);
  auto bom = BomOf(*db_, "PO-1");
  ASSERT_TRUE(bom.ok());
  ASSERT_EQ(bom->size(), 1u);
  EXPECT_EQ((*bom)[0].quantity, 150.5);
  EXPECT_EQ((*bom)[0].alternates, std::vector<std::string>{"RM-2"});
  EXPECT_EQ(OpenOperations(*db_).value().size(), 2u);
  EXPECT_FALSE(FindOrder(*db_, "PO-2").value().has_value());
}

TEST_F(OrdersStoreTest, ExecutionEventsMoveOperationsAndTheOrder) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-12");
  CreateAndRelease();
  Record(OrderStarted{"PO-1", "10"});
  Record(OperationStarted{"PO-1", "10", "WU-1"});
  Record(OperationPaused{"PO-1", "10", "break"});
  EXPECT_EQ(OperationsOf(*db_, "PO-1").value()[0].state, "paused");
  Record(OperationResumed{"PO-1", "10"});
  OperationCompleted done;
  done.order_id = "PO-1";
  done.operation = "10";
  done.work_unit = "WU-1";
  done.unit = "ea";
  done.good = 14900;
  done.scrap = 100;
  done.scrap_reasons = {ReasonQuantity{"S01", 100}};
  Record(done);
  Record(OperationStarted{"PO-1", "20", "WU-2"});
  done.operation = "20";
  done.work_unit = "WU-2";
  Record(done);
  Record(OperationVerified{"PO-1", "20", 7, "quality.q"});
  auto ops = OperationsOf(*db_, "PO-1").value();
  EXPECT_EQ(ops[0].state, "completed");
  EXPECT_EQ(ops[0].work_unit, "WU-1");
  EXPECT_EQ(ops[0].good, 14900);
  EXPECT_EQ(ops[0].scrap, 100);
  EXPECT_EQ(ops[0].started_us, kT0 + 4'000'000);
  EXPECT_GT(ops[0].completed_us, ops[0].started_us);
  EXPECT_EQ(ops[1].state, "verified");
  EXPECT_EQ(ops[1].verified_by, "quality.q");
  EXPECT_EQ(FindOrder(*db_, "PO-1").value()->state, "in_progress");
  EXPECT_EQ(OpenOperations(*db_).value().size(), 2u);
  Record(OrderCompleted{"PO-1"});
  EXPECT_EQ(FindOrder(*db_, "PO-1").value()->state, "completed");
  EXPECT_TRUE(OpenOperations(*db_).value().empty()) << "a completed order is not dispatched";
  Record(OrderClosed{"PO-1", ""});
  EXPECT_EQ(FindOrder(*db_, "PO-1").value()->state, "closed");
}

TEST_F(OrdersStoreTest, HoldRemembersTheStateAndResumeReturnsToIt) {
  ORDO_VERIFIES("ORDO-ORDER-11");
  CreateAndRelease();
  Record(OrderStarted{"PO-1", "10"});
  Record(OrderHeld{"PO-1", "line down"});
  auto held = FindOrder(*db_, "PO-1").value();
  EXPECT_EQ(held->state, "on_hold");
  EXPECT_EQ(held->held_from, "in_progress");
  EXPECT_EQ(held->state_reason, "line down");
  EXPECT_TRUE(OpenOperations(*db_).value().empty()) << "an order on hold is not dispatched";
  Record(OrderResumed{"PO-1", "fixed"});
  auto resumed = FindOrder(*db_, "PO-1").value();
  EXPECT_EQ(resumed->state, "in_progress");
  EXPECT_EQ(resumed->held_from, "");
  Record(OrderHeld{"PO-1", "again"});
  Record(OrderCancelled{"PO-1", "withdrawn"});
  auto cancelled = FindOrder(*db_, "PO-1").value();
  EXPECT_EQ(cancelled->state, "cancelled");
  EXPECT_EQ(cancelled->held_from, "");
  EXPECT_EQ(cancelled->state_reason, "withdrawn");
}

TEST_F(OrdersStoreTest, OpenWorkForAClassGivesItsOrdersWithEveryOperationWithoutSpecs) {
  ORDO_VERIFIES("ORDO-DISPATCH-16");
  CreateAndRelease();
  auto work = OpenWorkForClass(*db_, "dispensary");
  ASSERT_TRUE(work.ok()) << work.error().message;
  ASSERT_EQ(work->size(), 1u);
  const OpenOrderWork& w = work->front();
  EXPECT_EQ(w.order.order_id, "PO-1");
  EXPECT_EQ(w.order.priority, 2);
  EXPECT_EQ(w.order.state, "released");
  // Both operations, by position: the one for any class too, with its predecessors and
  // the verification its spec asks for.
  ASSERT_EQ(w.operations.size(), 2u);
  EXPECT_EQ(w.operations[0].operation, "10");
  EXPECT_EQ(w.operations[0].work_center_class, "dispensary");
  EXPECT_EQ(w.operations[0].setup_minutes, 15);
  EXPECT_EQ(w.operations[0].run_minutes, 60);
  EXPECT_FALSE(w.operations[0].needs_verification);
  EXPECT_EQ(w.operations[1].operation, "20");
  EXPECT_EQ(w.operations[1].predecessors, std::vector<std::string>{"10"});
  EXPECT_TRUE(w.operations[1].needs_verification);
  // Operation 20 names no class, so every class has work in this order; an order that is
  // not open has none.
  EXPECT_EQ(OpenWorkForClass(*db_, "granulation").value().size(), 1u);
  Record(OrderHeld{"PO-1", "line down"});
  EXPECT_TRUE(OpenWorkForClass(*db_, "dispensary").value().empty());
  Record(OrderResumed{"PO-1", "fixed"});
  Record(OperationStarted{"PO-1", "10", "WU-1"});
  auto started = OpenWorkForClass(*db_, "dispensary").value();
  ASSERT_EQ(started.size(), 1u);
  EXPECT_EQ(started[0].operations[0].state, "in_progress");
  EXPECT_EQ(started[0].operations[0].work_unit, "WU-1");
}

TEST_F(OrdersStoreTest, OpenWorkRefusesAnEditedOrderOrOperationRow) {
  ORDO_VERIFIES("P11-01", "ORDO-DISPATCH-16", "ORDO-PERF-02");
  CreateAndRelease();
  std::string key;
  ASSERT_TRUE(FromHex(RandomHex(32), &key));
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  for (const char* table : {"ord_order", "ord_operation"})
    ASSERT_TRUE(store::SealAllRows(*db_, key, *store::FindGuardedTable(table), 9).ok());
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  store::InstallSealKey(db_->path(), key);
  ASSERT_TRUE(OpenWorkForClass(*db_, "dispensary").ok());
  // The spec is not parsed by this reader but is covered by the seal: dropping the
  // verification from it is found.
  ASSERT_TRUE(
      db_->Exec("UPDATE ord_operation SET spec = '{\"id\":\"20\"}' WHERE operation = '20'").ok());
  auto edited = OpenWorkForClass(*db_, "dispensary");
  ASSERT_FALSE(edited.ok());
  EXPECT_EQ(edited.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(edited.error().message.find("ord_operation order_id=PO-1,operation=20"),
            std::string::npos)
      << edited.error().message;
  // So is an order moved up the list.
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  ASSERT_TRUE(store::SealAllRows(*db_, key, *store::FindGuardedTable("ord_operation"), 10).ok());
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  ASSERT_TRUE(OpenWorkForClass(*db_, "dispensary").ok());
  ASSERT_TRUE(db_->Exec("UPDATE ord_order SET priority = 1 WHERE order_id = 'PO-1'").ok());
  auto reordered = OpenWorkForClass(*db_, "dispensary");
  ASSERT_FALSE(reordered.ok());
  EXPECT_NE(reordered.error().message.find("ord_order order_id=PO-1"), std::string::npos);
  store::RemoveSealKey(db_->path());
}

}  // namespace
}  // namespace ordo::orders
