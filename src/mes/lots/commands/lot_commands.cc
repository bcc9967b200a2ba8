// Glue of the lots commands (lot_commands.h).
#include "mes/lots/commands/lot_commands.h"

#include <algorithm>
#include <memory>

#include "mes/deviations/deviations.h"
#include "mes/genealogy/cycle.h"
#include "mes/lots/domain/handling.h"
#include "mes/lots/release_gate.h"
#include "mes/lots/store/lot_view.h"
#include "mes/lots/store/lots_store.h"
#include "mes/masterdata/in_force.h"

namespace ordo::lots {

namespace {

// The open deviations that hold a lot back: those that name it, and those of the order
// that produced it (an output lot does not exist yet when its order's deviation opens).
Result<std::vector<std::string>> OpenDeviationIds(storage::Database& db, const Lot& lot) {
  std::vector<std::string> ids;
  auto touching = deviations::OpenDeviationsTouchingLot(db, lot.lot);
  if (!touching.ok()) return touching.error();
  for (const auto& d : *touching) ids.push_back(d.id);
  if (!lot.order_id.empty()) {
    auto of_order = deviations::DeviationsOfOrder(db, lot.order_id);
    if (!of_order.ok()) return of_order.error();
    for (const auto& d : *of_order)
      if (d.state == deviations::kStateOpen && std::find(ids.begin(), ids.end(), d.id) == ids.end())
        ids.push_back(d.id);
  }
  return ids;
}

// Split and merge carry a lot's material on under another id: refused while a deviation
// holds any lot involved back, so that the new or merged lot cannot escape the block.
Status CheckNoOpenDeviationIn(storage::Database& db, const std::vector<Lot>& involved) {
  std::vector<std::string> ids;
  for (const Lot& l : involved) {
    auto open = OpenDeviationIds(db, l);
    if (!open.ok()) return open.error();
    for (auto& id : *open)
      if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  if (ids.empty()) return Ok();
  std::string list;
  for (const auto& id : ids) list += (list.empty() ? "" : ", ") + id;
  return Error{ErrorCode::kFailedPrecondition,
               "lot " + involved.front().lot + " cannot be split or merged while deviation" +
                   (ids.size() > 1 ? "s " : " ") + list + (ids.size() > 1 ? " are" : " is") +
                   " open: disposition it first",
               "lot", "open_deviation"};
}

Result<std::optional<Json>> MaterialInForce(storage::Database& db, const std::string& id,
                                            TimeMicros now) {
  auto version = masterdata::InForce(db, "material", id, now);
  if (!version.ok()) return version.error();
  if (!*version) return std::optional<Json>();
  return std::optional<Json>((*version)->content);
}

Result<std::optional<LotReceived>> StoredReceipt(storage::Database& db, const std::string& lot) {
  auto row = CheckedLot(db, lot);
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<LotReceived>();
  return std::optional<LotReceived>(ReceiptOf(**row));
}

Result<Lot> LoadLot(storage::Database& db, const std::string& lot,
                    const std::string& field = "lot") {
  auto row = CheckedLot(db, lot);
  if (!row.ok()) return row.error();
  if (!*row)
    return Error{ErrorCode::kNotFound, "there is no lot '" + lot + "'", field, "lot_missing"};
  return (*row)->lot;
}

Json LotReply(engine::WriteContext& ctx, const std::string& lot) {
  auto view = LotViewOf(ctx.db, lot, ctx.now, true);
  return view.ok() ? *view : Json(nullptr);
}

}  // namespace

engine::Command ReceiveLotCommand(engine::Actor actor, ReceiveLot command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 201;
  auto outcome = std::make_shared<ReceiptOutcome>(ReceiptOutcome::kCreated);
  c.decide = [command, outcome](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    // Checked alone first: a malformed id reads nothing.
    ORDO_TRY(ValidateReceive(command));
    auto existing = StoredReceipt(ctx.db, command.lot);
    if (!existing.ok()) return existing.error();
    auto material = MaterialInForce(ctx.db, command.material, ctx.now);
    if (!material.ok()) return material.error();
    auto decided = DecideReceive(command, *material, *existing);
    if (!decided.ok()) return decided.error();
    *outcome = decided->outcome;
    if (decided->outcome == ReceiptOutcome::kUnchanged) return std::vector<ledger::Event>{};
    return std::vector<ledger::Event>{
        ledger::MakeEvent(decided->received, kSubjectKind, command.lot)};
  };
  c.reply = [lot = command.lot, outcome](engine::WriteContext& ctx,
                                         const std::vector<ledger::LedgerEntry>&) {
    return Json{{"outcome", *outcome == ReceiptOutcome::kCreated ? "created" : "unchanged"},
                {"lot", LotReply(ctx, lot)}};
  };
  return c;
}

engine::Command ImportLotsCommand(engine::Actor actor, std::vector<ImportRow> rows) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  auto decision = std::make_shared<ImportDecision>();
  c.decide = [rows = std::move(rows),
              decision](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto decided = DecideImport(
        rows,
        [&](const std::string& material) { return MaterialInForce(ctx.db, material, ctx.now); },
        [&](const std::string& lot) { return StoredReceipt(ctx.db, lot); });
    if (!decided.ok()) return decided.error();
    *decision = std::move(*decided);
    return std::move(decision->events);
  };
  c.reply = [decision](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    Json rows = Json::array();
    for (const auto& r : decision->rows) {
      Json errors = Json::array();
      for (const auto& e : r.errors) errors.push_back({{"field", e.field}, {"message", e.message}});
      rows.push_back(
          {{"line", r.line}, {"lot", r.lot}, {"outcome", r.outcome}, {"errors", errors}});
    }
    return Json{{"created", decision->created},
                {"unchanged", decision->unchanged},
                {"refused", decision->refused},
                {"rows", rows}};
  };
  return c;
}

engine::Command DispositionCommand(engine::Actor actor, std::string lot, LotAction action,
                                   std::string reason, signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [lot, action, reason,
              signer](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    ORDO_TRY(ValidateReason(action, reason));
    auto loaded = LoadLot(ctx.db, lot);
    if (!loaded.ok()) return loaded.error();
    if (action == LotAction::kRelease) {
      auto ids = OpenDeviationIds(ctx.db, *loaded);
      if (!ids.ok()) return ids.error();
      ORDO_TRY(CheckNoOpenDeviation(*loaded, action, *ids));
      // Other capabilities' rules (e.g. the batch release of the lot's order) come after
      // the lot's own state allows the release, so a released lot answers
      // invalid_transition as before.
      ORDO_TRY(CheckTransition(*loaded, action, ctx.now));
      ORDO_TRY(CheckReleaseGates(ctx.db, *loaded));
    }
    auto s = signatures::LoadSignerState(ctx.db, ctx.now, signer);
    if (!s.ok()) return s.error();
    return DecideDisposition(*loaded, action, reason, *s, ctx.now, ctx.next_seq);
  };
  c.reply = [lot](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"lot", LotReply(ctx, lot)}};
  };
  return c;
}

engine::Command HoldCommand(engine::Actor actor, std::string lot, LotAction action,
                            std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [lot, action,
              reason](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    ORDO_TRY(ValidateReason(action, reason));
    auto loaded = LoadLot(ctx.db, lot);
    if (!loaded.ok()) return loaded.error();
    return DecideHold(*loaded, action, reason, ctx.now);
  };
  c.reply = [lot](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"lot", LotReply(ctx, lot)}};
  };
  return c;
}

namespace {

engine::Command LotCommand(
    engine::Actor actor, std::string reply_lot,
    std::function<Result<std::vector<ledger::Event>>(engine::WriteContext&)> decide,
    std::string second = "") {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = std::move(decide);
  c.reply = [reply_lot, second](engine::WriteContext& ctx,
                                const std::vector<ledger::LedgerEntry>&) {
    Json reply{{"lot", LotReply(ctx, reply_lot)}};
    if (!second.empty()) reply["sublot"] = LotReply(ctx, second);
    return reply;
  };
  return c;
}

}  // namespace

engine::Command SplitCommand(engine::Actor actor, std::string lot, std::string sublot,
                             double base_quantity, std::string location, std::string reason) {
  return LotCommand(
      std::move(actor), lot,
      [=](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
        auto parent = LoadLot(ctx.db, lot);
        if (!parent.ok()) return parent.error();
        bool exists = false;
        if (IsLotId(sublot)) {
          auto found = FindLotRow(ctx.db, sublot);
          if (!found.ok()) return found.error();
          exists = found->has_value();
        }
        auto decided = DecideSplit(*parent, sublot, exists, base_quantity, location, reason);
        if (decided.ok()) ORDO_TRY(CheckNoOpenDeviationIn(ctx.db, {*parent}));
        if (!decided.ok()) return decided.error();
        return std::vector<ledger::Event>{ledger::MakeEvent(*decided, kSubjectKind, lot)};
      },
      sublot);
}

engine::Command MergeCommand(engine::Actor actor, std::string into, std::vector<std::string> from,
                             std::string reason) {
  return LotCommand(
      std::move(actor), into, [=](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
        auto target = LoadLot(ctx.db, into);
        if (!target.ok()) return target.error();
        std::vector<Lot> sources;
        for (std::size_t i = 0; i < from.size(); ++i) {
          auto l = LoadLot(ctx.db, from[i], "from[" + std::to_string(i) + "]");
          if (!l.ok()) return l.error();
          sources.push_back(*l);
        }
        auto decided = DecideMerge(*target, sources, reason, ctx.now);
        if (!decided.ok()) return decided.error();
        std::vector<Lot> involved{*target};
        involved.insert(involved.end(), sources.begin(), sources.end());
        ORDO_TRY(CheckNoOpenDeviationIn(ctx.db, involved));
        // The genealogy stays acyclic: a lot cannot be merged into one it came from.
        std::vector<genealogy::Edge> edges;
        for (const MergedFrom& f : decided->from)
          edges.push_back({genealogy::LotNode(f.lot), genealogy::LotNode(into),
                           genealogy::EdgeKind::kMerged, f.base_quantity, "", "", "", 0});
        if (auto st = genealogy::WouldCycle(ctx.db, edges); !st.ok()) {
          Error e = st.error();
          if (e.field.empty()) e.field = "from";
          return e;
        }
        return std::vector<ledger::Event>{ledger::MakeEvent(*decided, kSubjectKind, into)};
      });
}

engine::Command MoveCommand(engine::Actor actor, std::string lot, std::string location,
                            std::string reason) {
  return LotCommand(
      std::move(actor), lot, [=](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
        auto loaded = LoadLot(ctx.db, lot);
        if (!loaded.ok()) return loaded.error();
        auto decided = DecideMove(*loaded, location, reason);
        if (!decided.ok()) return decided.error();
        return std::vector<ledger::Event>{ledger::MakeEvent(*decided, kSubjectKind, lot)};
      });
}

}  // namespace ordo::lots
