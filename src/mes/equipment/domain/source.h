// The source registry's decisions: registering a data source, changing it (enabled, work
// units) and rotating a rest source's API key. Pure: whether names exist arrives as
// values; the key's hash is made by the caller (the key itself never reaches the ledger).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {

// Checks a registration alone: name 1 to 64 of letters, digits, '.', '_', '-'; kind rest,
// mqtt or sparkplug; 1 to 200 distinct work units; counter increment or cumulative;
// rollover_modulus 0 or 2 to 2^62, only with cumulative; topics only for mqtt (at most 200,
// 1 to 200 characters each; none = the default ordo/<site>/<work_unit>/#); group_id and
// edge_node required for sparkplug and only there; key_hash set for rest only. Refusals
// invalid_argument naming the field.
Status ValidateSource(const SourceRegistered& source);

// The registration event. Refusals: ValidateSource's; conflict source_exists (field name)
// when `name_taken`; not_found unknown_work_unit (field work_units) naming the first of
// `missing_work_units` (the ones that are no work unit in master data).
Result<ledger::Event> DecideRegisterSource(const SourceRegistered& source, bool name_taken,
                                           const std::vector<std::string>& missing_work_units);

// A change of `current`: `enabled` and/or `work_units` (nullopt: unchanged). Refusals:
// invalid_argument no_change when neither is given; work units checked as above.
Result<ledger::Event> DecideUpdateSource(const SourceRegistered& current,
                                         const std::optional<bool>& enabled,
                                         const std::optional<std::vector<std::string>>& work_units,
                                         const std::vector<std::string>& missing_work_units);

// A new key hash for a rest source; failed_precondition not_a_rest_source otherwise.
Result<ledger::Event> DecideRotateKey(const SourceRegistered& current, const std::string& key_hash);

}  // namespace ordo::equipment
