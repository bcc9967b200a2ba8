// Completion and second-person verification (complete.h).
#include "mes/execution/domain/complete.h"

#include <algorithm>
#include <cmath>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/readiness.h"
#include "mes/execution/domain/start.h"

namespace ordo::execution {

namespace {

Error BadQuantity(std::string field, std::string message) {
  return Refuse(ErrorCode::kInvalidArgument, kInvalidQuantity, std::move(field),
                std::move(message));
}

bool Contains(const std::vector<std::string>& list, const std::string& item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

Status CheckReasons(const std::string& what, double quantity,
                    const std::vector<ReasonQuantity>& reasons,
                    const std::vector<std::string>& codes) {
  const std::string field = what + "_reasons";
  if (quantity == 0) {
    if (!reasons.empty())
      return BadQuantity(field,
                         "There is no " + what + ", so no " + what + " reasons belong here.");
    return Ok();
  }
  if (reasons.empty())
    return BadQuantity(field, "A " + what + " quantity of " + FormatNumber(quantity) +
                                  " needs reason codes from the " + what + " reason list.");
  double sum = 0;
  for (std::size_t i = 0; i < reasons.size(); ++i) {
    const std::string at = field + "[" + std::to_string(i) + "]";
    if (!Contains(codes, reasons[i].code))
      return BadQuantity(at + ".code", "'" + reasons[i].code + "' is not a code of the " + what +
                                           " reason list in force.");
    if (!std::isfinite(reasons[i].quantity) || reasons[i].quantity <= 0)
      return BadQuantity(at + ".quantity", "The quantity of " + what + " reason " +
                                               reasons[i].code + " must be above 0.");
    sum += reasons[i].quantity;
  }
  if (std::fabs(sum - quantity) > 1e-9 * std::max(1.0, quantity))
    return BadQuantity(field, "The " + what + " reasons add up to " + FormatNumber(sum) +
                                  ", but the " + what + " quantity is " + FormatNumber(quantity) +
                                  ".");
  return Ok();
}

bool OthersDone(const OperationFacts& op) {
  for (const OperationStatus& o : op.other_operations)
    if (!OperationDone(o.state, o.needs_verification)) return false;
  return true;
}

std::string Join(const std::vector<std::string>& items) {
  std::string text;
  for (const auto& i : items) text += (text.empty() ? "" : ", ") + i;
  return text;
}

}  // namespace

bool ParameterRequired(const ParameterSpec& p) { return p.source == "manual" || p.critical; }

Result<CompleteDecision> DecideComplete(const OperationFacts& op, const CompleteCommand& c,
                                        const ReasonCodes& codes, const RecordedData& recorded,
                                        const std::optional<std::string>& acknowledged_hash) {
  ORDO_TRY(CheckMayRecord(op, acknowledged_hash));
  for (auto [field, q] :
       {std::pair<const char*, double>{"good", c.good}, {"scrap", c.scrap}, {"rework", c.rework}})
    if (!std::isfinite(q) || q < 0)
      return BadQuantity(field,
                         std::string("The ") + field + " quantity must be a number of 0 or more.");
  if (c.good + c.scrap + c.rework <= 0)
    return BadQuantity("good", "Give the quantity made: good, scrap and rework are all 0.");
  ORDO_TRY(CheckReasons("scrap", c.scrap, c.scrap_reasons, codes.scrap));
  ORDO_TRY(CheckReasons("rework", c.rework, c.rework_reasons, codes.rework));

  std::vector<std::string> missing;
  for (const CharacteristicSpec& s : op.spec.characteristics)
    if (!Contains(recorded.characteristics, s.name))
      missing.push_back(s.name + " (a sample of " + std::to_string(s.sample_size) + ")");
  for (const ParameterSpec& p : op.spec.parameters)
    if (ParameterRequired(p) && !Contains(recorded.parameters, p.name)) missing.push_back(p.name);
  if (!missing.empty())
    return Refuse(
        ErrorCode::kFailedPrecondition, kMissingData, "operation",
        "Operation " + op.operation + " cannot complete: still to record " + Join(missing) + ".");
  if (!recorded.blocking.empty())
    return Refuse(ErrorCode::kFailedPrecondition, kDeviationRequired, "operation",
                  "Operation " + op.operation + " cannot complete: " + Join(recorded.blocking) +
                      " must be dispositioned first (a deviation is required).");
  CompleteDecision d;
  d.needs_verification = op.spec.second_person_verification;
  d.order_completed = !d.needs_verification && OthersDone(op);
  return d;
}

Result<VerifyDecision> DecideVerify(const OperationFacts& op, const OperatorFacts& verifier,
                                    TimeMicros now) {
  if (op.order_state != kOrderInProgress)
    return Refuse(ErrorCode::kFailedPrecondition, kInvalidTransition, "order_id",
                  "Order " + op.order_id + " is " + op.order_state +
                      "; it must be in progress to verify an operation.");
  if (!op.spec.second_person_verification)
    return Refuse(ErrorCode::kFailedPrecondition, kInvalidTransition, "operation",
                  "Operation " + op.operation + " does not ask for second-person verification.");
  if (op.state == kOpVerified)
    return Refuse(ErrorCode::kFailedPrecondition, kInvalidTransition, "operation",
                  "Operation " + op.operation + " is already verified.");
  if (op.state != kOpCompleted)
    return Refuse(ErrorCode::kFailedPrecondition, kSequenceViolation, "operation",
                  "Operation " + op.operation + " is " + op.state +
                      "; it can be verified only after it is completed.");
  if (std::find(op.performer_ids.begin(), op.performer_ids.end(), verifier.user_id) !=
      op.performer_ids.end())
    return Refuse(ErrorCode::kPermissionDenied, kSamePerson, "user",
                  verifier.user + " performed operation " + op.operation +
                      "; a different person must verify it.");
  ORDO_TRY(CheckQualifications(op.spec.qualifications, verifier, UtcDay(now), "Verifier", "user"));
  return VerifyDecision{OthersDone(op)};
}

}  // namespace ordo::execution
