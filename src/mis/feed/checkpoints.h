// The MES's signed checkpoints as the feed checks them (docs/mis.md, "The MES ledger feed",
// "Checkpoints"): with the site's public key pinned (ordo-mis serve --mes-public-key), each
// checkpoint the MES signed at a seq of the entries the MIS is about to take must verify
// under that key and sign the hash the MIS itself found for that entry. A checkpoint made
// by someone who does not hold the site's key, or one that signs another chain, stops
// consumption before anything of the page is stored. Pure.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "ledger/checkpoint.h"
#include "ledger/entry.h"
#include "mis/feed/chain.h"

namespace ordo::mis::feed {

struct CheckpointCheck {
  // The seqs of the checkpoints that verified, ascending.
  std::vector<std::int64_t> verified;
  // Set when one failed (the first, in seq order): nothing of the page may be stored.
  std::optional<ChainBreak> broken;
};

// Checks `checkpoints` against the entries the MIS holds the hashes of: `from` (the
// cursor the page starts after: a checkpoint signed at the head after the MIS took it is
// checked on the next page or poll) and `entries` (the page's entries whose chain
// CheckPage has just checked, in seq order). `public_key` is the pinned key (64 hex
// digits). For each checkpoint with from.seq <= seq <= the last entry's seq (from.seq when
// there is none):
// - checkpoint_signature: its public_key is not `public_key`, or its signature does not
//   verify under it (ledger::CheckpointSignatureValid);
// - checkpoint_mismatch: its head_hash is not the hash of the entry at its seq (nor the
//   cursor's hash at from.seq).
// A checkpoint after the last entry waits for the page that holds its seq (it is not in
// `verified`); one before `from` was checked with an earlier page, or could not be (it is
// passed over). A ChainBreak's `seq` is the checkpoint's.
CheckpointCheck CheckCheckpoints(const FeedCursor& from,
                                 const std::vector<ledger::LedgerEntry>& entries,
                                 const std::vector<ledger::Checkpoint>& checkpoints,
                                 const std::string& public_key);

// The checkpoints of an answer of GET /api/v1/ledger/checkpoints ({"checkpoints": [...]}).
// A ChainBreak malformed_page (seq `from_seq` + 1) when it is not that shape or a
// checkpoint does not parse (ledger::CheckpointFromJson).
struct ParsedCheckpoints {
  std::vector<ledger::Checkpoint> checkpoints;
  std::optional<ChainBreak> broken;
};
ParsedCheckpoints ParseCheckpoints(const Json& answer, std::int64_t from_seq);

}  // namespace ordo::mis::feed
