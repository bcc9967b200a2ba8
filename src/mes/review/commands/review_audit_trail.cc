// Glue of the review command: load the period, the signer and the review number on the
// writer's connection, call the decision, reply with the review as written.
#include "mes/review/commands/review_audit_trail.h"

#include "ledger/event_schema.h"
#include "mes/access/users.h"
#include "mes/review/store/review_store.h"
#include "mes/review/store/review_view.h"

namespace ordo::review {

namespace {

Result<Reviewer> LoadReviewer(storage::Database& db, TimeMicros now,
                              const signatures::SignerIdentity& identity) {
  ORDO_TRY(signatures::RecheckSigningMode(db, now, identity));
  Reviewer r;
  r.user_id = identity.user_id;
  r.name = identity.name;
  r.meaning = identity.meaning;
  r.comment = identity.comment;
  auto account = access::FindUserById(db, identity.user_id);
  if (!account.ok()) return account.error();
  if (!*account || (*account)->disabled) return r;
  r.active = true;
  r.printed_name = (*account)->display_name;
  auto acknowledged = signatures::AcknowledgedPolicyInForce(db, identity.user_id, now);
  if (!acknowledged.ok()) return acknowledged.error();
  r.policy_acknowledged = *acknowledged;
  return r;
}

}  // namespace

std::set<std::string> EventTypeNames() {
  std::set<std::string> names;
  for (const auto& info : ledger::EventTypes()) names.insert(info.type);
  return names;
}

engine::Command ReviewAuditTrailCommand(engine::Actor actor, ReviewAuditTrail command,
                                        signatures::SignerIdentity signer) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 201;
  c.decide = [command, signer](engine::WriteContext& ctx) -> Result<std::vector<ledger::Event>> {
    auto period = ReadPeriod(ctx.db, command);
    if (!period.ok()) return period.error();
    auto reviewer = LoadReviewer(ctx.db, ctx.now, signer);
    if (!reviewer.ok()) return reviewer.error();
    auto count = CountReviews(ctx.db);
    if (!count.ok()) return count.error();
    return DecideReview(command, EventTypeNames(), *period, *reviewer, ctx.now, *count + 1,
                        ctx.next_seq);
  };
  c.reply = [](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>& entries) {
    auto row = RowOf(entries.back());
    if (!row.ok()) return Json{{"review", nullptr}};
    auto view = ReviewView(ctx.db, *row);
    return Json{{"review", view.ok() ? *view : Json(nullptr)}};
  };
  return c;
}

}  // namespace ordo::review
