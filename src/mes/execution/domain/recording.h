// Data collection on a running operation: acknowledging the pinned work instructions,
// process parameters checked against their limits at once, characteristics checked
// against their specification, and late entries (DI-03). Pure decisions on facts, the
// command and the server's time; they return the events to record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mes/execution/domain/facts.h"
#include "mes/execution/events.h"

namespace ordo::execution {

// What every recording decision needs beside its command.
struct RecordingContext {
  TimeMicros now = 0;  // the server's time (the entry time)
  // A value taken more than this many minutes before `now` is a late entry (site setting;
  // a negative value counts as 0).
  std::int64_t late_entry_minutes = 60;  // site::SiteSettings::late_entry_minutes
  // The instruction hash this user acknowledged for this operation, if any.
  std::optional<std::string> acknowledged_hash;
  // True only when a registered device source sends the command (machine connectivity).
  // A person's session never is one, so it cannot record a value as equipment data.
  bool from_device = false;
};

// When a value was taken, as the command states it.
struct EntryTime {
  std::optional<TimeMicros> occurred_us;  // none = now
  std::string late_reason;                // why it is entered late ("" = none given)
};

// When the value was taken and whether it is a late entry.
struct EntryTiming {
  TimeMicros occurred_us = 0;
  bool late = false;
  std::optional<std::string> late_reason;
};

// How far a stated time may lie after the server's time (terminal clocks drift).
inline constexpr TimeMicros kClockToleranceMicros = 60'000'000;

// Decides the timing of an entry. Refusals: invalid_time (invalid_argument, field
// occurred_at) for a time more than kClockToleranceMicros after `now` or before the
// operation started; late_entry_reason_required (invalid_argument, field late_reason)
// for a time more than late_entry_minutes before `now` without a reason; invalid_argument
// (field late_reason) for a reason over 1000 bytes. A reason given for an entry that is
// not late is not kept.
Result<EntryTiming> DecideEntryTime(const OperationFacts& op, const EntryTime& time,
                                    const RecordingContext& context);

// Decides the acknowledgement of `op`'s pinned instructions by `person`: CheckRunning
// (start.h); `shown_hash`, when the terminal sends the hash of what it showed, must equal
// the pinned one (invalid_argument, field instruction_hash). Returns the event.
Result<InstructionsAcknowledged> DecideAcknowledge(const OperationFacts& op,
                                                   const OperatorFacts& person,
                                                   const std::optional<std::string>& shown_hash);

struct RecordParameter {
  std::string name;
  double value = 0;
  std::string source;  // "manual" (default when "") or "equipment"
  EntryTime time;
  // Set for a value taken from a telemetry tag mapped to the parameter (tag_values.h):
  // source must be equipment and sent by a device.
  std::optional<TagOrigin> origin;
};

// The recorded value and the exceptions it raises (parameter_out_of_limits, blocking
// completion when the parameter is critical; late_entry).
struct ParameterDecision {
  ParameterRecorded recorded;
  std::vector<ExceptionRecorded> exceptions;
};

// Decides a parameter value. `unit` is the work unit the operation runs on. Refusals, in
// this order: CheckMayRecord (start.h); unknown_parameter (invalid_argument, field name,
// naming the operation's parameters); invalid_value (field value: not a finite number);
// invalid_argument (field source: not manual or equipment); device_source_required
// (invalid_argument, field source) for an equipment value not sent by a device source
// (context.from_device); calibration_overdue (field source) for an equipment value from a
// work unit whose calibration is overdue (P11-08);
// DecideEntryTime. A value out of its limits is accepted (in_limits false) with an
// exception.
// A value from a tag (command.origin) is checked the same way except: the operation must
// run (CheckRunning; a machine acknowledges no instructions), the parameter's routing
// source must be equipment (invalid_argument, field source), and a late value gets the
// reason that the data source sent it late; it is recorded with user_id 0 and its origin.
Result<ParameterDecision> DecideRecordParameter(const OperationFacts& op,
                                                const OperatorFacts& person,
                                                const EquipmentFacts& unit,
                                                const RecordParameter& command,
                                                const RecordingContext& context);

struct RecordCharacteristic {
  std::string name;
  std::vector<double> values;  // one sample: exactly sample_size values
  EntryTime time;
};

struct CharacteristicDecision {
  CharacteristicRecorded recorded;
  std::vector<ExceptionRecorded> exceptions;  // characteristic_out_of_spec, late_entry
};

// Decides a characteristic sample. Refusals, in this order: CheckMayRecord;
// unknown_characteristic (invalid_argument, field name); sample_size_mismatch
// (invalid_argument, field values) unless there are exactly sample_size values;
// invalid_value (field values) for a value that is not finite; DecideEntryTime. Values
// outside the specification are accepted and flagged, with a non-blocking exception.
Result<CharacteristicDecision> DecideRecordCharacteristic(const OperationFacts& op,
                                                          const OperatorFacts& person,
                                                          const RecordCharacteristic& command,
                                                          const RecordingContext& context);

}  // namespace ordo::execution
