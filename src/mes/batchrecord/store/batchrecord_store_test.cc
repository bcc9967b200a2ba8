// br_watch against a real SQLite database: the migration's SQL rule (the same rule as the
// projector's TouchOf) and the paging of ChangedSinceSeal, with more closed orders than a
// worklist page holds.
#include "mes/batchrecord/store/batchrecord_store.h"

#include <gtest/gtest.h>

#include <map>
#include <set>

#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::batchrecord {
namespace {

// The ledger columns the br_watch rule reads.
constexpr const char* kLedger =
    "CREATE TABLE ledger(seq INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, type TEXT NOT "
    "NULL, subject_kind TEXT NOT NULL, subject_id TEXT NOT NULL, payload TEXT NOT NULL)";

struct Row {
  std::string type, kind, id;
  Json payload;
};

class BrWatchStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto db = storage::OpenSqlite(":memory:", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    ASSERT_TRUE(db_->Exec(kLedger).ok());
    ASSERT_TRUE(db_->Exec(Tables().migrations.at(0).sql).ok());
  }
  std::int64_t Append(const Row& r) {
    const std::int64_t seq = static_cast<std::int64_t>(rows_.size()) + 1;
    Status s = storage::Run(*db_, "INSERT INTO ledger VALUES(?, ?, ?, ?, ?, ?)",
                            [&](storage::Statement& st) {
                              st.Bind(1, seq).Bind(2, seq * 1000).Bind(3, r.type);
                              st.Bind(4, r.kind).Bind(5, r.id).Bind(6, CanonicalJson(r.payload));
                            });
    EXPECT_TRUE(s.ok());
    rows_.push_back(r);
    return seq;
  }
  void Seal(const std::string& order) {
    const std::int64_t seq =
        Append({"batchrecord.released", "batch_record", order, Json{{"order_id", order}}});
    Status s = storage::Run(*db_, "INSERT INTO br_version VALUES(?, 1, 'h', '{}', ?)",
                            [&](storage::Statement& st) { st.Bind(1, order).Bind(2, seq); });
    EXPECT_TRUE(s.ok());
    sealed_[order] = seq;
  }
  // What the projector notes (TouchOf, entry by entry): order -> first changing seq.
  std::map<std::string, std::int64_t> Projected() const {
    std::map<std::string, std::string> deviation_order;
    std::map<std::string, std::int64_t> out;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
      const Row& r = rows_[i];
      const std::int64_t seq = static_cast<std::int64_t>(i) + 1;
      RecordTouch t = TouchOf(r.type, r.kind, r.id, r.payload);
      if (r.type == "deviations.deviation_opened" && !t.order_id.empty())
        deviation_order[r.id] = t.order_id;
      if (!t.deviation_id.empty() && deviation_order.count(t.deviation_id))
        t.order_id = deviation_order[t.deviation_id];
      auto sealed = sealed_.find(t.order_id);
      if (sealed != sealed_.end() && sealed->second < seq && !out.count(t.order_id))
        out[t.order_id] = seq;
    }
    return out;
  }
  std::vector<Candidate> All(std::int64_t page_size) {
    std::vector<Candidate> out;
    std::int64_t after = 0;
    while (true) {
      auto page = ChangedSinceSeal(*db_, after, page_size);
      EXPECT_TRUE(page.ok());
      if (!page.ok()) return out;
      for (const auto& c : *page) out.push_back(c);
      if (static_cast<std::int64_t>(page->size()) < page_size) return out;
      after = page->back().seq;
    }
  }
  std::unique_ptr<storage::Database> db_;
  std::vector<Row> rows_;
  std::map<std::string, std::int64_t> sealed_;
};

std::string Order(int i) { return "WO-" + std::to_string(1000 + i); }

TEST_F(BrWatchStoreTest, ClosingMoreSealedOrdersThanAPageHoldsFlagsNoneAnAmendmentIsFound) {
  ORDO_VERIFIES("ORDO-BR-55", "ORDO-BR-57");
  constexpr int kOrders = 230;  // more than the worklist's 200
  for (int i = 0; i < kOrders; ++i) Seal(Order(i));
  // Lifecycle entries after the seal: closing, and the serials the release released.
  for (int i = 0; i < kOrders; ++i) {
    Append({"orders.order_closed", "order", Order(i), Json{{"order_id", Order(i)}}});
    Append({"lots.serials_released", "order", Order(i), Json{{"order_id", Order(i)}}});
  }
  // Then one real amendment each: a late parameter on the last sealed order, a deviation
  // opened on another and updated (the update names only the deviation).
  const std::int64_t late = Append({"execution.parameter_recorded", "order", Order(kOrders - 1),
                                    Json{{"order_id", Order(kOrders - 1)}, {"name", "T"}}});
  const std::int64_t opened =
      Append({"deviations.deviation_opened", "deviation", "DV-1", Json{{"order_id", Order(3)}}});
  Append({"deviations.deviation_updated", "deviation", "DV-1", Json{{"id", "DV-1"}}});

  // A store upgraded from before migration 2 fills br_watch by migrations 2 and 3.
  ASSERT_TRUE(db_->Exec(Tables().migrations.at(1).sql).ok());
  ASSERT_TRUE(db_->Exec(Tables().migrations.at(2).sql).ok());
  std::vector<Candidate> page = All(200);
  ASSERT_EQ(page.size(), 2u);
  EXPECT_EQ(page[0].order_id, Order(kOrders - 1));
  EXPECT_EQ(page[0].seq, late);
  EXPECT_EQ(page[0].since_us, late * 1000);
  EXPECT_EQ(page[1].order_id, Order(3));
  EXPECT_EQ(page[1].seq, opened);
  // The migration's SQL gives what the projector's rule gives (replay == migration).
  std::map<std::string, std::int64_t> migrated;
  for (const auto& c : page) migrated[c.order_id] = c.seq;
  EXPECT_EQ(migrated, Projected());

  // Paging by changed_seq: pages of one return the same candidates in the same order.
  std::vector<Candidate> single = All(1);
  ASSERT_EQ(single.size(), page.size());
  for (std::size_t i = 0; i < single.size(); ++i) EXPECT_EQ(single[i].order_id, page[i].order_id);
}

}  // namespace
}  // namespace ordo::batchrecord
