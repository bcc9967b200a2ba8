// The feed module's tables in the MIS store (module "feed"): the cursor (where the MIS
// left off in the MES ledger, and the consumer's state), alarms, and the rows derived
// from the entries (derive.h), each keyed by the seq of its entry. ApplyPage writes a
// page's rows and the new cursor in one transaction, so a restart never takes an entry
// twice or skips one. Reads and writes on the caller's connection.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "mis/feed/chain.h"
#include "mis/feed/derive.h"
#include "mis/store/migration.h"
#include "storage/database.h"

namespace ordo::mis::feed {

inline constexpr const char* kFeedModule = "feed";

// Version 1: feed_cursor (one row), feed_alarm, mes_state_change, mes_count,
// mes_downtime_reason, mes_source. Version 2: mes_equipment_draft, mes_equipment_approval.
// Version 3: mes_order, mes_order_cancelled, mes_operation_completed; it took entry types
// the earlier versions passed over, so it emptied the derived tables and reset the cursor
// (the feed read again from its first entry, each entry still taken once). Version 4:
// quantities as REAL, the double itself (storage BindReal/Real: they read back bit for
// bit), converted in place from version 3's text; the cursor and the rows are kept.
// Version 5: mes_order.due_date, the due date as the MES recorded it ('' for rows taken
// before); when a stored order's due lies at 00:00 UTC (what the MES makes of a date
// alone) it empties the derived tables and resets the cursor as version 3 did, else it
// keeps them (every stored due was a date-time). Version 6: feed_cursor's
// checkpoint_key (the pinned public key of this run, '' = not checked) and
// checkpoint_verified_seq (the newest MES checkpoint verified, 0 = none); cursor and rows
// kept. Version 7: feed_alarm.resolved_us (0 = open), set when an alarm that does not stop
// consumption (checkpoint_overdue) is resolved; the alarms before it stay open.
std::vector<store::Migration> FeedMigrations();

// The consumer's state, as the status route shows it. `state`: not_configured (no --mes),
// connecting, following, unreachable (the MES does not answer; retried), refused (the
// feed account cannot sign in or lacks ledger.feed; retried), stopped (a chain break or
// an unreadable entry: an alarm; consumption resumes only after a restart).
struct FeedState {
  std::string state = "not_configured";
  std::string detail;
  TimeMicros since = 0;
};

struct FeedAlarm {
  std::int64_t id = 0;
  TimeMicros raised = 0;
  std::string kind;  // as ChainBreak::kind, or unreadable_event
  std::int64_t seq = 0;
  std::string detail;
  TimeMicros resolved = 0;  // when it was resolved (checkpoint_overdue only); 0: open
};

struct FeedStatus {
  FeedCursor cursor;
  std::string checkpoint_key;                // the pinned key of this run; "" = not checked
  std::int64_t checkpoint_verified_seq = 0;  // the newest checkpoint verified (0: none)
  TimeMicros caught_up = 0;  // the MIS clock when a poll last found nothing newer (0: never)
  TimeMicros updated = 0;    // when the cursor last moved
  FeedState state;
  std::vector<FeedAlarm> alarms;  // newest first, at most 20
};

// The cursor (seq 0 and the genesis hash before the first page).
Result<FeedCursor> ReadCursor(storage::Database& db);

// Writes `rows` and moves the cursor from `from` to `to`, in one transaction, with
// checkpoint_verified_seq raised to `checkpoint_verified_seq` (0 or a lower seq: kept).
// failed_precondition (reason cursor_moved) when the stored cursor is not `from` (another
// consumer wrote): nothing is written.
Status ApplyPage(storage::Database& db, const FeedRows& rows, const FeedCursor& from,
                 const FeedCursor& to, TimeMicros now, std::int64_t checkpoint_verified_seq = 0);

// A checkpoint at `seq` verified without a page to store (the one at the cursor, signed
// after the MIS took that entry): raises checkpoint_verified_seq to `seq` (never lowers it)
// and resolves, at `now`, the open checkpoint_overdue alarms at seqs up to `seq` (the
// entries they waited for are signed now). ApplyPage does the same in its transaction.
Status MarkCheckpointVerified(storage::Database& db, std::int64_t seq, TimeMicros now);

// The consumer's start: the key this run checks checkpoints with ("" = not checked).
Status SetCheckpointKey(storage::Database& db, const std::string& public_key);

// A poll found nothing after the cursor: the MIS holds everything up to `now`.
Status MarkCaughtUp(storage::Database& db, TimeMicros now);

// Records the consumer's state when it changed (a repeat of the same state and detail
// writes nothing).
Status SetState(storage::Database& db, const std::string& state, const std::string& detail,
                TimeMicros now);

// Records an alarm and sets the state `stopped` with its detail.
Status RaiseAlarm(storage::Database& db, const std::string& kind, std::int64_t seq,
                  const std::string& detail, TimeMicros now);

// Records an alarm that does not stop consumption (checkpoint_overdue): the state is left
// as it is, and nothing is recorded while an alarm of `kind` is open (raised once, not
// once per page; again only after MarkCheckpointVerified resolved it). True when recorded.
Result<bool> RaiseOpenAlarm(storage::Database& db, const std::string& kind, std::int64_t seq,
                            const std::string& detail, TimeMicros now);

Result<FeedStatus> ReadFeedStatus(storage::Database& db);

// The derived rows, for the KPI loader (feed_inputs.h): all of them, in seq order.
Result<std::vector<StateChangeRow>> ReadStateChanges(storage::Database& db);
Result<std::vector<CountRow>> ReadCounts(storage::Database& db);
// The same rows streamed: `fn` is called for each row in seq order with one row value
// that is reused (valid only during the call), so a year of rows is never held twice.
// Failures: the store's error (`fn` may have been called for some rows).
Status ForEachStateChange(storage::Database& db,
                          const std::function<void(const StateChangeRow&)>& fn);
Status ForEachCount(storage::Database& db, const std::function<void(const CountRow&)>& fn);
// At least the number of rows of mes_state_change (of mes_count), read cheaply from the
// ends of its key (last seq - first seq + 1; 0 when empty), for reserving memory.
Result<std::int64_t> StateChangeRowsBound(storage::Database& db);
Result<std::int64_t> CountRowsBound(storage::Database& db);
Result<std::vector<ReasonRow>> ReadReasons(storage::Database& db);
Result<std::vector<SourceRow>> ReadSources(storage::Database& db);
Result<std::vector<EquipmentDraftRow>> ReadEquipmentDrafts(storage::Database& db);
Result<std::vector<ApprovalRow>> ReadEquipmentApprovals(storage::Database& db);
Result<std::vector<OrderRow>> ReadOrders(storage::Database& db);
Result<std::vector<CancelRow>> ReadCancellations(storage::Database& db);
Result<std::vector<CompletionRow>> ReadCompletions(storage::Database& db);

}  // namespace ordo::mis::feed
