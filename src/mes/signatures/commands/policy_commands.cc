// Glue for the signatures commands: load the policy state, call the decision, reply.
#include "mes/signatures/commands/policy_commands.h"

#include "mes/signatures/domain/policy.h"
#include "mes/signatures/domain/reauthentication.h"
#include "mes/signatures/events.h"
#include "mes/signatures/signing.h"

namespace ordo::signatures {

namespace {

using Events = std::vector<ledger::Event>;

Result<std::optional<std::int64_t>> CurrentVersion(storage::Database& db, TimeMicros now) {
  auto current = CurrentPolicy(db, now);
  if (!current.ok()) return current.error();
  if (!*current) return std::optional<std::int64_t>();
  return std::optional<std::int64_t>((*current)->version);
}

}  // namespace

engine::Command PublishSignaturePolicy(engine::Actor actor, std::string text) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [text](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidatePolicyText(text));
    auto current = CurrentVersion(ctx.db, ctx.now);
    if (!current.ok()) return current.error();
    if (*current)
      return Error{ErrorCode::kFailedPrecondition,
                   "the signature policy changes through a change request (master data kind "
                   "signature_policy)",
                   "", "change_control_required"};
    auto event = DecidePublishPolicy(text, *current);
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    auto p = ledger::ReadPayload<PolicyPublished>(entries.front().payload);
    if (!p.ok()) return Json{{"policy", nullptr}};
    return Json{{"policy", {{"version", p->version}, {"text", p->text}, {"acknowledged", false}}}};
  };
  return c;
}

engine::Command AcknowledgeSignaturePolicy(engine::Actor actor, std::int64_t version) {
  engine::Command c;
  Acknowledgement command{actor.user_id, actor.name, version};
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    auto current = CurrentVersion(ctx.db, ctx.now);
    if (!current.ok()) return current.error();
    bool done = false;
    if (*current == command.version) {
      auto acknowledged = HasAcknowledged(ctx.db, command.user_id, command.version);
      if (!acknowledged.ok()) return acknowledged.error();
      done = *acknowledged;
    }
    auto event = DecideAcknowledgePolicy(command, *current, done);
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    return Json{{"acknowledged", entries.front().payload}};
  };
  return c;
}

engine::Command RecordSignatureFailure(engine::Actor actor, std::string attempted_user,
                                       std::string client, std::string detail) {
  engine::Command c;
  ledger::Event event = DecideSignatureFailed(SigningFailure{
      actor.user_id, actor.name, std::move(attempted_user), std::move(client), std::move(detail)});
  c.actor = std::move(actor);
  c.decide = [event](engine::WriteContext&) -> Result<Events> { return Events{event}; };
  return c;
}

}  // namespace ordo::signatures
