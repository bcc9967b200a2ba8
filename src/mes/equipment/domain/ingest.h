// The ingest decision for one decoded batch (domain/batch.h) from one source: refuse and
// record (unknown or disabled source, a work unit the source may not speak for), answer a
// repeat (same batch again: duplicate; same seq, other content: seq_reused), or produce
// the batch's events, each item stamped with its work unit's context. Pure: the facts
// arrive as values.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"
#include "mes/equipment/domain/batch.h"
#include "mes/equipment/domain/intervals.h"
#include "mes/equipment/domain/state.h"

namespace ordo::equipment {

// A registered source as the decision needs it.
struct SourceFacts {
  std::string name, kind;  // kind: rest | mqtt | sparkplug
  bool enabled = true;
  std::vector<std::string> work_units;
  bool cumulative = false;
};

struct IngestFacts {
  std::optional<SourceFacts> source;       // the source that sent the batch; nullopt: unknown
  std::optional<std::string> seen_hash;    // batch hash already taken by (source, seq)
  std::set<std::string> work_units;        // the batch's work units that exist (level work_unit)
  DowntimeCodes codes;                     // the DOWNTIME list in force
  std::map<std::string, Context> context;  // per work unit, at receipt
  TimeMicros received_us = 0;
  BatchLimits limits;
  // Samples: whether a sample sink takes them (sample_sink.h), and the work unit of each
  // of the batch's tags that is defined (a tag absent here is unknown).
  bool samples_accepted = false;
  std::map<std::string, std::string> tag_work_units;
};

struct IngestDecision {
  bool duplicate = false;             // the same batch again: nothing to append
  std::vector<ledger::Event> events;  // the batch's events, or the one data_refused
  std::optional<Error> refusal;       // set with a data_refused event: answer it
};

// Decides in this order:
// 1. unknown source (unknown_source, 401) or disabled (source_disabled, 403): refused and
//    recorded (events = one equipment.data_refused);
//    A batch naming another source than the one that sent it: source_mismatch (403),
//    refused and recorded;
// 2. a work unit not among the source's (work_unit_not_allowed, 403, field
//    states[i].work_unit or counts[i].work_unit, or samples[i].tag for a defined tag of
//    another work unit): refused and recorded;
// 3. (source, seq) taken: by the same hash -> duplicate; else conflict seq_reused (field
//    seq), not recorded;
// 4. samples in the batch without a sample sink (facts.samples_accepted false):
//    failed_precondition not_supported (field samples); not recorded;
// 5. a work unit not in master data: not_found unknown_work_unit; a tag that is not
//    defined: not_found unknown_tag (field samples[i].tag); a reason that does not fit its
//    state (CheckReason): invalid_reason; none recorded;
// 6. otherwise equipment.batch_accepted, then one equipment.state_changed per state and
//    one equipment.counted per count, in batch order. The samples are no events: the
//    ingest command hands them to the sample sink after the events are appended.
// Returned errors (3 to 5) change nothing.
Result<IngestDecision> DecideIngest(const Batch& batch, const std::string& batch_hash,
                                    const IngestFacts& facts);

}  // namespace ordo::equipment
