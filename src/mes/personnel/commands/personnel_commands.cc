// Glue for the personnel commands: load the user and the qualification in force, call
// the decision, reply with the recorded payload.
#include "mes/personnel/commands/personnel_commands.h"

#include "mes/access/users.h"
#include "mes/masterdata/in_force.h"
#include "mes/personnel/store/personnel_store.h"

namespace ordo::personnel {

namespace {

using Events = std::vector<ledger::Event>;

// The payload of the appended entry with its seq and the actor under `actor_key`.
Json PayloadWith(const ledger::LedgerEntry& entry, const char* actor_key) {
  Json j = entry.payload;
  j["seq"] = entry.seq;
  j[actor_key] = entry.actor;
  return j;
}

// The actor and the UTC day of the command's time.
DecisionContext ContextOf(std::int64_t actor_user_id, const engine::WriteContext& ctx) {
  return DecisionContext{actor_user_id, FormatUtcMicros(ctx.now).substr(0, 10)};
}

}  // namespace

engine::Command GrantQualification(engine::Actor actor, GrantRequest request) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.decide = [request, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateGrantRequest(request));
    auto user = access::FindUserById(ctx.db, request.user_id);
    if (!user.ok()) return user.error();
    std::optional<std::int64_t> version;
    if (*user && !(*user)->disabled) {
      auto in_force = masterdata::InForce(ctx.db, "qualification", request.qualification, ctx.now);
      if (!in_force.ok()) return in_force.error();
      if (*in_force) version = (*in_force)->version;
    }
    auto event = DecideGrantQualification(request, *user, version, ContextOf(actor_id, ctx));
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    return Json{{"grant", PayloadWith(entries.front(), "granted_by")}};
  };
  return c;
}

engine::Command RecordTraining(engine::Actor actor, TrainingRequest request) {
  engine::Command c;
  const std::int64_t actor_id = actor.user_id;
  c.actor = std::move(actor);
  c.decide = [request, actor_id](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateTrainingRequest(request));
    auto user = access::FindUserById(ctx.db, request.user_id);
    if (!user.ok()) return user.error();
    auto event = DecideRecordTraining(request, *user, ContextOf(actor_id, ctx));
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    return Json{{"training", PayloadWith(entries.front(), "recorded_by")}};
  };
  return c;
}

engine::Command RevokeQualification(engine::Actor actor, RevokeGrantRequest request) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [request](engine::WriteContext& ctx) -> Result<Events> {
    auto grant = FindGrant(ctx.db, request.grant);
    if (!grant.ok()) return grant.error();
    auto event = DecideRevokeQualification(request, *grant);
    if (!event.ok()) return event.error();
    return Events{std::move(*event)};
  };
  c.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>& entries) {
    Json revocation = PayloadWith(entries.front(), "revoked_by");
    revocation["reason"] = entries.front().reason ? Json(*entries.front().reason) : Json("");
    return Json{{"revocation", revocation}};
  };
  return c;
}

}  // namespace ordo::personnel
