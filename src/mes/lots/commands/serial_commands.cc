// Glue of the serial quality commands (serial_commands.h).
#include "mes/lots/commands/serial_commands.h"

#include <algorithm>

#include "mes/deviations/deviations.h"
#include "mes/lots/lots.h"
#include "mes/lots/release_gate.h"
#include "mes/lots/store/serial_view.h"
#include "mes/lots/store/serials_store.h"

namespace ordo::lots {

namespace {

Result<SerialUnit> LoadSerial(storage::Database& db, const std::string& serial) {
  auto row = FindSerial(db, serial);
  if (!row.ok()) return row.error();
  if (!*row)
    return Error{ErrorCode::kNotFound, "there is no serial '" + serial + "'", "serial",
                 "serial_missing"};
  return **row;
}

// The open deviations that hold a serial back: those naming it, and those of the order
// that produced it.
Result<std::vector<std::string>> OpenDeviationIds(storage::Database& db, const SerialUnit& unit) {
  std::vector<std::string> ids;
  auto touching = deviations::OpenDeviationsTouchingLot(db, unit.serial);
  if (!touching.ok()) return touching.error();
  for (const auto& d : *touching) ids.push_back(d.id);
  auto of_order = deviations::DeviationsOfOrder(db, unit.order_id);
  if (!of_order.ok()) return of_order.error();
  for (const auto& d : *of_order)
    if (d.state == deviations::kStateOpen && std::find(ids.begin(), ids.end(), d.id) == ids.end())
      ids.push_back(d.id);
  return ids;
}

engine::Command SerialCommand(
    engine::Actor actor, std::string serial,
    std::function<Result<std::vector<ledger::Event>>(engine::WriteContext&)> decide) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = std::move(decide);
  c.reply = [serial](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto view = SerialViewOf(ctx.db, serial);
    return Json{{"serial", view.ok() ? *view : Json(nullptr)}};
  };
  return c;
}

}  // namespace

engine::Command SerialHoldCommand(engine::Actor actor, std::string serial, LotAction action,
                                  std::string reason) {
  return SerialCommand(
      std::move(actor), serial,
      [serial, action, reason](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
        ORDO_TRY(ValidateSerialReason(action, reason));
        auto unit = LoadSerial(ctx.db, serial);
        if (!unit.ok()) return unit.error();
        return DecideSerialHold(*unit, action, reason);
      });
}

engine::Command SerialDispositionCommand(engine::Actor actor, std::string serial, LotAction action,
                                         std::string reason, signatures::SignerIdentity signer) {
  return SerialCommand(std::move(actor), serial,
                       [serial, action, reason,
                        signer](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
                         ORDO_TRY(ValidateSerialReason(action, reason));
                         auto unit = LoadSerial(ctx.db, serial);
                         if (!unit.ok()) return unit.error();
                         if (action == LotAction::kRelease) {
                           // The serial's own state first, so a released or consumed serial answers
                           // so.
                           ORDO_TRY(CheckSerialTransition(*unit, action));
                           auto ids = OpenDeviationIds(ctx.db, *unit);
                           if (!ids.ok()) return ids.error();
                           ORDO_TRY(CheckSerialNoOpenDeviation(*unit, action, *ids));
                           ORDO_TRY(CheckSerialReleaseGates(ctx.db, *unit));
                         }
                         auto s = signatures::LoadSignerState(ctx.db, ctx.now, signer);
                         if (!s.ok()) return s.error();
                         return DecideSerialDisposition(*unit, action, reason, *s, ctx.next_seq);
                       });
}

engine::Command SerialsHoldCommand(engine::Actor actor, std::vector<std::string> serials,
                                   std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [serials, reason](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    ORDO_TRY(ValidateSerialReason(LotAction::kHold, reason));
    std::vector<ListedSerial> listed;
    listed.reserve(serials.size());
    // Bounded before reading: the decision refuses a list over the limit anyway.
    const bool readable = !serials.empty() && serials.size() <= kMaxSerialsPerHold;
    for (const std::string& s : serials) {
      ListedSerial l{s, std::nullopt};
      if (readable && !s.empty()) {
        auto row = FindSerial(ctx.db, s);
        if (!row.ok()) return row.error();
        l.unit = std::move(*row);
      }
      listed.push_back(std::move(l));
    }
    return DecideSerialsHold(listed, reason, ctx.next_seq);
  };
  c.reply = [serials](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    Json units = Json::array();
    for (const std::string& s : serials) {
      auto row = FindSerialRow(ctx.db, s);
      if (row.ok() && *row) units.push_back(SerialSummary(**row));
    }
    return Json{{"held", static_cast<std::int64_t>(units.size())}, {"serials", units}};
  };
  return c;
}

}  // namespace ordo::lots
