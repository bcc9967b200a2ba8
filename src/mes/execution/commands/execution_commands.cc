// Glue of the execution commands (execution_commands.h).
#include "mes/execution/commands/execution_commands.h"

#include <algorithm>
#include <memory>

#include "mes/deviations/opening.h"
#include "mes/execution/commands/detail/command_support.h"
#include "mes/execution/commands/facts_loader.h"
#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/consume.h"
#include "mes/execution/domain/readiness.h"
#include "mes/execution/domain/start.h"
#include "mes/execution/store/execution_store.h"
#include "mes/genealogy/cycle.h"
#include "mes/lots/events.h"
#include "mes/lots/gs1/gs1.h"
#include "mes/lots/lots.h"
#include "mes/masterdata/domain/units.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/events.h"
#include "mes/orders/orders.h"
#include "mes/signatures/domain/signature.h"
#include "mes/site/settings.h"

namespace ordo::execution {
namespace {

using detail::Context;
using detail::Events;
using detail::ExceptionsJson;
using detail::Make;
using detail::OnOrder;
using detail::OpenDeviations;
using detail::QualifiedPerformer;

constexpr const char* kVerifiedRecordKind = "order_operation";
std::string RecordIdOf(const OperationRef& ref) { return ref.order_id + "/" + ref.operation; }

// What the second person's signature binds: the operation as performed, with the seq of
// every value, sample, exception and consumption recorded on it, so that any later
// change to what was verified breaks the signature.
Result<Json> VerificationRecord(storage::Database& db, const OperationRef& ref) {
  auto ops = orders::OperationsOf(db, ref.order_id);
  if (!ops.ok()) return ops.error();
  Json record{
      {"kind", kVerifiedRecordKind}, {"order_id", ref.order_id}, {"operation", ref.operation}};
  for (const auto& o : *ops)
    if (o.operation == ref.operation)
      record.update(Json{{"work_unit", o.work_unit},
                         {"good", o.good},
                         {"scrap", o.scrap},
                         {"rework", o.rework},
                         {"completed_us", o.completed_us},
                         {"started_by_id", o.started_by_id},
                         {"completed_by_id", o.completed_by_id},
                         {"spec_hash", signatures::RecordHash(o.spec)}});
  Json seqs = Json::array();
  auto parameters = ParametersOf(db, ref.order_id, ref.operation);
  if (!parameters.ok()) return parameters.error();
  for (const auto& r : *parameters) seqs.push_back(r.seq);
  auto samples = CharacteristicsOf(db, ref.order_id, ref.operation);
  if (!samples.ok()) return samples.error();
  for (const auto& r : *samples) seqs.push_back(r.seq);
  auto exceptions = ExceptionsOf(db, ref.order_id, ref.operation);
  if (!exceptions.ok()) return exceptions.error();
  for (const auto& r : *exceptions) seqs.push_back(r.seq);
  auto consumed = lots::ConsumedByOrder(db, ref.order_id);
  if (!consumed.ok()) return consumed.error();
  for (const auto& c : *consumed)
    if (c.operation == ref.operation) seqs.push_back(c.seq);
  std::sort(seqs.begin(), seqs.end());
  record["recorded_seqs"] = seqs;
  return record;
}

// True when `material` is the material or an approved alternate of a BOM item that
// `operation` may consume.
bool InBom(const std::vector<BomFacts>& bom, const std::string& operation,
           const std::string& material) {
  for (const auto& item : BomItemsFor(operation, bom)) {
    if (item.material == material) return true;
    for (const auto& a : item.alternates)
      if (a == material) return true;
  }
  return false;
}

// The lot a consumption names: `lot` as given, or what `scan` reads as (a plain lot id;
// or a supplier label: the material by its GTIN, the lot by its supplier lot or our lot
// id, the label's expiry equal to the lot's).
Result<std::string> ResolveLot(storage::Database& db, const ConsumeInput& input, TimeMicros now) {
  if (input.scan.empty()) {
    if (input.lot.empty())
      return Error::Invalid("lot", "scan or type the lot (lot or scan is required)",
                            "missing_field");
    return input.lot;
  }
  const int year = std::stoi(UtcDay(now).substr(0, 4));
  auto scan = gs1::ParseScan(input.scan, year, "scan");
  if (!scan.ok()) return scan.error();
  if (!scan->text.empty()) return scan->text;
  if (scan->gtin14.empty() || scan->lot.empty())
    return Error::Invalid("scan",
                          "the label names no " +
                              std::string(scan->gtin14.empty() ? "GTIN (AI 01)" : "lot (AI 10)") +
                              ": scan the label's GS1 code with GTIN and lot",
                          "scan_incomplete");
  auto material = masterdata::MaterialOfGtin(db, scan->gtin14, now);
  if (!material.ok()) return material.error();
  if (!*material)
    return Error{ErrorCode::kNotFound,
                 "no material in force has GTIN " + scan->gtin14 + " (scanned label)", "scan",
                 "unknown_gtin"};
  const std::string material_id = (*material)->id;
  auto lots = lots::LotsOfSupplierLot(db, material_id, scan->lot);
  if (!lots.ok()) return lots.error();
  std::optional<lots::Lot> lot;
  if (lots->size() == 1) lot = lots->front();
  if (lots->size() > 1)
    return Error{ErrorCode::kFailedPrecondition,
                 "supplier lot " + scan->lot + " of " + material_id + " was received as " +
                     std::to_string(lots->size()) + " lots: scan or type our lot id",
                 "scan", "ambiguous_lot"};
  if (!lot) {
    auto own = lots::FindLot(db, scan->lot);
    if (!own.ok()) return own.error();
    if (*own && (*own)->material == material_id) lot = **own;
  }
  if (!lot)
    return Error{
        ErrorCode::kNotFound,
        "no lot of " + material_id + " with supplier lot or lot id " + scan->lot + " was received",
        "scan", "lot_missing"};
  ORDO_TRY(gs1::CheckScannedExpiry(*scan, lot->lot, lot->expiry, "scan"));
  return lot->lot;
}

// The (material, serial) a GS1 label names with AI 21 when its GTIN (AI 01) is a
// serial-tracked material in force and it names no lot (AI 10); nullopt for anything else
// (a lot id, a lot label): the lot rules apply.
Result<std::optional<std::pair<std::string, std::string>>> ScannedSerial(storage::Database& db,
                                                                         const ConsumeInput& input,
                                                                         TimeMicros now) {
  using Found = std::optional<std::pair<std::string, std::string>>;
  if (input.scan.empty()) return Found();
  const int year = std::stoi(UtcDay(now).substr(0, 4));
  auto scan = gs1::ParseScan(input.scan, year, "scan");
  if (!scan.ok() || scan->serial.empty() || !scan->lot.empty() || scan->gtin14.empty())
    return Found();
  auto material = masterdata::MaterialOfGtin(db, scan->gtin14, now);
  if (!material.ok()) return material.error();
  if (!*material || (*material)->content.value("tracking", std::string()) != "serial")
    return Found();
  return Found(std::make_pair((*material)->id, scan->serial));
}

// The lots consumed on the operation so far (at most 50, first consumption first).
Result<std::vector<std::string>> LotsOfOperation(storage::Database& db, const OperationRef& ref) {
  auto consumed = lots::ConsumedByOrder(db, ref.order_id);
  if (!consumed.ok()) return consumed.error();
  std::vector<std::string> out;
  for (const auto& c : *consumed)
    if (c.operation == ref.operation && out.size() < 50 &&
        std::find(out.begin(), out.end(), c.lot) == out.end())
      out.push_back(c.lot);
  return out;
}

// A recording command (parameters, characteristics): `decide_value` gets the operation,
// the user and the recording context and returns a decision with `recorded` (the event)
// and `exceptions`; the reply adds both.
template <typename DecideValue>
engine::Command Recording(engine::Actor actor, OperationRef ref, std::string name, Json details,
                          DecideValue decide_value) {
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  auto extra = std::make_shared<Json>(Json::object());
  return Make(
      std::move(actor), ref, std::move(name), std::move(details),
      [ref, user_id, user, extra, decide_value](engine::WriteContext& ctx) -> Result<Events> {
        auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
        if (!op.ok()) return op.error();
        auto person = QualifiedPerformer(ctx, *op, user_id, user);
        if (!person.ok()) return person.error();
        auto context = Context(ctx, ref, user_id);
        if (!context.ok()) return context.error();
        auto decided = decide_value(ctx, *op, *person, *context);
        if (!decided.ok()) return decided.error();
        Events events{OnOrder(ref, decided->recorded)};
        for (const auto& e : decided->exceptions) events.push_back(OnOrder(ref, e));
        ORDO_TRY(OpenDeviations(ctx, ref, events, [&] { return LotsOfOperation(ctx.db, ref); }));
        Json recorded;
        to_json(recorded, decided->recorded);
        *extra = Json{{"recorded", recorded}, {"exceptions", ExceptionsJson(decided->exceptions)}};
        return events;
      },
      extra);
}

}  // namespace

std::optional<Error> RefusalOf(const Json& reply) {
  if (!reply.is_object() || !reply.contains("refused") || !reply["refused"].is_object())
    return std::nullopt;
  const Json& r = reply["refused"];
  Error e = Error::Make(ErrorCode::kFailedPrecondition, r.value("message", ""));
  const std::string code = r.value("code", "");
  for (ErrorCode candidate :
       {ErrorCode::kInvalidArgument, ErrorCode::kPermissionDenied, ErrorCode::kNotFound,
        ErrorCode::kConflict, ErrorCode::kFailedPrecondition})
    if (code == ErrorCodeName(candidate)) e.code = candidate;
  e.reason = r.value("reason", "");
  e.field = r.value("field", "");
  return e;
}

engine::Command StartOperationCommand(engine::Actor actor, OperationRef ref,
                                      std::string work_unit) {
  const Json details{{"work_unit", work_unit}};
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  return Make(std::move(actor), ref, "start", details,
              [ref, work_unit, user_id, user](engine::WriteContext& ctx) -> Result<Events> {
                if (work_unit.empty())
                  return Error::Invalid("work_unit", "name the work unit to start on",
                                        "missing_field");
                auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
                if (!op.ok()) return op.error();
                auto person = LoadOperator(ctx.db, user_id, user);
                if (!person.ok()) return person.error();
                auto unit = LoadWorkUnit(ctx.db, work_unit, ctx.now);
                if (!unit.ok()) return unit.error();
                auto decided = DecideStart(*op, *person, *unit, ctx.now);
                if (!decided.ok()) return decided.error();
                Events events;
                if (decided->order_started)
                  events.push_back(OnOrder(ref, orders::OrderStarted{ref.order_id, ref.operation}));
                orders::OperationStarted started{ref.order_id, ref.operation, decided->work_unit};
                started.user_id = user_id;
                for (const auto& q : decided->qualifications)
                  started.qualifications.push_back({q.qualification, q.grant_id, q.valid_until});
                events.push_back(OnOrder(ref, started));
                return events;
              });
}

engine::Command PauseOperationCommand(engine::Actor actor, OperationRef ref, std::string reason) {
  return Make(
      std::move(actor), ref, "pause", Json{{"reason", reason}},
      [ref, reason](engine::WriteContext& ctx) -> Result<Events> {
        auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
        if (!op.ok()) return op.error();
        ORDO_TRY(DecidePause(*op, reason));
        return Events{OnOrder(ref, orders::OperationPaused{ref.order_id, ref.operation, reason})};
      });
}

engine::Command ResumeOperationCommand(engine::Actor actor, OperationRef ref) {
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  return Make(std::move(actor), ref, "resume", Json::object(),
              [ref, user_id, user](engine::WriteContext& ctx) -> Result<Events> {
                auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
                if (!op.ok()) return op.error();
                auto person = LoadOperator(ctx.db, user_id, user);
                if (!person.ok()) return person.error();
                auto unit =
                    LoadWorkUnit(ctx.db, op->work_unit, ctx.now, ref.order_id, ref.operation);
                if (!unit.ok()) return unit.error();
                ORDO_TRY(DecideResume(*op, *person, *unit, ctx.now));
                return Events{OnOrder(ref, orders::OperationResumed{ref.order_id, ref.operation})};
              });
}

engine::Command AcknowledgeCommand(engine::Actor actor, OperationRef ref,
                                   std::optional<std::string> shown_hash) {
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  return Make(std::move(actor), ref, "acknowledge-instructions", Json::object(),
              [ref, user_id, user, shown_hash](engine::WriteContext& ctx) -> Result<Events> {
                auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
                if (!op.ok()) return op.error();
                auto person = QualifiedPerformer(ctx, *op, user_id, user);
                if (!person.ok()) return person.error();
                auto ack = DecideAcknowledge(*op, *person, shown_hash);
                if (!ack.ok()) return ack.error();
                return Events{OnOrder(ref, *ack)};
              });
}

engine::Command ConsumeCommand(engine::Actor actor, OperationRef ref, ConsumeInput input) {
  if (!input.serial.empty()) return ConsumeSerialCommand(std::move(actor), ref, std::move(input));
  const Json details{
      {"lot", input.lot}, {"scan", input.scan}, {"quantity", input.quantity}, {"unit", input.unit}};
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  auto extra = std::make_shared<Json>(Json::object());
  return Make(
      std::move(actor), ref, "consume", details,
      [ref, input, user_id, user, extra](engine::WriteContext& ctx) -> Result<Events> {
        auto step = detail::BeginRecordingStep(ctx, ref, user_id, user);
        if (!step.ok()) return step.error();
        const OperationFacts& op = step->op;
        const RecordingContext& context = step->context;
        auto serial = ScannedSerial(ctx.db, input, ctx.now);
        if (!serial.ok()) return serial.error();
        if (serial->has_value()) {
          if (input.quantity != 0 && input.quantity != 1)
            return Refuse(ErrorCode::kInvalidArgument, kInvalidQuantity, "quantity",
                          "A serial is one piece: leave quantity out or give 1.");
          return detail::ConsumeSerialEvents(ctx, ref, (*serial)->second, "scan", (*serial)->first,
                                             *step, user_id, *extra);
        }
        auto lot_id = ResolveLot(ctx.db, input, ctx.now);
        if (!lot_id.ok()) return lot_id.error();
        auto lot = LoadLot(ctx.db, *lot_id, ctx.now);
        if (!lot.ok()) return lot.error();
        auto bom = LoadBom(ctx.db, ref.order_id);
        if (!bom.ok()) return bom.error();
        // The material rule before any other: a lot of a material this operation does not use is
        // wrong_material (recorded, naming both) whatever its unit or master data.
        if (!InBom(*bom, ref.operation, lot->material))
          return DecideConsume(op, *bom, *lot, 1, context).error();
        auto material = detail::MaterialInForce(
            ctx, lot->material, "lot", "material " + lot->material + " of lot " + lot->lot);
        if (!material.ok()) return material.error();
        // Lot quantities are in the base unit at receipt; a material whose base unit was
        // changed since cannot convert a quantity into the lot's unit.
        if (masterdata::BaseUnitOf(material->content) != lot->base_unit)
          return Error{ErrorCode::kFailedPrecondition,
                       "material " + lot->material + " now counts in " +
                           masterdata::BaseUnitOf(material->content) + ", but lot " + lot->lot +
                           " was received in " + lot->base_unit +
                           ": ask quality to re-receive the lot",
                       "lot", "base_unit_changed"};
        auto base = masterdata::ToBaseQuantity(material->content, input.quantity,
                                               input.unit.empty() ? lot->base_unit : input.unit);
        if (!base.ok()) return base.error();
        auto decided = DecideConsume(op, *bom, *lot, *base, context);
        if (!decided.ok()) return decided.error();
        // The genealogy stays acyclic: a lot cannot go into the order it came from.
        if (auto st = genealogy::WouldCycle(
                ctx.db, {{genealogy::LotNode(decided->lot), genealogy::OrderNode(ref.order_id),
                          genealogy::EdgeKind::kConsumed, decided->base_quantity,
                          decided->base_unit, ref.order_id, ref.operation, 0}});
            !st.ok()) {
          Error e = st.error();
          if (e.field.empty()) e.field = "lot";
          return e;
        }
        lots::MaterialConsumed consumed;
        consumed.lot = decided->lot;
        consumed.material = decided->material;
        consumed.quantity = input.quantity;
        consumed.unit = input.unit.empty() ? lot->base_unit : input.unit;
        consumed.base_quantity = decided->base_quantity;
        consumed.base_unit = decided->base_unit;
        consumed.order_id = ref.order_id;
        consumed.operation = ref.operation;
        consumed.work_unit = op.work_unit;
        consumed.bom_material = decided->bom_material;
        consumed.alternate = decided->alternate;
        consumed.over_consumption = decided->over_consumption;
        consumed.user_id = user_id;
        Events events{ledger::MakeEvent(consumed, lots::kSubjectKind, decided->lot)};
        std::vector<ExceptionRecorded> raised;
        if (decided->exception) {
          raised.push_back(*decided->exception);
          events.push_back(OnOrder(ref, *decided->exception));
        }
        ORDO_TRY(OpenDeviations(ctx, ref, events, [&]() -> Result<std::vector<std::string>> {
          return std::vector<std::string>{consumed.lot};
        }));
        *extra = Json{{"consumed", Json{{"lot", consumed.lot},
                                        {"material", consumed.material},
                                        {"base_quantity", consumed.base_quantity},
                                        {"base_unit", consumed.base_unit},
                                        {"bom_material", consumed.bom_material},
                                        {"alternate", consumed.alternate}}},
                      {"exceptions", ExceptionsJson(raised)}};
        return events;
      },
      extra);
}

engine::Command RecordParameterCommand(engine::Actor actor, OperationRef ref,
                                       RecordParameter input) {
  const Json details{{"name", input.name}, {"value", input.value}, {"source", input.source}};
  return Recording(
      std::move(actor), ref, "parameters", details,
      [ref, input](engine::WriteContext& ctx, const OperationFacts& op, const OperatorFacts& person,
                   const RecordingContext& context) -> Result<ParameterDecision> {
        // Not started yet: no work unit (the decision refuses before using it).
        EquipmentFacts unit;
        if (!op.work_unit.empty()) {
          auto loaded = LoadWorkUnit(ctx.db, op.work_unit, ctx.now, ref.order_id, ref.operation);
          if (!loaded.ok()) return loaded.error();
          unit = std::move(*loaded);
        }
        return DecideRecordParameter(op, person, unit, input, context);
      });
}

engine::Command RecordCharacteristicCommand(engine::Actor actor, OperationRef ref,
                                            RecordCharacteristic input) {
  const Json details{{"name", input.name}, {"values", input.values}};
  return Recording(std::move(actor), ref, "characteristics", details,
                   [input](engine::WriteContext&, const OperationFacts& op,
                           const OperatorFacts& person, const RecordingContext& context) {
                     return DecideRecordCharacteristic(op, person, input, context);
                   });
}

engine::Command CompleteOperationCommand(engine::Actor actor, OperationRef ref,
                                         CompleteCommand input) {
  const Json details{{"good", input.good}, {"scrap", input.scrap}, {"rework", input.rework}};
  const std::int64_t user_id = actor.user_id;
  return Make(std::move(actor), ref, "complete", details,
              [ref, input, user_id](engine::WriteContext& ctx) -> Result<Events> {
                auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
                if (!op.ok()) return op.error();
                auto order = orders::FindOrder(ctx.db, ref.order_id);
                if (!order.ok()) return order.error();
                auto codes = LoadReasonCodes(ctx.db, ctx.now);
                if (!codes.ok()) return codes.error();
                auto recorded = RecordedDataOf(ctx.db, ref.order_id, ref.operation);
                if (!recorded.ok()) return recorded.error();
                auto ack = AcknowledgedHash(ctx.db, ref.order_id, ref.operation, user_id);
                if (!ack.ok()) return ack.error();
                auto decided = DecideComplete(*op, input, *codes, *recorded, *ack);
                if (!decided.ok()) return decided.error();
                orders::OperationCompleted done;
                done.order_id = ref.order_id;
                done.operation = ref.operation;
                done.work_unit = op->work_unit;
                done.unit = *order ? (*order)->unit : std::string();
                done.good = input.good;
                done.scrap = input.scrap;
                done.rework = input.rework;
                for (const auto& r : input.scrap_reasons)
                  done.scrap_reasons.push_back({r.code, r.quantity});
                for (const auto& r : input.rework_reasons)
                  done.rework_reasons.push_back({r.code, r.quantity});
                done.user_id = user_id;
                Events events{OnOrder(ref, done)};
                if (decided->order_completed)
                  events.push_back(OnOrder(ref, orders::OrderCompleted{ref.order_id}));
                return events;
              });
}

engine::Command VerifyOperationCommand(engine::Actor actor, OperationRef ref,
                                       signatures::SignerIdentity signer) {
  const std::int64_t user_id = actor.user_id;
  const std::string user = actor.name;
  return Make(std::move(actor), ref, "verify", Json::object(),
              [ref, signer, user_id, user](engine::WriteContext& ctx) -> Result<Events> {
                auto op = LoadOperation(ctx.db, ref.order_id, ref.operation);
                if (!op.ok()) return op.error();
                auto person = LoadOperator(ctx.db, user_id, user);
                if (!person.ok()) return person.error();
                auto decided = DecideVerify(*op, *person, ctx.now);
                if (!decided.ok()) return decided.error();
                auto state = signatures::LoadSignerState(ctx.db, ctx.now, signer);
                if (!state.ok()) return state.error();
                auto record = VerificationRecord(ctx.db, ref);
                if (!record.ok()) return record.error();
                auto applied = signatures::DecideSignature(*state, "verified", kVerifiedRecordKind,
                                                           RecordIdOf(ref), 1, *record);
                if (!applied.ok()) return applied.error();
                Events events{OnOrder(ref, *applied)};
                orders::OperationVerified verified{ref.order_id, ref.operation, user_id, user};
                events.push_back(OnOrder(ref, verified));
                events.back().signatures = Json::array({ctx.next_seq});
                if (decided->order_completed)
                  events.push_back(OnOrder(ref, orders::OrderCompleted{ref.order_id}));
                return events;
              });
}

Result<Json> OperationView(storage::Database& db, const OperationRef& ref, std::int64_t user_id) {
  auto order = orders::FindOrder(db, ref.order_id);
  if (!order.ok()) return order.error();
  if (!*order) return Json(nullptr);
  auto ops = orders::OperationsOf(db, ref.order_id);
  if (!ops.ok()) return ops.error();
  const orders::PinnedOperation* op = nullptr;
  for (const auto& o : *ops)
    if (o.operation == ref.operation) op = &o;
  if (!op) return Json(nullptr);
  auto ack = AcknowledgedHash(db, ref.order_id, ref.operation, user_id);
  if (!ack.ok()) return ack.error();
  const std::string hash = InstructionContentHash(op->spec);
  Json parameters = Json::array(), characteristics = Json::array(), exceptions = Json::array();
  auto p = ParametersOf(db, ref.order_id, ref.operation);
  if (!p.ok()) return p.error();
  for (const auto& r : *p) parameters.push_back(ToJson(r));
  auto c = CharacteristicsOf(db, ref.order_id, ref.operation);
  if (!c.ok()) return c.error();
  for (const auto& r : *c) characteristics.push_back(ToJson(r));
  auto e = ExceptionsOf(db, ref.order_id, ref.operation);
  if (!e.ok()) return e.error();
  for (const auto& r : *e) exceptions.push_back(ToJson(r));
  auto signed_by = signatures::SignaturesOn(db, kVerifiedRecordKind, RecordIdOf(ref));
  if (!signed_by.ok()) return signed_by.error();
  Json manifestations = Json::array();
  if (!signed_by->empty()) {
    auto record = VerificationRecord(db, ref);
    if (!record.ok()) return record.error();
    const std::string hash = signatures::RecordHash(*record);
    for (const auto& sig : *signed_by)
      manifestations.push_back(signatures::ToJson(
          sig, signatures::CheckBinding(sig, kVerifiedRecordKind, RecordIdOf(ref), 1, hash)));
  }
  auto bom = LoadBom(db, ref.order_id);
  if (!bom.ok()) return bom.error();
  Json materials = Json::array();
  for (const auto& b : *bom)
    materials.push_back({{"material", b.material},
                         {"alternates", b.alternates},
                         {"planned", b.base_quantity},
                         {"consumed", b.consumed},
                         {"base_unit", b.base_unit},
                         {"scrap_factor", b.scrap_factor},
                         {"operation", b.operation.empty() ? Json(nullptr) : Json(b.operation)}});
  return Json{{"order_id", ref.order_id},
              {"operation", op->operation},
              {"name", op->name},
              {"state", op->state},
              {"order_state", (*order)->state},
              {"product", (*order)->product},
              {"order_quantity", (*order)->quantity},
              {"unit", (*order)->unit},
              {"planned_quantity", op->planned_quantity},
              {"work_unit", op->work_unit},
              {"operation_class", op->operation_class},
              {"work_center_class", op->work_center_class},
              {"spec", op->spec},
              {"instruction_hash", hash},
              {"acknowledged", hash.empty() || (*ack && **ack == hash)},
              {"good", op->good},
              {"scrap", op->scrap},
              {"rework", op->rework},
              {"verified_by", op->verified_by},
              {"qualifications_at_start", op->start_qualifications},
              {"signatures", manifestations},
              {"parameters", parameters},
              {"characteristics", characteristics},
              {"exceptions", exceptions},
              {"materials", materials}};
}

namespace detail {

// Opens the deviations its exceptions need (command_support.h).
Result<std::vector<std::string>> LotsOf(storage::Database& db, const OperationRef& ref) {
  return LotsOfOperation(db, ref);
}

Status OpenDeviations(engine::WriteContext& ctx, const OperationRef& ref, Events& events,
                      const std::function<Result<std::vector<std::string>>()>& lots_involved,
                      std::int64_t* opened_before) {
  std::int64_t opened = opened_before ? *opened_before : 0;
  const std::size_t n = events.size();
  for (std::size_t i = 0; i < n; ++i) {
    if (events[i].type != ExceptionRecorded::kType) continue;
    auto e = ledger::ReadPayload<ExceptionRecorded>(events[i].payload);
    if (!e.ok()) return e.error();
    const bool over = e->kind == kOverConsumption;
    if (!over && !(e->kind == kParameterOutOfLimits && e->blocks_completion)) continue;
    auto lots = lots_involved();
    if (!lots.ok()) return lots.error();
    deviations::DeviationOpened d;
    d.order_id = ref.order_id;
    d.operation = ref.operation;
    d.lots = std::move(*lots);
    d.source = over ? "over_consumption" : "parameter_out_of_limits";
    d.exception_seq = ctx.next_seq + static_cast<std::int64_t>(i);
    d.classification = e->blocks_completion ? "critical" : "major";
    d.title = over ? "over-consumption of " + e->subject : e->subject + " out of limits";
    d.description = e->message.substr(0, 4000);
    d.blocks_completion = e->blocks_completion;
    auto event = deviations::OpenDeviationEvent(ctx.db, std::move(d), opened++);
    if (!event.ok()) return event.error();
    events.push_back(std::move(*event));
  }
  if (opened_before) *opened_before = opened;
  return Ok();
}

}  // namespace detail

}  // namespace ordo::execution
