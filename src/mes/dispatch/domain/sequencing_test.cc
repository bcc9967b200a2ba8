// Dispatch sequencing: each rule, the ties, the supervisor moves, the reasons, and the
// eligibility of an operation for a work unit.
#include "mes/dispatch/domain/sequencing.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::dispatch {
namespace {

// 2026-11-30T00:00:00Z
constexpr TimeMicros kNow = 1'795'996'800'000'000;
constexpr TimeMicros kDay = 86'400'000'000;
constexpr TimeMicros kHour = 3'600'000'000;

Candidate C(std::string order, std::string op, int priority, TimeMicros due,
            std::int64_t created = 0, double minutes = 60, double remaining = 120) {
  Candidate c;
  c.order_id = std::move(order);
  c.operation = std::move(op);
  c.priority = priority;
  c.due_us = due;
  c.created_seq = created;
  c.ready_us = kNow - kHour;
  c.processing_minutes = minutes;
  c.remaining_order_minutes = remaining;
  return c;
}

std::vector<std::string> Names(const std::vector<Entry>& list) {
  std::vector<std::string> out;
  for (const auto& e : list) out.push_back(e.candidate.order_id + "/" + e.candidate.operation);
  return out;
}

using V = std::vector<std::string>;

TEST(DispatchRules, NamesParseAndDefault) {
  ORDO_VERIFIES("ORDO-DISPATCH-01");
  EXPECT_EQ(ParseRule("").value(), Rule::kPriorityDueDate);
  for (Rule r :
       {Rule::kPriorityDueDate, Rule::kFifo, Rule::kShortestProcessingTime, Rule::kCriticalRatio})
    EXPECT_EQ(ParseRule(RuleName(r)).value(), r);
  auto bad = ParseRule("edd");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().field, "dispatch_rule");
  EXPECT_EQ(bad.error().reason, "unknown_dispatch_rule");
}

TEST(DispatchRules, PriorityThenDueDate) {
  ORDO_VERIFIES("ORDO-DISPATCH-01", "ORDO-DISPATCH-02");
  auto list = Sequence({C("ORD-A", "10", 5, kNow + 2 * kDay), C("ORD-B", "10", 2, kNow + 9 * kDay),
                        C("ORD-C", "20", 5, kNow + 1 * kDay), C("ORD-D", "10", 5, 0)},
                       Rule::kPriorityDueDate, kNow);
  EXPECT_EQ(Names(list), (V{"ORD-B/10", "ORD-C/20", "ORD-A/10", "ORD-D/10"}));
  for (int i = 0; i < 4; ++i) EXPECT_EQ(list[i].position, i + 1);
  EXPECT_EQ(list[0].reason, "priority 2, due 2026-12-08: before ORD-C/20 (priority 5)");
  EXPECT_EQ(list[1].reason, "priority 5, due 2026-11-30: before ORD-A/10 (due 2026-12-01)");
  EXPECT_EQ(list[2].reason, "priority 5, due 2026-12-01: before ORD-D/10 (no due date)");
  EXPECT_EQ(list[3].reason, "priority 5, no due date: after ORD-A/10 (due 2026-12-01)");
  EXPECT_EQ(list[0].keys.priority, 2);
  EXPECT_EQ(list[0].keys.due_us, kNow + 9 * kDay);
}

TEST(DispatchRules, TiesByOrderIdThenOperation) {
  ORDO_VERIFIES("ORDO-DISPATCH-02");
  const TimeMicros due = kNow + kDay;
  std::vector<Candidate> in{C("ORD-B", "10", 3, due), C("ORD-A", "20", 3, due),
                            C("ORD-A", "10", 3, due)};
  for (Rule r : {Rule::kPriorityDueDate, Rule::kShortestProcessingTime, Rule::kCriticalRatio}) {
    auto list = Sequence(in, r, kNow);
    EXPECT_EQ(Names(list), (V{"ORD-A/10", "ORD-A/20", "ORD-B/10"})) << RuleName(r);
  }
  auto list = Sequence(in, Rule::kPriorityDueDate, kNow);
  EXPECT_EQ(list[0].reason,
            "priority 3, due 2026-11-30: before ORD-A/20 (same priority and due date; by order "
            "id and operation)");
  // The input order does not matter.
  std::reverse(in.begin(), in.end());
  EXPECT_EQ(Names(Sequence(in, Rule::kPriorityDueDate, kNow)),
            (V{"ORD-A/10", "ORD-A/20", "ORD-B/10"}));
}

TEST(DispatchRules, FifoByOrderCreationThenReadyTime) {
  ORDO_VERIFIES("ORDO-DISPATCH-01");
  Candidate late = C("ORD-1", "10", 1, kNow + kDay, /*created=*/300);
  Candidate early = C("ORD-9", "10", 9, kNow + 30 * kDay, /*created=*/120);
  Candidate early_later_ready = C("ORD-9", "20", 9, kNow + 30 * kDay, 120);
  early_later_ready.ready_us = kNow;
  auto list = Sequence({late, early_later_ready, early}, Rule::kFifo, kNow);
  EXPECT_EQ(Names(list), (V{"ORD-9/10", "ORD-9/20", "ORD-1/10"}));
  EXPECT_EQ(list[0].reason,
            "order created at seq 120: before ORD-9/20 (ready 2026-11-30T00:00:00.000000Z)");
  EXPECT_EQ(list[2].reason, "order created at seq 300: after ORD-9/20 (order created at seq 120)");
}

TEST(DispatchRules, ShortestProcessingTime) {
  ORDO_VERIFIES("ORDO-DISPATCH-01");
  auto list = Sequence({C("ORD-1", "10", 1, kNow, 1, 240), C("ORD-2", "10", 9, kNow, 2, 15.5),
                        C("ORD-3", "10", 5, kNow, 3, 60)},
                       Rule::kShortestProcessingTime, kNow);
  EXPECT_EQ(Names(list), (V{"ORD-2/10", "ORD-3/10", "ORD-1/10"}));
  EXPECT_EQ(list[0].reason, "processing 15.5 min: before ORD-3/10 (processing 60 min)");
  EXPECT_DOUBLE_EQ(list[2].keys.processing_minutes, 240);
}

TEST(DispatchRules, CriticalRatioPastDueFirstThenSmallest) {
  ORDO_VERIFIES("ORDO-DISPATCH-01", "ORDO-DISPATCH-03");
  // Ratios: A 2 days / 1440 min = 2.0; B 1 day / 1440 min = 1.0; C past due by 2 days;
  // D past due by 1 day; E no due date.
  auto list = Sequence(
      {C("ORD-A", "10", 1, kNow + 2 * kDay, 1, 60, 1440),
       C("ORD-B", "10", 9, kNow + 1 * kDay, 2, 60, 1440),
       C("ORD-D", "10", 5, kNow - 1 * kDay, 3, 60, 100),
       C("ORD-C", "10", 5, kNow - 2 * kDay, 4, 60, 100), C("ORD-E", "10", 1, 0, 5, 60, 100)},
      Rule::kCriticalRatio, kNow);
  EXPECT_EQ(Names(list), (V{"ORD-C/10", "ORD-D/10", "ORD-B/10", "ORD-A/10", "ORD-E/10"}));
  EXPECT_TRUE(list[0].keys.past_due);
  ASSERT_TRUE(list[2].keys.critical_ratio.has_value());
  EXPECT_DOUBLE_EQ(*list[2].keys.critical_ratio, 1.0);
  EXPECT_DOUBLE_EQ(*list[3].keys.critical_ratio, 2.0);
  EXPECT_FALSE(list[4].keys.critical_ratio.has_value());
  EXPECT_EQ(list[0].reason,
            "past due since 2026-11-27: before ORD-D/10 (past due since 2026-11-28)");
  EXPECT_EQ(list[1].reason,
            "past due since 2026-11-28: before ORD-B/10 (critical ratio 1.00 (due 2026-11-30, "
            "1440 min of work left))");
  EXPECT_EQ(list[4].reason,
            "no due date: after ORD-A/10 (critical ratio 2.00 (due 2026-12-01, 1440 min of work "
            "left))");
}

TEST(DispatchMoves, UpDownAndPositionInSeqOrder) {
  ORDO_VERIFIES("ORDO-DISPATCH-04", "ORDO-DISPATCH-05");
  std::vector<Candidate> in;
  for (int i = 1; i <= 5; ++i) in.push_back(C("ORD-" + std::to_string(i), "10", i, kNow + kDay));
  // Rule order: ORD-1 .. ORD-5. Moves given out of seq order: applied 10, 11, 12.
  std::vector<Move> moves{
      {"ORD-5", "10", Direction::kPosition, 1, "customer line down, needs ORD-5 first", "ana", 12},
      {"ORD-3", "10", Direction::kUp, 0, "material staged", "ana", 10},
      {"ORD-1", "10", Direction::kDown, 0, "waiting for QC sample", "ben", 11},
  };
  auto list = Sequence(in, Rule::kPriorityDueDate, kNow, moves);
  // seq 10: 1 3 2 4 5; seq 11: 3 1 2 4 5; seq 12: 5 3 1 2 4.
  EXPECT_EQ(Names(list), (V{"ORD-5/10", "ORD-3/10", "ORD-1/10", "ORD-2/10", "ORD-4/10"}));
  EXPECT_TRUE(list[0].moved);
  EXPECT_EQ(list[0].reason,
            "moved to position 1 by ana: customer line down, needs ORD-5 first (by rule: priority "
            "5, due 2026-11-30)");
  EXPECT_EQ(list[1].reason,
            "moved up by ana: material staged (by rule: priority 3, due 2026-11-30)");
  EXPECT_EQ(list[2].reason,
            "moved down by ben: waiting for QC sample (by rule: priority 1, due 2026-11-30)");
  EXPECT_FALSE(list[3].moved);
  // The entries the rule placed compare with each other, not with the moved ones.
  EXPECT_EQ(list[3].reason, "priority 2, due 2026-11-30: before ORD-4/10 (priority 4)");
  EXPECT_EQ(list[4].reason, "priority 4, due 2026-11-30: after ORD-2/10 (priority 2)");
  for (int i = 0; i < 5; ++i) EXPECT_EQ(list[i].position, i + 1);
}

TEST(DispatchMoves, EdgesAndOperationsNoLongerListed) {
  ORDO_VERIFIES("ORDO-DISPATCH-04");
  std::vector<Candidate> in{C("ORD-1", "10", 1, kNow), C("ORD-2", "10", 2, kNow)};
  auto list = Sequence(in, Rule::kPriorityDueDate, kNow,
                       {{"ORD-1", "10", Direction::kUp, 0, "already first", "ana", 1},
                        {"ORD-2", "10", Direction::kDown, 0, "already last", "ana", 2},
                        {"ORD-7", "30", Direction::kPosition, 1, "done meanwhile", "ana", 3},
                        {"ORD-1", "10", Direction::kPosition, 99, "to the end", "ana", 4}});
  EXPECT_EQ(Names(list), (V{"ORD-2/10", "ORD-1/10"}));
  EXPECT_EQ(list[1].reason,
            "moved to position 99 by ana: to the end (by rule: priority 1, due "
            "2026-11-29)");
  EXPECT_TRUE(list[0].moved);  // moved down (a no-op at the end), so placed by a move
  EXPECT_TRUE(
      Sequence({}, Rule::kFifo, kNow, {{"ORD-1", "10", Direction::kUp, 0, "x", "a", 1}}).empty());
  auto one = Sequence({C("ORD-1", "10", 1, kNow)}, Rule::kFifo, kNow);
  ASSERT_EQ(one.size(), 1u);
  EXPECT_EQ(one[0].reason, "order created at seq 0: the only operation placed by the rule fifo");
}

TEST(DispatchMoves, CheckMoveNamesTheField) {
  ORDO_VERIFIES("ORDO-DISPATCH-05");
  Move m{"ORD-1", "10", Direction::kUp, 0, "rush", "ana", 1};
  EXPECT_TRUE(CheckMove(m).ok());
  Move no_reason = m;
  no_reason.reason = "  ";
  EXPECT_EQ(CheckMove(no_reason).error().field, "reason");
  Move bad_position = m;
  bad_position.direction = Direction::kPosition;
  EXPECT_EQ(CheckMove(bad_position).error().field, "to_position");
  Move no_order = m;
  no_order.order_id = "";
  EXPECT_EQ(CheckMove(no_order).error().field, "order_id");
  EXPECT_EQ(ParseDirection("down").value(), Direction::kDown);
  EXPECT_EQ(ParseDirection("sideways").error().field, "direction");
}

TEST(DispatchCandidates, RemainingMinutesAndReadyTime) {
  ORDO_VERIFIES("ORDO-DISPATCH-03");
  const std::vector<OperationTimes> ops{{"10", 1, 30, 90, true, kNow - 3 * kHour},
                                        {"20", 2, 15, 45, true, kNow - kHour},
                                        {"30", 3, 20, 100, false, 0},
                                        {"40", 4, 10, 50, false, 0}};
  EXPECT_DOUBLE_EQ(RemainingOrderMinutes(ops, "30"), 180);
  EXPECT_DOUBLE_EQ(RemainingOrderMinutes(ops, "40"), 60);
  EXPECT_DOUBLE_EQ(RemainingOrderMinutes(ops, "10"), 180);  // done ones do not count
  EXPECT_DOUBLE_EQ(RemainingOrderMinutes(ops, "99"), 0);
  EXPECT_EQ(ReadyTime(kNow - 5 * kHour, {"20", "10"}, ops), kNow - kHour);
  EXPECT_EQ(ReadyTime(kNow - 5 * kHour, {}, ops), kNow - 5 * kHour);
}

OperationFacts Op(std::string state = "pending") {
  OperationFacts op;
  op.order_id = "ORD-1";
  op.order_state = "released";
  op.operation = "20";
  op.state = std::move(state);
  op.operation_class = "compression";
  op.work_center_class = "compression_suite";
  op.predecessors = {"10"};
  return op;
}

WorkUnitFacts Press() { return {"WU-PRESS-01", "compression_suite", {"compression"}}; }

TEST(DispatchEligibility, EveryConditionRefusesWithItsCode) {
  ORDO_VERIFIES("ORDO-DISPATCH-06");
  EXPECT_TRUE(IsEligible(Op(), {"10"}, Press()).eligible);
  OperationFacts in_progress_order = Op();
  in_progress_order.order_state = "in_progress";
  EXPECT_TRUE(IsEligible(in_progress_order, {"10"}, Press()).eligible);

  auto code = [](const OperationFacts& op, std::vector<std::string> done, WorkUnitFacts unit) {
    Eligibility e = IsEligible(op, done, unit);
    EXPECT_FALSE(e.eligible);
    EXPECT_FALSE(e.message.empty());
    return e.code;
  };
  for (const char* state : {"created", "on_hold", "completed", "closed", "cancelled"}) {
    OperationFacts op = Op();
    op.order_state = state;
    EXPECT_EQ(code(op, {"10"}, Press()), "order_not_open") << state;
  }
  EXPECT_EQ(code(Op("completed"), {"10"}, Press()), "operation_not_ready");
  EXPECT_EQ(code(Op("verified"), {"10"}, Press()), "operation_not_ready");
  EXPECT_EQ(code(Op(), {}, Press()), "predecessor_not_done");
  EXPECT_EQ(code(Op(), {"15"}, Press()), "predecessor_not_done");
  EXPECT_EQ(code(Op(), {"10"}, {"WU-BLEND-01", "blending_suite", {"compression"}}),
            "wrong_work_center_class");
  EXPECT_EQ(code(Op(), {"10"}, {"WU-PRESS-02", "compression_suite", {"coating"}}),
            "missing_capability");
  // No work center class in the routing: any work center with the capability.
  OperationFacts any = Op();
  any.work_center_class = "";
  EXPECT_TRUE(IsEligible(any, {"10"}, {"WU-X", "other_suite", {"compression"}}).eligible);
}

TEST(DispatchEligibility, StartedOperationsStayOnTheirOwnUnit) {
  ORDO_VERIFIES("ORDO-DISPATCH-06");
  for (const char* state : {"in_progress", "paused"}) {
    OperationFacts op = Op(state);
    op.work_unit = "WU-PRESS-01";
    EXPECT_TRUE(IsEligible(op, {"10"}, Press()).eligible) << state;
    op.work_unit = "WU-PRESS-02";
    EXPECT_EQ(IsEligible(op, {"10"}, Press()).code, "on_other_unit") << state;
  }
}

// A due date alone is stored as the end of that UTC day (the next midnight): the reason
// names the day the order states; a due time within the day names its own day.
TEST(DispatchReasons, ADueDateAloneIsShownAsTheDayItNames) {
  ORDO_VERIFIES("ORDO-DISPATCH-08");
  auto list =
      Sequence({C("ORD-A", "10", 5, kNow + 3 * kDay), C("ORD-B", "10", 5, kNow + 4 * kDay + kHour)},
               Rule::kPriorityDueDate, kNow);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].reason, "priority 5, due 2026-12-02: before ORD-B/10 (due 2026-12-04)");
}

}  // namespace
}  // namespace ordo::dispatch
