// A review as the API shows it: the stored row, its signatures re-checked against the
// review record, and whether the ledger still holds the entry the review is bound to.
#pragma once

#include "core/canonical_json.h"
#include "mes/review/store/review_store.h"

namespace ordo::review {

// {id, seq, time, from, to, from_us, to_us, first_seq, last_seq, last_entry_hash,
// entries_in_period, entries_matched, filters, comment, reviewer_id, reviewer,
// printed_name, signature_seq, chain, signatures}. `chain` is "intact" when the ledger
// entry last_seq still has last_entry_hash, else "changed"; each signature's status is
// its re-check (signatures::CheckBinding) against ReviewRecord of the row.
Result<Json> ReviewView(storage::Database& db, const ReviewRow& row);

}  // namespace ordo::review
