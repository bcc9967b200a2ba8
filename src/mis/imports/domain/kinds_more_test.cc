// The order, maintenance and finance kinds good and bad; NDJSON files of a kind; natural
// keys repeated in one file; the file hash.
#include <gtest/gtest.h>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/imports/domain/import_test_util.h"

namespace ordo::mis::imports {
namespace {

using testing::MustParse;
using testing::Refusals;
using testing::Strings;

TEST(MisImportKinds, Orders) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-23", "ORDO-MIS-24", "ORDO-MISCT-03");
  auto p = MustParse("orders",
                     "order_id,customer,product,quantity,unit,due_date\n"
                     "SO-1,Acme,P1,500,pcs,2026-03-31\n"
                     "SO-2,,P1,12.5,kg,2026-04-01\n"
                     "SO-3,Acme,P1,0,pcs,2026-03-31\n"
                     "SO-4,Acme,P1,10,pcs,2026-03-31T12:00:00\n"
                     "SO-5,Acme,,10,pcs,\n"
                     "SO-6,Acme,P1,10,pcs,2026-03-31T12:00:00+02:00\n"
                     "SO-7,Acme,P1,10,pcs,31.03.2026\n");
  ASSERT_EQ(p.rows.size(), 7u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"quantity:not_positive"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"due_date:time_without_offset"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"product:missing_value", "due_date:missing_value"}));
  EXPECT_TRUE(p.rows[5].errors.empty());
  EXPECT_EQ(RowView(*FindKind("orders"), p.rows[5].values).DateOrTime("due_date"),
            "2026-03-31T10:00:00.000000Z");
  EXPECT_EQ(RowView(*FindKind("orders"), p.rows[0].values).DateOrTime("due_date"), "2026-03-31");
  EXPECT_EQ(Refusals(p.rows[6]), (Strings{"due_date:bad_date_or_time"}));
}

TEST(MisImportKinds, Shipments) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-23");
  auto p = MustParse("shipments",
                     "order_id,shipped_at,quantity\n"
                     "SO-1,2026-03-30T15:00:00+02:00,300\n"
                     "SO-1,2026-03-31T09:00:00+02:00,200\n"
                     "SO-2,2026-03-31,5\n"
                     "SO-3,2026-03-31T09:00:00Z,-5\n");
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"shipped_at:bad_time"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"quantity:negative_number"}));
}

TEST(MisImportKinds, Maintenance) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-25");
  auto p = MustParse(
      "maintenance",
      "work_unit,work_order,kind,failure_start,repair_start,repair_end,reason\n"
      "WU1,WO-1,corrective,2026-03-02T08:00:00Z,2026-03-02T08:20:00Z,2026-03-02T09:00:00Z,belt\n"
      "WU1,WO-2,preventive,,2026-03-03T08:00:00Z,2026-03-03T09:00:00Z,\n"
      "WU1,WO-3,corrective,,2026-03-04T08:00:00Z,2026-03-04T09:00:00Z,\n"
      "WU1,WO-4,corrective,2026-03-05T08:30:00Z,2026-03-05T08:00:00Z,2026-03-05T09:00:00Z,\n"
      "WU1,WO-5,preventive,,2026-03-06T09:00:00Z,2026-03-06T08:00:00Z,\n"
      "WU1,WO-6,repair,,2026-03-06T09:00:00Z,2026-03-06T10:00:00Z,\n");
  ASSERT_EQ(p.rows.size(), 6u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"failure_start:missing_value"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"repair_start:repair_before_failure"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"repair_end:end_before_start"}));
  EXPECT_EQ(Refusals(p.rows[5]), (Strings{"kind:bad_enum"}));
}

TEST(MisImportKinds, QualityCosts) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-24");
  auto p = MustParse("quality_costs",
                     "date,scope,category,amount,currency,reference\n"
                     "2026-03-02,S1,internal_failure,1200.50,EUR,NC-1\n"
                     "2026-03-02,S1,internal_failure,80,EUR,NC-2\n"
                     "2026-03-02,S1,rework,80,EUR,NC-3\n"
                     "2026-03-02,S1,appraisal,80,euro,NC-4\n"
                     "2026-03-02,S1,appraisal,-80,EUR,NC-5\n");
  ASSERT_EQ(p.rows.size(), 5u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"category:bad_enum"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"currency:bad_currency"}));
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"amount:negative_number"}));
}

TEST(MisImportKinds, Sales) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-25");
  auto p = MustParse("sales",
                     "period_start,period_end,scope,amount,currency\n"
                     "2026-03-01,2026-03-31,S1,250000,EUR\n"
                     "2026-04-01,2026-04-01,S1,9000,EUR\n"
                     "2026-05-31,2026-05-01,S1,1,EUR\n"
                     "2026-06-01,2026-06-30,S1,1,\n");
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());  // a one-day period: the end is inclusive
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"period_end:end_before_start"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"currency:missing_value"}));
}

TEST(MisImportKinds, OperationYields) {
  ORDO_VERIFIES("ORDO-MIS-22", "ORDO-MIS-25");
  auto p = MustParse("operation_yields",
                     "order,operation,work_unit,completed_at,units_in,good_first_pass,reworked,"
                     "scrapped\n"
                     "O1,10,WU1,2026-03-02T10:00:00Z,100,90,8,2\n"
                     "O1,20,,2026-03-02T12:00:00Z,98,98,,\n"
                     "O1,30,WU3,2026-03-02T14:00:00Z,98,95,3,1\n"
                     "O1,40,WU4,2026-03-02T14:00:00Z,98,,0,0\n");
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_TRUE(p.rows[1].errors.empty());
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"units_in:counts_exceed_total"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"good_first_pass:missing_value"}));
}

TEST(MisImportKinds, RepeatedNaturalKeyInOneFileRefusesTheLaterRow) {
  ORDO_VERIFIES("ORDO-MIS-27");
  auto p = MustParse("orders",
                     "order_id,customer,product,quantity,unit,due_date\n"
                     "SO-1,Acme,P1,500,pcs,2026-03-31\n"
                     "SO-2,Acme,P1,bad,pcs,2026-03-31\n"
                     "SO-2,Acme,P1,5,pcs,2026-03-31\n"  // the earlier SO-2 was refused
                     "SO-1,Acme,P1,500,pcs,2026-03-31\n");
  ASSERT_EQ(p.rows.size(), 4u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_EQ(Refusals(p.rows[1]), (Strings{"quantity:bad_number"}));
  EXPECT_TRUE(p.rows[2].errors.empty());
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"order_id:duplicate_key_in_file"}));
  EXPECT_NE(p.rows[3].errors[0].message.find("line 2"), std::string::npos)
      << p.rows[3].errors[0].message;

  // A composite key: the same instant written with two offsets is the same key.
  auto s = MustParse("states",
                     "work_unit,start,end,state,reason\n"
                     "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n"
                     "WU1,2026-03-02T07:00:00+01:00,2026-03-02T08:00:00+01:00,setup,\n"
                     "WU2,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n");
  EXPECT_EQ(Refusals(s.rows[1]), (Strings{"work_unit+start:duplicate_key_in_file"}));
  EXPECT_TRUE(s.rows[2].errors.empty());
}

TEST(MisImportKinds, NdjsonFileOfAKind) {
  ORDO_VERIFIES("ORDO-MIS-21", "ORDO-MIS-22");
  const std::string body =
      "{\"work_unit\":\"WU1\",\"start\":\"2026-03-02T06:00:00Z\",\"end\":\"2026-03-02T07:00:00Z\","
      "\"total\":100,\"good\":98,\"scrap\":2}\n"
      "\n"
      "{\"work_unit\":\"WU1\",\"start\":\"2026-03-02T07:00:00Z\",\"end\":\"2026-03-02T08:00:00Z\","
      "\"total\":100,\"good\":true}\n"
      "{\"work_unit\":\"WU1\",\"start\":\"2026-03-02T08:00:00Z\",\"end\":\"2026-03-02T09:00:00Z\","
      "\"total\":100,\"good\":90,\"colour\":\"red\"}\n"
      "not json\n"
      "{\"work_unit\":\"WU1\",\"start\":\"2026-03-02T10:00:00Z\",\"end\":\"2026-03-02T11:00:00Z\","
      "\"total\":1.5,\"good\":1,\"order\":null}\n";
  auto p = MustParse("counts", body, Format::kNdjson);
  ASSERT_EQ(p.rows.size(), 5u);
  EXPECT_TRUE(p.rows[0].errors.empty());
  EXPECT_EQ(RowView(*p.spec, p.rows[0].values).Int("scrap"), 2);
  EXPECT_EQ(p.rows[1].line, 3);
  EXPECT_EQ(Refusals(p.rows[1]), (Strings{"good:bad_type"}));
  EXPECT_EQ(Refusals(p.rows[2]), (Strings{"colour:unknown_column"}));
  EXPECT_EQ(Refusals(p.rows[3]), (Strings{"row:bad_json"}));
  EXPECT_EQ(p.rows[3].line, 5);
  EXPECT_EQ(Refusals(p.rows[4]), (Strings{"total:bad_number"}));
}

TEST(MisImportKinds, FileHashIsTheSha256OfTheBody) {
  ORDO_VERIFIES("ORDO-MIS-28");
  ASSERT_TRUE(InitCrypto());
  const std::string body = "id,level\nACME,enterprise\n";
  auto p = MustParse("equipment", body);
  EXPECT_EQ(p.file_hash, Sha256Hex(body));
  EXPECT_EQ(p.file_hash.size(), 64u);
  EXPECT_NE(MustParse("equipment", body + "S1,site\n").file_hash, p.file_hash);
}

}  // namespace
}  // namespace ordo::mis::imports
