// Change control commands (see masterdata_commands.h).
#include "app/masterdata_commands.h"

#include "mes/attachments/attachments.h"
#include "store/masterdata_queries.h"
#include "store/masterdata_views.h"
#include "store/queries.h"

namespace ordo::app {

namespace {

using Events = std::vector<ledger::Event>;

Result<masterdata::ChangeRequest> LoadChangeRequest(storage::Database& db, const std::string& id) {
  auto cr = store::FindChangeRequest(db, id);
  if (!cr.ok()) return cr.error();
  if (!*cr)
    return Error{ErrorCode::kNotFound, "there is no change request '" + id + "'", "id",
                 "change_request_missing"};
  return **cr;
}

// Replies with the change request as it stands after the command.
std::function<Json(engine::WriteContext&, const std::vector<ledger::LedgerEntry>&)> ReplyWith(
    std::string id) {
  return [id](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    std::string cr_id = id.empty() ? entries.front().subject.id : id;
    auto cr = store::FindChangeRequest(ctx.db, cr_id);
    if (!cr.ok() || !*cr) return Json{{"change_request", nullptr}};
    auto view = store::ChangeRequestView(ctx.db, **cr, true);
    return Json{{"change_request", view.ok() ? *view : Json(nullptr)}};
  };
}

Result<masterdata::Signer> LoadSigner(storage::Database& db, const SignerIdentity& identity) {
  auto user = store::FindUserById(db, identity.user_id);
  if (!user.ok()) return user.error();
  if (!*user || (*user)->disabled)
    return Error::Make(ErrorCode::kUnauthenticated, "the signing account is disabled");
  masterdata::Signer s;
  s.user_id = identity.user_id;
  s.name = identity.name;
  s.printed_name = (*user)->display_name;
  s.meaning = identity.meaning;
  s.comment = identity.comment;
  auto policy = signatures::CurrentPolicy(db);
  if (!policy.ok()) return policy.error();
  if (*policy) {
    auto ack = signatures::HasAcknowledged(db, identity.user_id, (*policy)->version);
    if (!ack.ok()) return ack.error();
    s.policy_acknowledged = *ack;
  }
  return s;
}

// Marks the change request events as relying on the signature entry.
Events LinkSignature(Events events, std::int64_t signature_seq) {
  for (std::size_t i = 1; i < events.size(); ++i)
    events[i].signatures = Json::array({signature_seq});
  return events;
}

}  // namespace

engine::Command OpenChangeRequest(engine::Actor actor, masterdata::OpenChangeRequest command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    auto count = store::CountChangeRequests(ctx.db);
    if (!count.ok()) return count.error();
    auto e = masterdata::DecideOpenChangeRequest(command, *count + 1);
    if (!e.ok()) return e.error();
    return Events{*e};
  };
  c.reply = ReplyWith("");
  return c;
}

engine::Command SaveDraft(engine::Actor actor, masterdata::SaveDraft command) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [command](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, command.change_request);
    if (!cr.ok()) return cr.error();
    auto object = store::ObjectStateOf(ctx.db, command.kind, command.id, ctx.now);
    if (!object.ok()) return object.error();
    auto e = masterdata::DecideSaveDraft(command, *cr, *object);
    if (!e.ok()) return e.error();
    return Events{*e};
  };
  c.reply = ReplyWith(command.change_request);
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
    auto rows = store::VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    auto e = masterdata::DecideWithdrawDraft(*cr, store::ToItems(*rows), kind, id);
    if (!e.ok()) return e.error();
    return Events{*e};
  };
  c.reply = ReplyWith(change_request);
  return c;
}

engine::Command SubmitChangeRequest(engine::Actor actor, std::string change_request,
                                    SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, signer](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    auto rows = store::VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    auto s = LoadSigner(ctx.db, signer);
    if (!s.ok()) return s.error();
    auto settings = store::GetSiteSettings(ctx.db);
    if (!settings.ok()) return settings.error();
    bool lookup_failed = false;
    masterdata::ExistsFn exists = [&](const std::string& kind, const std::string& id) {
      if (kind == "attachment") {
        auto found = attachments::FindAttachment(ctx.db, id);
        if (!found.ok()) lookup_failed = true;
        return found.ok() && found->has_value();
      }
      auto row = store::InForce(ctx.db, kind, id, ctx.now);
      if (!row.ok()) lookup_failed = true;
      return row.ok() && row->has_value();
    };
    auto events = masterdata::DecideSubmit(*cr, store::ToItems(*rows), *s,
                                           settings->approvals_required, exists, ctx.next_seq);
    if (lookup_failed) return Error::Make(ErrorCode::kInternal, "reading the store failed");
    if (!events.ok()) return events.error();
    return LinkSignature(std::move(*events), ctx.next_seq);
  };
  c.reply = ReplyWith(change_request);
  return c;
}

engine::Command SignChangeRequest(engine::Actor actor, std::string change_request,
                                  SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  c.decide = [change_request, signer](engine::WriteContext& ctx) -> Result<Events> {
    auto cr = LoadChangeRequest(ctx.db, change_request);
    if (!cr.ok()) return cr.error();
    auto rows = store::VersionsOfChangeRequest(ctx.db, change_request);
    if (!rows.ok()) return rows.error();
    auto s = LoadSigner(ctx.db, signer);
    if (!s.ok()) return s.error();
    auto participants = store::Participants(ctx.db, change_request);
    if (!participants.ok()) return participants.error();
    auto approvers = store::Approvers(ctx.db, change_request, cr->revision);
    if (!approvers.ok()) return approvers.error();
    auto events = masterdata::DecideSign(*cr, store::ToItems(*rows), *s, *participants, *approvers,
                                         ctx.next_seq, ctx.now);
    if (!events.ok()) return events.error();
    return LinkSignature(std::move(*events), ctx.next_seq);
  };
  c.reply = ReplyWith(change_request);
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
    auto e = masterdata::DecideWithdrawChangeRequest(*cr, reason);
    if (!e.ok()) return e.error();
    return Events{*e};
  };
  c.reply = ReplyWith(change_request);
  return c;
}

engine::Command ApplyPlant(engine::Actor actor, masterdata::OpenChangeRequest command,
                           std::vector<PlantObjectSource> objects) {
  engine::Command c;
  c.actor = std::move(actor);
  c.decide = [command, objects](engine::WriteContext& ctx) -> Result<Events> {
    auto count = store::CountChangeRequests(ctx.db);
    if (!count.ok()) return count.error();
    auto opened = masterdata::DecideOpenChangeRequest(command, *count + 1);
    if (!opened.ok()) return opened.error();
    masterdata::ChangeRequest cr;
    cr.id = opened->subject_id;
    Events events{*opened};
    for (const auto& o : objects) {
      auto object = store::ObjectStateOf(ctx.db, o.kind, o.id, ctx.now);
      if (!object.ok()) return object.error();
      if (object->effective_content &&
          CanonicalJson(*object->effective_content) == CanonicalJson(o.content))
        continue;
      masterdata::SaveDraft draft{cr.id, o.kind, o.id, o.content, "define"};
      auto e = masterdata::DecideSaveDraft(draft, cr, *object);
      if (!e.ok()) {
        Error err = e.error();
        err.message = o.file + ": " + err.message;
        err.field = "files";
        return err;
      }
      events.push_back(*e);
    }
    if (events.size() == 1)
      return Error{ErrorCode::kFailedPrecondition,
                   "every object in the files equals its version in force; nothing to change",
                   "files", "no_change"};
    return events;
  };
  const std::size_t total = objects.size();
  c.reply = [total](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    Json out = ReplyWith(entries.front().subject.id)(ctx, entries);
    out["unchanged"] = total - (entries.size() - 1);
    return out;
  };
  return c;
}

}  // namespace ordo::app
