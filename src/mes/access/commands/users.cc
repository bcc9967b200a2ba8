// Glue for the user commands: load the user, call the decision, reply with the row as
// projected.
#include "mes/access/commands/users.h"

#include "mes/access/events.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"

namespace ordo::access {

namespace {

using Events = std::vector<ledger::Event>;

Result<Events> One(Result<ledger::Event> r) {
  if (!r.ok()) return r.error();
  return Events{std::move(r.value())};
}

// {"user": the projected row (null when missing)}.
Json UserReply(storage::Database& db, std::int64_t id) {
  auto u = FindUserById(db, id);
  return Json{{"user", u.ok() && *u ? ToJson(**u) : Json(nullptr)}};
}

}  // namespace

engine::Command CreateUserCommand(engine::Actor actor, CreateUser user, std::string password_hash,
                                  bool one_time) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [user](engine::WriteContext& ctx) -> Result<Events> {
    auto existing = FindUserByName(ctx.db, user.name);
    if (!existing.ok()) return existing.error();
    auto next = NextUserId(ctx.db);
    if (!next.ok()) return next.error();
    return One(DecideCreateUser(user, *existing, *next));
  };
  c.after_append = [hash = std::move(password_hash), one_time](
                       engine::WriteContext& ctx,
                       const std::vector<ledger::LedgerEntry>& entries) -> Status {
    const auto& e = entries.front();
    auto created = ledger::ReadPayload<UserCreated>(e.payload);
    if (!created.ok()) return created.error();
    return SetCredential(ctx.db, created->user_id, hash, one_time, e.time_us, e.seq);
  };
  c.reply = [](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    auto created = ledger::ReadPayload<UserCreated>(entries.front().payload);
    Json reply = UserReply(ctx.db, created.ok() ? created->user_id : 0);
    reply["seq"] = entries.front().seq;
    return reply;
  };
  return c;
}

engine::Command DisableUserCommand(engine::Actor actor, DisableUser command) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    auto target = FindUserById(ctx.db, command.user_id);
    if (!target.ok()) return target.error();
    return One(DecideDisableUser(command, *target, actor_id));
  };
  c.reply = [id = command.user_id](engine::WriteContext& ctx,
                                   const std::vector<ledger::LedgerEntry>& entries) {
    Json reply = UserReply(ctx.db, id);
    reply["seq"] = entries.front().seq;
    return reply;
  };
  return c;
}

engine::Command RenameUserCommand(engine::Actor actor, RenameUser command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    // The command alone first: a bad name is refused before the user is looked up.
    ORDO_TRY(ValidateRenameUser(command));
    auto user = FindUserById(ctx.db, command.user_id);
    if (!user.ok()) return user.error();
    return One(DecideRenameUser(command, *user));
  };
  c.reply = [id = command.user_id](engine::WriteContext& ctx,
                                   const std::vector<ledger::LedgerEntry>&) {
    return UserReply(ctx.db, id);
  };
  return c;
}

}  // namespace ordo::access
