// The KPI inputs of imports and the MES feed side by side: which side wins per key.
#include "mis/kpi_source/kpi_inputs.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/feed/store/feed_store.h"
#include "mis/imports/imports.h"
#include "mis/imports/store/store_fixture.h"

namespace ordo::mis::kpi_source {
namespace {

class KpiInputsTest : public imports::testing::ImportStoreTest {
 protected:
  void SetUp() override {
    ImportStoreTest::SetUp();
    if (HasFatalFailure()) return;
    for (const auto& m : feed::FeedMigrations()) ASSERT_TRUE(db_->Exec(m.sql).ok());
  }
  void Import(const std::string& kind, const std::string& csv) {
    auto report = imports::RunImport(*db_, kind, "text/csv", csv, "alice", 1);
    ASSERT_TRUE(report.ok()) << report.error().message;
    ASSERT_EQ(report->refused, 0) << imports::ToJson(*report).dump();
  }
};

TEST_F(KpiInputsTest, TheErpKeepsItsOrdersTheMesItsPlantAndYieldsAndEachAddsTheRest) {
  ORDO_VERIFIES("ORDO-MISFEED-27", "ORDO-MIS-99");
  Import("orders",
         "order_id,customer,product,quantity,unit,due_date\n"
         "WO-1,ACME,P-1,1000,pcs,2026-03-05\nWO-ERP,ACME,P-1,10,pcs,2026-03-06\n");
  Import("operation_yields",
         "order,operation,work_unit,completed_at,units_in,good_first_pass,reworked,scrapped\n"
         "WO-1,10,WU-1,2026-03-02T10:00:00Z,100,80,10,10\n");
  Import("equipment",
         "id,name,parent,level\nENT,Enterprise,,enterprise\nWU-1,Old name,ENT,work_unit\n");
  feed::FeedRows rows;
  rows.orders.push_back({5, "WO-1", "P-1", 999, "pcs", 0, "SO-1"});
  rows.orders.push_back({6, "WO-MES", "P-1", 20, "pcs", 0, ""});
  rows.completions.push_back({7, 0, "WO-1", "10", "WU-1", 95, 5, 0});
  rows.equipment_drafts.push_back(
      {8, "WU-1", 1, "define",
       R"({"id":"WU-1","level":"work_unit","name":"Press","parent":"ENT"})"});
  rows.equipment_approvals.push_back({9, "WU-1", 1, 0});
  ASSERT_TRUE(feed::ApplyPage(*db_, rows, feed::FeedCursor{}, feed::FeedCursor{9, "h"}, 1).ok());
  ASSERT_TRUE(feed::MarkCaughtUp(*db_, 10).ok());
  auto in = LoadKpiInputs(*db_, calendar::TimeZone::Utc());
  ASSERT_TRUE(in.ok()) << in.error().message;
  std::map<std::string, const Order*> orders;
  for (const auto& o : in->orders) orders[o.order_id] = &o;
  ASSERT_EQ(orders.size(), 3u);
  EXPECT_EQ(orders["WO-1"]->quantity, 1000);  // the ERP's
  EXPECT_FALSE(orders["WO-1"]->source.is_ledger());
  EXPECT_TRUE(orders["WO-MES"]->source.is_ledger());
  EXPECT_FALSE(orders["WO-ERP"]->source.is_ledger());
  ASSERT_EQ(in->operation_yields.size(), 1u);
  EXPECT_EQ(in->operation_yields[0].good_first_pass, 95);  // the MES's
  std::map<std::string, const EquipmentNode*> nodes;
  for (const auto& n : in->equipment) nodes[n.id] = &n;
  ASSERT_EQ(nodes.size(), 2u);
  EXPECT_EQ(nodes["WU-1"]->name, "Press");  // the MES's master data
  EXPECT_EQ(nodes["ENT"]->source.is_ledger(), false);
}

}  // namespace
}  // namespace ordo::mis::kpi_source
