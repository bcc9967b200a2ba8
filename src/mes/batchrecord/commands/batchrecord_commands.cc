// Glue of the batch record commands (batchrecord_commands.h).
#include "mes/batchrecord/commands/batchrecord_commands.h"

#include <set>

#include "mes/batchrecord/domain/review.h"
#include "mes/batchrecord/domain/sealed.h"
#include "mes/batchrecord/store/batchrecord_store.h"
#include "mes/batchrecord/store/gather.h"
#include "mes/deviations/deviations.h"
#include "mes/lots/lots.h"

namespace ordo::batchrecord {

namespace {

Error OrderMissing(const std::string& order_id) {
  return Error{ErrorCode::kNotFound, "there is no order '" + order_id + "'", "id", "order_missing"};
}

Result<Facts> Load(storage::Database& db, const std::string& order_id) {
  auto facts = GatherFacts(db, order_id);
  if (!facts.ok()) return facts.error();
  if (!*facts) return OrderMissing(order_id);
  return std::move(**facts);
}

Json Reply(engine::WriteContext& ctx, const std::string& order_id) {
  auto view = RecordView(ctx.db, order_id);
  return view.ok() ? Json{{"batch_record", *view}} : Json{{"batch_record", nullptr}};
}

}  // namespace

Result<Json> RecordView(storage::Database& db, const std::string& order_id) {
  auto facts = Load(db, order_id);
  if (!facts.ok()) return facts.error();
  return View(Assess(*facts));
}

Result<std::optional<Json>> SealedRecordView(storage::Database& db, const std::string& order_id,
                                             std::int64_t version) {
  auto row = FindVersion(db, order_id, version);
  if (!row.ok()) return row.error();
  if (!*row) return std::optional<Json>();
  auto facts = Load(db, order_id);
  if (!facts.ok()) return facts.error();
  std::optional<Json> view = SealedView(*facts, version);
  if (!view)
    return Error::Make(ErrorCode::kInternal,
                       "br_version holds version " + std::to_string(version) + " of " + order_id +
                           " but the ledger has no batchrecord.released for it");
  Json record = (*row)->record;
  record["content_hash"] = (*row)->content_hash;
  record["state"] = "sealed";
  record["review"] = (*view)["review"];
  record["release"] = (*view)["release"];
  return std::optional<Json>(std::move(record));
}

engine::Command ReviewCommand(engine::Actor actor, std::string order_id,
                              std::vector<ReviewItem> items) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [order_id, items](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto facts = Load(ctx.db, order_id);
    if (!facts.ok()) return facts.error();
    auto event = DecideReview(Assess(*facts), order_id, items);
    if (!event.ok()) return event.error();
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.reply = [order_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Reply(ctx, order_id);
  };
  return c;
}

engine::Command ReleaseCommand(engine::Actor actor, std::string order_id,
                               std::optional<std::string> reason,
                               signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.sign_checkpoint = true;
  c.decide = [order_id, reason,
              signer](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto facts = Load(ctx.db, order_id);
    if (!facts.ok()) return facts.error();
    const Assessed assessed = Assess(*facts);
    ReleaseInput in;
    in.order_id = order_id;
    in.reason = reason;
    in.now_us = ctx.now;
    in.next_seq = ctx.next_seq;
    in.performers = PerformersOf(*facts);
    // Every lot of the order (produced, split off or merged into: lot.order_id), not only
    // the produced ones: all are checked for open deviations, the quarantined released.
    auto lot_ids = LotIdsOfOrder(ctx.db, order_id);
    if (!lot_ids.ok()) return lot_ids.error();
    std::set<std::string> ids(lot_ids->begin(), lot_ids->end());
    for (const auto& produced : assessed.compiled.content["produced_lots"])
      if (ids.insert(produced.value("lot", "")).second)
        lot_ids->push_back(produced.value("lot", ""));
    for (const std::string& id : *lot_ids) {
      auto lot = lots::FindLot(ctx.db, id);
      if (!lot.ok()) return lot.error();
      if (!*lot) continue;
      auto touching = deviations::OpenDeviationsTouchingLot(ctx.db, id);
      if (!touching.ok()) return touching.error();
      for (const auto& d : *touching) in.open_deviations_touching_lots.push_back(d.id);
      if ((*lot)->state == lots::LotStateName(lots::LotState::kQuarantined))
        in.lots_to_release.push_back(**lot);
    }
    auto serials = lots::QuarantinedSerialsOfOrder(ctx.db, order_id);
    if (!serials.ok()) return serials.error();
    for (const auto& u : *serials) in.serials_to_release.push_back(u.serial);
    // A deviation naming a lot consumed into this batch, or a serial it produced or consumed
    // (opened on another order or by hand), blocks its release too: deviations name lots and
    // serials alike.
    std::set<std::string> named;
    const std::pair<const char*, const char*> lists[] = {
        {"consumed_lots", "lot"}, {"produced_serials", "serial"}, {"consumed_serials", "serial"}};
    for (const auto& [list, key] : lists)
      for (const auto& item : assessed.compiled.content[list]) {
        const std::string id = item.value(key, "");
        if (id.empty() || !named.insert(id).second) continue;
        auto touching = deviations::OpenDeviationsTouchingLot(ctx.db, id);
        if (!touching.ok()) return touching.error();
        for (const auto& d : *touching) in.open_deviations_touching_lots.push_back(d.id);
      }
    auto state = signatures::LoadSignerState(ctx.db, ctx.now, signer);
    if (!state.ok()) return state.error();
    return DecideRelease(assessed, in, *state);
  };
  c.reply = [order_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    Json body = Reply(ctx, order_id);
    body["checkpoint_seq"] = entries.empty() ? 0 : entries.back().seq;
    return body;
  };
  return c;
}

}  // namespace ordo::batchrecord
