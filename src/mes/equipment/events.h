// The equipment capability's published events: sources registered and changed, batches
// of machine data accepted (idempotency on source + seq), state changes and counts of a
// work unit, and refused data. docs/event-schema.md lists them; docs/equipment.md says
// how a reader (the MIS) uses them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/equipment/domain/counter.h"
#include "mes/equipment/domain/intervals.h"

namespace ordo::equipment {

// Subject kinds.
inline constexpr const char* kWorkUnitSubject = "work_unit";
inline constexpr const char* kSourceSubject = "source";

// A data source was registered (subject: source, id = name). `key_hash`: SHA-256 (hex)
// of a rest source's API key ("" for mqtt and sparkplug); the key itself is never stored.
struct SourceRegistered {
  static constexpr const char* kType = "equipment.source_registered";
  static constexpr int kVersion = 1;
  std::string name, kind;  // kind: rest | mqtt | sparkplug
  std::vector<std::string> work_units;
  bool enabled = true;
  std::string counter = "increment";  // increment | cumulative
  std::int64_t rollover_modulus = 0;  // cumulative: 0 = none (a drop is a reset)
  std::vector<std::string> topics;    // mqtt
  std::string group_id, edge_node;    // sparkplug
  std::string key_hash;
  // sparkplug: device id -> work unit (one of work_units); a device not listed is the
  // work unit of its own id. `node_work_unit`: the work unit of the edge node's own
  // metrics ("" = the edge node id, when it is a work unit). Both are left out of the
  // payload when empty (so payloads of sources without them keep their shape).
  std::map<std::string, std::string> devices;
  std::string node_work_unit;
};

// A source's settings changed: the whole new settings (subject: source).
struct SourceUpdated {
  static constexpr const char* kType = "equipment.source_updated";
  static constexpr int kVersion = 1;
  std::string name;
  std::vector<std::string> work_units;
  bool enabled = true;
  // sparkplug, as in SourceRegistered (left out of the payload when empty).
  std::map<std::string, std::string> devices;
  std::string node_work_unit;
};

// A rest source got a new API key; the old one stops working (subject: source).
struct SourceKeyRotated {
  static constexpr const char* kType = "equipment.source_key_rotated";
  static constexpr int kVersion = 1;
  std::string name, key_hash;
};

// A batch was accepted (subject: source): (source, seq) is taken by `batch_hash`, the
// SHA-256 of the batch's canonical JSON. Its state changes and counts follow it in the
// same command.
struct BatchAccepted {
  static constexpr const char* kType = "equipment.batch_accepted";
  static constexpr int kVersion = 1;
  std::string source;
  std::int64_t seq = 0;
  std::string batch_hash;
  std::int64_t states = 0, counts = 0;
  std::int64_t received_us = 0;
};

// A work unit's state changed at `device_time_us` (subject: work_unit). `index` is the
// item's position in its batch; `context` what execution ran on the work unit when ordo
// received it; `skew_us` device minus receive time when beyond the threshold (clock_skew);
// `reason_list_version` the DOWNTIME version a reason code was checked against.
struct StateChanged {
  static constexpr const char* kType = "equipment.state_changed";
  static constexpr int kVersion = 1;
  std::string work_unit, state, sub_reason, reason_code;
  std::int64_t reason_list_version = 0;
  std::int64_t device_time_us = 0, received_us = 0;
  std::string source;
  std::int64_t source_seq = 0, index = 0;
  Context context;
  std::optional<std::int64_t> skew_us;
};

// Parts counted at `device_time_us` (subject: work_unit). counter "increment": `counts`
// are increments since the source's previous count; "cumulative": `counts` are the
// machine's counter values, whose increments follow the rule of domain/counter.h (in
// JSON they are named `raw` then, so no reader sums them as increments).
struct Counted {
  static constexpr const char* kType = "equipment.counted";
  static constexpr int kVersion = 1;
  std::string work_unit, counter = "increment";
  std::int64_t device_time_us = 0, received_us = 0;
  std::string source;
  std::int64_t source_seq = 0, index = 0;
  Counts counts;
  Context context;
  std::optional<std::int64_t> skew_us;
};

// Data was refused and nothing of it applied (subject: source; id the claimed or keyed
// source name, "(unknown)" when none is known). `reason_code`: unknown_source,
// source_disabled, work_unit_not_allowed, source_mismatch.
struct DataRefused {
  static constexpr const char* kType = "equipment.data_refused";
  static constexpr int kVersion = 1;
  std::string source, reason_code, detail;
  std::int64_t source_seq = 0;  // 0 = not known
  // MQTT only: refusals of the same source and reason left unrecorded since the previous
  // recorded one (the connector's throttle, docs/mqtt.md); in the payload only when > 0.
  std::int64_t suppressed = 0;
};

// ordo asked a Sparkplug B edge node to republish its births (subject: source; id the
// source that owns the node): it published the NCMD `Node Control/Rebirth` = true because
// the session lost track (`reason`: seq_gap, unknown_alias, unknown_metric,
// data_before_birth, device_birth_before_node_birth; `detail` says what happened).
struct SparkplugRebirthRequested {
  static constexpr const char* kType = "equipment.sparkplug_rebirth_requested";
  static constexpr int kVersion = 1;
  std::string source, group_id, edge_node, reason, detail;
};

// A person gave a down interval its reason after the fact (subject: work_unit). The
// interval is the one that began with the down change at `interval_start_us` (device
// time); who and when are the ledger entry's actor and time. A later assignment to the
// same interval replaces it (the ledger keeps both).
struct DowntimeReasonAssigned {
  static constexpr const char* kType = "equipment.downtime_reason_assigned";
  static constexpr int kVersion = 1;
  std::string work_unit;
  std::int64_t interval_start_us = 0;
  std::string reason_code;
  std::int64_t reason_list_version = 0;
  std::string comment;
};

// A supervisor let starts through on a work unit blocked by a long down spell (subject:
// work_unit): valid for the down spell that began at `down_since_us` (device time) and
// ends with it; `reason_code` the spell's downtime code when given ("" = unassigned);
// `reason` why. Who and when are the ledger entry's actor and time.
struct AvailabilityOverridden {
  static constexpr const char* kType = "equipment.availability_overridden";
  static constexpr int kVersion = 1;
  std::string work_unit;
  std::int64_t down_since_us = 0;
  std::string reason_code, reason;
};

void to_json(Json& j, const AvailabilityOverridden& e);
void from_json(const Json& j, AvailabilityOverridden& e);
void to_json(Json& j, const DowntimeReasonAssigned& e);
void from_json(const Json& j, DowntimeReasonAssigned& e);
void to_json(Json& j, const Context& e);
void from_json(const Json& j, Context& e);
void to_json(Json& j, const SourceRegistered& e);
void from_json(const Json& j, SourceRegistered& e);
void to_json(Json& j, const SourceUpdated& e);
void from_json(const Json& j, SourceUpdated& e);
void to_json(Json& j, const SourceKeyRotated& e);
void from_json(const Json& j, SourceKeyRotated& e);
void to_json(Json& j, const BatchAccepted& e);
void from_json(const Json& j, BatchAccepted& e);
void to_json(Json& j, const StateChanged& e);
void from_json(const Json& j, StateChanged& e);
void to_json(Json& j, const Counted& e);
void from_json(const Json& j, Counted& e);
void to_json(Json& j, const DataRefused& e);
void from_json(const Json& j, DataRefused& e);
void to_json(Json& j, const SparkplugRebirthRequested& e);
void from_json(const Json& j, SparkplugRebirthRequested& e);

}  // namespace ordo::equipment
