// The feed's tables, and the KPI inputs made of them (feed_inputs.h).
#include "mis/feed/store/feed_store.h"

#include <gtest/gtest.h>

#include <filesystem>

#include "core/testing/verifies.h"
#include "mis/calendar/zoneinfo.h"
#include "mis/feed/feed_inputs.h"
#include "mis/store/mis_store.h"
#include "storage/rows.h"

namespace ordo::mis::feed {
namespace {

namespace fs = std::filesystem;

constexpr TimeMicros kHour = 3'600'000'000;
constexpr TimeMicros kT0 = 1'800'000'000'000'000;

class FeedStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(::testing::TempDir()) /
           ("mis_feed_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    auto opened = store::OpenMisStore(store::StorePath(dir_.string()), FeedMigrations(), true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(opened->db);
  }
  void TearDown() override {
    db_.reset();
    fs::remove_all(dir_);
  }
  // Applies `rows` as the page after the stored cursor, ending at `seq`.
  void Apply(const FeedRows& rows, std::int64_t seq) {
    auto from = ReadCursor(*db_);
    ASSERT_TRUE(from.ok());
    Status s = ApplyPage(*db_, rows, *from, FeedCursor{seq, "h" + std::to_string(seq)}, kT0);
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  FeedCursor Cursor() { return ReadCursor(*db_).value(); }
  fs::path dir_;
  std::unique_ptr<storage::Database> db_;
};

TEST_F(FeedStoreTest, RowsAndTheCursorMoveTogetherOrNotAtAll) {
  ORDO_VERIFIES("ORDO-MIS-94");
  auto start = ReadCursor(*db_);
  ASSERT_TRUE(start.ok());
  EXPECT_EQ(*start, FeedCursor{});
  FeedRows rows;
  rows.states.push_back({3, "WU-1", kT0, "running", "", "plc", 1, 0});
  Apply(rows, 3);
  EXPECT_EQ(Cursor(), (FeedCursor{3, "h3"}));

  // A page that starts from a cursor that is no longer the stored one writes nothing.
  FeedRows late;
  late.states.push_back({4, "WU-1", kT0 + kHour, "down", "", "plc", 2, 0});
  Status moved = ApplyPage(*db_, late, FeedCursor{}, FeedCursor{4, "h4"}, kT0);
  ASSERT_FALSE(moved.ok());
  EXPECT_EQ(moved.error().reason, "cursor_moved");
  EXPECT_EQ(Cursor(), (FeedCursor{3, "h3"}));
  EXPECT_EQ(ReadStateChanges(*db_).value().size(), 1u);

  // A row that cannot be written (seq 3 again) rolls the cursor back with it.
  FeedRows duplicate;
  duplicate.states.push_back({3, "WU-1", kT0, "running", "", "plc", 1, 0});
  Status failed = ApplyPage(*db_, duplicate, FeedCursor{3, "h3"}, FeedCursor{5, "h5"}, kT0);
  EXPECT_FALSE(failed.ok());
  EXPECT_EQ(Cursor(), (FeedCursor{3, "h3"}));
}

TEST_F(FeedStoreTest, TheNewestCheckpointVerifiedMovesWithTheCursor) {
  ORDO_VERIFIES("ORDO-MISFEED-35");
  auto fresh = ReadFeedStatus(*db_);
  ASSERT_TRUE(fresh.ok());
  EXPECT_EQ(fresh->checkpoint_key, "");
  EXPECT_EQ(fresh->checkpoint_verified_seq, 0);
  ASSERT_TRUE(SetCheckpointKey(*db_, std::string(64, 'a')).ok());
  FeedRows rows;
  rows.states.push_back({3, "WU-1", kT0, "running", "", "plc", 1, 0});
  ASSERT_TRUE(ApplyPage(*db_, rows, FeedCursor{}, FeedCursor{4, "h4"}, kT0, 4).ok());
  EXPECT_EQ(ReadFeedStatus(*db_)->checkpoint_verified_seq, 4);
  // A page without a checkpoint keeps it; a failed page does not move it.
  ASSERT_TRUE(ApplyPage(*db_, {}, FeedCursor{4, "h4"}, FeedCursor{6, "h6"}, kT0).ok());
  EXPECT_EQ(ReadFeedStatus(*db_)->checkpoint_verified_seq, 4);
  EXPECT_FALSE(ApplyPage(*db_, rows, FeedCursor{6, "h6"}, FeedCursor{8, "h8"}, kT0, 8).ok());
  EXPECT_EQ(ReadFeedStatus(*db_)->checkpoint_verified_seq, 4);
  EXPECT_EQ(Cursor(), (FeedCursor{6, "h6"}));
  // The one at the cursor, verified by a poll that found nothing new; never lowered.
  ASSERT_TRUE(MarkCheckpointVerified(*db_, 6, kT0).ok());
  ASSERT_TRUE(MarkCheckpointVerified(*db_, 2, kT0).ok());
  auto status = ReadFeedStatus(*db_);
  EXPECT_EQ(status->checkpoint_verified_seq, 6);
  EXPECT_EQ(status->checkpoint_key, std::string(64, 'a'));
}

TEST_F(FeedStoreTest, AnAlarmStopsTheStateAndIsKept) {
  ORDO_VERIFIES("ORDO-MIS-92");
  ASSERT_TRUE(SetState(*db_, "following", "", kT0).ok());
  ASSERT_TRUE(SetState(*db_, "following", "", kT0 + 5).ok());  // a repeat keeps `since`
  auto following = ReadFeedStatus(*db_);
  ASSERT_TRUE(following.ok());
  EXPECT_EQ(following->state.state, "following");
  EXPECT_EQ(following->state.since, kT0);
  ASSERT_TRUE(RaiseAlarm(*db_, "gap", 12, "expected ledger entry 12", kT0 + kHour).ok());
  auto stopped = ReadFeedStatus(*db_);
  ASSERT_TRUE(stopped.ok());
  EXPECT_EQ(stopped->state.state, "stopped");
  EXPECT_EQ(stopped->state.detail, "gap: expected ledger entry 12");
  ASSERT_EQ(stopped->alarms.size(), 1u);
  EXPECT_EQ(stopped->alarms[0].kind, "gap");
  EXPECT_EQ(stopped->alarms[0].seq, 12);
  EXPECT_EQ(stopped->alarms[0].raised, kT0 + kHour);
}

TEST_F(FeedStoreTest, StatesLandInDeviceTimeOrderWithReasonsAssignedLater) {
  ORDO_VERIFIES("ORDO-MIS-95");
  FeedRows rows;
  // Received out of order: the down change (seq 11) arrived after the later running one.
  rows.states.push_back({10, "WU-1", kT0, "running", "", "plc", 1, 0});
  rows.states.push_back({12, "WU-1", kT0 + 2 * kHour, "running", "", "plc", 3, 0});
  rows.states.push_back({11, "WU-1", kT0 + kHour, "down", "", "plc", 2, 0});
  rows.reasons.push_back({13, "WU-1", kT0 + kHour, "JAM"});
  Apply(rows, 13);
  ASSERT_TRUE(MarkCaughtUp(*db_, kT0 + 3 * kHour).ok());
  Inputs in;
  ASSERT_TRUE(AppendFeedInputs(*db_, calendar::TimeZone::Utc(), in).ok());
  ASSERT_EQ(in.states.size(), 3u);
  EXPECT_EQ(in.states[0].start, kT0);
  EXPECT_EQ(in.states[0].end, kT0 + kHour);
  EXPECT_EQ(in.states[1].state, MachineState::kDown);
  EXPECT_EQ(in.states[1].reason, "JAM");
  EXPECT_EQ(in.states[1].end, kT0 + 2 * kHour);
  EXPECT_EQ(in.states[1].source, SourceRef::Ledger(11));
  EXPECT_TRUE(in.states[2].open);
  EXPECT_EQ(in.states[2].end, kT0 + 3 * kHour);  // read up to the last caught-up poll
  EXPECT_FALSE(in.states[0].open);
}

TEST_F(FeedStoreTest, CumulativeCountersBecomeIncrementsByTheMesRule) {
  ORDO_VERIFIES("ORDO-MIS-95");
  FeedRows rows;
  rows.sources.push_back({1, "counter-plc", "cumulative", 0});
  rows.counts.push_back(
      {2, "WU-1", kT0, "counter-plc", "cumulative", 1, 0, 100, 95, 5, 0, "P", "O"});
  // Late: the reading of kT0 + 2h arrived before the one of kT0 + 1h.
  rows.counts.push_back(
      {3, "WU-1", kT0 + 2 * kHour, "counter-plc", "cumulative", 3, 0, 30, 30, 0, 0, "P", "O"});
  rows.counts.push_back(
      {4, "WU-1", kT0 + kHour, "counter-plc", "cumulative", 2, 0, 160, 150, 10, 0, "P", "O"});
  rows.counts.push_back({5, "WU-2", kT0, "rest-src", "increment", 1, 0, 7, 6, 1, 0, "P", "O"});
  Apply(rows, 5);
  Inputs in;
  ASSERT_TRUE(AppendFeedInputs(*db_, calendar::TimeZone::Utc(), in).ok());
  double wu1_total = 0, wu1_good = 0, wu2_total = 0;
  for (const auto& c : in.counts) (c.work_unit == "WU-1" ? wu1_total : wu2_total) += c.total;
  for (const auto& c : in.counts)
    if (c.work_unit == "WU-1") wu1_good += c.good;
  // 100 is the baseline; +60 to 160; then a drop to 30 is a reset: 30 made since.
  EXPECT_EQ(wu1_total, 90);
  EXPECT_EQ(wu1_good, 55 + 30);
  EXPECT_EQ(wu2_total, 7);
  for (const auto& c : in.counts) EXPECT_TRUE(c.source.is_ledger());
}

TEST_F(FeedStoreTest, TheHierarchyIsTheMasterDataInForceWhenTheFeedWasLastCurrent) {
  ORDO_VERIFIES("ORDO-MIS-99");
  auto content = [](const std::string& parent, double seconds) {
    return CanonicalJson(Json{{"id", "WU-1"},
                              {"name", "Press"},
                              {"level", "work_unit"},
                              {"parent", parent},
                              {"ideal_cycle_times", {{{"product", "P-1"}, {"seconds", seconds}}}}});
  };
  FeedRows rows;
  rows.equipment_drafts.push_back({1, "WU-1", 1, "define", content("WC-OLD", 0.5)});
  rows.equipment_drafts.push_back({2, "WU-1", 1, "define", content("WC-1", 0.4)});  // redrafted
  rows.equipment_approvals.push_back({3, "WU-1", 1, kT0});
  rows.equipment_drafts.push_back({4, "WU-1", 2, "define", content("WC-2", 0.3)});
  rows.equipment_approvals.push_back({5, "WU-1", 2, kT0 + 10 * kHour});  // not yet in force
  rows.equipment_drafts.push_back({6, "WU-9", 1, "define", content("WC-1", 1)});
  rows.equipment_drafts.push_back({7, "WU-9", 2, "obsolete", content("WC-1", 1)});
  rows.equipment_approvals.push_back({8, "WU-9", 1, kT0});
  rows.equipment_approvals.push_back({9, "WU-9", 2, kT0 + kHour});  // retired
  Apply(rows, 9);
  ASSERT_TRUE(MarkCaughtUp(*db_, kT0 + 2 * kHour).ok());
  Inputs in;
  ASSERT_TRUE(AppendFeedInputs(*db_, calendar::TimeZone::Utc(), in).ok());
  ASSERT_EQ(in.equipment.size(), 1u);
  EXPECT_EQ(in.equipment[0].id, "WU-1");
  EXPECT_EQ(in.equipment[0].parent, "WC-1");
  EXPECT_EQ(in.equipment[0].source, SourceRef::Ledger(2));
  ASSERT_EQ(in.cycle_times.size(), 1u);
  EXPECT_EQ(in.cycle_times[0].ideal_cycle_time_s, 0.4);
  EXPECT_EQ(in.cycle_times[0].product, "P-1");
}

TEST_F(FeedStoreTest, OrdersLessTheCancelledAndCompletionsAsYields) {
  ORDO_VERIFIES("ORDO-MISFEED-27");
  FeedRows rows;
  rows.orders.push_back({1, "WO-1", "P-1", 0.1 + 0.2, "kg", kT0, "SO-1"});  // exact in and out
  rows.orders.push_back({2, "WO-2", "P-1", 10, "pcs", kT0, ""});
  rows.cancellations.push_back({3, "WO-2"});
  rows.completions.push_back({4, kT0 + kHour, "WO-1", "10", "WU-1", 90, 6, 4});
  Apply(rows, 4);
  Inputs in;
  ASSERT_TRUE(AppendFeedInputs(*db_, calendar::TimeZone::Utc(), in).ok());
  ASSERT_EQ(in.orders.size(), 1u);
  EXPECT_EQ(in.orders[0].order_id, "WO-1");
  EXPECT_EQ(in.orders[0].quantity, 0.1 + 0.2);
  // Stored as the REAL itself: SQL reads the same double (not a 15-digit rounding of it).
  auto stored = storage::FirstRow<std::pair<std::string, double>>(
      *db_, "SELECT typeof(quantity), quantity - 0.3 FROM mes_order WHERE seq = 1", storage::NoBind,
      [](const storage::Statement& s) {
        return std::pair{s.Text(0), s.Real(1)};
      });
  ASSERT_TRUE(stored.ok() && *stored);
  EXPECT_EQ((*stored)->first, "real");
  EXPECT_EQ((*stored)->second, 0.1 + 0.2 - 0.3);
  EXPECT_EQ(in.orders[0].customer, "SO-1");
  EXPECT_EQ(in.orders[0].source, SourceRef::Ledger(1));
  ASSERT_EQ(in.operation_yields.size(), 1u);
  const OperationYield& y = in.operation_yields[0];
  EXPECT_EQ(y.units_in, 100);
  EXPECT_EQ(y.good_first_pass, 90);
  EXPECT_EQ(y.reworked, 4);
  EXPECT_EQ(y.scrapped, 6);
  EXPECT_EQ(y.completed_at, kT0 + kHour);
}

TEST(FeedStoreUpgradeTest, AVersionThatTakesNewEntryTypesReadsTheFeedAgain) {
  ORDO_VERIFIES("ORDO-MIS-94");
  const fs::path dir = fs::path(::testing::TempDir()) / "mis_feed_upgrade";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = store::StorePath(dir.string());
  {
    std::vector<store::Migration> v1 = {FeedMigrations().front()};
    auto opened = store::OpenMisStore(path, v1, true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    FeedRows rows;
    rows.states.push_back({3, "WU-1", kT0, "running", "", "plc", 1, 0});
    ASSERT_TRUE(ApplyPage(*opened->db, rows, FeedCursor{}, FeedCursor{40, "h40"}, kT0).ok());
  }
  auto upgraded = store::OpenMisStore(path, FeedMigrations(), false);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_EQ(ReadCursor(*upgraded->db).value(), FeedCursor{});
  EXPECT_TRUE(ReadStateChanges(*upgraded->db).value().empty());
  upgraded->db.reset();
  fs::remove_all(dir);
}

TEST(FeedStoreUpgradeTest, QuantitiesStoredAsTextBecomeRealsInPlace) {
  ORDO_VERIFIES("ORDO-MISFEED-31", "ORDO-MIS-94");
  const fs::path dir = fs::path(::testing::TempDir()) / "mis_feed_upgrade_real";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = store::StorePath(dir.string());
  {
    const std::vector<store::Migration> all = FeedMigrations();
    std::vector<store::Migration> v3(all.begin(), all.begin() + 3);
    ASSERT_EQ(v3.back().version, 3);
    auto opened = store::OpenMisStore(path, v3, true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE(opened->db
                    ->Exec("INSERT INTO mes_order VALUES (1, 'WO-1', 'P-1', "
                           "'0.30000000000000004', 'kg', 1, '');"
                           "INSERT INTO mes_operation_completed VALUES (2, 0, 'WO-1', '10', "
                           "'WU-1', '12', '0.5', '0');"
                           "UPDATE feed_cursor SET seq = 5, hash = 'h5'")
                    .ok());
  }
  auto upgraded = store::OpenMisStore(path, FeedMigrations(), false);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  // Nothing taken is lost: the cursor stays, the rows hold the same doubles.
  EXPECT_EQ(ReadCursor(*upgraded->db).value(), (FeedCursor{5, "h5"}));
  const std::vector<OrderRow> kept = ReadOrders(*upgraded->db).value();
  ASSERT_EQ(kept.size(), 1u);
  EXPECT_EQ(kept[0].quantity, 0.1 + 0.2);
  const std::vector<CompletionRow> done = ReadCompletions(*upgraded->db).value();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_EQ(done[0].good, 12.0);
  EXPECT_EQ(done[0].scrap, 0.5);
  FeedRows rows;
  rows.orders.push_back({6, "WO-2", "P-1", 0.1 + 0.2, "kg", kT0, ""});
  rows.completions.push_back({7, kT0, "WO-2", "10", "WU-1", 1e-300, -2.5, 1.0 / 3.0});
  ASSERT_TRUE(ApplyPage(*upgraded->db, rows, FeedCursor{5, "h5"}, FeedCursor{7, "h7"}, kT0).ok());
  auto types = storage::FirstRow<std::string>(
      *upgraded->db,
      "SELECT group_concat(t) FROM (SELECT typeof(quantity) AS t FROM mes_order UNION ALL "
      "SELECT typeof(good) || typeof(scrap) || typeof(rework) FROM mes_operation_completed)",
      storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
  ASSERT_TRUE(types.ok() && *types);
  EXPECT_EQ(**types, "real,real,realrealreal,realrealreal");
  EXPECT_EQ(ReadOrders(*upgraded->db).value().back(), rows.orders.back());
  EXPECT_EQ(ReadCompletions(*upgraded->db).value().back(), rows.completions.back());
  upgraded->db.reset();
  fs::remove_all(dir);
}

TEST_F(FeedStoreTest, ADueDateAloneEndsTheSitesLocalDayADateTimeStaysAsTheMesSaysIt) {
  ORDO_VERIFIES("ORDO-MISCT-02", "ORDO-MISFEED-27");
  TimeMicros next_utc_midnight = 0, date_time = 0;
  ASSERT_TRUE(ParseIsoTime("2026-03-02T00:00:00Z", &next_utc_midnight));
  ASSERT_TRUE(ParseIsoTime("2026-03-01T23:00:00Z", &date_time));
  FeedRows rows;
  // What the MES records for due_date 2026-03-01 (due_us: the next 00:00 UTC), for a
  // date-time, and a row taken before the due date was kept.
  rows.orders.push_back({1, "WO-DAY", "P-1", 1, "pcs", next_utc_midnight, "", "2026-03-01"});
  rows.orders.push_back(
      {2, "WO-TIME", "P-1", 1, "pcs", date_time, "", "2026-03-02T00:00:00+01:00"});
  rows.orders.push_back({3, "WO-OLD", "P-1", 1, "pcs", date_time, "", ""});
  Apply(rows, 3);
  auto paris = calendar::LoadTimeZone("Europe/Paris", "time-zone");         // +01:00 in March
  auto new_york = calendar::LoadTimeZone("America/New_York", "time-zone");  // -05:00
  ASSERT_TRUE(paris.ok() && new_york.ok());
  const calendar::TimeZone utc = calendar::TimeZone::Utc();
  const std::vector<std::pair<const calendar::TimeZone*, std::string>> cases = {
      {&utc, "2026-03-01T23:59:59.999999Z"},
      {&*paris, "2026-03-01T22:59:59.999999Z"},
      {&*new_york, "2026-03-02T04:59:59.999999Z"}};
  for (const auto& [zone, end_of_day] : cases) {
    Inputs in;
    ASSERT_TRUE(AppendFeedInputs(*db_, *zone, in).ok());
    ASSERT_EQ(in.orders.size(), 3u);
    TimeMicros expected = 0;
    ASSERT_TRUE(ParseIsoTime(end_of_day, &expected));
    EXPECT_EQ(in.orders[0].due, expected) << zone->name();
    EXPECT_EQ(in.orders[1].due, date_time) << zone->name();
    EXPECT_EQ(in.orders[2].due, date_time) << zone->name();
  }
  EXPECT_EQ(ReadOrders(*db_).value(), rows.orders);  // due_date stored as given
}

// checkpoint_overdue does not stop consumption: the state stays, it is recorded once while
// open, and a checkpoint verified at or past its seq resolves it (in ApplyPage's
// transaction, or alone); one before its seq does not. The alarms that stop stay open.
TEST_F(FeedStoreTest, AnOverdueAlarmIsRaisedOnceKeepsTheStateAndAVerifiedCheckpointResolvesIt) {
  ORDO_VERIFIES("ORDO-MISFEED-36", "ORDO-MISFEED-37");
  ASSERT_TRUE(SetState(*db_, "following", "", kT0).ok());
  ASSERT_TRUE(RaiseAlarm(*db_, "gap", 3, "expected ledger entry 3", kT0).ok());
  ASSERT_TRUE(SetState(*db_, "following", "", kT0 + 1).ok());
  EXPECT_EQ(RaiseOpenAlarm(*db_, "checkpoint_overdue", 40, "late", kT0 + kHour).value(), true);
  EXPECT_EQ(RaiseOpenAlarm(*db_, "checkpoint_overdue", 41, "late", kT0 + 2 * kHour).value(), false);
  auto raised = ReadFeedStatus(*db_);
  ASSERT_TRUE(raised.ok());
  EXPECT_EQ(raised->state.state, "following");
  ASSERT_EQ(raised->alarms.size(), 2u);
  EXPECT_EQ(raised->alarms[0].kind, "checkpoint_overdue");
  EXPECT_EQ(raised->alarms[0].seq, 40);
  EXPECT_EQ(raised->alarms[0].resolved, 0);
  // A checkpoint before the alarm's seq leaves it open; one at it resolves it.
  ASSERT_TRUE(MarkCheckpointVerified(*db_, 39, kT0 + 3 * kHour).ok());
  EXPECT_EQ(ReadFeedStatus(*db_)->alarms[0].resolved, 0);
  ASSERT_TRUE(MarkCheckpointVerified(*db_, 40, kT0 + 4 * kHour).ok());
  auto resolved = ReadFeedStatus(*db_);
  EXPECT_EQ(resolved->alarms[0].resolved, kT0 + 4 * kHour);
  EXPECT_EQ(resolved->alarms[1].kind, "gap");
  EXPECT_EQ(resolved->alarms[1].resolved, 0);
  // Overdue again: a new alarm, resolved by a page whose checkpoint is past it.
  EXPECT_EQ(RaiseOpenAlarm(*db_, "checkpoint_overdue", 90, "late", kT0 + 5 * kHour).value(), true);
  ASSERT_TRUE(
      ApplyPage(*db_, {}, Cursor(), FeedCursor{95, "h95"}, kT0 + 6 * kHour, /*verified=*/92).ok());
  auto again = ReadFeedStatus(*db_);
  ASSERT_EQ(again->alarms.size(), 3u);
  EXPECT_EQ(again->alarms[0].seq, 90);
  EXPECT_EQ(again->alarms[0].resolved, kT0 + 6 * kHour);
  EXPECT_EQ(again->checkpoint_verified_seq, 92);
}

TEST(FeedStoreUpgradeTest, CheckpointFieldsAreAddedKeepingTheCursorAndRows) {
  ORDO_VERIFIES("ORDO-MISFEED-35", "ORDO-MIS-94");
  const fs::path dir = fs::path(::testing::TempDir()) / "mis_feed_upgrade_checkpoints";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = store::StorePath(dir.string());
  const std::vector<store::Migration> all = FeedMigrations();
  const std::vector<store::Migration> v5(all.begin(), all.begin() + 5);
  ASSERT_EQ(v5.back().version, 5);
  FeedRows rows;
  rows.states.push_back({3, "WU-1", kT0, "running", "", "plc", 1, 0});
  {
    auto opened = store::OpenMisStore(path, v5, true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE(ApplyPage(*opened->db, rows, FeedCursor{}, FeedCursor{7, "h7"}, kT0).ok());
  }
  auto upgraded = store::OpenMisStore(path, all, false);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_EQ(ReadCursor(*upgraded->db).value(), (FeedCursor{7, "h7"}));
  EXPECT_EQ(ReadStateChanges(*upgraded->db).value(), rows.states);
  auto status = ReadFeedStatus(*upgraded->db);
  ASSERT_TRUE(status.ok()) << status.error().message;
  EXPECT_EQ(status->checkpoint_verified_seq, 0);
  EXPECT_EQ(status->checkpoint_key, "");
  upgraded->db.reset();
  fs::remove_all(dir);
}

// Version 7 adds feed_alarm.resolved_us: the alarms raised before stay, open.
TEST(FeedStoreUpgradeTest, AlarmsRaisedBeforeResolutionsWereStoredStayOpen) {
  ORDO_VERIFIES("ORDO-MISFEED-37", "ORDO-MIS-94");
  const fs::path dir = fs::path(::testing::TempDir()) / "mis_feed_upgrade_alarms";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = store::StorePath(dir.string());
  const std::vector<store::Migration> all = FeedMigrations();
  const std::vector<store::Migration> v6(all.begin(), all.begin() + 6);
  ASSERT_EQ(v6.back().version, 6);
  {
    auto opened = store::OpenMisStore(path, v6, true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    ASSERT_TRUE(storage::Run(*opened->db,
                             "INSERT INTO feed_alarm (raised_us, kind, seq, detail) "
                             "VALUES (1, 'gap', 12, 'expected ledger entry 12')",
                             storage::NoBind)
                    .ok());
  }
  auto upgraded = store::OpenMisStore(path, all, false);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  auto status = ReadFeedStatus(*upgraded->db);
  ASSERT_TRUE(status.ok()) << status.error().message;
  ASSERT_EQ(status->alarms.size(), 1u);
  EXPECT_EQ(status->alarms[0].kind, "gap");
  EXPECT_EQ(status->alarms[0].resolved, 0);
  upgraded->db.reset();
  fs::remove_all(dir);
}

TEST(FeedStoreUpgradeTest, AStoreWhoseOrdersMayHaveHadADateAloneReadsTheFeedAgain) {
  ORDO_VERIFIES("ORDO-MISCT-02", "ORDO-MIS-94");
  const fs::path dir = fs::path(::testing::TempDir()) / "mis_feed_upgrade_due_date";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = store::StorePath(dir.string());
  const std::vector<store::Migration> all = FeedMigrations();
  const std::vector<store::Migration> v4(all.begin(), all.begin() + 4);
  ASSERT_EQ(v4.back().version, 4);
  {
    auto opened = store::OpenMisStore(path, v4, true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    // An order due at 00:00 UTC (what the MES makes of a date alone) and a state row.
    ASSERT_TRUE(opened->db
                    ->Exec("INSERT INTO mes_order VALUES (1, 'WO-1', 'P-1', 1, 'pcs', "
                           "1772409600000000, '');"  // 2026-03-02T00:00:00Z
                           "INSERT INTO mes_state_change VALUES (2, 'WU-1', 0, 'running', '', "
                           "'plc', 1, 0);"
                           "UPDATE feed_cursor SET seq = 5, hash = 'h5'")
                    .ok());
  }
  auto upgraded = store::OpenMisStore(path, all, false);
  ASSERT_TRUE(upgraded.ok()) << upgraded.error().message;
  EXPECT_EQ(ReadCursor(*upgraded->db).value(), FeedCursor{});
  EXPECT_TRUE(ReadOrders(*upgraded->db).value().empty());
  EXPECT_TRUE(ReadStateChanges(*upgraded->db).value().empty());
  upgraded->db.reset();
  fs::remove_all(dir);
}

}  // namespace
}  // namespace ordo::mis::feed
