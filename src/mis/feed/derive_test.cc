// Machine-data events of the MES ledger as MIS rows.
#include "mis/feed/derive.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/equipment/events.h"
#include "mes/masterdata/events.h"
#include "mes/orders/events.h"

namespace ordo::mis::feed {
namespace {

namespace eq = ordo::equipment;

template <typename Event>
ledger::LedgerEntry Entry(std::int64_t seq, const Event& e) {
  ledger::LedgerEntry entry;
  entry.seq = seq;
  entry.type = Event::kType;
  entry.schema_version = Event::kVersion;
  entry.payload = Json(e);
  return entry;
}

TEST(FeedDeriveTest, TakesStatesCountsReasonsAndSourcesAndPassesOverTheRest) {
  ORDO_VERIFIES("ORDO-MIS-93");
  eq::StateChanged down;
  down.work_unit = "WU-1";
  down.state = "down";
  down.reason_code = "JAM";
  down.device_time_us = 5'000;
  down.source = "press-plc";
  down.source_seq = 7;
  down.index = 1;
  eq::StateChanged idle = down;
  idle.state = "idle";
  idle.reason_code = "";
  idle.sub_reason = "starved";
  eq::Counted counted;
  counted.work_unit = "WU-1";
  counted.device_time_us = 6'000;
  counted.source = "press-plc";
  counted.counts = {10, 9, 1, 0};
  counted.context.product = "P-1";
  counted.context.order_id = "ORD-1";
  eq::DowntimeReasonAssigned assigned;
  assigned.work_unit = "WU-1";
  assigned.interval_start_us = 5'000;
  assigned.reason_code = "TOOL";
  eq::SourceRegistered source;
  source.name = "press-plc";
  source.counter = "cumulative";
  source.rollover_modulus = 65536;
  ledger::LedgerEntry other;
  other.seq = 6;
  other.type = "logbook.entry_recorded";
  other.payload = Json{{"text", "not machine data"}};

  const Derived derived = DeriveRows({Entry(1, down), Entry(2, idle), Entry(3, counted),
                                      Entry(4, assigned), Entry(5, source), other});
  ASSERT_FALSE(derived.failure) << derived.failure->message;
  EXPECT_EQ(derived.taken, 6u);
  const FeedRows* rows = &derived.rows;
  ASSERT_EQ(rows->states.size(), 2u);
  EXPECT_EQ(rows->states[0], (StateChangeRow{1, "WU-1", 5'000, "down", "JAM", "press-plc", 7, 1}));
  EXPECT_EQ(rows->states[1].reason, "starved");  // no code: the sub-reason
  ASSERT_EQ(rows->counts.size(), 1u);
  EXPECT_EQ(rows->counts[0], (CountRow{3, "WU-1", 6'000, "press-plc", "increment", 0, 0, 10, 9, 1,
                                       0, "P-1", "ORD-1"}));
  EXPECT_EQ(rows->reasons, (std::vector<ReasonRow>{{4, "WU-1", 5'000, "TOOL"}}));
  EXPECT_EQ(rows->sources, (std::vector<SourceRow>{{5, "press-plc", "cumulative", 65536}}));
}

TEST(FeedDeriveTest, AnEventVersionOrPayloadItCannotReadIsRefusedNotGuessed) {
  ORDO_VERIFIES("ORDO-MIS-93");
  eq::StateChanged change;
  change.work_unit = "WU-1";
  change.state = "running";
  ledger::LedgerEntry newer = Entry(9, change);
  newer.schema_version = 2;
  eq::StateChanged fine = change;
  const Derived refused = DeriveRows({Entry(8, fine), newer, Entry(10, fine)});
  ASSERT_TRUE(refused.failure);
  EXPECT_EQ(refused.failure->reason, "unreadable_event");
  EXPECT_NE(refused.failure->message.find("ledger entry 9"), std::string::npos);
  EXPECT_NE(refused.failure->message.find("version 2"), std::string::npos);
  // What came before the unreadable entry is kept; nothing after it is taken.
  EXPECT_EQ(refused.taken, 1u);
  ASSERT_EQ(refused.rows.states.size(), 1u);
  EXPECT_EQ(refused.rows.states[0].seq, 8);

  ledger::LedgerEntry broken = Entry(10, change);
  broken.payload.erase("device_time_us");
  const Derived unreadable = DeriveRows({broken});
  ASSERT_TRUE(unreadable.failure);
  EXPECT_EQ(unreadable.failure->reason, "unreadable_event");
  EXPECT_NE(unreadable.failure->message.find("ledger entry 10"), std::string::npos);
  EXPECT_EQ(unreadable.taken, 0u);
}

TEST(FeedDeriveTest, TakesEquipmentDraftsAndTheEquipmentVersionsAnApprovalPutsInForce) {
  ORDO_VERIFIES("ORDO-MIS-99");
  masterdata::DraftSaved draft;
  draft.change_request = "CR-000001";
  draft.action = "define";
  draft.content =
      Json{{"id", "WU-1"}, {"name", "Press"}, {"level", "work_unit"}, {"parent", "WC-1"}};
  ledger::LedgerEntry saved = Entry(20, draft);
  saved.subject = {"equipment", "WU-1", 2};
  ledger::LedgerEntry material = Entry(21, draft);
  material.subject = {"material", "MAT-1", 1};  // not equipment: passed over
  masterdata::ChangeRequestApproved approved;
  approved.effective_from_us = 7'000;
  approved.versions = {{"equipment", "WU-1", 2}, {"material", "MAT-1", 1}};
  const Derived derived = DeriveRows({saved, material, Entry(22, approved)});
  ASSERT_FALSE(derived.failure);
  const FeedRows* rows = &derived.rows;
  ASSERT_EQ(rows->equipment_drafts.size(), 1u);
  EXPECT_EQ(rows->equipment_drafts[0],
            (EquipmentDraftRow{20, "WU-1", 2, "define", CanonicalJson(draft.content)}));
  EXPECT_EQ(rows->equipment_approvals, (std::vector<ApprovalRow>{{22, "WU-1", 2, 7'000}}));
}

TEST(FeedDeriveTest, TakesOrdersCancellationsAndOperationCompletions) {
  ORDO_VERIFIES("ORDO-MISFEED-27");
  orders::OrderCreated created;
  created.order_id = "WO-1";
  created.product = "P-1";
  created.quantity = 1200.5;
  created.unit = "pcs";
  created.due_us = 9'000;
  created.due_date = "2026-03-01";
  created.customer_order = "SO-77";
  orders::OrderCancelled cancelled;
  cancelled.order_id = "WO-2";
  orders::OperationCompleted done;
  done.order_id = "WO-1";
  done.operation = "10";
  done.work_unit = "WU-1";
  done.good = 1100;
  done.scrap = 50;
  done.rework = 25;
  ledger::LedgerEntry completion = Entry(32, done);
  completion.time_us = 77'000;
  const Derived derived = DeriveRows({Entry(30, created), Entry(31, cancelled), completion});
  ASSERT_FALSE(derived.failure);
  const FeedRows* rows = &derived.rows;
  EXPECT_EQ(
      rows->orders,
      (std::vector<OrderRow>{{30, "WO-1", "P-1", 1200.5, "pcs", 9'000, "SO-77", "2026-03-01"}}));
  EXPECT_EQ(rows->cancellations, (std::vector<CancelRow>{{31, "WO-2"}}));
  EXPECT_EQ(rows->completions,
            (std::vector<CompletionRow>{{32, 77'000, "WO-1", "10", "WU-1", 1100, 50, 25}}));
}

}  // namespace
}  // namespace ordo::mis::feed
