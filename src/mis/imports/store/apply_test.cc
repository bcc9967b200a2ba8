// ApplyImport on a real SQLite file: lineage, idempotence by file, unchanged and
// superseded rows by natural key, stored refusals, the row count balance and atomicity.
#include "mis/imports/store/apply.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mis/imports/store/queries.h"
#include "mis/imports/store/sample_files.h"
#include "mis/imports/store/store_fixture.h"

namespace ordo::mis::imports {
namespace {

constexpr TimeMicros kT1 = 1'772'355'600'000'000;  // 2026-03-01T09:00:00Z
constexpr TimeMicros kT2 = kT1 + 3'600'000'000;

const std::string kHeader = "work_unit,start,end,state,reason\n";
const std::string kRow1 = "WU1,2026-03-02T06:00:00Z,2026-03-02T07:00:00Z,running,\n";
const std::string kRow2 = "WU1,2026-03-02T07:00:00Z,2026-03-02T07:30:00Z,down,JAM\n";
const std::string kRow3 = "WU1,2026-03-02T07:30:00Z,2026-03-02T08:00:00Z,idle,starved\n";

class ApplyImportTest : public testing::ImportStoreTest {
 protected:
  ImportReport Apply(const std::string& kind, const std::string& body,
                     const std::string& user = "alice", TimeMicros now = kT1) {
    auto parsed = ParseImport(*FindKind(kind), Format::kCsv, body);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    if (!parsed.ok()) return {};
    auto report = ApplyImport(*db_, *parsed, user, now);
    EXPECT_TRUE(report.ok()) << (report.ok() ? "" : report.error().message);
    return report.ok() ? *report : ImportReport{};
  }
  std::vector<StoredRow> Current(const std::string& kind) {
    auto rows = CurrentRows(*db_, *FindKind(kind));
    EXPECT_TRUE(rows.ok());
    return rows.ok() ? *rows : std::vector<StoredRow>{};
  }
  static void ExpectBalanced(const ImportReport& r) {
    EXPECT_EQ(r.total, r.imported + r.unchanged + r.superseded + r.refused);
  }
};

TEST_F(ApplyImportTest, RecordsTheImportAndEveryRowsLineage) {
  ORDO_VERIFIES("ORDO-MIS-28");
  const std::string body = kHeader + kRow1 + "\n" + kRow2 + kRow3;
  auto r = Apply("states", body, "alice", kT1);
  EXPECT_GT(r.import_id, 0);
  EXPECT_EQ(r.imported, 3);
  EXPECT_FALSE(r.duplicate_file);
  EXPECT_EQ(r.file_hash, Sha256Hex(body));
  auto stored = LoadReport(*db_, r.import_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->kind, "states");
  EXPECT_EQ(stored->file_hash, Sha256Hex(body));
  EXPECT_EQ(stored->content_type, "text/csv");
  EXPECT_EQ(stored->imported_by, "alice");
  EXPECT_EQ(stored->imported_at, kT1);
  EXPECT_EQ(stored->total, 3);
  EXPECT_EQ(stored->imported, 3);
  auto rows = Current("states");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].row_number, 2);
  EXPECT_EQ(rows[1].row_number, 4);  // after the blank line 3
  EXPECT_EQ(rows[2].row_number, 5);
  for (const auto& row : rows) {
    EXPECT_EQ(row.import_id, r.import_id);
    EXPECT_EQ(row.file_hash, Sha256Hex(body));
  }
  RowView second(*FindKind("states"), rows[1].values);
  EXPECT_EQ(second.Text("state"), "down");
  EXPECT_EQ(second.Text("reason"), "JAM");
  EXPECT_EQ(*second.Int("end") - *second.Int("start"), 30LL * 60 * 1000000);
  EXPECT_EQ(LoadReport(*db_, 999).error().code, ErrorCode::kNotFound);
}

TEST_F(ApplyImportTest, SameFileTwiceImportsNothingNew) {
  ORDO_VERIFIES("ORDO-MIS-29");
  const std::string body = kHeader + kRow1 + kRow2 + "WU1,bad,2026-03-02T08:00:00Z,idle,\n";
  auto first = Apply("states", body, "alice", kT1);
  auto second = Apply("states", body, "bob", kT2);
  EXPECT_TRUE(second.duplicate_file);
  EXPECT_FALSE(first.duplicate_file);
  EXPECT_EQ(second.import_id, first.import_id);
  EXPECT_EQ(second.imported_by, "alice");
  EXPECT_EQ(second.imported, 2);
  EXPECT_EQ(second.refused, 1);
  EXPECT_EQ(second.errors, first.errors);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_states"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_row_error"), 1);
}

TEST_F(ApplyImportTest, DueTimesImportOnceAndSupersedeByOrderId) {
  ORDO_VERIFIES("ORDO-MIS-29", "ORDO-MIS-30", "ORDO-MISCT-03");
  const std::string header = "order_id,customer,product,quantity,unit,due_date\n";
  const std::string body = header +
                           "SO-1,ACME,P1,10,pcs,2026-01-05T09:00:00+00:00\n"
                           "SO-2,ACME,P1,10,pcs,2026-01-06\n";
  auto first = Apply("orders", body, "alice", kT1);
  EXPECT_EQ(first.imported, 2);
  EXPECT_EQ(first.refused, 0);
  auto again = Apply("orders", body, "bob", kT2);
  EXPECT_TRUE(again.duplicate_file);
  EXPECT_EQ(again.import_id, first.import_id);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_orders"), 2);
  // The same instant at another offset is the same row; a corrected time supersedes.
  auto other = Apply("orders",
                     header +
                         "SO-1,ACME,P1,10,pcs,2026-01-05T10:00:00+01:00\n"
                         "SO-2,ACME,P1,10,pcs,2026-01-06T17:00:00Z\n",
                     "alice", kT2);
  EXPECT_FALSE(other.duplicate_file);
  EXPECT_EQ(other.unchanged, 1);
  EXPECT_EQ(other.superseded, 1);
  EXPECT_EQ(other.imported, 0);
  ExpectBalanced(other);
  auto rows = Current("orders");
  ASSERT_EQ(rows.size(), 2u);
  for (const auto& row : rows) {
    const RowView view(*FindKind("orders"), row.values);
    if (view.Text("order_id") == "SO-1") {
      EXPECT_EQ(row.import_id, first.import_id);
      EXPECT_EQ(view.DateOrTime("due_date"), "2026-01-05T09:00:00.000000Z");
    } else {
      EXPECT_EQ(row.import_id, other.import_id);
      EXPECT_EQ(view.DateOrTime("due_date"), "2026-01-06T17:00:00.000000Z");
    }
  }
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_orders"), 3);
}

TEST_F(ApplyImportTest, EqualRowsOfAnotherFileAreUnchangedAndKeepTheirLineage) {
  ORDO_VERIFIES("ORDO-MIS-30");
  auto first = Apply("states", kHeader + kRow1 + kRow2);
  auto second = Apply("states", kHeader + kRow2 + kRow1 + kRow3, "alice", kT2);
  EXPECT_FALSE(second.duplicate_file);
  EXPECT_NE(second.import_id, first.import_id);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(second.imported, 1);
  EXPECT_EQ(second.superseded, 0);
  ExpectBalanced(second);
  auto rows = Current("states");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].import_id, first.import_id);
  EXPECT_EQ(rows[1].import_id, first.import_id);
  EXPECT_EQ(rows[2].import_id, second.import_id);
  EXPECT_EQ(rows[2].row_number, 4);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_states"), 3);
}

TEST_F(ApplyImportTest, CorrectedFileSupersedesByNaturalKeyAndRecordsIt) {
  ORDO_VERIFIES("ORDO-MIS-30");
  auto first = Apply("states", kHeader + kRow1 + kRow2 + kRow3);
  const std::string corrected = "WU1,2026-03-02T07:00:00Z,2026-03-02T07:30:00Z,down,BELT\n";
  auto second = Apply("states", kHeader + kRow1 + corrected + kRow3, "alice", kT2);
  EXPECT_EQ(second.superseded, 1);
  EXPECT_EQ(second.unchanged, 2);
  EXPECT_EQ(second.imported, 0);
  ExpectBalanced(second);
  auto rows = Current("states");
  ASSERT_EQ(rows.size(), 3u);
  const StoredRow* down = nullptr;
  for (const auto& row : rows)
    if (row.import_id == second.import_id) down = &row;
  ASSERT_NE(down, nullptr);
  EXPECT_EQ(down->row_number, 3);
  EXPECT_EQ(RowView(*FindKind("states"), down->values).Text("reason"), "BELT");
  // The old row is kept and marked; the supersession names both rows.
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_states"), 4);
  EXPECT_EQ(Scalar("SELECT superseded_by_import FROM import_states WHERE reason = 'JAM'"),
            second.import_id);
  auto supersessions = SupersessionsOf(*db_, second.import_id);
  ASSERT_TRUE(supersessions.ok());
  ASSERT_EQ(supersessions->size(), 1u);
  EXPECT_EQ((*supersessions)[0].kind, "states");
  EXPECT_EQ((*supersessions)[0].row_number, 3);
  EXPECT_EQ((*supersessions)[0].new_row_id, down->row_id);
  EXPECT_EQ((*supersessions)[0].old_row_id,
            Scalar("SELECT row_id FROM import_states WHERE reason = 'JAM'"));
  // A third file going back to the first values supersedes again.
  auto third = Apply("states", kHeader + kRow2, "alice", kT2 + 1);
  EXPECT_EQ(third.superseded, 1);
  EXPECT_EQ(Current("states").size(), 3u);
}

TEST_F(ApplyImportTest, RefusedRowsAreStoredAndTheGoodRowsImported) {
  ORDO_VERIFIES("ORDO-MIS-31", "ORDO-MIS-26");
  const std::string body = kHeader + kRow1 +
                           "WU1,2026-03-02T07:00:00,2026-03-02T07:30:00Z,down,\n" + kRow3 +
                           "WU1,2026-03-02T09:00:00Z,2026-03-02T08:00:00Z,sleeping,x\n";
  auto r = Apply("states", body);
  EXPECT_EQ(r.total, 4);
  EXPECT_EQ(r.imported, 2);
  EXPECT_EQ(r.refused, 2);
  ExpectBalanced(r);
  ASSERT_EQ(r.errors.size(), 2u);
  EXPECT_EQ(r.errors[0], (RowError{3, "start", "time_without_offset", r.errors[0].message}));
  EXPECT_EQ(r.errors[1].line, 5);
  EXPECT_EQ(r.errors[1].reason, "bad_enum");
  auto refused = RefusedRows(*db_, "states");
  ASSERT_TRUE(refused.ok());
  ASSERT_EQ(refused->size(), 2u);
  EXPECT_EQ((*refused)[0].error, r.errors[0]);
  EXPECT_EQ((*refused)[1].error, r.errors[1]);
  EXPECT_EQ((*refused)[0].file_hash, Sha256Hex(body));
  EXPECT_TRUE(RefusedRows(*db_, "counts")->empty());
  EXPECT_EQ(RefusedRows(*db_, "")->size(), 2u);
  auto stored = LoadReport(*db_, r.import_id);
  ASSERT_TRUE(stored.ok());
  EXPECT_EQ(stored->errors, r.errors);
  EXPECT_EQ(stored->refused, 2);
  EXPECT_EQ(Current("states").size(), 2u);
}

TEST_F(ApplyImportTest, NothingIsDroppedSilently) {
  ORDO_VERIFIES("ORDO-MIS-31");
  Apply("orders",
        "order_id,customer,product,quantity,unit,due_date\n"
        "SO-1,Acme,P1,500,pcs,2026-03-31\nSO-2,Acme,P1,5,pcs,2026-03-31\n");
  auto r = Apply("orders",
                 "order_id,customer,product,quantity,unit,due_date\n"
                 "SO-1,Acme,P1,500,pcs,2026-03-31\n"  // unchanged
                 "SO-2,Acme,P1,6,pcs,2026-03-31\n"    // superseded
                 "SO-3,Acme,P1,7,pcs,2026-04-30\n"    // imported
                 "SO-4,Acme,P1,x,pcs,2026-04-30\n"    // refused
                 "SO-3,Acme,P1,7,pcs,2026-04-30\n");  // refused: key twice in the file
  EXPECT_EQ(r.total, 5);
  EXPECT_EQ(r.unchanged, 1);
  EXPECT_EQ(r.superseded, 1);
  EXPECT_EQ(r.imported, 1);
  EXPECT_EQ(r.refused, 2);
  ExpectBalanced(r);
  EXPECT_EQ(Scalar("SELECT rows_total - rows_imported - rows_unchanged - rows_superseded - "
                   "rows_refused FROM import WHERE id = " +
                   std::to_string(r.import_id)),
            0);
  EXPECT_EQ(Scalar("SELECT COUNT(DISTINCT line) FROM import_row_error WHERE import_id = " +
                   std::to_string(r.import_id)),
            2);
}

TEST_F(ApplyImportTest, EveryKindRoundTripsThroughTheStore) {
  ORDO_VERIFIES("ORDO-MIS-28", "ORDO-MIS-22");
  for (const auto& [kind, body] : testing::SampleFiles()) {
    auto parsed = ParseImport(*FindKind(kind), Format::kCsv, body);
    ASSERT_TRUE(parsed.ok()) << kind << ": " << parsed.error().message;
    for (const auto& row : parsed->rows) ASSERT_FALSE(row.refused()) << kind << row.line;
    auto r = ApplyImport(*db_, *parsed, "alice", kT1);
    ASSERT_TRUE(r.ok()) << kind << ": " << r.error().message;
    EXPECT_EQ(r->imported, static_cast<std::int64_t>(parsed->rows.size())) << kind;
    auto rows = Current(kind);
    ASSERT_EQ(rows.size(), parsed->rows.size()) << kind;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      EXPECT_EQ(rows[i].values, parsed->rows[i].values) << kind << " row " << i;
      EXPECT_EQ(rows[i].row_number, parsed->rows[i].line);
    }
    // Read back, every row equals what is stored: a second import is all unchanged.
    auto again = ParseImport(*FindKind(kind), Format::kCsv, body + "\n");
    ASSERT_TRUE(again.ok());
    auto r2 = ApplyImport(*db_, *again, "alice", kT2);
    ASSERT_TRUE(r2.ok());
    EXPECT_EQ(r2->unchanged, static_cast<std::int64_t>(parsed->rows.size())) << kind;
  }
}

TEST_F(ApplyImportTest, PlannedCycleTimesKeepLineageAndSupersedeByWorkUnitAndProduct) {
  ORDO_VERIFIES("ORDO-MISCT-01", "ORDO-MIS-28", "ORDO-MIS-30", "ORDO-MIS-31");
  const std::string header = "work_unit,product,planned_cycle_time_s\n";
  // The same (work unit, product) as an ideal cycle time: its own table, nothing shared.
  Apply("ideal_cycle_times", "work_unit,product,ideal_cycle_time_s\nWU1,P1,1\n");
  const std::string body = header + "WU1,P1,1.5\nWU1,P2,0\nWU2,P1,0.9\n";
  auto first = Apply("planned_cycle_times", body);
  EXPECT_EQ(first.imported, 2);
  EXPECT_EQ(first.refused, 1);
  ExpectBalanced(first);
  ASSERT_EQ(first.errors.size(), 1u);
  EXPECT_EQ(first.errors[0],
            (RowError{3, "planned_cycle_time_s", "not_positive", first.errors[0].message}));
  auto rows = Current("planned_cycle_times");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].row_number, 2);
  EXPECT_EQ(rows[1].row_number, 4);
  EXPECT_EQ(rows[1].file_hash, Sha256Hex(body));
  // A corrected file: WU1/P1 supersedes, WU2/P1 is unchanged.
  auto second = Apply("planned_cycle_times", header + "WU2,P1,0.9\nWU1,P1,1.25\n", "bob", kT2);
  EXPECT_EQ(second.superseded, 1);
  EXPECT_EQ(second.unchanged, 1);
  ExpectBalanced(second);
  rows = Current("planned_cycle_times");
  ASSERT_EQ(rows.size(), 2u);
  const StoredRow* wu1 = nullptr;
  for (const auto& row : rows)
    if (RowView(*FindKind("planned_cycle_times"), row.values).Text("work_unit") == "WU1")
      wu1 = &row;
  ASSERT_NE(wu1, nullptr);
  EXPECT_EQ(wu1->import_id, second.import_id);
  EXPECT_EQ(wu1->row_number, 3);
  EXPECT_EQ(RowView(*FindKind("planned_cycle_times"), wu1->values).Text("planned_cycle_time_s"),
            "1.25");
  auto supersessions = SupersessionsOf(*db_, second.import_id);
  ASSERT_TRUE(supersessions.ok());
  ASSERT_EQ(supersessions->size(), 1u);
  EXPECT_EQ((*supersessions)[0].kind, "planned_cycle_times");
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_planned_cycle_times"), 3);
  EXPECT_EQ(Current("ideal_cycle_times").size(), 1u);
  EXPECT_EQ(Apply("planned_cycle_times", body).duplicate_file, true);
}

TEST_F(ApplyImportTest, AFailurePartWayLeavesNothing) {
  ORDO_VERIFIES("ORDO-MIS-32");
  ASSERT_TRUE(db_->Exec("DROP TABLE import_row_error").ok());
  auto parsed = ParseImport(*FindKind("states"), Format::kCsv,
                            kHeader + kRow1 + "WU1,x,2026-03-02T08:00:00Z,idle,starved\n");
  ASSERT_TRUE(parsed.ok());
  auto r = ApplyImport(*db_, *parsed, "alice", kT1);
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(db_->InTransaction());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM import_states"), 0);
}

}  // namespace
}  // namespace ordo::mis::imports
