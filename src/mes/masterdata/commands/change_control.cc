// Change control commands: glue between the writer connection and the decisions (see
// change_control.h).
#include "mes/masterdata/commands/change_control.h"

#include <limits>

#include "mes/access/users.h"
#include "mes/attachments/attachments.h"
#include "mes/masterdata/commands/detail/reply.h"
#include "mes/masterdata/domain/bom_operations.h"
#include "mes/masterdata/domain/gtin_unique.h"
#include "mes/masterdata/events.h"
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

// The materials holding a GTIN that are in force now or approved to come into force
// (in force at the end of time), for CheckGtinsUnique.
Result<std::vector<GtinHolder>> GtinHolders(storage::Database& db, TimeMicros now) {
  auto ids = ObjectIds(db, "material");
  if (!ids.ok()) return ids.error();
  std::vector<Item> versions;
  for (TimeMicros at : {now, std::numeric_limits<TimeMicros>::max()})
    for (const auto& id : *ids) {
      auto row = InForce(db, "material", id, at);
      if (!row.ok()) return row.error();
      if (*row) versions.push_back(ToItems({**row}).front());
    }
  return GtinHoldersOf(versions);
}

// CheckGtinsUnique for the change request's drafts against the materials of the plant.
Status CheckGtins(storage::Database& db, TimeMicros now, const std::string& cr_id,
                  const std::vector<Item>& items) {
  auto holders = GtinHolders(db, now);
  if (!holders.ok()) return holders.error();
  return CheckGtinsUnique(cr_id, items, *holders);
}

// CheckBomOperations for the change request's drafts against the products and routings
// in force (read only when the change request defines a product or a routing).
Status CheckBomOps(storage::Database& db, TimeMicros now, const std::vector<Item>& items) {
  bool relevant = false;
  for (const auto& i : items) relevant = relevant || i.kind == "product" || i.kind == "routing";
  if (!relevant) return Ok();
  std::vector<Item> in_force;
  for (const char* kind : {"product", "routing"}) {
    auto ids = ObjectIds(db, kind);
    if (!ids.ok()) return ids.error();
    for (const auto& id : *ids) {
      auto row = InForce(db, kind, id, now);
      if (!row.ok()) return row.error();
      if (*row) in_force.push_back(ToItems({**row}).front());
    }
  }
  return CheckBomOperations(items, in_force);
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
    const std::vector<Item> items = ToItems(*rows);
    auto events = DecideSubmit(*cr, items, *s, settings->approvals_required, exists, ctx.next_seq);
    if (lookup_error) return *lookup_error;
    if (!events.ok()) return events;
    ORDO_TRY(CheckGtins(ctx.db, ctx.now, change_request, items));
    ORDO_TRY(CheckBomOps(ctx.db, ctx.now, items));
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
    const std::vector<Item> items = ToItems(*rows);
    auto events = DecideSign(*cr, items, *s, *participants, *approvers, ctx.next_seq, ctx.now);
    if (!events.ok()) return events;
    // The last approval makes the drafts take effect: another change request may have
    // given one of their GTINs to a material since this one was submitted.
    for (const auto& e : *events)
      if (e.type == ChangeRequestApproved::kType)
        ORDO_TRY(CheckGtins(ctx.db, ctx.now, change_request, items));
    return events;
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
