// The source registry's decisions: registering a data source, changing it (enabled, work
// units) and rotating a rest source's API key. Pure: whether names exist arrives as
// values; the key's hash is made by the caller (the key itself never reaches the ledger).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {

// Checks a registration alone: name 1 to 64 of letters, digits, '.', '_', '-'; kind rest,
// mqtt or sparkplug; 1 to 200 distinct work units; counter increment or cumulative;
// rollover_modulus 0 or 2 to 2^62, only with cumulative; topics only for mqtt (at most 200,
// 1 to 200 characters each; none = the default ordo/<site>/<work_unit>/#); group_id and
// edge_node required for sparkplug and only there; key_hash set for rest only; the device
// map as CheckDeviceMap. Refusals invalid_argument naming the field.
Status ValidateSource(const SourceRegistered& source);

// Checks a source's Sparkplug device map and node work unit (invalid_argument):
// not_sparkplug (field devices or node_work_unit) when set on another kind;
// too_many_devices (devices) over 200; invalid_device_id (devices) for a device id that is
// empty, over 64 characters or holds '/', '+' or '#'; device_work_unit_not_listed (field
// devices.<device id>) when a device maps to a work unit that is not in work_units;
// node_work_unit_not_listed (node_work_unit) likewise.
Status CheckDeviceMap(const SourceRegistered& source);

// The device map of a request body's `devices` object (device id -> work unit id). Refusal
// invalid_argument wrong_type (field devices.<device id>) for a value that is no string.
Result<std::map<std::string, std::string>> DeviceMapOf(const Json& devices);

// The registration event. Refusals: ValidateSource's; conflict source_exists (field name)
// when `name_taken`; not_found unknown_work_unit (field work_units) naming the first of
// `missing_work_units` (the ones that are no work unit in master data).
Result<ledger::Event> DecideRegisterSource(const SourceRegistered& source, bool name_taken,
                                           const std::vector<std::string>& missing_work_units);

// A change of a source; nullopt: unchanged.
struct SourceChange {
  std::optional<bool> enabled;
  std::optional<std::vector<std::string>> work_units;
  std::optional<std::map<std::string, std::string>> devices;  // sparkplug; {} clears
  std::optional<std::string> node_work_unit;                  // sparkplug; "" clears
};

// A change of `current` (the event carries the whole new settings). Refusals:
// invalid_argument no_change when nothing is given; not_sparkplug when devices or
// node_work_unit is given (even empty) for a source of another kind; work units checked as above;
// the resulting device map as CheckDeviceMap (so work units that a device or the node maps to
// cannot be dropped without changing the map too).
Result<ledger::Event> DecideUpdateSource(const SourceRegistered& current,
                                         const SourceChange& change,
                                         const std::vector<std::string>& missing_work_units);

// A new key hash for a rest source; failed_precondition not_a_rest_source otherwise.
Result<ledger::Event> DecideRotateKey(const SourceRegistered& current, const std::string& key_hash);

}  // namespace ordo::equipment
