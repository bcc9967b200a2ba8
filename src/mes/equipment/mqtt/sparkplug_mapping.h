// The mapping of Sparkplug B metrics to ordo's machine data (docs/sparkplug.md, "From
// metrics to states, counts and tags"): which work unit a device (or the node) is, which
// metric is a state, a count or a tag, the ingest seq a message stands for, and the batch
// of the REST shape (domain/batch.h) that goes through the same ingest as REST. Pure.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/equipment/sparkplug/session.h"

namespace ordo::equipment::mqtt {

// The work unit of a message's scope. A device: its entry in `devices` (the source's
// device map) when it has one, else the device id. The node itself (empty device id):
// `node_work_unit` when set, else the edge node id. nullopt when that is not one of
// `work_units`.
std::optional<std::string> WorkUnitOfScope(const std::string& device_id,
                                           const std::string& edge_node_id,
                                           const std::vector<std::string>& work_units,
                                           const std::map<std::string, std::string>& devices = {},
                                           const std::string& node_work_unit = "");

// The ingest seq of a message: time_ms * 512 + low, low being the Sparkplug seq (0..255)
// of a message that has one (time_ms its payload's timestamp), kDeathLow for an NDEATH
// (time_ms the receive time). The same message delivered again gives the same seq (and
// the same batch: a duplicate). 0 (no seq: the batch is refused) when time_ms is beyond
// kMaxSeqTimeMs, where the product would not fit.
std::int64_t DerivedSeq(std::uint64_t time_ms, std::uint64_t low);
inline constexpr std::uint64_t kMaxSeqTimeMs = (std::uint64_t{1} << 53) - 1;
inline constexpr std::uint64_t kDeathLow = 256;

// The tag a metric would be for `work_unit`: `tag/<name>` -> `<work_unit>.<name>`; a
// metric that is no state, reason, count or control metric -> `<work_unit>.<metric>`;
// nullopt for the others and for names that are no tag name (IsTagName).
std::optional<std::string> TagOfMetric(const std::string& work_unit, const std::string& metric);

// The batch body {"source", "seq", "states"?, "counts"?, "samples"?} of `metrics` of one
// message about `work_unit`, or null when none of them is machine data:
// - `state` (String, case-insensitive name; value lower-cased) -> a state item at the
//   metric's time, with the message's `reason` metric when it is a non-empty string;
// - `count/total|good|scrap|rework` (integers) -> one count item per metric time; total
//   defaults to good + scrap + rework (none when one of them is out of range); skipped in a birth
//   unless `cumulative` (a birth repeats current values, which are no new increments);
// - a tag (TagOfMetric) in `defined_tags` with a number or boolean value -> a sample,
//   unless the value is not finite or beyond kMaxSampleMagnitude, or its time is before
//   2000 or more than a day after `fallback_time_ms` (such a sample is left out, not the
//   message);
// - null values, other metrics and undefined tags are left out (`*ignored` counts them).
// A metric without a time takes `fallback_time_ms`.
Json BatchOfMetrics(const std::string& source, std::int64_t seq, const std::string& work_unit,
                    const std::vector<sparkplug::ResolvedMetric>& metrics, bool birth,
                    bool cumulative, const std::set<std::string>& defined_tags,
                    std::uint64_t fallback_time_ms, int* ignored);

// The batch marking each of `work_units` offline at `time_ms` (a death).
Json OfflineBatch(const std::string& source, std::int64_t seq,
                  const std::vector<std::string>& work_units, std::uint64_t time_ms);

}  // namespace ordo::equipment::mqtt
