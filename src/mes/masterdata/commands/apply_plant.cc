// The plant apply command: load each object's state, call DecideApplyPlant (see
// apply_plant.h).
#include "mes/masterdata/commands/apply_plant.h"

#include "mes/masterdata/commands/detail/reply.h"
#include "mes/masterdata/store/queries.h"

namespace ordo::masterdata::commands {

engine::Command ApplyPlant(engine::Actor actor, masterdata::OpenChangeRequest command,
                           std::vector<PlantObjectSource> objects) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [command, objects](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto count = CountChangeRequests(ctx.db);
    if (!count.ok()) return count.error();
    std::vector<PlantDraft> drafts;
    for (const auto& o : objects) {
      auto object = ObjectStateOf(ctx.db, o.kind, o.id, ctx.now);
      if (!object.ok()) return object.error();
      drafts.push_back({o.kind, o.id, o.file, o.content, std::move(*object)});
    }
    return DecideApplyPlant(command, *count + 1, drafts);
  };
  const std::size_t total = objects.size();
  c.reply = [total](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    Json out = ReplyWithChangeRequest(entries.front().subject.id)(ctx, entries);
    out["unchanged"] = total - (entries.size() - 1);
    return out;
  };
  return c;
}

}  // namespace ordo::masterdata::commands
