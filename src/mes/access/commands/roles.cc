// Glue for the role commands: load the user (and the admin count), call the decision,
// reply with the row as projected.
#include "mes/access/commands/roles.h"

#include "mes/access/commands/user_reply.h"
#include "mes/access/store/role_store.h"
#include "mes/access/users.h"

namespace ordo::access {

namespace {

using Events = std::vector<ledger::Event>;

}  // namespace

engine::Command GrantRoleCommand(engine::Actor actor, GrantRole command) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateRoleChange(command.role, command.reason));
    auto target = FindUserById(ctx.db, command.user_id);
    if (!target.ok()) return target.error();
    return OneEvent(DecideGrantRole(command, *target, actor_id));
  };
  c.reply = UserReply(command.user_id);
  return c;
}

engine::Command RevokeRoleCommand(engine::Actor actor, RevokeRole command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateRoleChange(command.role, command.reason));
    auto target = FindUserById(ctx.db, command.user_id);
    if (!target.ok()) return target.error();
    auto admins = CountActiveAdmins(ctx.db);
    if (!admins.ok()) return admins.error();
    return OneEvent(DecideRevokeRole(command, *target, *admins));
  };
  c.reply = UserReply(command.user_id);
  return c;
}

}  // namespace ordo::access
