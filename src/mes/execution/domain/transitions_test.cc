// Generated test of every order state x operation state x command (P11-06): exactly the
// legal combinations pass, every other one is refused with invalid_transition or, for a
// verification before performing, sequence_violation; none is refused for another reason
// (pure domain, no I/O).
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/complete.h"
#include "mes/execution/domain/start.h"
#include "mes/execution/domain/test_facts.h"

namespace ordo::execution {
namespace {

using namespace testing;

const char* const kOrderStates[] = {"created",   "released", "in_progress", "on_hold",
                                    "completed", "closed",   "cancelled"};
const char* const kOpStates[] = {"pending",   "in_progress", "paused",
                                 "completed", "verified",    "cancelled"};

// The legal combinations, written out from docs/execution.md section 3.
bool Legal(const std::string& command, const std::string& order, const std::string& op) {
  if (command == "start") return (order == "released" || order == "in_progress") && op == "pending";
  if (command == "pause") return op == "in_progress" && order == "in_progress";
  if (command == "resume") return op == "paused" && order == "in_progress";
  if (command == "record" || command == "complete")
    return op == "in_progress" && order == "in_progress";
  if (command == "verify") return op == "completed" && order == "in_progress";
  ADD_FAILURE() << command;
  return false;
}

Status RunCommand(const std::string& command, const OperationFacts& op) {
  const std::optional<std::string> acked = "abc123";
  if (command == "start") {
    auto r = DecideStart(op, Operator(), Unit(), Now());
    return r.ok() ? Ok() : Status(r.error());
  }
  if (command == "pause") return DecidePause(op, "");
  if (command == "resume") return DecideResume(op, Operator(), Unit(), Now());
  if (command == "record") return CheckMayRecord(op, acked);
  if (command == "complete") {
    RecordedData all{{"granulation_end_power", "impeller_speed"}, {"lod"}, {}};
    auto r = DecideComplete(op, CompleteCommand{10, 0, 0, {}, {}}, ReasonCodes{}, all, acked);
    return r.ok() ? Ok() : Status(r.error());
  }
  auto r = DecideVerify(op, Verifier(), Now());
  return r.ok() ? Ok() : Status(r.error());
}

TEST(ExecutionTransitionsTest, OnlyLegalTransitionsPass) {
  ORDO_VERIFIES("P11-06", "ORDO-EXEC-01", "ORDO-EXEC-11", "ORDO-EXEC-25", "ORDO-ORDER-21");
  int legal = 0, refused = 0;
  for (const char* command : {"start", "pause", "resume", "record", "complete", "verify"}) {
    for (const char* order_state : kOrderStates) {
      for (const char* op_state : kOpStates) {
        OperationFacts op = RunningOp();
        op.order_state = order_state;
        op.state = op_state;
        op.spec.second_person_verification = true;
        op.performer_ids = {7};
        const std::string what =
            std::string(command) + " with order " + order_state + ", operation " + op_state;
        Status s = RunCommand(command, op);
        if (Legal(command, order_state, op_state)) {
          EXPECT_TRUE(s.ok()) << what << ": " << s.error().message;
          ++legal;
          continue;
        }
        ++refused;
        ASSERT_FALSE(s.ok()) << what << " was accepted";
        const bool verify_early = std::string(command) == "verify" &&
                                  std::string(order_state) == "in_progress" &&
                                  std::string(op_state) != "verified";
        EXPECT_EQ(s.error().reason, verify_early ? kSequenceViolation : kInvalidTransition)
            << what << ": " << s.error().message;
        EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition) << what;
        EXPECT_TRUE(s.error().field == "order_id" || s.error().field == "operation") << what;
        // The message names the state that stands in the way.
        EXPECT_TRUE(s.error().message.find(order_state) != std::string::npos ||
                    s.error().message.find(op_state) != std::string::npos ||
                    s.error().message.find("verified") != std::string::npos)
            << what << ": " << s.error().message;
      }
    }
  }
  EXPECT_EQ(legal + refused, 6 * 7 * 6);
  EXPECT_EQ(legal, 2 + 1 + 1 + 1 + 1 + 1);
}

}  // namespace
}  // namespace ordo::execution
