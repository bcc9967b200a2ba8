// The MES ledger feed as the MIS receives it: a page of entries (GET /api/v1/ledger) is
// checked against where the MIS left off before anything of it is used. The hash chain
// must continue: each entry's seq is the previous one's plus one, its prev_hash is the
// previous entry's hash, and its hash is what its content hashes to (docs/ledger-format.md).
// Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "ledger/entry.h"

namespace ordo::mis::feed {

// Where the MIS left off: the last entry it took (seq 0 and the genesis hash before any).
struct FeedCursor {
  std::int64_t seq = 0;
  std::string hash = ledger::kGenesisHash;
  bool operator==(const FeedCursor&) const = default;
};

// Why consumption stopped. `kind`: malformed_page (the answer is not a page of entries),
// malformed_entry (an entry does not parse), gap (a seq is missing or repeated),
// broken_chain (prev_hash is not the previous entry's hash, or the MES's entry at the
// cursor has another hash), hash_mismatch (the entry's content does not hash to its hash:
// it was changed), mes_ledger_behind_cursor (the MES's ledger ends before the cursor).
// `seq`: the entry at fault (the expected seq for malformed_page).
struct ChainBreak {
  std::string kind;
  std::int64_t seq = 0;
  std::string detail;  // one line naming the seq and what was expected
};

struct CheckedPage {
  std::vector<ledger::LedgerEntry> entries;  // the good prefix, in order
  FeedCursor cursor;                         // after the good prefix
  std::optional<ChainBreak> broken;          // set when an entry failed: nothing after it
};

// Checks `page` (the JSON answer {"entries": [...], "next": N}) from `from`. Entries up
// to the first failing one are returned; the failure stops the check.
CheckedPage CheckPage(const FeedCursor& from, const Json& page);

// Checks the MES's newest entry against the cursor, so that a ledger shorter than what the
// MIS took is not waited on in silence. `newest` is the answer of GET
// /api/v1/ledger?before=0&limit=1: {"entries": [the head entry]}, or no entry when the
// ledger is empty (head 0). nullopt when the head is after the cursor, or at it with the
// cursor's hash. Breaks:
// - mes_ledger_behind_cursor, seq head + 1 (the first entry the MIS took that the MES
//   lacks): the head is before the cursor (an MES restored from an older backup, or
//   another MES at that address);
// - broken_chain, seq the cursor's: the head is the cursor's seq with another hash
//   (another ledger);
// - malformed_page (no `entries` array), malformed_entry (the entry does not parse).
std::optional<ChainBreak> CheckHead(const FeedCursor& cursor, const Json& newest);

}  // namespace ordo::mis::feed
