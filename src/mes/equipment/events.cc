// JSON of the equipment events (the stored payload shapes; docs/event-schema.md).
#include "mes/equipment/events.h"

namespace ordo::equipment {

namespace {

Json CountsJson(const Counts& c) {
  return Json{{"total", c.total}, {"good", c.good}, {"scrap", c.scrap}, {"rework", c.rework}};
}

Counts CountsOf(const Json& j) {
  return Counts{j.at("total").get<std::int64_t>(), j.at("good").get<std::int64_t>(),
                j.at("scrap").get<std::int64_t>(), j.at("rework").get<std::int64_t>()};
}

void PutSkew(Json& j, const std::optional<std::int64_t>& skew) {
  if (skew) j["skew_us"] = *skew;
}

std::optional<std::int64_t> SkewOf(const Json& j) {
  if (j.contains("skew_us")) return j["skew_us"].get<std::int64_t>();
  return std::nullopt;
}

// The sparkplug device map and node work unit: written only when set, read when present.
void PutDeviceMap(Json& j, const std::map<std::string, std::string>& devices,
                  const std::string& node_work_unit) {
  if (!devices.empty()) j["devices"] = devices;
  if (!node_work_unit.empty()) j["node_work_unit"] = node_work_unit;
}

void GetDeviceMap(const Json& j, std::map<std::string, std::string>& devices,
                  std::string& node_work_unit) {
  if (j.contains("devices")) j.at("devices").get_to(devices);
  if (j.contains("node_work_unit")) j.at("node_work_unit").get_to(node_work_unit);
}

}  // namespace

void to_json(Json& j, const Context& e) {
  j = Json{{"order_id", e.order_id},
           {"operation", e.operation},
           {"lot", e.lot},
           {"product", e.product},
           {"operator", e.operator_name}};
}

void from_json(const Json& j, Context& e) {
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("lot").get_to(e.lot);
  j.at("product").get_to(e.product);
  j.at("operator").get_to(e.operator_name);
}

void to_json(Json& j, const SourceRegistered& e) {
  j = Json{
      {"name", e.name},        {"kind", e.kind},         {"work_units", e.work_units},
      {"enabled", e.enabled},  {"counter", e.counter},   {"rollover_modulus", e.rollover_modulus},
      {"topics", e.topics},    {"group_id", e.group_id}, {"edge_node", e.edge_node},
      {"key_hash", e.key_hash}};
  PutDeviceMap(j, e.devices, e.node_work_unit);
}

void from_json(const Json& j, SourceRegistered& e) {
  j.at("name").get_to(e.name);
  j.at("kind").get_to(e.kind);
  j.at("work_units").get_to(e.work_units);
  j.at("enabled").get_to(e.enabled);
  j.at("counter").get_to(e.counter);
  j.at("rollover_modulus").get_to(e.rollover_modulus);
  j.at("topics").get_to(e.topics);
  j.at("group_id").get_to(e.group_id);
  j.at("edge_node").get_to(e.edge_node);
  j.at("key_hash").get_to(e.key_hash);
  GetDeviceMap(j, e.devices, e.node_work_unit);
}

void to_json(Json& j, const SourceUpdated& e) {
  j = Json{{"name", e.name}, {"work_units", e.work_units}, {"enabled", e.enabled}};
  PutDeviceMap(j, e.devices, e.node_work_unit);
}

void from_json(const Json& j, SourceUpdated& e) {
  j.at("name").get_to(e.name);
  j.at("work_units").get_to(e.work_units);
  j.at("enabled").get_to(e.enabled);
  GetDeviceMap(j, e.devices, e.node_work_unit);
}

void to_json(Json& j, const SourceKeyRotated& e) {
  j = Json{{"name", e.name}, {"key_hash", e.key_hash}};
}

void from_json(const Json& j, SourceKeyRotated& e) {
  j.at("name").get_to(e.name);
  j.at("key_hash").get_to(e.key_hash);
}

void to_json(Json& j, const BatchAccepted& e) {
  j = Json{{"source", e.source}, {"seq", e.seq},       {"batch_hash", e.batch_hash},
           {"states", e.states}, {"counts", e.counts}, {"received_us", e.received_us}};
}

void from_json(const Json& j, BatchAccepted& e) {
  j.at("source").get_to(e.source);
  j.at("seq").get_to(e.seq);
  j.at("batch_hash").get_to(e.batch_hash);
  j.at("states").get_to(e.states);
  j.at("counts").get_to(e.counts);
  j.at("received_us").get_to(e.received_us);
}

void to_json(Json& j, const StateChanged& e) {
  j = Json{{"work_unit", e.work_unit},
           {"state", e.state},
           {"sub_reason", e.sub_reason},
           {"reason_code", e.reason_code},
           {"reason_list_version", e.reason_list_version},
           {"device_time_us", e.device_time_us},
           {"received_us", e.received_us},
           {"source", e.source},
           {"source_seq", e.source_seq},
           {"index", e.index},
           {"context", e.context}};
  PutSkew(j, e.skew_us);
}

void from_json(const Json& j, StateChanged& e) {
  j.at("work_unit").get_to(e.work_unit);
  j.at("state").get_to(e.state);
  j.at("sub_reason").get_to(e.sub_reason);
  j.at("reason_code").get_to(e.reason_code);
  j.at("reason_list_version").get_to(e.reason_list_version);
  j.at("device_time_us").get_to(e.device_time_us);
  j.at("received_us").get_to(e.received_us);
  j.at("source").get_to(e.source);
  j.at("source_seq").get_to(e.source_seq);
  j.at("index").get_to(e.index);
  j.at("context").get_to(e.context);
  e.skew_us = SkewOf(j);
}

void to_json(Json& j, const Counted& e) {
  j = Json{{"work_unit", e.work_unit},
           {"counter", e.counter},
           {"device_time_us", e.device_time_us},
           {"received_us", e.received_us},
           {"source", e.source},
           {"source_seq", e.source_seq},
           {"index", e.index},
           {"context", e.context}};
  if (e.counter == "cumulative") {
    j["raw"] = CountsJson(e.counts);
  } else {
    const Json c = CountsJson(e.counts);
    for (auto it = c.begin(); it != c.end(); ++it) j[it.key()] = it.value();
  }
  PutSkew(j, e.skew_us);
}

void from_json(const Json& j, Counted& e) {
  j.at("work_unit").get_to(e.work_unit);
  j.at("counter").get_to(e.counter);
  j.at("device_time_us").get_to(e.device_time_us);
  j.at("received_us").get_to(e.received_us);
  j.at("source").get_to(e.source);
  j.at("source_seq").get_to(e.source_seq);
  j.at("index").get_to(e.index);
  j.at("context").get_to(e.context);
  e.counts = e.counter == "cumulative" ? CountsOf(j.at("raw")) : CountsOf(j);
  e.skew_us = SkewOf(j);
}

void to_json(Json& j, const DataRefused& e) {
  j = Json{{"source", e.source},
           {"reason_code", e.reason_code},
           {"detail", e.detail},
           {"source_seq", e.source_seq}};
  if (e.suppressed > 0) j["suppressed"] = e.suppressed;
}

void from_json(const Json& j, DataRefused& e) {
  j.at("source").get_to(e.source);
  j.at("reason_code").get_to(e.reason_code);
  j.at("detail").get_to(e.detail);
  j.at("source_seq").get_to(e.source_seq);
  e.suppressed = j.value("suppressed", std::int64_t{0});
}

void to_json(Json& j, const SparkplugRebirthRequested& e) {
  j = Json{{"source", e.source},
           {"group_id", e.group_id},
           {"edge_node", e.edge_node},
           {"reason", e.reason},
           {"detail", e.detail}};
}

void from_json(const Json& j, SparkplugRebirthRequested& e) {
  j.at("source").get_to(e.source);
  j.at("group_id").get_to(e.group_id);
  j.at("edge_node").get_to(e.edge_node);
  j.at("reason").get_to(e.reason);
  j.at("detail").get_to(e.detail);
}

void to_json(Json& j, const AvailabilityOverridden& e) {
  j = Json{{"work_unit", e.work_unit},
           {"down_since_us", e.down_since_us},
           {"reason_code", e.reason_code},
           {"reason", e.reason}};
}

void from_json(const Json& j, AvailabilityOverridden& e) {
  j.at("work_unit").get_to(e.work_unit);
  j.at("down_since_us").get_to(e.down_since_us);
  j.at("reason_code").get_to(e.reason_code);
  j.at("reason").get_to(e.reason);
}

void to_json(Json& j, const DowntimeReasonAssigned& e) {
  j = Json{{"work_unit", e.work_unit},
           {"interval_start_us", e.interval_start_us},
           {"reason_code", e.reason_code},
           {"reason_list_version", e.reason_list_version},
           {"comment", e.comment}};
}

void from_json(const Json& j, DowntimeReasonAssigned& e) {
  j.at("work_unit").get_to(e.work_unit);
  j.at("interval_start_us").get_to(e.interval_start_us);
  j.at("reason_code").get_to(e.reason_code);
  j.at("reason_list_version").get_to(e.reason_list_version);
  j.at("comment").get_to(e.comment);
}

}  // namespace ordo::equipment
