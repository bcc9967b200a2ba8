// Which order's batch record a ledger entry may change: the rule behind the br_watch
// projection, which notes per sealed order the first entry after its seal that may change
// its content, so the worklist compiles only those records to find the amended ones.
#pragma once

#include <string>

#include "core/canonical_json.h"

namespace ordo::batchrecord {

// What an entry touches. order_id: the order whose record it may change; deviation_id: a
// deviation whose order the caller looks up (deviation events carry only the id).
// Both empty: no record.
struct RecordTouch {
  std::string order_id;
  std::string deviation_id;
};

// The rule mirrors what GatherFacts reads: the order's own entries (subject kind
// "order": orders and execution events), entries whose payload names the order
// (consumptions, produced lots, serials produced and consumed, a deviation opened on it)
// and the events of deviations (their order's record lists them). batchrecord.* entries
// touch nothing: review and release are not part of the content hash. Master data read
// as in force at a past time (product yield limits, equipment status at start) is not
// watched: a version in force in the past does not change. Pure.
RecordTouch TouchOf(const std::string& type, const std::string& subject_kind,
                    const std::string& subject_id, const Json& payload);

}  // namespace ordo::batchrecord
