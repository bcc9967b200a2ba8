// The site settings command (see masterdata_commands.h).
#include "app/masterdata_commands.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "store/masterdata_queries.h"

namespace ordo::app {

namespace {

using Events = std::vector<ledger::Event>;

ledger::Event Make(std::string type, std::string kind, std::string id, Json payload) {
  ledger::Event e;
  e.type = std::move(type);
  e.subject_kind = std::move(kind);
  e.subject_id = std::move(id);
  e.payload = std::move(payload);
  return e;
}

}  // namespace

engine::Command ChangeSiteSettings(engine::Actor actor, Json settings, std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [settings, reason](engine::WriteContext& ctx) -> Result<Events> {
    auto current = store::GetSiteSettings(ctx.db);
    if (!current.ok()) return current.error();
    Json old = store::ToJson(*current);
    Json changed = Json::object(), changes = Json::array();
    for (const auto& [key, value] : settings.items()) {
      if (old.contains(key) && old[key] == value) continue;
      changed[key] = value;
      changes.push_back({{"path", key}, {"old", old.value(key, Json())}, {"new", value}});
    }
    if (changed.empty())
      return Error{ErrorCode::kFailedPrecondition, "the settings already have these values", "",
                   "no_change"};
    ledger::Event e = Make("site.settings_changed", "site", "settings",
                           Json{{"settings", changed}, {"changes", changes}});
    e.reason = reason;
    return Events{e};
  };
  c.reply = [](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto s = store::GetSiteSettings(ctx.db);
    return Json{{"settings", s.ok() ? store::ToJson(*s) : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::app
