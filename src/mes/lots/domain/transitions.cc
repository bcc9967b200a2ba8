// Release, rejection and holds of a lot (transitions.h).
#include "mes/lots/domain/transitions.h"

#include "core/crypto.h"
#include "mes/lots/events.h"
#include "mes/signatures/events.h"

namespace ordo::lots {

namespace {

Error InvalidTransition(const Lot& lot, LotAction action, const std::string& allowed) {
  return Error{ErrorCode::kFailedPrecondition,
               "lot " + lot.lot + " is " + lot.state + ": " + LotActionName(action) +
                   " is allowed only from " + allowed,
               "lot", "invalid_transition"};
}

}  // namespace

const char* LotActionName(LotAction action) {
  switch (action) {
    case LotAction::kRelease:
      return "release";
    case LotAction::kReject:
      return "reject";
    case LotAction::kHold:
      return "hold";
    case LotAction::kLiftHold:
      return "lift-hold";
  }
  return "?";
}

const char* MeaningOf(LotAction action) {
  if (action == LotAction::kRelease) return "released";
  if (action == LotAction::kReject) return "rejected";
  return "";
}

Status ValidateReason(LotAction action, const std::string& reason) {
  if (reason.empty() && action != LotAction::kRelease)
    return Error::Invalid(
        "reason", std::string("a reason is required to ") + LotActionName(action) + " a lot",
        "missing_field");
  if (reason.size() > kMaxReasonLength)
    return Error::Invalid("reason", "reason must be at most 1000 bytes", "too_long");
  for (unsigned char c : reason)
    if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7f)
      return Error::Invalid("reason", "reason must not hold control characters", "malformed");
  return Ok();
}

Status CheckTransition(const Lot& lot, LotAction action, TimeMicros now) {
  const auto state = ParseLotState(lot.state);
  switch (action) {
    case LotAction::kRelease:
    case LotAction::kReject:
      if (state != LotState::kQuarantined) return InvalidTransition(lot, action, "quarantined");
      break;
    case LotAction::kHold:
      if (state != LotState::kQuarantined && state != LotState::kReleased)
        return InvalidTransition(lot, action, "quarantined or released");
      break;
    case LotAction::kLiftHold:
      if (state != LotState::kOnHold) return InvalidTransition(lot, action, "on_hold");
      break;
  }
  if (action == LotAction::kRelease && EffectiveLotStatus(lot, now) == "expired")
    return Error{ErrorCode::kFailedPrecondition,
                 "lot " + lot.lot + " expired on " + UseByDate(lot) + " (today is " + UtcDay(now) +
                     "): an expired lot cannot be released; reject it",
                 "lot", "lot_expired"};
  return Ok();
}

Status CheckNoOpenDeviation(const Lot& lot, LotAction action,
                            const std::vector<std::string>& open_deviations) {
  if (action != LotAction::kRelease || open_deviations.empty()) return Ok();
  std::string ids;
  for (const auto& id : open_deviations) ids += (ids.empty() ? "" : ", ") + id;
  return Error{ErrorCode::kFailedPrecondition,
               "lot " + lot.lot + " cannot be released while deviation" +
                   (open_deviations.size() > 1 ? "s " : " ") + ids + " touching it " +
                   (open_deviations.size() > 1 ? "are" : "is") + " open: disposition it first",
               "lot", "open_deviation"};
}

LotState StateAfter(const Lot& lot, LotAction action) {
  switch (action) {
    case LotAction::kRelease:
      return LotState::kReleased;
    case LotAction::kReject:
      return LotState::kRejected;
    case LotAction::kHold:
      return LotState::kOnHold;
    case LotAction::kLiftHold:
      return ParseLotState(lot.held_from).value_or(LotState::kQuarantined);
  }
  return LotState::kQuarantined;
}

Json DispositionRecord(const Lot& lot, const std::string& decision, const std::string& reason) {
  return Json{{"lot", lot.lot},
              {"material", lot.material},
              {"supplier", lot.supplier},
              {"supplier_lot", lot.supplier_lot},
              {"received_quantity", lot.received_quantity},
              {"base_unit", lot.base_unit},
              {"expiry", lot.expiry},
              {"retest", lot.retest},
              {"decision", decision},
              {"reason", reason}};
}

Result<std::vector<ledger::Event>> DecideDisposition(const Lot& lot, LotAction action,
                                                     const std::string& reason,
                                                     const Signer& signer, TimeMicros now,
                                                     std::int64_t signature_seq) {
  ORDO_TRY(ValidateReason(action, reason));
  ORDO_TRY(CheckTransition(lot, action, now));
  const std::string meaning = MeaningOf(action);
  auto applied = signatures::DecideSignature(signer, meaning, kSubjectKind, lot.lot, 1,
                                             DispositionRecord(lot, meaning, reason));
  if (!applied.ok()) return applied.error();

  std::vector<ledger::Event> events;
  events.push_back(ledger::MakeEvent(*applied, kSubjectKind, lot.lot));
  if (action == LotAction::kRelease)
    events.push_back(ledger::MakeEvent(LotReleased{lot.lot}, kSubjectKind, lot.lot));
  else
    events.push_back(ledger::MakeEvent(LotRejected{lot.lot, reason}, kSubjectKind, lot.lot));
  events.back().signatures = Json::array({signature_seq});
  return events;
}

Result<std::vector<ledger::Event>> DecideHold(const Lot& lot, LotAction action,
                                              const std::string& reason, TimeMicros now) {
  if (action != LotAction::kHold && action != LotAction::kLiftHold)
    return Error::Make(ErrorCode::kInternal, "DecideHold takes hold or lift-hold");
  ORDO_TRY(ValidateReason(action, reason));
  ORDO_TRY(CheckTransition(lot, action, now));
  std::vector<ledger::Event> events;
  if (action == LotAction::kHold)
    events.push_back(ledger::MakeEvent(LotHeld{lot.lot, reason}, kSubjectKind, lot.lot));
  else
    events.push_back(ledger::MakeEvent(LotHoldLifted{lot.lot, reason}, kSubjectKind, lot.lot));
  return events;
}

}  // namespace ordo::lots
