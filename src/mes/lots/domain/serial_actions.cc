// Holds, rejection and release of serial numbers (serial_actions.h).
#include "mes/lots/domain/serial_actions.h"

#include <set>

#include "mes/lots/events.h"
#include "mes/signatures/events.h"

namespace ordo::lots {

namespace {

Error InvalidTransition(const SerialUnit& unit, LotAction action, const std::string& allowed,
                        const std::string& field) {
  return Error{ErrorCode::kFailedPrecondition,
               "serial " + unit.serial + " is " + unit.state + ": " + LotActionName(action) +
                   " is allowed only from " + allowed,
               field, "invalid_transition"};
}

}  // namespace

Status ValidateSerialReason(LotAction action, const std::string& reason) {
  if (reason.empty() && action != LotAction::kRelease)
    return Error::Invalid(
        "reason", std::string("a reason is required to ") + LotActionName(action) + " a serial",
        "missing_field");
  return ValidateReason(action, reason);
}

Status CheckSerialTransition(const SerialUnit& unit, LotAction action, const std::string& field) {
  if (unit.state == kSerialConsumed)
    return Error{ErrorCode::kFailedPrecondition,
                 "serial " + unit.serial + " was consumed" +
                     (unit.consumed_order_id.empty() ? std::string()
                                                     : " into order " + unit.consumed_order_id) +
                     ": a serial built into a device cannot be " +
                     (action == LotAction::kHold       ? "held"
                      : action == LotAction::kLiftHold ? "lifted from a hold"
                      : action == LotAction::kReject   ? "rejected"
                                                       : "released") +
                     "; hold or reject the device it went into",
                 field, "serial_consumed"};
  switch (action) {
    case LotAction::kRelease:
    case LotAction::kReject:
      if (unit.state != kSerialQuarantined)
        return InvalidTransition(unit, action, "quarantined", field);
      break;
    case LotAction::kHold:
      if (unit.state != kSerialQuarantined && unit.state != kSerialReleased)
        return InvalidTransition(unit, action, "quarantined or released", field);
      break;
    case LotAction::kLiftHold:
      if (unit.state != kSerialOnHold) return InvalidTransition(unit, action, "on_hold", field);
      break;
  }
  return Ok();
}

Status CheckSerialNoOpenDeviation(const SerialUnit& unit, LotAction action,
                                  const std::vector<std::string>& open_deviations) {
  if (action != LotAction::kRelease || open_deviations.empty()) return Ok();
  std::string ids;
  for (const auto& id : open_deviations) ids += (ids.empty() ? "" : ", ") + id;
  return Error{ErrorCode::kFailedPrecondition,
               "serial " + unit.serial + " cannot be released while deviation" +
                   (open_deviations.size() > 1 ? "s " : " ") + ids + " naming it or its order " +
                   unit.order_id + " " + (open_deviations.size() > 1 ? "are" : "is") +
                   " open: disposition it first",
               "serial", "open_deviation"};
}

std::string SerialStateAfter(const SerialUnit& unit, LotAction action) {
  switch (action) {
    case LotAction::kRelease:
      return kSerialReleased;
    case LotAction::kReject:
      return kSerialRejected;
    case LotAction::kHold:
      return kSerialOnHold;
    case LotAction::kLiftHold:
      return unit.held_from.empty() ? std::string(kSerialQuarantined) : unit.held_from;
  }
  return kSerialQuarantined;
}

Json SerialDispositionRecord(const SerialUnit& unit, const std::string& decision,
                             const std::string& reason) {
  return Json{{"serial", unit.serial},       {"material", unit.material},
              {"order_id", unit.order_id},   {"operation", unit.operation},
              {"work_unit", unit.work_unit}, {"produced_seq", unit.produced_seq},
              {"decision", decision},        {"reason", reason}};
}

Result<std::vector<ledger::Event>> DecideSerialDisposition(const SerialUnit& unit, LotAction action,
                                                           const std::string& reason,
                                                           const Signer& signer,
                                                           std::int64_t signature_seq) {
  if (action != LotAction::kRelease && action != LotAction::kReject)
    return Error::Make(ErrorCode::kInternal, "DecideSerialDisposition takes release or reject");
  ORDO_TRY(ValidateSerialReason(action, reason));
  ORDO_TRY(CheckSerialTransition(unit, action));
  const std::string meaning = MeaningOf(action);
  auto applied = signatures::DecideSignature(signer, meaning, kSerialSubjectKind, unit.serial, 1,
                                             SerialDispositionRecord(unit, meaning, reason));
  if (!applied.ok()) return applied.error();
  std::vector<ledger::Event> events;
  events.push_back(ledger::MakeEvent(*applied, kSerialSubjectKind, unit.serial));
  if (action == LotAction::kRelease)
    events.push_back(
        ledger::MakeEvent(SerialReleased{unit.serial}, kSerialSubjectKind, unit.serial));
  else
    events.push_back(
        ledger::MakeEvent(SerialRejected{unit.serial, reason}, kSerialSubjectKind, unit.serial));
  events.back().signatures = Json::array({signature_seq});
  return events;
}

Result<std::vector<ledger::Event>> DecideSerialHold(const SerialUnit& unit, LotAction action,
                                                    const std::string& reason) {
  if (action != LotAction::kHold && action != LotAction::kLiftHold)
    return Error::Make(ErrorCode::kInternal, "DecideSerialHold takes hold or lift-hold");
  ORDO_TRY(ValidateSerialReason(action, reason));
  ORDO_TRY(CheckSerialTransition(unit, action));
  std::vector<ledger::Event> events;
  if (action == LotAction::kHold)
    events.push_back(
        ledger::MakeEvent(SerialHeld{unit.serial, reason}, kSerialSubjectKind, unit.serial));
  else
    events.push_back(
        ledger::MakeEvent(SerialHoldLifted{unit.serial, reason}, kSerialSubjectKind, unit.serial));
  return events;
}

Result<std::vector<ledger::Event>> DecideSerialsHold(const std::vector<ListedSerial>& listed,
                                                     const std::string& reason,
                                                     std::int64_t next_seq) {
  ORDO_TRY(ValidateSerialReason(LotAction::kHold, reason));
  if (listed.empty())
    return Error::Invalid("serials", "name at least one serial to hold", "missing_field");
  if (listed.size() > kMaxSerialsPerHold)
    return Error::Invalid("serials",
                          "a list hold takes at most " + std::to_string(kMaxSerialsPerHold) +
                              " serials; " + std::to_string(listed.size()) + " were given",
                          "too_many");
  std::set<std::string> seen;
  SerialsHeld held{{}, reason};
  for (std::size_t i = 0; i < listed.size(); ++i) {
    const ListedSerial& l = listed[i];
    const std::string field = "serials[" + std::to_string(i) + "]";
    if (l.requested.empty())
      return Error::Invalid(field, "serials[" + std::to_string(i) + "] is empty; name a serial",
                            "missing_field");
    if (!seen.insert(l.requested).second)
      return Error::Invalid(field, "serial " + l.requested + " is named twice in the list",
                            "duplicate_serial");
    if (!l.unit)
      return Error{ErrorCode::kNotFound, "there is no serial '" + l.requested + "'", field,
                   "serial_missing"};
    ORDO_TRY(CheckSerialTransition(*l.unit, LotAction::kHold, field));
    held.serials.push_back(l.unit->serial);
  }
  return std::vector<ledger::Event>{
      ledger::MakeEvent(held, kSerialListSubjectKind, "SH-" + std::to_string(next_seq))};
}

}  // namespace ordo::lots
