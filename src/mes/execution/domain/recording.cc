// Acknowledgement, parameters, characteristics and late entries (recording.h).
#include "mes/execution/domain/recording.h"

#include <algorithm>
#include <cmath>

#include "mes/execution/domain/codes.h"
#include "mes/execution/domain/readiness.h"
#include "mes/execution/domain/start.h"

namespace ordo::execution {

namespace {

std::string Limits(const std::optional<double>& low, const std::optional<double>& high,
                   const std::string& unit) {
  const std::string u = unit.empty() ? "" : " " + unit;
  if (low && high) return FormatNumber(*low) + " to " + FormatNumber(*high) + u;
  if (low) return "at least " + FormatNumber(*low) + u;
  if (high) return "at most " + FormatNumber(*high) + u;
  return "no limits";
}

bool Within(double v, const std::optional<double>& low, const std::optional<double>& high) {
  return (!low || v >= *low) && (!high || v <= *high);
}

Json OrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

ExceptionRecorded LateException(const OperationFacts& op, const std::string& subject,
                                const EntryTiming& timing, TimeMicros now) {
  return ExceptionRecorded{op.order_id,
                           op.operation,
                           kLateEntry,
                           subject,
                           "The value of " + subject + " taken at " +
                               FormatUtcMicros(timing.occurred_us) + " was entered late, at " +
                               FormatUtcMicros(now) + ": " + timing.late_reason.value_or(""),
                           Json{{"occurred_us", timing.occurred_us},
                                {"entered_us", now},
                                {"late_reason", timing.late_reason.value_or("")}},
                           false};
}

}  // namespace

Result<EntryTiming> DecideEntryTime(const OperationFacts& op, const EntryTime& time,
                                    const RecordingContext& context) {
  if (time.late_reason.size() > 1000)
    return Error::Invalid("late_reason", "The late-entry reason must be at most 1000 characters.");
  EntryTiming timing;
  timing.occurred_us = time.occurred_us.value_or(context.now);
  if (timing.occurred_us > context.now + kClockToleranceMicros)
    return Refuse(ErrorCode::kInvalidArgument, kInvalidTime, "occurred_at",
                  "The time " + FormatUtcMicros(timing.occurred_us) +
                      " lies in the future (server time " + FormatUtcMicros(context.now) +
                      "); give the time the value was taken.");
  if (op.started_us > 0 && timing.occurred_us < op.started_us)
    return Refuse(ErrorCode::kInvalidArgument, kInvalidTime, "occurred_at",
                  "The time " + FormatUtcMicros(timing.occurred_us) + " is before operation " +
                      op.operation + " started at " + FormatUtcMicros(op.started_us) + ".");
  const TimeMicros threshold = std::max<std::int64_t>(0, context.late_entry_minutes) * 60'000'000;
  if (context.now - timing.occurred_us > threshold) {
    if (time.late_reason.empty())
      return Refuse(ErrorCode::kInvalidArgument, kLateEntryReasonRequired, "late_reason",
                    "This value was taken at " + FormatUtcMicros(timing.occurred_us) +
                        ", more than " + std::to_string(context.late_entry_minutes) +
                        " minutes ago; a late entry needs a reason.");
    timing.late = true;
    timing.late_reason = time.late_reason;
  }
  return timing;
}

Result<InstructionsAcknowledged> DecideAcknowledge(const OperationFacts& op,
                                                   const OperatorFacts& person,
                                                   const std::optional<std::string>& shown_hash) {
  ORDO_TRY(CheckRunning(op));
  if (shown_hash && *shown_hash != op.spec.instruction_hash)
    return Error::Invalid("instruction_hash",
                          "The instructions shown are not the ones pinned for operation " +
                              op.operation + "; reload them and acknowledge again.");
  return InstructionsAcknowledged{
      op.order_id,       op.operation, person.user_id, person.user, op.spec.instruction_hash,
      op.routing_version};
}

Result<ParameterDecision> DecideRecordParameter(const OperationFacts& op,
                                                const OperatorFacts& person,
                                                const EquipmentFacts& unit,
                                                const RecordParameter& c,
                                                const RecordingContext& context) {
  if (c.origin)
    ORDO_TRY(CheckRunning(op));
  else
    ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  const ParameterSpec* spec = nullptr;
  std::string known;
  for (const ParameterSpec& p : op.spec.parameters) {
    if (p.name == c.name) spec = &p;
    known += (known.empty() ? "" : ", ") + p.name;
  }
  if (!spec)
    return Refuse(ErrorCode::kInvalidArgument, kUnknownParameter, "name",
                  "Operation " + op.operation + " has no parameter '" + c.name +
                      "'; expected one of: " + (known.empty() ? "(none)" : known) + ".");
  if (!std::isfinite(c.value))
    return Refuse(ErrorCode::kInvalidArgument, kInvalidValue, "value",
                  "The value of " + c.name + " must be a number.");
  const std::string source = c.source.empty() ? "manual" : c.source;
  if (source != "manual" && source != "equipment")
    return Error::Invalid("source",
                          "The source must be manual or equipment, not '" + c.source + "'.");
  if (source == "equipment" && !context.from_device)
    return Refuse(ErrorCode::kInvalidArgument, kDeviceSourceRequired, "source",
                  "Only a registered device source records equipment values; a value typed "
                  "in from the equipment's display is recorded with source manual.");
  if (c.origin && (source != "equipment" || spec->source != "equipment"))
    return Error::Invalid("source", "Parameter " + spec->name +
                                        " is entered by hand (its routing source is " +
                                        spec->source + "); a tag does not feed it.");
  if (source == "equipment") ORDO_TRY(CheckDeviceCalibration(unit, UtcDay(context.now), "source"));
  EntryTime time = c.time;
  if (c.origin && time.late_reason.empty())
    time.late_reason = "data source " + c.origin->data_source + " sent the value of tag " +
                       c.origin->tag + " late";
  auto timing = DecideEntryTime(op, time, context);
  if (!timing.ok()) return timing.error();

  ParameterDecision d;
  ParameterRecorded& r = d.recorded;
  r.order_id = op.order_id;
  r.operation = op.operation;
  r.name = spec->name;
  r.unit = spec->unit;
  r.value = c.value;
  r.low = spec->low;
  r.high = spec->high;
  r.target = spec->target;
  r.in_limits = Within(c.value, spec->low, spec->high);
  r.critical = spec->critical;
  r.source = source;
  r.spec_source = spec->source;
  r.work_unit = op.work_unit;
  r.device = source == "equipment" ? op.work_unit : "";
  r.user_id = person.user_id;
  r.late = timing->late;
  r.late_reason = timing->late_reason;
  r.occurred_us = timing->occurred_us;
  r.entered_us = context.now;
  r.origin = c.origin;
  if (!r.in_limits)
    d.exceptions.push_back(ExceptionRecorded{
        op.order_id, op.operation, kParameterOutOfLimits, spec->name,
        std::string(spec->critical ? "Critical parameter " : "Parameter ") + spec->name + " is " +
            FormatNumber(c.value) + (spec->unit.empty() ? "" : " " + spec->unit) +
            ", outside its limits of " + Limits(spec->low, spec->high, spec->unit) +
            (spec->critical ? "; the operation cannot complete until a deviation is "
                              "dispositioned."
                            : "."),
        Json{{"value", c.value},
             {"low", OrNull(spec->low)},
             {"high", OrNull(spec->high)},
             {"unit", spec->unit},
             {"critical", spec->critical}},
        spec->critical});
  if (!r.in_limits && c.origin) {
    ExceptionRecorded& x = d.exceptions.back();
    x.message += " Taken from tag " + c.origin->tag + " (data source " + c.origin->data_source +
                 ") at " + FormatUtcMicros(r.occurred_us) + ".";
    x.details["tag"] = c.origin->tag;
    x.details["data_source"] = c.origin->data_source;
  }
  if (r.late) d.exceptions.push_back(LateException(op, spec->name, *timing, context.now));
  return d;
}

Result<CharacteristicDecision> DecideRecordCharacteristic(const OperationFacts& op,
                                                          const OperatorFacts& person,
                                                          const RecordCharacteristic& c,
                                                          const RecordingContext& context) {
  ORDO_TRY(CheckMayRecord(op, context.acknowledged_hash));
  const CharacteristicSpec* spec = nullptr;
  std::string known;
  for (const CharacteristicSpec& s : op.spec.characteristics) {
    if (s.name == c.name) spec = &s;
    known += (known.empty() ? "" : ", ") + s.name;
  }
  if (!spec)
    return Refuse(ErrorCode::kInvalidArgument, kUnknownCharacteristic, "name",
                  "Operation " + op.operation + " has no characteristic '" + c.name +
                      "'; expected one of: " + (known.empty() ? "(none)" : known) + ".");
  if (static_cast<std::int64_t>(c.values.size()) != spec->sample_size)
    return Refuse(ErrorCode::kInvalidArgument, kSampleSizeMismatch, "values",
                  "A sample of " + spec->name + " has " + std::to_string(spec->sample_size) +
                      " value" + (spec->sample_size == 1 ? "" : "s") + "; " +
                      std::to_string(c.values.size()) + " were given.");
  for (double v : c.values)
    if (!std::isfinite(v))
      return Refuse(ErrorCode::kInvalidArgument, kInvalidValue, "values",
                    "Every value of " + spec->name + " must be a number.");
  auto timing = DecideEntryTime(op, c.time, context);
  if (!timing.ok()) return timing.error();

  CharacteristicDecision d;
  CharacteristicRecorded& r = d.recorded;
  r.order_id = op.order_id;
  r.operation = op.operation;
  r.name = spec->name;
  r.unit = spec->unit;
  r.values = c.values;
  r.sample_size = spec->sample_size;
  r.lower_spec = spec->lower_spec;
  r.upper_spec = spec->upper_spec;
  for (double v : c.values)
    if (!Within(v, spec->lower_spec, spec->upper_spec)) ++r.out_of_spec;
  r.in_spec = r.out_of_spec == 0;
  r.user_id = person.user_id;
  r.late = timing->late;
  r.late_reason = timing->late_reason;
  r.occurred_us = timing->occurred_us;
  r.entered_us = context.now;
  if (!r.in_spec)
    d.exceptions.push_back(
        ExceptionRecorded{op.order_id, op.operation, kCharacteristicOutOfSpec, spec->name,
                          std::to_string(r.out_of_spec) + " of " + std::to_string(r.sample_size) +
                              " values of " + spec->name + " lie outside the specification of " +
                              Limits(spec->lower_spec, spec->upper_spec, spec->unit) + ".",
                          Json{{"values", c.values},
                               {"lower_spec", OrNull(spec->lower_spec)},
                               {"upper_spec", OrNull(spec->upper_spec)},
                               {"out_of_spec", r.out_of_spec}},
                          false});
  if (r.late) d.exceptions.push_back(LateException(op, spec->name, *timing, context.now));
  return d;
}

}  // namespace ordo::execution
