// Change control commands: glue between the writer connection and the decisions (see
// change_control.h).
#include "mes/masterdata/commands/change_control.h"

#include "mes/access/users.h"
#include "mes/attachments/attachments.h"
#include "mes/masterdata/commands/detail/reply.h"
#include "mes/masterdata/store/queries.h"
#include "mes/masterdata/store/views.h"
#include "mes/site/settings.h"

namespace ordo::masterdata::commands {

namespace {

using Events = std::vector<ledger::Event>;

Result<ChangeRequest> LoadChangeRequest(storage::Database& db, const std::string& id) {
  auto cr = FindChangeRequest(db, id);
  if (!cr.ok()) return cr.error();
  if (!*cr)
    return Error{ErrorCode::kNotFound, "there is no change request '" + id + "'", "id",
                 "change_request_missing"};
  return **cr;
}

Result<Signer> LoadSigner(storage::Database& db, TimeMicros now,
                          const signatures::SignerIdentity& identity) {
  ORDO_TRY(signatures::RecheckSigningMode(db, now, identity));
  auto account = access::FindUserById(db, identity.user_id);
  if (!account.ok()) return account.error();
  bool acknowledged = false;
  if (*account && !(*account)->disabled) {
    auto ack = signatures::AcknowledgedPolicyInForce(db, identity.user_id, now);
    if (!ack.ok()) return ack.error();
    acknowledged = *ack;
  }
  return DecideSigner(identity.user_id, identity.name, identity.meaning, identity.comment, *account,
                      acknowledged);
}

Result<Events> One(Result<ledger::Event> event) {
  if (!event.ok()) return event.error();
  return Events{std::move(*event)};
}

}  // namespace

Reply ReplyWithChangeRequest(std::string id) {
  return [id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    std::string cr_id = id.empty() ? entries.front().subject.id : id;
    auto cr = FindChangeRequest(ctx.db, cr_id);
    if (!cr.ok() || !*cr) return Json{{"change_request", nullptr}};
    auto view = ChangeRequestView(ctx.db, **cr, true);
    return Json{{"change_request", view.ok() ? *view : Json(nullptr)}};
  };
}

engine::Command OpenChangeRequest(engine::Actor actor, masterdata::OpenChangeRequest command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    auto count = CountChangeRequests(ctx.db);
    if (!count.ok()) return count.error();
    return One(DecideOpenChangeRequest(command, *count + 1));
  };
  c.reply = ReplyWithChangeRequest("");
  return c;
}

engine::Command SaveDraft(engine::Actor actor, masterdata::SaveDraft command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, command.change_request);
    if (!cr.ok()) return cr.error();
    auto object = ObjectStateOf(ctx.db, command.kind, command.id, ctx.now);
    if (!object.ok()) return object.error();
    return One(DecideSaveDraft(command, *cr, *object));
  };
  c.reply = ReplyWithChangeRequest(command.change_request);
  return c;
}

engine::Command WithdrawDraft(engine::Actor actor, std::string change_request, std::string kind,
                              std::string id) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, kind, id](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    auto rows = VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    return One(DecideWithdrawDraft(*cr, ToItems(*rows), kind, id));
  };
  c.reply = ReplyWithChangeRequest(change_request);
  return c;
}

engine::Command SubmitChangeRequest(engine::Actor actor, std::string change_request,
                                    signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, signer](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    auto rows = VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    auto s = LoadSigner(ctx.db, ctx.now, signer);
    if (!s.ok()) return s.error();
    auto settings = site::GetSiteSettings(ctx.db, ctx.now);
    if (!settings.ok()) return settings.error();
    std::optional<Error> lookup_error;
    ExistsFn exists = [&](const std::string& kind, const std::string& id) {
      if (kind == "attachment") {
        auto found = attachments::FindAttachment(ctx.db, id);
        if (!found.ok()) lookup_error = found.error();
        return found.ok() && found->has_value();
      }
      auto row = InForce(ctx.db, kind, id, ctx.now);
      if (!row.ok()) lookup_error = row.error();  // e.g. integrity_violation, naming the row
      return row.ok() && row->has_value();
    };
    auto events =
        DecideSubmit(*cr, ToItems(*rows), *s, settings->approvals_required, exists, ctx.next_seq);
    if (lookup_error) return *lookup_error;
    return events;
  };
  c.reply = ReplyWithChangeRequest(change_request);
  return c;
}

engine::Command SignChangeRequest(engine::Actor actor, std::string change_request,
                                  signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, signer](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    auto rows = VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    auto s = LoadSigner(ctx.db, ctx.now, signer);
    if (!s.ok()) return s.error();
    auto participants = Participants(ctx.db, change_request);
    if (!participants.ok()) return participants.error();
    auto approvers = Approvers(ctx.db, change_request, cr->revision);
    if (!approvers.ok()) return approvers.error();
    return DecideSign(*cr, ToItems(*rows), *s, *participants, *approvers, ctx.next_seq, ctx.now);
  };
  c.reply = ReplyWithChangeRequest(change_request);
  return c;
}

engine::Command WithdrawChangeRequest(engine::Actor actor, std::string change_request,
                                      std::string reason) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, reason](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    return One(DecideWithdrawChangeRequest(*cr, reason));
  };
  c.reply = ReplyWithChangeRequest(change_request);
  return c;
}

}  // namespace ordo::masterdata::commands
