// Test support for the execution rules: a plausible operation, operator, work unit, lot
// and BOM (dispensing of a paracetamol granulate), each test changing one thing.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/domain/facts.h"

namespace ordo::execution::testing {

// 2026-11-30T10:00:00Z: "today" is 2026-11-30.
inline TimeMicros Now() {
  TimeMicros t = 0;
  EXPECT_TRUE(ParseIsoTime("2026-11-30T10:00:00Z", &t));
  return t;
}
inline constexpr TimeMicros kMinute = 60'000'000;

inline OperationFacts RunningOp() {
  OperationFacts op;
  op.order_id = "PO-1001";
  op.order_state = "in_progress";
  op.operation = "20";
  op.name = "Granulation";
  op.state = "in_progress";
  op.operation_class = "granulation";
  op.work_center_class = "granulation_suite";
  op.work_unit = "WU-GRAN-01";
  op.predecessors = {{"10", "verified", true}};
  op.other_operations = {{"10", "verified", true}};
  op.spec.parameters = {
      {"impeller_speed", "rpm", "manual", 250.0, 200.0, 300.0, false},
      {"granulation_end_power", "kW", "equipment", 5.0, 4.0, 6.0, true},
      {"binder_temperature", "C", "equipment", 60.0, 50.0, 70.0, false},
  };
  op.spec.characteristics = {{"lod", "%", 1.0, 3.0, 3}};
  op.spec.second_person_verification = false;
  op.spec.qualifications = {"GRANULATION"};
  op.spec.instruction_hash = "abc123";
  op.routing_version = 3;
  op.started_us = Now() - 120 * kMinute;
  op.performer_ids = {7};
  return op;
}

inline OperationFacts PendingOp() {
  OperationFacts op = RunningOp();
  op.state = "pending";
  op.order_state = "released";
  op.work_unit = "";
  op.started_us = 0;
  op.performer_ids = {};
  return op;
}

inline OperatorFacts Operator() {
  return OperatorFacts{7, "olivia", {{"GRANULATION", "2027-10-31", false}}};
}

inline OperatorFacts Verifier() { return OperatorFacts{9, "victor", {{"GRANULATION", "", false}}}; }

inline EquipmentFacts Unit() {
  EquipmentFacts u;
  u.work_unit = "WU-GRAN-01";
  u.level = "work_unit";
  u.equipment_class = "high_shear_granulator";
  u.work_center = "WC-OSD-GRAN";
  u.work_center_class = "granulation_suite";
  u.capabilities = {"granulation", "drying"};
  u.status = "available";
  u.calibration_due = "2027-05-31";
  u.cleaning_status = "clean";
  u.cleaning_due = "2026-11-30";  // due today: not overdue
  return u;
}

inline LotFacts Lot() {
  return LotFacts{"L-PCM-0042", "M-PCM-API", "released", "2027-06-30", "", 120.0, "kg"};
}

inline std::vector<BomFacts> Bom() {
  return {BomFacts{"M-PCM-API", {"M-PCM-API-ALT"}, 100.0, "kg", 0.02, 0.0},
          BomFacts{"M-STARCH", {}, 20.0, "kg", 0.0, 0.0}};
}

// Expects a refusal with stable `reason`, `code` and `field`, whose message contains
// each of `words`.
inline void ExpectRefused(const Error& e, ErrorCode code, const std::string& reason,
                          const std::string& field, std::initializer_list<std::string> words = {}) {
  EXPECT_EQ(e.reason, reason) << e.message;
  EXPECT_EQ(e.code, code) << e.message;
  EXPECT_EQ(e.field, field) << e.message;
  EXPECT_FALSE(e.message.empty());
  for (const auto& w : words) EXPECT_NE(e.message.find(w), std::string::npos) << e.message;
}

template <typename T>
void ExpectRefused(const Result<T>& r, ErrorCode code, const std::string& reason,
                   const std::string& field, std::initializer_list<std::string> words = {}) {
  ASSERT_FALSE(r.ok()) << "accepted; expected " << reason;
  ExpectRefused(r.error(), code, reason, field, words);
}

}  // namespace ordo::execution::testing
