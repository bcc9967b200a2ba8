// Command builders shared by the API and the CLI.
#include "app/commands.h"

#include "ledger/event_schema.h"
#include "store/queries.h"

namespace ordo::app {

namespace {

using Events = std::vector<ledger::Event>;

template <typename T>
Result<Events> One(Result<T> r) {
  if (!r.ok()) return r.error();
  return Events{std::move(r.value())};
}

engine::Command SessionEvent(engine::Actor actor, std::string type, Json payload, std::string id) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [type, payload, id](engine::WriteContext&) -> Result<Events> {
    ledger::Event e;
    e.type = type;
    e.subject_kind = "session";
    e.subject_id = id;
    e.payload = payload;
    return Events{e};
  };
  return c;
}

}  // namespace

engine::Command InitializeLedger(const std::string& public_key, const std::string& site_name) {
  engine::Command c;
  c.actor = engine::Actor{0, "system", "system"};
  c.decide = [public_key, site_name](engine::WriteContext&) -> Result<Events> {
    return Events{
        ledger::MakeEvent(ledger::LedgerInitialized{public_key, site_name, 1}, "site", site_name)};
  };
  return c;
}

engine::Command CreateUser(engine::Actor actor, access::CreateUser user,
                           std::string password_hash) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [user](engine::WriteContext& ctx) -> Result<Events> {
    auto existing = store::FindUserByName(ctx.db, user.name);
    if (!existing.ok()) return existing.error();
    auto next = store::NextUserId(ctx.db);
    if (!next.ok()) return next.error();
    return One(access::DecideCreateUser(user, *existing, *next));
  };
  c.after_append = [hash = std::move(password_hash)](
                       engine::WriteContext& ctx,
                       const std::vector<ledger::LedgerEntry>& entries) -> Status {
    const auto& e = entries.front();
    return store::SetPasswordHash(ctx.db, e.payload.at("user_id").get<std::int64_t>(), hash, e.seq);
  };
  c.reply = [](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    auto u = store::FindUserById(ctx.db, entries.front().payload.at("user_id").get<std::int64_t>());
    return Json{{"user", u.ok() && *u ? store::ToJson(**u) : Json(nullptr)},
                {"seq", entries.front().seq}};
  };
  return c;
}

engine::Command DisableUser(engine::Actor actor, access::DisableUser command) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    auto target = store::FindUserById(ctx.db, command.user_id);
    if (!target.ok()) return target.error();
    return One(access::DecideDisableUser(command, *target, actor_id));
  };
  c.reply = [id = command.user_id](engine::WriteContext& ctx,
                                   const std::vector<ledger::LedgerEntry>& entries) {
    auto u = store::FindUserById(ctx.db, id);
    return Json{{"user", u.ok() && *u ? store::ToJson(**u) : Json(nullptr)},
                {"seq", entries.front().seq}};
  };
  return c;
}

engine::Command LoginSucceeded(engine::Actor actor, const std::string& client) {
  Json payload{{"user", actor.name}, {"client", client}};
  std::string id = std::to_string(actor.user_id);
  const std::int64_t user_id = actor.user_id;
  engine::Command c = SessionEvent(std::move(actor), "session.login_succeeded", payload, id);
  auto record = std::move(c.decide);
  // The password was checked off the writer; the user may have been disabled since.
  c.decide = [user_id, record](engine::WriteContext& ctx) -> Result<Events> {
    auto user = store::FindUserById(ctx.db, user_id);
    if (!user.ok()) return user.error();
    if (!*user || (*user)->disabled)
      return Error::Make(ErrorCode::kUnauthenticated, "the account is disabled");
    return record(ctx);
  };
  return c;
}

engine::Command LoginFailed(const std::string& attempted_user, const std::string& client,
                            const std::string& detail) {
  Json payload{{"user", attempted_user}, {"client", client}, {"detail", detail}};
  return SessionEvent(engine::Actor{0, "anonymous", "none"}, "session.login_failed", payload,
                      attempted_user);
}

engine::Command LoggedOut(engine::Actor actor, const std::string& client, const std::string& why) {
  Json payload{{"user", actor.name}, {"client", client}, {"why", why}};
  std::string id = std::to_string(actor.user_id);
  return SessionEvent(std::move(actor), "session.logged_out", payload, id);
}

}  // namespace ordo::app
