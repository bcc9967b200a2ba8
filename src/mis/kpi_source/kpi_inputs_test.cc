// The KPI inputs of imports and the MES feed side by side: which side wins per key.
#include "mis/kpi_source/kpi_inputs.h"

#include <gtest/gtest.h>

#include <optional>
#include <utility>
#include <vector>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/feed/store/feed_store.h"
#include "mis/imports/imports.h"
#include "mis/imports/store/store_fixture.h"
#include "mis/kpi/element_index.h"
#include "mis/kpi/kpi.h"

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

// The MES's due date 2026-03-01 (a date alone) and the ERP's import of the same day end at
// the site's local midnight: a shipment at 23:30 UTC on March 1 is late at +01:00 (the day
// ended at 23:00 UTC) and on time at -05:00 (it ends at 05:00 UTC on March 2) and in UTC.
TEST_F(KpiInputsTest, ADueDateAloneOfTheMesEndsTheLocalDayAsAnImportedOneDoes) {
  ORDO_VERIFIES("ORDO-MISCT-02", "ORDO-MISTZ-13");
  TimeMicros mes_due_us = 0;  // what the MES records for 2026-03-01: the next 00:00 UTC
  ASSERT_TRUE(ParseIsoTime("2026-03-02T00:00:00Z", &mes_due_us));
  feed::FeedRows rows;
  rows.orders.push_back({5, "WO-MES", "P-1", 10, "pcs", mes_due_us, "", "2026-03-01"});
  ASSERT_TRUE(feed::ApplyPage(*db_, rows, feed::FeedCursor{}, feed::FeedCursor{5, "h"}, 1).ok());
  Import("orders",
         "order_id,customer,product,quantity,unit,due_date\n"
         "SO-ERP,ACME,P-1,10,pcs,2026-03-01\n");
  Import("shipments",
         "order_id,shipped_at,quantity\nWO-MES,2026-03-01T23:30:00Z,10\n"
         "SO-ERP,2026-03-01T23:30:00Z,10\n");
  auto paris = calendar::LoadTimeZone("Europe/Paris", "time-zone");         // +01:00 in March
  auto new_york = calendar::LoadTimeZone("America/New_York", "time-zone");  // -05:00
  ASSERT_TRUE(paris.ok() && new_york.ok());
  KpiRequest request;
  request.kpis = {"otd", "otif"};
  ASSERT_TRUE(ParseIsoTime("2026-03-01T00:00:00Z", &request.from));
  ASSERT_TRUE(ParseIsoTime("2026-03-03T00:00:00Z", &request.to));
  const std::vector<std::pair<calendar::TimeZone, double>> cases = {
      {*paris, 0.0}, {*new_york, 1.0}, {calendar::TimeZone::Utc(), 1.0}};
  for (const auto& [zone, expected] : cases) {
    auto in = LoadKpiInputs(*db_, zone);
    ASSERT_TRUE(in.ok()) << in.error().message;
    ASSERT_EQ(in->orders.size(), 2u);
    EXPECT_EQ(in->orders[0].due, in->orders[1].due) << zone.name();  // MES = ERP
    EXPECT_EQ(in->orders[0].due, zone.EndOfDay({2026, 3, 1})) << zone.name();
    const ElementIndex index(*in);
    auto report = ComputeKpis(index, request);
    ASSERT_TRUE(report.ok()) << report.error().message;
    for (const Figure& f : report->figures) {
      EXPECT_EQ(f.Element("orders_due"), 2.0) << zone.name() << " " << f.kpi;
      EXPECT_EQ(f.value, std::optional<double>(expected)) << zone.name() << " " << f.kpi;
    }
  }
}

// An imported due_date with a time is due at that instant in any site time zone: due at
// 09:00, shipped at 08:00 the same day is on time, shipped at 10:00 late.
TEST_F(KpiInputsTest, AnImportedDueTimeIsThatInstant) {
  ORDO_VERIFIES("ORDO-MISCT-03");
  Import("orders",
         "order_id,customer,product,quantity,unit,due_date\n"
         "SO-LATE,ACME,P-1,10,pcs,2026-03-02T09:00:00Z\n"
         "SO-EARLY,ACME,P-1,10,pcs,2026-03-02T10:00:00+01:00\n");
  TimeMicros nine = 0;
  ASSERT_TRUE(ParseIsoTime("2026-03-02T09:00:00Z", &nine));
  auto paris = calendar::LoadTimeZone("Europe/Paris", "time-zone");
  ASSERT_TRUE(paris.ok());
  // The orders on time (of the two due) on March 2, under UTC and Paris alike.
  const auto on_time = [&]() -> std::vector<double> {
    std::vector<double> out;
    for (const calendar::TimeZone& zone : {calendar::TimeZone::Utc(), *paris}) {
      auto in = LoadKpiInputs(*db_, zone);
      EXPECT_TRUE(in.ok()) << in.error().message;
      if (!in.ok()) return {};
      for (const auto& o : in->orders) EXPECT_EQ(o.due, nine) << zone.name() << o.order_id;
      KpiRequest request;
      request.kpis = {"otd"};
      EXPECT_TRUE(ParseIsoTime("2026-03-02T00:00:00Z", &request.from));
      EXPECT_TRUE(ParseIsoTime("2026-03-03T00:00:00Z", &request.to));
      const ElementIndex index(*in);
      auto report = ComputeKpis(index, request);
      EXPECT_TRUE(report.ok()) << report.error().message;
      if (!report.ok()) return {};
      const Figure& f = report->figures.at(0);
      EXPECT_EQ(f.Element("orders_due"), 2.0) << zone.name();
      out.push_back(f.Element("orders_on_time").value_or(-1));
    }
    return out;
  };
  Import("shipments", "order_id,shipped_at,quantity\nSO-EARLY,2026-03-02T08:00:00Z,10\n");
  EXPECT_EQ(on_time(), (std::vector<double>{1.0, 1.0}));  // 08:00 before 09:00: on time
  Import("shipments", "order_id,shipped_at,quantity\nSO-LATE,2026-03-02T10:00:00Z,10\n");
  EXPECT_EQ(on_time(), (std::vector<double>{1.0, 1.0}));  // 10:00 after 09:00: late
}

}  // namespace
}  // namespace ordo::mis::kpi_source
