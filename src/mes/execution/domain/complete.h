// Completing an operation (quantities with reason codes, every required value recorded,
// no blocking exception open) and its second-person verification (a different,
// qualified user). Pure decisions; the commands emit orders.operation_completed,
// orders.operation_verified (with the signature meaning `verified`) and
// orders.order_completed from what these return.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/domain/facts.h"

namespace ordo::execution {

struct ReasonQuantity {
  std::string code;
  double quantity = 0;
};

struct CompleteCommand {
  double good = 0, scrap = 0, rework = 0;  // in the order's unit
  std::vector<ReasonQuantity> scrap_reasons, rework_reasons;
};

// The codes of the reason code lists in force (master data kind reason_codes, category
// scrap and rework).
struct ReasonCodes {
  std::vector<std::string> scrap, rework;
};

// What has been recorded on the operation (execution's store).
struct RecordedData {
  std::vector<std::string> parameters;       // names with at least one value
  std::vector<std::string> characteristics;  // names with at least one sample
  std::vector<std::string> blocking;         // subjects of open blocking exceptions
};

// A parameter must be recorded before completion when the routing captures it manually
// or it is critical; a value from equipment that is not critical may be absent (no
// connector reports it yet).
bool ParameterRequired(const ParameterSpec& parameter);

struct CompleteDecision {
  bool needs_verification = false;  // the operation waits for its second person
  bool order_completed = false;     // the last operation is done: orders.order_completed
};

// Decides the completion of `op`. Refusals, in this order: CheckMayRecord (start.h);
// invalid_quantity (invalid_argument) when good, scrap or rework is negative or not a
// number (field named), when all three are 0 (field good), when scrap or rework above 0
// lacks reasons or its reasons do not add up to it (field scrap_reasons/rework_reasons),
// when a reason names a code not in `codes` or has a quantity not above 0
// (field scrap_reasons[i].code / .quantity), or when reasons are given for a quantity
// of 0; missing_data (failed_precondition, field operation) naming every characteristic
// and required parameter (ParameterRequired) without a recorded value; deviation_required
// (failed_precondition, field operation) naming the subjects of open blocking exceptions.
Result<CompleteDecision> DecideComplete(const OperationFacts& op, const CompleteCommand& command,
                                        const ReasonCodes& codes, const RecordedData& recorded,
                                        const std::optional<std::string>& acknowledged_hash);

struct VerifyDecision {
  bool order_completed = false;  // the last operation is now done
};

// Decides the second-person verification of `op` by `verifier` at `now`. Refusals, in
// this order: invalid_transition (field order_id) when the order is not in progress;
// invalid_transition (field operation) when the operation does not ask for verification
// or is already verified; sequence_violation (field operation) when it is not completed
// yet (no verifying before performing); same_person (permission_denied, field user) when
// the verifier performed it (op.performer_ids); not_qualified / qualification_expired
// (field user) unless the verifier holds the operation's qualifications.
Result<VerifyDecision> DecideVerify(const OperationFacts& op, const OperatorFacts& verifier,
                                    TimeMicros now);

}  // namespace ordo::execution
