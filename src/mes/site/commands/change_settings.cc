// Glue for changing site settings: load the current settings, call the decision, reply
// with the settings as projected.
#include "mes/site/commands/change_settings.h"

#include "mes/site/settings.h"

namespace ordo::site {

engine::Command ChangeSiteSettingsCommand(engine::Actor actor, ChangeSiteSettings command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto current = GetSiteSettings(ctx.db);
    if (!current.ok()) return current.error();
    auto event = DecideChangeSiteSettings(command, *current);
    if (!event.ok()) return event.error();
    return std::vector<ledger::Event>{std::move(*event)};
  };
  c.reply = [](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto s = GetSiteSettings(ctx.db);
    return Json{{"settings", s.ok() ? ToJson(*s) : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::site
