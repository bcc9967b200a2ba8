// The rule of overdue checkpoints (checkpoint_overdue.h).
#include "mis/feed/checkpoint_overdue.h"

#include <algorithm>
#include <string>

namespace ordo::mis::feed {

std::int64_t CoveredUpTo(std::int64_t verified_seq, std::int64_t newest_served,
                         std::int64_t cursor_seq) {
  return newest_served > cursor_seq ? std::max(verified_seq, cursor_seq) : verified_seq;
}

TimeMicros UncoveredSince(TimeMicros previous_since, std::int64_t previous_verified,
                          std::int64_t verified_seq, std::int64_t cursor_seq, TimeMicros now) {
  if (cursor_seq <= verified_seq) return 0;
  if (previous_since != 0 && verified_seq == previous_verified) return previous_since;
  return now;
}

std::optional<ChainBreak> CheckpointOverdue(const OverdueLimits& limits, std::int64_t verified_seq,
                                            std::int64_t cursor_seq, TimeMicros uncovered_since,
                                            TimeMicros now) {
  const std::int64_t waiting = cursor_seq - verified_seq;
  if (waiting <= 0) return std::nullopt;
  const std::string entries =
      std::to_string(waiting) + " entries taken without a verified checkpoint (ledger entries " +
      std::to_string(verified_seq + 1) + " to " + std::to_string(cursor_seq) + ")";
  const std::string rest =
      ": an MES signs its head after 1,000 entries or 600 s by default; until a checkpoint "
      "signs them, these entries rest on the hash chain alone";
  if (limits.entries > 0 && waiting > limits.entries)
    return ChainBreak{"checkpoint_overdue", cursor_seq,
                      entries + ", more than " + std::to_string(limits.entries) +
                          " (--checkpoint-overdue-entries)" + rest};
  constexpr TimeMicros kSecond = 1'000'000;
  if (limits.seconds > 0 && uncovered_since > 0 && now - uncovered_since > limits.seconds * kSecond)
    return ChainBreak{"checkpoint_overdue", cursor_seq,
                      entries + ", the oldest waiting " +
                          std::to_string((now - uncovered_since) / kSecond) + " s, more than " +
                          std::to_string(limits.seconds) + " s (--checkpoint-overdue-seconds)" +
                          rest};
  return std::nullopt;
}

}  // namespace ordo::mis::feed
