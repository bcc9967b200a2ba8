// Glue for the sign-in trail commands.
#include "mes/access/commands/sessions.h"

#include "mes/access/domain/session.h"
#include "mes/access/users.h"

namespace ordo::access {

namespace {

using Events = std::vector<ledger::Event>;

}  // namespace

engine::Command LoginSucceededCommand(engine::Actor actor, const std::string& client) {
  engine::Command c;
  const std::int64_t user_id = actor.user_id;
  const std::string name = actor.name;
  c.actor = std::move(actor);
  c.success_status = 200;
  // The password was checked off the writer; the user may have been disabled since.
  c.decide = [user_id, name, client](engine::WriteContext& ctx) -> Result<Events> {
    auto user = FindUserById(ctx.db, user_id);
    if (!user.ok()) return user.error();
    auto event = DecideLoginSucceeded(user_id, name, client, *user);
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  return c;
}

engine::Command LoginFailedCommand(const std::string& attempted_user, const std::string& client,
                                   const std::string& detail) {
  engine::Command c;
  c.actor = engine::Actor{0, "anonymous", "none"};
  c.success_status = 200;
  ledger::Event event = LoginFailedEvent(attempted_user, client, detail);
  c.decide = [event](engine::WriteContext&) -> Result<Events> { return Events{event}; };
  return c;
}

engine::Command LoggedOutCommand(engine::Actor actor, const std::string& client,
                                 const std::string& why) {
  engine::Command c;
  ledger::Event event = LoggedOutEvent(actor.user_id, actor.name, client, why);
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [event](engine::WriteContext&) -> Result<Events> { return Events{event}; };
  return c;
}

}  // namespace ordo::access
