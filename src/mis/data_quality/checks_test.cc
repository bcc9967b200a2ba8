// The data quality cross-checks.
#include "mis/data_quality/checks.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::mis::data_quality {
namespace {

Order MakeOrder(const std::string& id, double quantity, SourceRef source) {
  Order o;
  o.order_id = id;
  o.product = "P";
  o.quantity = quantity;
  o.unit = "pcs";
  o.source = std::move(source);
  return o;
}

TEST(DataQualityTest, ErpOrdersAreCheckedAgainstTheMesOnes) {
  ORDO_VERIFIES("ORDO-MISDQ-28");
  const std::vector<Order> erp = {MakeOrder("WO-1", 100, SourceRef::Import("h", 2)),
                                  MakeOrder("WO-2", 50, SourceRef::Import("h", 3)),
                                  MakeOrder("WO-3", 10, SourceRef::Import("h", 4))};
  const std::vector<Order> mes = {MakeOrder("WO-1", 100, SourceRef::Ledger(7)),
                                  MakeOrder("WO-2", 40, SourceRef::Ledger(8)),
                                  MakeOrder("WO-9", 5, SourceRef::Ledger(9))};
  const std::vector<Issue> issues = CheckOrders(erp, mes, true);
  ASSERT_EQ(issues.size(), 3u);
  EXPECT_EQ(issues[0].kind, "erp_order_not_in_mes");
  EXPECT_EQ(issues[0].subject, "WO-3");
  EXPECT_EQ(issues[1].kind, "mes_order_not_in_erp");
  EXPECT_EQ(issues[1].subject, "WO-9");
  EXPECT_EQ(issues[2].kind, "order_quantity_mismatch");
  EXPECT_EQ(issues[2].subject, "WO-2");
  EXPECT_NE(issues[2].detail.find("the ERP says 50 pcs, the MES 40 pcs"), std::string::npos);
  EXPECT_EQ(issues[2].sources.size(), 2u);
  // No MES (imports alone): nothing to compare. No ERP orders: MES orders are not flagged.
  EXPECT_TRUE(CheckOrders(erp, {}, false).empty());
  EXPECT_TRUE(CheckOrders({}, mes, true).empty());
  EXPECT_EQ(CheckOrders(erp, {}, true).size(), 3u);  // the feed runs, the MES has none
}

TEST(DataQualityTest, DowntimeWithoutAReasonIsListedUnlessItIsAMicroStop) {
  ORDO_VERIFIES("ORDO-MISDQ-28");
  constexpr TimeMicros kMin = 60'000'000;
  auto state = [](const std::string& unit, TimeMicros from, TimeMicros to, MachineState s,
                  const std::string& reason, bool open = false) {
    StateInterval i;
    i.work_unit = unit;
    i.start = from;
    i.end = to;
    i.state = s;
    i.reason = reason;
    i.open = open;
    i.source = SourceRef::Ledger(from / kMin);
    return i;
  };
  const std::vector<StateInterval> states = {
      state("WU-1", 0, 10 * kMin, MachineState::kDown, ""),          // listed
      state("WU-1", 10 * kMin, 11 * kMin, MachineState::kDown, ""),  // a micro-stop
      state("WU-1", 20 * kMin, 40 * kMin, MachineState::kDown, "JAM"),
      state("WU-1", 50 * kMin, 51 * kMin, MachineState::kDown, "", true),  // still down
      state("WU-2", 0, 30 * kMin, MachineState::kDown, ""),                // not in the scope
      state("WU-1", 60 * kMin, 90 * kMin, MachineState::kIdle, ""),
      state("WU-1", 200 * kMin, 300 * kMin, MachineState::kDown, ""),  // after the window
  };
  const auto issues = UnassignedDowntime(states, {"WU-1"}, 0, 120 * kMin, 120);
  ASSERT_EQ(issues.size(), 2u);
  EXPECT_EQ(issues[0].start, 0);
  EXPECT_EQ(issues[1].start, 50 * kMin);
  EXPECT_NE(issues[1].detail.find("still down"), std::string::npos);
  EXPECT_EQ(issues[0].sources[0], SourceRef::Ledger(0));
}

TEST(DataQualityTest, RefusedImportRowsNameTheirFileLineAndReason) {
  ORDO_VERIFIES("ORDO-MISDQ-28");
  const auto issues = RefusedRows({{"orders", "abc", 7, "due_date", "invalid_date", "no date", 1}});
  ASSERT_EQ(issues.size(), 1u);
  EXPECT_EQ(issues[0].kind, "import_row_refused");
  EXPECT_EQ(issues[0].detail, "orders line 7, due_date: invalid_date (no date)");
  EXPECT_EQ(issues[0].sources[0], SourceRef::Import("abc", 7));
}

}  // namespace
}  // namespace ordo::mis::data_quality
