// Glue for the credential commands: load the user and its credential state, call the
// decision, write the hash beside the entry.
#include "mes/access/commands/credentials.h"

#include "mes/access/commands/user_reply.h"
#include "mes/access/store/credential_store.h"
#include "mes/access/users.h"

namespace ordo::access {

namespace {

using Events = std::vector<ledger::Event>;

// Writes `hash` for `user_id` in the entry's transaction.
std::function<Status(engine::WriteContext&, const std::vector<ledger::LedgerEntry>&)> WriteHash(
    std::int64_t user_id, std::string hash, bool must_change) {
  return [user_id, hash = std::move(hash), must_change](
             engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    const auto& e = entries.front();
    return SetCredential(ctx.db, user_id, hash, must_change, e.time_us, e.seq);
  };
}

}  // namespace

engine::Command ChangePasswordCommand(engine::Actor actor, std::int64_t user_id,
                                      std::string new_hash, std::string client) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [user_id, client](engine::WriteContext& ctx) -> Result<Events> {
    auto user = FindUserById(ctx.db, user_id);
    if (!user.ok()) return user.error();
    return OneEvent(DecidePasswordChanged(*user, client));
  };
  c.after_append = WriteHash(user_id, std::move(new_hash), false);
  c.reply = UserReply(user_id);
  return c;
}

engine::Command ResetPasswordCommand(engine::Actor actor, ResetPassword command,
                                     std::string one_time_hash) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    auto target = FindUserById(ctx.db, command.user_id);
    if (!target.ok()) return target.error();
    return OneEvent(DecidePasswordReset(command, *target, actor_id));
  };
  c.after_append = WriteHash(command.user_id, std::move(one_time_hash), true);
  c.reply = UserReply(command.user_id);
  return c;
}

engine::Command LockUserCommand(std::int64_t user_id, TimeMicros until, int failures) {
  engine::Command c;
  c.actor = engine::Actor{0, "system", "system"};
  c.success_status = 200;
  c.decide = [user_id, until, failures](engine::WriteContext& ctx) -> Result<Events> {
    auto user = FindUserById(ctx.db, user_id);
    if (!user.ok()) return user.error();
    if (!*user) return Error::Make(ErrorCode::kNotFound, "the user no longer exists");
    return Events{UserLockedEvent(**user, until, failures)};
  };
  return c;
}

engine::Command UnlockUserCommand(engine::Actor actor, std::string name, std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [name, reason](engine::WriteContext& ctx) -> Result<Events> {
    auto user = FindUserByName(ctx.db, name);
    if (!user.ok()) return user.error();
    CredentialState state;
    if (*user) {
      auto s = GetCredentialState(ctx.db, (*user)->id);
      if (!s.ok()) return s.error();
      state = *s;
    }
    return OneEvent(DecideUnlockUser(*user, state, ctx.now, reason));
  };
  c.reply = [name](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    auto u = FindUserByName(ctx.db, name);
    return Json{{"user", u.ok() && *u ? ToJson(**u) : Json(nullptr)}, {"seq", entries.front().seq}};
  };
  return c;
}

}  // namespace ordo::access
