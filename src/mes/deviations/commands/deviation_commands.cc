// Glue of the deviations commands (deviation_commands.h).
#include "mes/deviations/commands/deviation_commands.h"

#include <memory>

#include "mes/deviations/deviations.h"
#include "mes/deviations/opening.h"
#include "mes/deviations/store/deviations_store.h"
#include "mes/masterdata/in_force.h"

namespace ordo::deviations {

namespace {

Result<Deviation> Load(storage::Database& db, const std::string& id) {
  auto found = FindDeviation(db, id);
  if (!found.ok()) return found.error();
  if (!*found)
    return Error{ErrorCode::kNotFound, "there is no deviation '" + id + "'", "id",
                 "deviation_missing"};
  return **found;
}

Result<std::vector<std::string>> RootCauses(storage::Database& db, TimeMicros now) {
  auto all = masterdata::InForceOfKind(db, "reason_codes", now);
  if (!all.ok()) return all.error();
  std::vector<std::string> codes;
  for (const auto& v : *all) {
    if (v.content.value("category", "") != "deviation_category") continue;
    auto it = v.content.find("codes");
    if (it == v.content.end() || !it->is_array()) continue;
    for (const auto& c : *it)
      if (c.contains("code") && c["code"].is_string())
        codes.push_back(c["code"].get<std::string>());
  }
  return codes;
}

Json Reply(engine::WriteContext& ctx, const std::string& id) {
  auto d = FindDeviation(ctx.db, id);
  return d.ok() && *d ? ToJson(**d) : Json(nullptr);
}

}  // namespace

engine::Command OpenDeviationCommand(engine::Actor actor, DeviationOpened draft) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 201;
  auto id = std::make_shared<std::string>();
  c.decide = [draft, id](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto event = OpenDeviationEvent(ctx.db, draft);
    if (!event.ok()) return event.error();
    *id = event->subject_id;
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.reply = [id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"deviation", Reply(ctx, *id)}};
  };
  return c;
}

engine::Command UpdateDeviationCommand(engine::Actor actor, DeviationUpdated update) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [update](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto d = Load(ctx.db, update.id);
    if (!d.ok()) return d.error();
    std::vector<std::string> causes;
    if (update.root_cause) {
      auto loaded = RootCauses(ctx.db, ctx.now);
      if (!loaded.ok()) return loaded.error();
      causes = std::move(*loaded);
    }
    auto event = DecideUpdate(*d, update, causes);
    if (!event.ok()) return event.error();
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.reply = [id = update.id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"deviation", Reply(ctx, id)}};
  };
  return c;
}

engine::Command DispositionCommand(engine::Actor actor, std::string id, std::string disposition,
                                   std::string comment, signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  auto second = std::make_shared<bool>(false);
  c.decide = [id, disposition, comment, signer,
              second](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto d = Load(ctx.db, id);
    if (!d.ok()) return d.error();
    auto s = signatures::LoadSignerState(ctx.db, ctx.now, signer);
    if (!s.ok()) return s.error();
    auto out = DecideDisposition(*d, disposition, comment, *s, ctx.next_seq);
    if (!out.ok()) return out.error();
    *second = out->second_signature_required;
    return std::move(out->events);
  };
  c.reply = [id, second](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    return Json{{"deviation", Reply(ctx, id)}, {"second_signature_required", *second}};
  };
  return c;
}

}  // namespace ordo::deviations
