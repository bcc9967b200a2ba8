// JSON of the execution capability's events (the stored payload shape;
// docs/event-schema.md). Optional numbers and reasons are written as null.
#include "mes/execution/events.h"

#include "ledger/event_schema.h"

namespace ordo::execution {

namespace {

Json OrNull(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }
Json OrNull(const std::optional<std::string>& v) { return v ? Json(*v) : Json(nullptr); }

std::optional<double> OptionalNumber(const Json& j, const char* key) {
  if (j.contains(key) && j.at(key).is_number()) return j.at(key).get<double>();
  return std::nullopt;
}

std::optional<std::string> OptionalString(const Json& j, const char* key) {
  if (j.contains(key) && j.at(key).is_string()) return j.at(key).get<std::string>();
  return std::nullopt;
}

}  // namespace

void to_json(Json& j, const InstructionsAcknowledged& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"user_id", e.user_id},
           {"user", e.user},
           {"instruction_hash", e.instruction_hash},
           {"routing_version", e.routing_version}};
}

void from_json(const Json& j, InstructionsAcknowledged& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("user_id").get_to(e.user_id);
  j.at("user").get_to(e.user);
  j.at("instruction_hash").get_to(e.instruction_hash);
  j.at("routing_version").get_to(e.routing_version);
}

void to_json(Json& j, const ParameterRecorded& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"name", e.name},
           {"unit", e.unit},
           {"value", e.value},
           {"low", OrNull(e.low)},
           {"high", OrNull(e.high)},
           {"target", OrNull(e.target)},
           {"in_limits", e.in_limits},
           {"critical", e.critical},
           {"source", e.source},
           {"spec_source", e.spec_source},
           {"work_unit", e.work_unit},
           {"device", e.device},
           {"user_id", e.user_id},
           {"late", e.late},
           {"late_reason", OrNull(e.late_reason)},
           {"occurred_us", e.occurred_us},
           {"entered_us", e.entered_us}};
  if (e.origin)
    j["origin"] = Json{{"data_source", e.origin->data_source},
                       {"tag", e.origin->tag},
                       {"batch_seq", e.origin->batch_seq},
                       {"rule", e.origin->rule}};
}

void from_json(const Json& j, ParameterRecorded& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("name").get_to(e.name);
  j.at("unit").get_to(e.unit);
  j.at("value").get_to(e.value);
  e.low = OptionalNumber(j, "low");
  e.high = OptionalNumber(j, "high");
  e.target = OptionalNumber(j, "target");
  j.at("in_limits").get_to(e.in_limits);
  j.at("critical").get_to(e.critical);
  j.at("source").get_to(e.source);
  j.at("spec_source").get_to(e.spec_source);
  j.at("work_unit").get_to(e.work_unit);
  j.at("device").get_to(e.device);
  j.at("user_id").get_to(e.user_id);
  j.at("late").get_to(e.late);
  e.late_reason = OptionalString(j, "late_reason");
  j.at("occurred_us").get_to(e.occurred_us);
  j.at("entered_us").get_to(e.entered_us);
  e.origin.reset();
  if (j.contains("origin") && j.at("origin").is_object()) {
    const Json& o = j.at("origin");
    TagOrigin origin;
    o.at("data_source").get_to(origin.data_source);
    o.at("tag").get_to(origin.tag);
    o.at("batch_seq").get_to(origin.batch_seq);
    o.at("rule").get_to(origin.rule);
    e.origin = std::move(origin);
  }
}

void RegisterUpcasters() {
  // Version 1 had no origin: every value was a person's entry, which version 2 writes
  // without one too.
  ledger::RegisterUpcaster(ParameterRecorded::kType, 1, [](const Json& p) { return p; });
}

void to_json(Json& j, const CharacteristicRecorded& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"name", e.name},
           {"unit", e.unit},
           {"values", e.values},
           {"sample_size", e.sample_size},
           {"lower_spec", OrNull(e.lower_spec)},
           {"upper_spec", OrNull(e.upper_spec)},
           {"in_spec", e.in_spec},
           {"out_of_spec", e.out_of_spec},
           {"user_id", e.user_id},
           {"late", e.late},
           {"late_reason", OrNull(e.late_reason)},
           {"occurred_us", e.occurred_us},
           {"entered_us", e.entered_us}};
}

void from_json(const Json& j, CharacteristicRecorded& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("name").get_to(e.name);
  j.at("unit").get_to(e.unit);
  j.at("values").get_to(e.values);
  j.at("sample_size").get_to(e.sample_size);
  e.lower_spec = OptionalNumber(j, "lower_spec");
  e.upper_spec = OptionalNumber(j, "upper_spec");
  j.at("in_spec").get_to(e.in_spec);
  j.at("out_of_spec").get_to(e.out_of_spec);
  j.at("user_id").get_to(e.user_id);
  j.at("late").get_to(e.late);
  e.late_reason = OptionalString(j, "late_reason");
  j.at("occurred_us").get_to(e.occurred_us);
  j.at("entered_us").get_to(e.entered_us);
}

void to_json(Json& j, const ExceptionRecorded& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"kind", e.kind},
           {"subject", e.subject},
           {"message", e.message},
           {"details", e.details},
           {"blocks_completion", e.blocks_completion}};
}

void from_json(const Json& j, ExceptionRecorded& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("kind").get_to(e.kind);
  j.at("subject").get_to(e.subject);
  j.at("message").get_to(e.message);
  e.details = j.at("details");
  j.at("blocks_completion").get_to(e.blocks_completion);
}

void to_json(Json& j, const CommandRefused& e) {
  j = Json{{"order_id", e.order_id}, {"operation", e.operation}, {"command", e.command},
           {"code", e.code},         {"field", e.field},         {"message", e.message},
           {"details", e.details}};
}

void from_json(const Json& j, CommandRefused& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("command").get_to(e.command);
  j.at("code").get_to(e.code);
  j.at("field").get_to(e.field);
  j.at("message").get_to(e.message);
  e.details = j.at("details");
}

}  // namespace ordo::execution
