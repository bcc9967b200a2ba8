// What the execution decisions know: plain facts the commands read from orders, lots,
// master data and personnel (through their public, seal-checked readers) and pass in.
// Execution's domain includes none of those capabilities, so each rule is a pure
// function of these values, the command and the server's time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "core/result.h"

namespace ordo::execution {

// Order states (orders capability): created, released, in_progress, on_hold, completed,
// closed, cancelled. Operation states: pending, in_progress, paused, completed, verified.
inline constexpr const char* kOrderReleased = "released";
inline constexpr const char* kOrderInProgress = "in_progress";
inline constexpr const char* kOpPending = "pending";
inline constexpr const char* kOpInProgress = "in_progress";
inline constexpr const char* kOpPaused = "paused";
inline constexpr const char* kOpCompleted = "completed";
inline constexpr const char* kOpVerified = "verified";

// A process parameter of the pinned routing operation.
struct ParameterSpec {
  std::string name, unit;
  std::string source = "manual";  // "manual" or "equipment": how the routing captures it
  std::optional<double> target, low, high;
  bool critical = false;
};

// A data collection characteristic of the pinned routing operation.
struct CharacteristicSpec {
  std::string name, unit;
  std::optional<double> lower_spec, upper_spec;
  std::int64_t sample_size = 1;  // values per recorded sample
};

// The pinned routing operation's content (orders.order_released, operations[].spec).
struct OperationSpec {
  std::vector<ParameterSpec> parameters;
  std::vector<CharacteristicSpec> characteristics;
  bool second_person_verification = false;
  std::vector<std::string> qualifications;  // the operator (and the verifier) must hold each
  // InstructionContentHash of the instructions and attachments; "" when there are none
  // (then nothing needs acknowledging).
  std::string instruction_hash;
};

// Reads the pinned spec (the routing operation's JSON: parameters, characteristics,
// second_person_verification, instructions, attachments, qualifications). Missing lists
// are empty; a characteristic without sample_size has 1. internal when a present field
// has the wrong type (a pinned spec was validated by master data).
Result<OperationSpec> SpecFromJson(const Json& spec);

// SHA-256 (hex) of the canonical JSON {"attachments": [...], "instructions": "..."} of
// the spec; "" when the instructions are empty and there are no attachments.
std::string InstructionContentHash(const Json& spec);

// Another operation of the same order as the rules see it.
struct OperationStatus {
  std::string operation, state;
  bool needs_verification = false;  // its spec asks for second-person verification
};

// True when the operation is done: completed and (verified or no verification needed).
bool OperationDone(const std::string& state, bool needs_verification);

// One operation of an order, with its order.
struct OperationFacts {
  std::string order_id, order_state;
  std::string operation, name, state;
  std::string operation_class, work_center_class;
  std::string work_unit;                          // where it runs (set by start)
  std::vector<OperationStatus> predecessors;      // resolved by the release
  std::vector<OperationStatus> other_operations;  // every other operation of the order
  OperationSpec spec;
  std::int64_t routing_version = 0;
  TimeMicros started_us = 0;  // 0 = not started
  // Users who performed it: started, recorded data, completed (the four-eyes rule).
  std::vector<std::int64_t> performer_ids;
};

// A qualification grant the user holds (personnel: grants read through the seal check).
struct HeldQualification {
  std::string qualification;
  std::string expires;  // YYYY-MM-DD, "" = no expiry
  bool revoked = false;
  std::int64_t grant_id = 0;  // the grant's ledger seq (0: unknown)
};

// The user who performs or verifies.
struct OperatorFacts {
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::vector<HeldQualification> qualifications;
};

// The work unit a start names, from the equipment master data in force.
struct EquipmentFacts {
  std::string work_unit, level, equipment_class;
  std::string work_center, work_center_class;  // its parent and the parent's class
  std::vector<std::string> capabilities;       // operation classes it can run
  std::string status;                          // available, in_maintenance, out_of_service
  std::string calibration_due;                 // YYYY-MM-DD, "" = not calibrated equipment
  std::string cleaning_status;                 // clean, dirty, not_applicable, ""
  std::string cleaning_due;                    // YYYY-MM-DD, "" = none
  std::string busy_with;  // "ORDER/OP" of another operation started on it, "" = free
  // The machine's availability (equipment's public read, mes/equipment/availability.h):
  // down for longer than down_block_seconds and no supervisor override for that down
  // spell. down_reason_code "" = unassigned; down_since_us the spell's device time.
  bool down_blocked = false;
  std::string down_reason_code;
  TimeMicros down_since_us = 0;
  std::int64_t down_block_seconds = 600;
};

// A material lot (lots capability).
struct LotFacts {
  std::string lot, material;
  std::string status;  // effective: quarantined, released, rejected, expired, on_hold, consumed
  std::string expiry, retest;  // YYYY-MM-DD or ""
  double quantity = 0;         // left, in the base unit
  std::string base_unit;
};

// One item of the order's pinned bill of materials.
struct BomFacts {
  std::string material;
  std::vector<std::string> alternates;  // approved alternate materials
  double base_quantity = 0;             // planned for the whole order, base unit
  std::string base_unit;
  double scrap_factor = 0;  // expected loss as a fraction
  double consumed = 0;      // already consumed for this item in the order, base unit
  std::string operation;    // the only operation that may consume it; "" = any
};

}  // namespace ordo::execution
