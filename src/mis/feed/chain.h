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
// broken_chain (prev_hash is not the previous entry's hash), hash_mismatch (the entry's
// content does not hash to its hash: it was changed). `seq`: the entry at fault (the
// expected seq for malformed_page).
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

}  // namespace ordo::mis::feed
