// The rule that says the MES's signed checkpoints are overdue (docs/mis.md, "The MES
// ledger feed", "Checkpoints"): with the site's key pinned, the entries the MIS took past
// the newest verified checkpoint rest on the hash chain alone until the MES signs them,
// which it does at most every 1,000 entries or 600 s (ordo serve --checkpoint-every,
// --checkpoint-seconds). Far more than that without a verified checkpoint means the MES
// stopped signing, its checkpoints were removed, or someone strips them in transit: the
// alarm checkpoint_overdue, which does not stop consumption. Pure.
#pragma once

#include <cstdint>
#include <optional>

#include "core/clock.h"
#include "mis/feed/chain.h"

namespace ordo::mis::feed {

// The limits, from `ordo-mis serve --checkpoint-overdue-entries N
// --checkpoint-overdue-seconds S`: 3 times the MES's default cadence. 0 turns a limit off.
struct OverdueLimits {
  std::int64_t entries = 3000;
  std::int64_t seconds = 1800;
};

// Up to which seq the entries taken are signed or about to be: the newest verified
// checkpoint (`verified_seq`); or `cursor_seq` when the MES serves a checkpoint after it
// (`newest_served` > `cursor_seq`, as while the MIS catches up: that one is checked with
// its page, and a failure there is an alarm of its own), so a catch-up is never overdue.
std::int64_t CoveredUpTo(std::int64_t verified_seq, std::int64_t newest_served,
                         std::int64_t cursor_seq);

// Since when entries taken are waiting for a checkpoint: 0 when none waits
// (`cursor_seq` <= `verified_seq`); else `previous_since` when it is set and the newest
// verified checkpoint did not move (`verified_seq` == `previous_verified`); else `now`
// (the first entry taken past the newest verified checkpoint, or a newer checkpoint
// verified that still leaves entries after it).
TimeMicros UncoveredSince(TimeMicros previous_since, std::int64_t previous_verified,
                          std::int64_t verified_seq, std::int64_t cursor_seq, TimeMicros now);

// Overdue when entries were taken past the newest verified checkpoint (`cursor_seq` >
// `verified_seq`; the consumer passes where its count starts, see consumer.h) and either more than
// `limits.entries` of them, or the oldest has waited (since `uncovered_since`, UncoveredSince) more
// than `limits.seconds` at `now`. Then a ChainBreak of kind checkpoint_overdue at `cursor_seq`,
// whose detail names the seqs, the limit passed and its flag; nullopt otherwise.
std::optional<ChainBreak> CheckpointOverdue(const OverdueLimits& limits, std::int64_t verified_seq,
                                            std::int64_t cursor_seq, TimeMicros uncovered_since,
                                            TimeMicros now);

}  // namespace ordo::mis::feed
