// What the execution commands share (command_support.h).
#include "mes/execution/commands/detail/command_support.h"

#include "mes/execution/commands/facts_loader.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/readiness.h"
#include "mes/execution/domain/start.h"
#include "mes/execution/store/execution_store.h"
#include "mes/site/settings.h"

namespace ordo::execution::detail {

namespace {

Json ErrorJson(const Error& e) {
  return Json{{"code", ErrorCodeName(e.code)},
              {"reason", e.reason},
              {"field", e.field},
              {"message", e.message}};
}

}  // namespace

engine::Command Make(engine::Actor actor, OperationRef ref, std::string name, Json details,
                     Decide decide, std::shared_ptr<Json> extra) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 200;
  auto refused = std::make_shared<std::optional<Error>>();
  c.decide = [ref, name, details, decide = std::move(decide), refused,
              extra](engine::WriteContext& ctx) -> Result<Events> {
    // The engine may run decide again (a failed group write): start from nothing.
    refused->reset();
    if (extra) *extra = Json::object();
    auto events = decide(ctx);
    if (events.ok()) return events;
    auto recorded = RecordedRefusal(name, ref.order_id, ref.operation, events.error(), details);
    if (!recorded) return events.error();
    *refused = events.error();
    return Events{OnOrder(ref, *recorded)};
  };
  const std::int64_t user_id = c.actor.user_id;
  c.reply = [ref, refused, extra, user_id](engine::WriteContext& ctx,
                                           const std::vector<ledger::LedgerEntry>&) -> Json {
    if (refused->has_value()) return Json{{"refused", ErrorJson(**refused)}};
    auto view = OperationView(ctx.db, ref, user_id);
    Json out{{"operation", view.ok() ? *view : Json(nullptr)}};
    if (extra && extra->is_object())
      for (auto it = extra->begin(); it != extra->end(); ++it) out[it.key()] = it.value();
    return out;
  };
  return c;
}

Result<RecordingContext> Context(engine::WriteContext& ctx, const OperationRef& ref,
                                 std::int64_t user_id) {
  RecordingContext context;
  context.now = ctx.now;
  auto settings = site::GetSiteSettings(ctx.db, ctx.now);
  if (!settings.ok()) return settings.error();
  context.late_entry_minutes = settings->late_entry_minutes;
  auto ack = AcknowledgedHash(ctx.db, ref.order_id, ref.operation, user_id);
  if (!ack.ok()) return ack.error();
  context.acknowledged_hash = *ack;
  return context;
}

Result<OperatorFacts> QualifiedPerformer(engine::WriteContext& ctx, const OperationFacts& op,
                                         std::int64_t user_id, const std::string& user) {
  auto person = LoadOperator(ctx.db, user_id, user);
  if (!person.ok()) return person.error();
  ORDO_TRY(
      CheckQualifications(op.spec.qualifications, *person, UtcDay(ctx.now), "Operator", "user"));
  return person;
}

Result<RecordingStep> BeginRecordingStep(engine::WriteContext& ctx, const OperationRef& ref,
                                         std::int64_t user_id, const std::string& user) {
  auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
  if (!op.ok()) return op.error();
  auto person = QualifiedPerformer(ctx, *op, user_id, user);
  if (!person.ok()) return person.error();
  auto context = Context(ctx, ref, user_id);
  if (!context.ok()) return context.error();
  ORDO_TRY(CheckMayRecord(*op, context->acknowledged_hash));
  return RecordingStep{std::move(*op), std::move(*person), std::move(*context)};
}

Result<masterdata::VersionRow> MaterialInForce(engine::WriteContext& ctx,
                                               const std::string& material,
                                               const std::string& field, const std::string& what) {
  auto found = masterdata::InForce(ctx.db, "material", material, ctx.now);
  if (!found.ok()) return found.error();
  if (!*found)
    return Error{ErrorCode::kFailedPrecondition, what + " is not in force", field,
                 "material_missing"};
  return std::move(**found);
}

Json ExceptionsJson(const std::vector<ExceptionRecorded>& exceptions) {
  Json out = Json::array();
  for (const auto& e : exceptions) {
    Json j;
    to_json(j, e);
    out.push_back(j);
  }
  return out;
}

}  // namespace ordo::execution::detail
