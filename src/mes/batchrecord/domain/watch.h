// Which order's batch record a ledger entry may change: the rule behind the br_watch
// projection, which notes per sealed order the first entry after its seal that may change
// its content, so the worklist compiles only those records to find the amended ones.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::batchrecord {

// The entry types a record's content is compiled from: what store/gather.cc reads and
// domain/compile.cc visits (the order's creation, release, operations and completion,
// the execution records, consumptions, produced lots and serials, deviation events and
// signatures). Lifecycle entries that change no content (orders.order_closed, held,
// resumed, started, cancelled, lots.serials_released, lot status changes) and every
// batchrecord.* entry (review and release are not content) are not in it. The one list
// the br_watch projector and its migration SQL both use.
const std::vector<std::string>& RecordEntryTypes();
bool IsRecordEntryType(std::string_view type);

// What an entry touches. order_id: the order whose record it may change; deviation_id: a
// deviation whose order the caller looks up (deviation events carry only the id).
// Both empty: no record.
struct RecordTouch {
  std::string order_id;
  std::string deviation_id;
};

// An entry of a type in RecordEntryTypes() touches: the order it is about (subject kind
// "order": orders and execution events), else the order its payload names (consumptions,
// produced lots, serials produced and consumed, a deviation opened on it), else its
// deviation (later deviation events). Any other entry touches nothing. Master data read
// as in force at a past time (product yield limits, equipment status at start) is not
// watched: a version in force in the past does not change. Pure.
RecordTouch TouchOf(const std::string& type, const std::string& subject_kind,
                    const std::string& subject_id, const Json& payload);

// A sealed order with an entry after its seal that may change it (br_watch): since that
// first entry (`since_us`), whose seq is `seq` (unique per candidate: an entry touches
// one order).
struct Candidate {
  std::string order_id;
  std::int64_t since_us = 0;
  std::int64_t seq = 0;
};

// The first `want` candidates that `amended` accepts, in seq order: reads pages of
// `page_size` candidates with `page(after_seq, page_size)` (seq > after_seq, oldest
// first) until it has `want` or a page comes back short. A candidate found unchanged costs
// a compile on each read; the watch rule above keeps such candidates rare.
Result<std::vector<Candidate>> FirstAmended(
    const std::function<Result<std::vector<Candidate>>(std::int64_t, std::int64_t)>& page,
    const std::function<bool(const Candidate&)>& amended, std::size_t want, std::int64_t page_size);

}  // namespace ordo::batchrecord
