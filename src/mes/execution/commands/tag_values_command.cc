// Tag values as parameter values of running operations (tag_values_command.h).
#include "mes/execution/commands/tag_values_command.h"

#include <algorithm>
#include <map>

#include "core/json_fields.h"
#include "mes/execution/commands/detail/command_support.h"
#include "mes/execution/commands/facts_loader.h"
#include "mes/execution/domain/tag_values.h"
#include "mes/execution/store/execution_store.h"
#include "mes/masterdata/in_force.h"
#include "mes/orders/orders.h"
#include "mes/site/settings.h"

namespace ordo::execution {

namespace {

using detail::Events;

// tag -> parameter, from the work unit's `parameter_tags` (equipment master data).
std::map<std::string, std::string> ParameterOfTag(const Json& content) {
  std::map<std::string, std::string> out;
  auto it = content.find("parameter_tags");
  if (it == content.end() || !it->is_array()) return out;
  for (const Json& m : *it) {
    const std::string tag = TextField(m, "tag"), parameter = TextField(m, "parameter");
    if (!tag.empty() && !parameter.empty()) out[tag] = parameter;
  }
  return out;
}

const ParameterSpec* EquipmentParameter(const OperationFacts& op, const std::string& name) {
  for (const ParameterSpec& p : op.spec.parameters)
    if (p.name == name && p.source == "equipment") return &p;
  return nullptr;
}

// The events of one running operation for the mapped tags' readings.
Result<Events> OperationEvents(engine::WriteContext& ctx, const OperationFacts& op,
                               const std::map<std::string, std::string>& parameter_of_tag,
                               const std::map<std::string, std::vector<TagReading>>& readings,
                               const equipment::ObservedSamples& observed) {
  const OperationRef ref{op.order_id, op.operation};
  Events events;
  std::optional<EquipmentFacts> unit;
  std::optional<RecordingContext> context;
  for (const auto& [tag, tag_readings] : readings) {
    auto mapped = parameter_of_tag.find(tag);
    if (mapped == parameter_of_tag.end()) continue;
    const ParameterSpec* spec = EquipmentParameter(op, mapped->second);
    if (spec == nullptr) continue;
    if (!unit) {
      auto loaded = LoadWorkUnit(ctx.db, op.work_unit, ctx.now, op.order_id, op.operation);
      if (!loaded.ok()) return loaded.error();
      unit = std::move(*loaded);
      auto settings = site::GetSiteSettings(ctx.db, ctx.now);
      if (!settings.ok()) return settings.error();
      context = RecordingContext{};
      context->now = ctx.now;
      context->late_entry_minutes = settings->late_entry_minutes;
      context->from_device = true;
    }
    auto last = LastValueFromTag(ctx.db, op.order_id, op.operation, spec->name, tag);
    if (!last.ok()) return last.error();
    std::optional<LastTagValue> last_value;
    if (*last)
      last_value = LastTagValue{(*last)->event.occurred_us,
                                BandOf((*last)->event.value, spec->low, spec->high)};
    // A device time beyond the clock tolerance is refused by the decision: leave it out
    // before choosing, so it does not stand in for a value that could be recorded.
    std::vector<TagReading> usable;
    for (const TagReading& r : tag_readings)
      if (r.device_time_us <= ctx.now + kClockToleranceMicros) usable.push_back(r);
    const OperatorFacts device{0, observed.source, {}};
    for (const SelectedReading& s :
         SelectTagReadings(last_value, usable, op.started_us, spec->low, spec->high)) {
      RecordParameter command;
      command.name = spec->name;
      command.value = usable[s.index].value;
      command.source = "equipment";
      command.time.occurred_us = usable[s.index].device_time_us;
      command.origin = TagOrigin{observed.source, tag, observed.seq, s.rule};
      auto decided = DecideRecordParameter(op, device, *unit, command, *context);
      if (!decided.ok()) continue;  // refused: the sample stays telemetry only
      events.push_back(detail::OnOrder(ref, decided->recorded));
      for (const auto& e : decided->exceptions) events.push_back(detail::OnOrder(ref, e));
    }
  }
  return events;
}

}  // namespace

Result<std::vector<ledger::Event>> TagParameterEvents(engine::WriteContext& ctx,
                                                      const equipment::ObservedSamples& observed) {
  // work unit -> tag -> readings
  std::map<std::string, std::map<std::string, std::vector<TagReading>>> by_unit;
  for (const auto& s : observed.samples) {
    auto wu = observed.tag_work_units.find(s.tag);
    if (wu == observed.tag_work_units.end()) continue;
    by_unit[wu->second][s.tag].push_back(TagReading{s.device_time_us, s.value});
  }
  Events events;
  std::int64_t deviations_opened = 0;
  for (const auto& [work_unit, readings] : by_unit) {
    // First whether an operation is in progress there (an indexed read; each operation
    // found and its order seal-checked), since only then the equipment's version, with
    // its tag mapping, is needed (a sealed row, parsed). So a work unit with nothing
    // running never reads its version.
    auto running = orders::RunningOnWorkUnit(ctx.db, work_unit);
    if (!running.ok()) return running.error();
    const bool in_progress = std::any_of(running->begin(), running->end(), [](const auto& pinned) {
      return pinned.state == kOpInProgress;
    });
    if (!in_progress) continue;
    auto version = masterdata::InForce(ctx.db, "equipment", work_unit, ctx.now);
    if (!version.ok()) return version.error();
    if (!*version) continue;
    const auto parameter_of_tag = ParameterOfTag((*version)->content);
    bool mapped = false;
    for (const auto& [tag, unused] : readings) mapped = mapped || parameter_of_tag.count(tag) > 0;
    if (!mapped) continue;
    for (const auto& pinned : *running) {
      if (pinned.state != kOpInProgress) continue;
      auto op = LoadOperation(ctx.db, pinned.order_id, pinned.operation);
      if (!op.ok()) return op.error();
      if (op->state != kOpInProgress || op->work_unit != work_unit) continue;
      auto op_events = OperationEvents(ctx, *op, parameter_of_tag, readings, observed);
      if (!op_events.ok()) return op_events.error();
      if (op_events->empty()) continue;
      const OperationRef ref{op->order_id, op->operation};
      engine::WriteContext at{ctx.db, ctx.next_seq + static_cast<std::int64_t>(events.size()),
                              ctx.now, ctx.durable_seq};
      ORDO_TRY(detail::OpenDeviations(
          at, ref, *op_events, [&] { return detail::LotsOf(ctx.db, ref); }, &deviations_opened));
      for (auto& e : *op_events) events.push_back(std::move(e));
    }
  }
  return events;
}

}  // namespace ordo::execution
