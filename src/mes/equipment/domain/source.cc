// The source registry's decisions (source.h).
#include "mes/equipment/domain/source.h"

#include <algorithm>
#include <set>

namespace ordo::equipment {

namespace {

bool IsName(const std::string& s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '.' || c == '_' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Status CheckWorkUnits(const std::vector<std::string>& work_units) {
  if (work_units.empty() || work_units.size() > 200)
    return Error::Invalid("work_units", "work_units must list 1 to 200 work unit ids");
  std::set<std::string> seen;
  for (const auto& wu : work_units) {
    if (wu.empty() || wu.size() > 64)
      return Error::Invalid("work_units", "each work unit id is 1 to 64 characters");
    if (!seen.insert(wu).second)
      return Error::Invalid("work_units", "work unit '" + wu + "' is listed twice");
  }
  return Ok();
}

Error Missing(const std::vector<std::string>& missing) {
  return Error{ErrorCode::kNotFound,
               "there is no work unit '" + missing.front() +
                   "' in master data (equipment of "
                   "level work_unit in force)",
               "work_units", "unknown_work_unit"};
}

}  // namespace

Status ValidateSource(const SourceRegistered& s) {
  if (!IsName(s.name))
    return Error::Invalid("name",
                          "name must be 1 to 64 letters, digits, '.', '_' or '-' (it is the "
                          "source's id)");
  if (s.kind != "rest" && s.kind != "mqtt" && s.kind != "sparkplug")
    return Error::Invalid("kind", "kind must be rest, mqtt or sparkplug");
  ORDO_TRY(CheckWorkUnits(s.work_units));
  if (s.counter != "increment" && s.counter != "cumulative")
    return Error::Invalid("counter", "counter must be increment or cumulative");
  if (s.rollover_modulus != 0 &&
      (s.counter != "cumulative" || s.rollover_modulus < 2 || s.rollover_modulus > (1LL << 62)))
    return Error::Invalid("rollover_modulus",
                          "rollover_modulus is 2 to 2^62, and only for a cumulative counter");
  if (!s.topics.empty() && s.kind != "mqtt")
    return Error::Invalid("topics", "only an mqtt source owns topics");
  if (s.topics.size() > 200) return Error::Invalid("topics", "at most 200 topics");
  for (const auto& t : s.topics)
    if (t.empty() || t.size() > 200)
      return Error::Invalid("topics", "each topic is 1 to 200 characters");
  const bool sparkplug = s.kind == "sparkplug";
  if (sparkplug && (s.group_id.empty() || s.edge_node.empty()))
    return Error::Invalid(s.group_id.empty() ? "group_id" : "edge_node",
                          "a sparkplug source names its group_id and edge_node");
  if (!sparkplug && (!s.group_id.empty() || !s.edge_node.empty()))
    return Error::Invalid(s.group_id.empty() ? "edge_node" : "group_id",
                          "only a sparkplug source has a group_id and edge_node");
  if (s.group_id.size() > 64 || s.edge_node.size() > 64)
    return Error::Invalid("group_id", "group_id and edge_node are at most 64 characters");
  if ((s.kind == "rest") != !s.key_hash.empty())
    return Error::Invalid("kind", "a rest source, and only a rest source, has an API key");
  return CheckDeviceMap(s);
}

Status CheckDeviceMap(const SourceRegistered& s) {
  if (s.kind != "sparkplug" && (!s.devices.empty() || !s.node_work_unit.empty()))
    return Error::Invalid(s.devices.empty() ? "node_work_unit" : "devices",
                          "only a sparkplug source maps devices and its edge node to work units",
                          "not_sparkplug");
  if (s.devices.size() > 200)
    return Error::Invalid("devices", "devices maps at most 200 device ids", "too_many_devices");
  auto listed = [&](const std::string& wu) {
    return std::find(s.work_units.begin(), s.work_units.end(), wu) != s.work_units.end();
  };
  for (const auto& [device, work_unit] : s.devices) {
    if (device.empty() || device.size() > 64 || device.find_first_of("/+#") != std::string::npos)
      return Error::Invalid("devices",
                            "each device id in devices is 1 to 64 characters without '/', '+' "
                            "or '#' (a Sparkplug device id), not '" +
                                device + "'",
                            "invalid_device_id");
    if (!listed(work_unit))
      return Error::Invalid("devices." + device,
                            "device '" + device + "' maps to '" + work_unit +
                                "', which is not one of the source's work_units",
                            "device_work_unit_not_listed");
  }
  if (!s.node_work_unit.empty() && !listed(s.node_work_unit))
    return Error::Invalid(
        "node_work_unit",
        "node_work_unit '" + s.node_work_unit + "' is not one of the source's work_units",
        "node_work_unit_not_listed");
  return Ok();
}

Result<std::map<std::string, std::string>> DeviceMapOf(const Json& devices) {
  std::map<std::string, std::string> out;
  if (!devices.is_object())
    return Error::Invalid("devices", "devices must be an object of device id -> work unit id",
                          "wrong_type");
  for (const auto& [device, work_unit] : devices.items()) {
    if (!work_unit.is_string())
      return Error::Invalid("devices." + device,
                            "devices." + device + " must be a work unit id (a string)",
                            "wrong_type");
    out[device] = work_unit.get<std::string>();
  }
  return out;
}

Result<ledger::Event> DecideRegisterSource(const SourceRegistered& source, bool name_taken,
                                           const std::vector<std::string>& missing_work_units) {
  ORDO_TRY(ValidateSource(source));
  if (name_taken)
    return Error{ErrorCode::kConflict, "a source named '" + source.name + "' is registered", "name",
                 "source_exists"};
  if (!missing_work_units.empty()) return Missing(missing_work_units);
  return ledger::MakeEvent(source, kSourceSubject, source.name);
}

Result<ledger::Event> DecideUpdateSource(const SourceRegistered& current,
                                         const SourceChange& change,
                                         const std::vector<std::string>& missing_work_units) {
  if (!change.enabled && !change.work_units && !change.devices && !change.node_work_unit)
    return Error::Invalid("enabled",
                          "give enabled, work_units, devices and/or node_work_unit to change",
                          "no_change");
  // Even an empty map or node ("clear") is refused for another kind: it would record a
  // change that changes nothing.
  if (current.kind != "sparkplug" && (change.devices || change.node_work_unit))
    return Error::Invalid(change.devices ? "devices" : "node_work_unit",
                          "only a sparkplug source maps devices and its edge node to work units "
                          "(source '" +
                              current.name + "' is " + current.kind + ")",
                          "not_sparkplug");
  SourceRegistered next = current;
  if (change.enabled) next.enabled = *change.enabled;
  if (change.work_units) next.work_units = *change.work_units;
  if (change.devices) next.devices = *change.devices;
  if (change.node_work_unit) next.node_work_unit = *change.node_work_unit;
  ORDO_TRY(CheckWorkUnits(next.work_units));
  ORDO_TRY(CheckDeviceMap(next));
  if (!missing_work_units.empty()) return Missing(missing_work_units);
  SourceUpdated e{current.name, next.work_units, next.enabled, next.devices, next.node_work_unit};
  return ledger::MakeEvent(e, kSourceSubject, current.name);
}

Result<ledger::Event> DecideRotateKey(const SourceRegistered& current,
                                      const std::string& key_hash) {
  if (current.kind != "rest")
    return Error{
        ErrorCode::kFailedPrecondition,
        "source '" + current.name + "' is " + current.kind + ": only a rest source has an API key",
        "name", "not_a_rest_source"};
  return ledger::MakeEvent(SourceKeyRotated{current.name, key_hash}, kSourceSubject, current.name);
}

}  // namespace ordo::equipment
