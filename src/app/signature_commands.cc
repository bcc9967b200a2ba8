// Commands for site settings and printed names (see masterdata_commands.h).
#include "app/masterdata_commands.h"
#include "core/clock.h"
#include "core/crypto.h"
#include "store/masterdata_queries.h"
#include "store/queries.h"

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

engine::Command RenameUser(engine::Actor actor, std::int64_t user_id, std::string display_name,
                           std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [user_id, display_name, reason](engine::WriteContext& ctx) -> Result<Events> {
    if (display_name.empty() || display_name.size() > 200)
      return Error::Invalid("display_name", "display_name must be 1 to 200 characters long");
    if (reason.empty()) return Error::Invalid("reason", "a rename needs a reason");
    auto user = store::FindUserById(ctx.db, user_id);
    if (!user.ok()) return user.error();
    if (!*user)
      return Error::Make(ErrorCode::kNotFound, "there is no user " + std::to_string(user_id));
    if ((*user)->display_name == display_name)
      return Error{ErrorCode::kFailedPrecondition, "the user already has that name", "display_name",
                   "no_change"};
    ledger::Event e =
        Make("user.renamed", "user", std::to_string(user_id),
             Json{{"user_id", user_id}, {"old", (*user)->display_name}, {"new", display_name}});
    e.subject_version = (*user)->version + 1;
    e.reason = reason;
    return Events{e};
  };
  c.reply = [user_id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto u = store::FindUserById(ctx.db, user_id);
    return Json{{"user", u.ok() && *u ? store::ToJson(**u) : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::app
