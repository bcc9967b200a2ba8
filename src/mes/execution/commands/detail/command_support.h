// What the execution commands share (private to commands/): the command wrapper that
// records compliance refusals, the facts every recording step loads first (the
// operation, its qualified performer, the recording context), and the material in force
// that a consumption or production converts quantities with. Glue only.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/execution/commands/execution_commands.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/domain/recording.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/events.h"

namespace ordo::execution::detail {

using Events = std::vector<ledger::Event>;
using Decide = std::function<Result<Events>(engine::WriteContext&)>;

template <typename P>
ledger::Event OnOrder(const OperationRef& ref, const P& payload) {
  return ledger::MakeEvent(payload, orders::kSubjectKind, ref.order_id);
}

// Every execution command: runs `decide`; a compliance refusal becomes the one event
// execution.command_refused and the reply {"refused": error}; any other refusal changes
// nothing. The reply of a success is the operation's view for the acting user plus
// `extra` (what the command decided, e.g. the exceptions it raised).
engine::Command Make(engine::Actor actor, OperationRef ref, std::string name, Json details,
                     Decide decide, std::shared_ptr<Json> extra = nullptr);

// The recording context of `user_id` on `ref`: now, the late-entry window, the
// instruction hash the user acknowledged.
Result<RecordingContext> Context(engine::WriteContext& ctx, const OperationRef& ref,
                                 std::int64_t user_id);

// The user who records on `op` (acknowledges, consumes, records values, completes) must
// hold the operation's qualifications as much as the one who started it (P11-09).
Result<OperatorFacts> QualifiedPerformer(engine::WriteContext& ctx, const OperationFacts& op,
                                         std::int64_t user_id, const std::string& user);

// What a consumption or production step starts from: the operation, its qualified
// performer and the recording context, after CheckMayRecord (a running operation of an
// order in progress, instructions acknowledged).
struct RecordingStep {
  OperationFacts op;
  OperatorFacts person;
  RecordingContext context;
};
Result<RecordingStep> BeginRecordingStep(engine::WriteContext& ctx, const OperationRef& ref,
                                         std::int64_t user_id, const std::string& user);

// The master data of `material` in force now; failed_precondition material_missing (field
// `field`) saying "<what> is not in force" when there is none.
Result<masterdata::VersionRow> MaterialInForce(engine::WriteContext& ctx,
                                               const std::string& material,
                                               const std::string& field, const std::string& what);

// The events of consuming component serial `serial` at `ref` (consume_serial_command.cc):
// serial_missing, wrong_material when `scanned_material` (the material a scanned label's
// GTIN names, "" none) is not the serial's, DecideConsumeSerial's refusals and
// genealogy_cycle, each naming `field` (serial, or scan for a label); fills `extra` with
// the reply's `consumed`. One lots.serial_consumed.
Result<Events> ConsumeSerialEvents(engine::WriteContext& ctx, const OperationRef& ref,
                                   const std::string& serial, const std::string& field,
                                   const std::string& scanned_material, const RecordingStep& step,
                                   std::int64_t user_id, Json& extra);

// Opens a deviation (deviations/opening.h) for each exception among `events` that needs
// one: a parameter out of limits that blocks completion (classification critical) or an
// over-consumption (major). Each names the exception's seq (the events get consecutive
// seqs from ctx.next_seq), the order, the operation and `lots` (the lots or serials
// involved), and blocks completion as the exception does. The events are appended to
// `events`. Implemented in execution_commands.cc.
// `opened_before`, when given, counts the deviations this command opened in earlier calls
// (their ids are taken) and is advanced by those opened here.
Status OpenDeviations(engine::WriteContext& ctx, const OperationRef& ref, Events& events,
                      const std::function<Result<std::vector<std::string>>()>& lots_involved,
                      std::int64_t* opened_before = nullptr);

// The lots consumed on the operation so far (at most 50, first consumption first): the
// lots a parameter deviation names.
Result<std::vector<std::string>> LotsOf(storage::Database& db, const OperationRef& ref);

// The exceptions as the reply lists them.
Json ExceptionsJson(const std::vector<ExceptionRecorded>& exceptions);

}  // namespace ordo::execution::detail
