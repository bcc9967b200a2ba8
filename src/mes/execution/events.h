// The execution capability's published events: what the operator acknowledged and
// recorded while performing an operation, the exceptions raised on the way, and the
// compliance refusals (docs/execution.md). Subject of each: kind `order`, id = the
// order id; the operation is in the payload. The operation's state changes and the
// consumptions are events of orders and lots, emitted by execution's commands.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::execution {

// The subject kind of every execution event (the order's).
inline constexpr const char* kSubjectKind = "order";

// The operator read the pinned work instructions of an operation. `instruction_hash` is
// InstructionContentHash (domain/instructions.h) of the pinned spec.
struct InstructionsAcknowledged {
  static constexpr const char* kType = "execution.instructions_acknowledged";
  static constexpr int kVersion = 1;
  std::string order_id, operation;
  std::int64_t user_id = 0;
  std::string user;  // login name
  std::string instruction_hash;
  std::int64_t routing_version = 0;  // the pinned routing version the instructions are of
};

// A value of a process parameter, with the pinned limits it was checked against.
// `source` is how it was captured ("manual" or "equipment"), `spec_source` how the
// routing says it should be; `device` is the work unit for equipment values, else "".
// `late` marks a value entered more than the late-entry threshold after `occurred_us`
// (DI-03), with `late_reason`.
// Version 2 added `origin`: set for a value taken from a telemetry tag while the
// operation ran (user_id 0; the entry's actor is the data source), absent for a value a
// person entered. A version 1 payload is read as is (no origin: an operator's entry).
struct TagOrigin {
  std::string data_source;     // the registered data source that sent the sample
  std::string tag;             // the telemetry tag mapped to the parameter
  std::int64_t batch_seq = 0;  // the seq of the source's batch that carried it
  std::string rule;  // why this sample was recorded: first, limit_crossed, interval (docs)
};

struct ParameterRecorded {
  static constexpr const char* kType = "execution.parameter_recorded";
  static constexpr int kVersion = 2;
  std::string order_id, operation, name, unit;
  double value = 0;
  std::optional<double> low, high, target;  // null when the routing sets none
  bool in_limits = true;
  bool critical = false;
  std::string source, spec_source, work_unit, device;
  std::int64_t user_id = 0;
  bool late = false;
  std::optional<std::string> late_reason;
  std::int64_t occurred_us = 0;     // when the value was taken
  std::int64_t entered_us = 0;      // when it was entered (server time)
  std::optional<TagOrigin> origin;  // written only when set
};

// One sample of a characteristic: exactly `sample_size` values, each checked against the
// specification limits (`out_of_spec` counts those outside).
struct CharacteristicRecorded {
  static constexpr const char* kType = "execution.characteristic_recorded";
  static constexpr int kVersion = 1;
  std::string order_id, operation, name, unit;
  std::vector<double> values;
  std::int64_t sample_size = 1;
  std::optional<double> lower_spec, upper_spec;
  bool in_spec = true;
  std::int64_t out_of_spec = 0;
  std::int64_t user_id = 0;
  bool late = false;
  std::optional<std::string> late_reason;
  std::int64_t occurred_us = 0;
  std::int64_t entered_us = 0;
};

// An exception for review (IND-03): `kind` is one of the kException* names of
// domain/codes.h; `subject` names what it is about (a parameter, a characteristic, a
// material); `details` the values. `blocks_completion`: the operation cannot complete
// until the exception is dispositioned (a critical parameter out of limits).
struct ExceptionRecorded {
  static constexpr const char* kType = "execution.exception_recorded";
  static constexpr int kVersion = 1;
  std::string order_id, operation, kind, subject, message;
  Json details = Json::object();
  bool blocks_completion = false;
};

// A compliance refusal (IsComplianceRefusal, domain/codes.h), recorded as its own
// command: `command` is the refused command ("start", "consume", ...), `code` its stable
// refusal code, `field` the input field, `details` the command's input.
struct CommandRefused {
  static constexpr const char* kType = "execution.command_refused";
  static constexpr int kVersion = 1;
  std::string order_id, operation, command, code, field, message;
  Json details = Json::object();
};

void to_json(Json& j, const InstructionsAcknowledged& e);
void from_json(const Json& j, InstructionsAcknowledged& e);
void to_json(Json& j, const ParameterRecorded& e);
void from_json(const Json& j, ParameterRecorded& e);
// Registers the upcaster of execution.parameter_recorded version 1 (capability.cc).
void RegisterUpcasters();
void to_json(Json& j, const CharacteristicRecorded& e);
void from_json(const Json& j, CharacteristicRecorded& e);
void to_json(Json& j, const ExceptionRecorded& e);
void from_json(const Json& j, ExceptionRecorded& e);
void to_json(Json& j, const CommandRefused& e);
void from_json(const Json& j, CommandRefused& e);

}  // namespace ordo::execution
