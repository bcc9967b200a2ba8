// The feed module's tables.
#include "mis/feed/store/feed_store.h"

#include <string>

#include "storage/rows.h"

namespace ordo::mis::feed {

namespace {

using storage::Statement;

Status InsertRows(storage::Database& db, const FeedRows& rows) {
  for (const auto& r : rows.states)
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO mes_state_change (seq, work_unit, time_us, state, reason, "
                          "source, source_seq, item) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, r.seq).Bind(2, r.work_unit).Bind(3, r.time).Bind(4, r.state);
                            s.Bind(5, r.reason).Bind(6, r.source).Bind(7, r.source_seq);
                            s.Bind(8, r.index);
                          }));
  for (const auto& r : rows.counts)
    ORDO_TRY(storage::Run(
        db,
        "INSERT INTO mes_count (seq, work_unit, time_us, source, counter, source_seq, item, "
        "total, good, scrap, rework, product, order_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?)",
        [&](Statement& s) {
          s.Bind(1, r.seq).Bind(2, r.work_unit).Bind(3, r.time).Bind(4, r.source);
          s.Bind(5, r.counter).Bind(6, r.source_seq).Bind(7, r.index).Bind(8, r.total);
          s.Bind(9, r.good).Bind(10, r.scrap).Bind(11, r.rework).Bind(12, r.product);
          s.Bind(13, r.order);
        }));
  for (const auto& r : rows.reasons)
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO mes_downtime_reason (seq, work_unit, interval_start_us, "
                          "reason) VALUES (?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, r.seq).Bind(2, r.work_unit).Bind(3, r.interval_start);
                            s.Bind(4, r.reason);
                          }));
  for (const auto& r : rows.sources)
    ORDO_TRY(storage::Run(
        db, "INSERT INTO mes_source (seq, name, counter, rollover_modulus) VALUES (?, ?, ?, ?)",
        [&](Statement& s) {
          s.Bind(1, r.seq).Bind(2, r.name).Bind(3, r.counter).Bind(4, r.rollover_modulus);
        }));
  for (const auto& r : rows.equipment_drafts)
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO mes_equipment_draft (seq, id, version, action, content) "
                          "VALUES (?, ?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, r.seq).Bind(2, r.id).Bind(3, r.version).Bind(4, r.action);
                            s.Bind(5, r.content);
                          }));
  for (const auto& r : rows.equipment_approvals)
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO mes_equipment_approval (seq, id, version, "
                          "effective_from_us) VALUES (?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, r.seq).Bind(2, r.id).Bind(3, r.version);
                            s.Bind(4, r.effective_from);
                          }));
  for (const auto& r : rows.orders)
    ORDO_TRY(storage::Run(db,
                          "INSERT INTO mes_order (seq, order_id, product, quantity, unit, due_us, "
                          "customer, due_date) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                          [&](Statement& s) {
                            s.Bind(1, r.seq).Bind(2, r.order_id).Bind(3, r.product);
                            s.BindReal(4, r.quantity).Bind(5, r.unit).Bind(6, r.due);
                            s.Bind(7, r.customer).Bind(8, r.due_date);
                          }));
  for (const auto& r : rows.cancellations)
    ORDO_TRY(storage::Run(db, "INSERT INTO mes_order_cancelled (seq, order_id) VALUES (?, ?)",
                          [&](Statement& s) { s.Bind(1, r.seq).Bind(2, r.order_id); }));
  for (const auto& r : rows.completions)
    ORDO_TRY(storage::Run(
        db,
        "INSERT INTO mes_operation_completed (seq, time_us, order_id, operation, work_unit, "
        "good, scrap, rework) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [&](Statement& s) {
          s.Bind(1, r.seq).Bind(2, r.time).Bind(3, r.order_id).Bind(4, r.operation);
          s.Bind(5, r.work_unit).BindReal(6, r.good).BindReal(7, r.scrap);
          s.BindReal(8, r.rework);
        }));
  return Ok();
}

}  // namespace

std::vector<store::Migration> FeedMigrations() {
  return {{kFeedModule, 1,
           "CREATE TABLE feed_cursor ("
           " id INTEGER PRIMARY KEY CHECK (id = 1),"
           " seq INTEGER NOT NULL, hash TEXT NOT NULL,"
           " caught_up_us INTEGER NOT NULL, updated_us INTEGER NOT NULL,"
           " state TEXT NOT NULL, detail TEXT NOT NULL, state_since_us INTEGER NOT NULL);"
           "INSERT INTO feed_cursor VALUES (1, 0, "
           "'0000000000000000000000000000000000000000000000000000000000000000', 0, 0, "
           "'not_configured', '', 0);"
           "CREATE TABLE feed_alarm ("
           " id INTEGER PRIMARY KEY, raised_us INTEGER NOT NULL, kind TEXT NOT NULL,"
           " seq INTEGER NOT NULL, detail TEXT NOT NULL);"
           "CREATE TABLE mes_state_change ("
           " seq INTEGER PRIMARY KEY, work_unit TEXT NOT NULL, time_us INTEGER NOT NULL,"
           " state TEXT NOT NULL, reason TEXT NOT NULL, source TEXT NOT NULL,"
           " source_seq INTEGER NOT NULL, item INTEGER NOT NULL);"
           "CREATE TABLE mes_count ("
           " seq INTEGER PRIMARY KEY, work_unit TEXT NOT NULL, time_us INTEGER NOT NULL,"
           " source TEXT NOT NULL, counter TEXT NOT NULL, source_seq INTEGER NOT NULL,"
           " item INTEGER NOT NULL, total INTEGER NOT NULL, good INTEGER NOT NULL,"
           " scrap INTEGER NOT NULL, rework INTEGER NOT NULL, product TEXT NOT NULL,"
           " order_id TEXT NOT NULL);"
           "CREATE TABLE mes_downtime_reason ("
           " seq INTEGER PRIMARY KEY, work_unit TEXT NOT NULL,"
           " interval_start_us INTEGER NOT NULL, reason TEXT NOT NULL);"
           "CREATE TABLE mes_source ("
           " seq INTEGER PRIMARY KEY, name TEXT NOT NULL, counter TEXT NOT NULL,"
           " rollover_modulus INTEGER NOT NULL)"},
          {kFeedModule, 2,
           "CREATE TABLE mes_equipment_draft ("
           " seq INTEGER PRIMARY KEY, id TEXT NOT NULL, version INTEGER NOT NULL,"
           " action TEXT NOT NULL, content TEXT NOT NULL);"
           "CREATE TABLE mes_equipment_approval ("
           " seq INTEGER NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL,"
           " effective_from_us INTEGER NOT NULL, PRIMARY KEY (seq, id))"},
          {kFeedModule, 3,
           "CREATE TABLE mes_order ("
           " seq INTEGER PRIMARY KEY, order_id TEXT NOT NULL, product TEXT NOT NULL,"
           " quantity TEXT NOT NULL, unit TEXT NOT NULL, due_us INTEGER NOT NULL,"
           " customer TEXT NOT NULL);"
           "CREATE TABLE mes_order_cancelled (seq INTEGER PRIMARY KEY, order_id TEXT NOT NULL);"
           "CREATE TABLE mes_operation_completed ("
           " seq INTEGER PRIMARY KEY, time_us INTEGER NOT NULL, order_id TEXT NOT NULL,"
           " operation TEXT NOT NULL, work_unit TEXT NOT NULL, good TEXT NOT NULL,"
           " scrap TEXT NOT NULL, rework TEXT NOT NULL);"
           // Entries of the new types were passed over before: read the feed again.
           "DELETE FROM mes_state_change; DELETE FROM mes_count; DELETE FROM mes_downtime_reason;"
           "DELETE FROM mes_source; DELETE FROM mes_equipment_draft;"
           "DELETE FROM mes_equipment_approval;"
           "UPDATE feed_cursor SET seq = 0, hash = "
           "'0000000000000000000000000000000000000000000000000000000000000000',"
           " caught_up_us = 0, updated_us = 0"},
          // Quantities as REAL (the double itself) instead of text, converted in place:
          // the cursor and every row taken are kept (the text was printed with %.17g, which
          // SQLite reads back to the same double for the whole numbers and short decimals
          // quantities hold). mes_order_cancelled has no quantity and is left alone.
          {kFeedModule, 4,
           "ALTER TABLE mes_order RENAME TO mes_order_v3;"
           "CREATE TABLE mes_order ("
           " seq INTEGER PRIMARY KEY, order_id TEXT NOT NULL, product TEXT NOT NULL,"
           " quantity REAL NOT NULL, unit TEXT NOT NULL, due_us INTEGER NOT NULL,"
           " customer TEXT NOT NULL);"
           "INSERT INTO mes_order SELECT seq, order_id, product, CAST(quantity AS REAL), unit,"
           " due_us, customer FROM mes_order_v3;"
           "DROP TABLE mes_order_v3;"
           "ALTER TABLE mes_operation_completed RENAME TO mes_operation_completed_v3;"
           "CREATE TABLE mes_operation_completed ("
           " seq INTEGER PRIMARY KEY, time_us INTEGER NOT NULL,"
           " order_id TEXT NOT NULL, operation TEXT NOT NULL,"
           " work_unit TEXT NOT NULL, good REAL NOT NULL, scrap REAL NOT NULL,"
           " rework REAL NOT NULL);"
           "INSERT INTO mes_operation_completed SELECT seq, time_us, order_id, operation,"
           " work_unit, CAST(good AS REAL), CAST(scrap AS REAL), CAST(rework AS REAL)"
           " FROM mes_operation_completed_v3;"
           "DROP TABLE mes_operation_completed_v3;"},
          // The due date as the MES recorded it, so that a date alone becomes the end of
          // the site's local day (feed_inputs.h). A row taken before has none: when one may
          // have been a date alone (the MES turns it into 00:00 UTC of the next day), the
          // feed is read again from its first entry, as version 3 did; otherwise every due
          // was a date-time, its instant stays right, and the cursor and rows are kept.
          {kFeedModule, 5,
           "ALTER TABLE mes_order ADD COLUMN due_date TEXT NOT NULL DEFAULT '';"
           "UPDATE feed_cursor SET seq = 0, hash = "
           "'0000000000000000000000000000000000000000000000000000000000000000',"
           " caught_up_us = 0, updated_us = 0"
           " WHERE EXISTS (SELECT 1 FROM mes_order WHERE due_us % 86400000000 = 0);"
           "DELETE FROM mes_state_change WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_count WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_downtime_reason WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_source WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_equipment_draft WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_equipment_approval WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_order WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_order_cancelled WHERE (SELECT seq FROM feed_cursor) = 0;"
           "DELETE FROM mes_operation_completed WHERE (SELECT seq FROM feed_cursor) = 0"},
          // The MES's signed checkpoints: the key they are checked with and the newest one
          // verified, beside the cursor (ApplyPage moves both in one transaction).
          {kFeedModule, 6,
           "ALTER TABLE feed_cursor ADD COLUMN checkpoint_key TEXT NOT NULL DEFAULT '';"
           "ALTER TABLE feed_cursor ADD COLUMN checkpoint_verified_seq INTEGER NOT NULL "
           "DEFAULT 0"},
          // An alarm that does not stop consumption (checkpoint_overdue) is resolved when
          // the checkpoint it waited for verifies; the others stay as they were (open).
          {kFeedModule, 7,
           "ALTER TABLE feed_alarm ADD COLUMN resolved_us INTEGER NOT NULL "
           "DEFAULT 0"}};
}

Result<FeedCursor> ReadCursor(storage::Database& db) {
  auto row = storage::FirstRow<FeedCursor>(db, "SELECT seq, hash FROM feed_cursor WHERE id = 1",
                                           storage::NoBind, [](const Statement& s) {
                                             return FeedCursor{s.Int(0), s.Text(1)};
                                           });
  if (!row.ok()) return row.error();
  if (!*row) return Error::Make(ErrorCode::kInternal, "the MIS store has no feed cursor row");
  return **row;
}

Status ApplyPage(storage::Database& db, const FeedRows& rows, const FeedCursor& from,
                 const FeedCursor& to, TimeMicros now, std::int64_t checkpoint_verified_seq) {
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  auto stored = ReadCursor(db);
  if (!stored.ok()) return stored.error();
  if (!(*stored == from))
    return Error{ErrorCode::kFailedPrecondition,
                 "the feed cursor moved to " + std::to_string(stored->seq) +
                     " while this page started after " + std::to_string(from.seq) +
                     ": is a second ordo-mis consuming into this store?",
                 "feed", "cursor_moved"};
  ORDO_TRY(InsertRows(db, rows));
  ORDO_TRY(storage::Run(db, "UPDATE feed_cursor SET seq = ?, hash = ?, updated_us = ? WHERE id = 1",
                        [&](Statement& s) { s.Bind(1, to.seq).Bind(2, to.hash).Bind(3, now); }));
  if (checkpoint_verified_seq > 0)
    ORDO_TRY(MarkCheckpointVerified(db, checkpoint_verified_seq, now));
  return tx.Commit();
}

Status MarkCheckpointVerified(storage::Database& db, std::int64_t seq, TimeMicros now) {
  // A repeat (each poll that finds nothing new checks the checkpoint at the cursor again)
  // matches no row and writes nothing.
  ORDO_TRY(storage::Run(db,
                        "UPDATE feed_cursor SET checkpoint_verified_seq = ? "
                        "WHERE id = 1 AND checkpoint_verified_seq < ?",
                        [&](Statement& s) { s.Bind(1, seq).Bind(2, seq); }));
  return storage::Run(db,
                      "UPDATE feed_alarm SET resolved_us = ? "
                      "WHERE kind = 'checkpoint_overdue' AND resolved_us = 0 AND seq <= ?",
                      [&](Statement& s) { s.Bind(1, now).Bind(2, seq); });
}

Status SetCheckpointKey(storage::Database& db, const std::string& public_key) {
  return storage::Run(db, "UPDATE feed_cursor SET checkpoint_key = ? WHERE id = 1",
                      [&](Statement& s) { s.Bind(1, public_key); });
}

Status MarkCaughtUp(storage::Database& db, TimeMicros now) {
  return storage::Run(db, "UPDATE feed_cursor SET caught_up_us = ? WHERE id = 1",
                      [&](Statement& s) { s.Bind(1, now); });
}

Status SetState(storage::Database& db, const std::string& state, const std::string& detail,
                TimeMicros now) {
  return storage::Run(db,
                      "UPDATE feed_cursor SET state = ?, detail = ?, state_since_us = ? "
                      "WHERE id = 1 AND (state <> ? OR detail <> ?)",
                      [&](Statement& s) {
                        s.Bind(1, state).Bind(2, detail).Bind(3, now).Bind(4, state);
                        s.Bind(5, detail);
                      });
}

Status RaiseAlarm(storage::Database& db, const std::string& kind, std::int64_t seq,
                  const std::string& detail, TimeMicros now) {
  storage::Transaction tx(db);
  ORDO_TRY(tx.begin_status());
  ORDO_TRY(storage::Run(
      db, "INSERT INTO feed_alarm (raised_us, kind, seq, detail) VALUES (?, ?, ?, ?)",
      [&](Statement& s) { s.Bind(1, now).Bind(2, kind).Bind(3, seq).Bind(4, detail); }));
  ORDO_TRY(SetState(db, "stopped", kind + ": " + detail, now));
  return tx.Commit();
}

Result<bool> RaiseOpenAlarm(storage::Database& db, const std::string& kind, std::int64_t seq,
                            const std::string& detail, TimeMicros now) {
  // The consumer is the store's one feed writer: no other can raise one in between.
  auto open = storage::FirstRow<std::int64_t>(
      db, "SELECT id FROM feed_alarm WHERE kind = ? AND resolved_us = 0 LIMIT 1",
      [&](Statement& s) { s.Bind(1, kind); }, [](const Statement& s) { return s.Int(0); });
  if (!open.ok()) return open.error();
  if (*open) return false;
  ORDO_TRY(storage::Run(
      db, "INSERT INTO feed_alarm (raised_us, kind, seq, detail) VALUES (?, ?, ?, ?)",
      [&](Statement& s) { s.Bind(1, now).Bind(2, kind).Bind(3, seq).Bind(4, detail); }));
  return true;
}

Result<FeedStatus> ReadFeedStatus(storage::Database& db) {
  auto status = storage::FirstRow<FeedStatus>(
      db,
      "SELECT seq, hash, caught_up_us, updated_us, state, detail, state_since_us, "
      "checkpoint_key, checkpoint_verified_seq FROM feed_cursor WHERE id = 1",
      storage::NoBind, [](const Statement& s) {
        FeedStatus f;
        f.cursor = FeedCursor{s.Int(0), s.Text(1)};
        f.caught_up = s.Int(2);
        f.updated = s.Int(3);
        f.state = FeedState{s.Text(4), s.Text(5), s.Int(6)};
        f.checkpoint_key = s.Text(7);
        f.checkpoint_verified_seq = s.Int(8);
        return f;
      });
  if (!status.ok()) return status.error();
  if (!*status) return Error::Make(ErrorCode::kInternal, "the MIS store has no feed cursor row");
  auto alarms = storage::Rows<FeedAlarm>(
      db,
      "SELECT id, raised_us, kind, seq, detail, resolved_us FROM feed_alarm ORDER BY id DESC "
      "LIMIT 20",
      storage::NoBind, [](const Statement& s) {
        return FeedAlarm{s.Int(0), s.Int(1), s.Text(2), s.Int(3), s.Text(4), s.Int(5)};
      });
  if (!alarms.ok()) return alarms.error();
  (*status)->alarms = std::move(*alarms);
  return std::move(**status);
}

namespace {

constexpr const char* kStateChanges =
    "SELECT seq, work_unit, time_us, state, reason, source, source_seq, item "
    "FROM mes_state_change ORDER BY seq";
constexpr const char* kCounts =
    "SELECT seq, work_unit, time_us, source, counter, source_seq, item, total, good, scrap, "
    "rework, product, order_id FROM mes_count ORDER BY seq";

void ReadStateChange(const Statement& s, StateChangeRow& r) {
  r.seq = s.Int(0);
  r.work_unit = s.Text(1);
  r.time = s.Int(2);
  r.state = s.Text(3);
  r.reason = s.Text(4);
  r.source = s.Text(5);
  r.source_seq = s.Int(6);
  r.index = s.Int(7);
}

void ReadCount(const Statement& s, CountRow& r) {
  r.seq = s.Int(0);
  r.work_unit = s.Text(1);
  r.time = s.Int(2);
  r.source = s.Text(3);
  r.counter = s.Text(4);
  r.source_seq = s.Int(5);
  r.index = s.Int(6);
  r.total = s.Int(7);
  r.good = s.Int(8);
  r.scrap = s.Int(9);
  r.rework = s.Int(10);
  r.product = s.Text(11);
  r.order = s.Text(12);
}

// Steps `sql` through every row, reading each into one reused `Row` and passing it on.
template <typename Row, typename Read>
Status ForEach(storage::Database& db, const char* sql, Read read,
               const std::function<void(const Row&)>& fn) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  Row row;
  while (true) {
    auto more = (*st)->Step();
    if (!more.ok()) {
      (*st)->Reset();
      return more.error();
    }
    if (!*more) break;
    read(**st, row);
    fn(row);
  }
  (*st)->Reset();
  return Ok();
}

}  // namespace

Result<std::vector<StateChangeRow>> ReadStateChanges(storage::Database& db) {
  std::vector<StateChangeRow> out;
  ORDO_TRY(ForEachStateChange(db, [&](const StateChangeRow& r) { out.push_back(r); }));
  return out;
}

Result<std::vector<CountRow>> ReadCounts(storage::Database& db) {
  std::vector<CountRow> out;
  ORDO_TRY(ForEachCount(db, [&](const CountRow& r) { out.push_back(r); }));
  return out;
}

namespace {

Result<std::int64_t> RowsBound(storage::Database& db, const std::string& table) {
  auto bound = storage::FirstRow<std::int64_t>(
      // Two subqueries: SQLite reads a lone MAX or MIN of the key from the b-tree's end.
      db,
      "SELECT COALESCE((SELECT MAX(seq) FROM " + table + ") - (SELECT MIN(seq) FROM " + table +
          ") + 1, 0)",
      storage::NoBind, [](const Statement& s) { return s.Int(0); });
  if (!bound.ok()) return bound.error();
  return bound->value_or(0);
}

}  // namespace

Result<std::int64_t> StateChangeRowsBound(storage::Database& db) {
  return RowsBound(db, "mes_state_change");
}

Result<std::int64_t> CountRowsBound(storage::Database& db) { return RowsBound(db, "mes_count"); }

Status ForEachStateChange(storage::Database& db,
                          const std::function<void(const StateChangeRow&)>& fn) {
  return ForEach<StateChangeRow>(db, kStateChanges, ReadStateChange, fn);
}

Status ForEachCount(storage::Database& db, const std::function<void(const CountRow&)>& fn) {
  return ForEach<CountRow>(db, kCounts, ReadCount, fn);
}

Result<std::vector<ReasonRow>> ReadReasons(storage::Database& db) {
  return storage::Rows<ReasonRow>(
      db, "SELECT seq, work_unit, interval_start_us, reason FROM mes_downtime_reason ORDER BY seq",
      storage::NoBind, [](const Statement& s) {
        return ReasonRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3)};
      });
}

Result<std::vector<SourceRow>> ReadSources(storage::Database& db) {
  return storage::Rows<SourceRow>(
      db, "SELECT seq, name, counter, rollover_modulus FROM mes_source ORDER BY seq",
      storage::NoBind, [](const Statement& s) {
        return SourceRow{s.Int(0), s.Text(1), s.Text(2), s.Int(3)};
      });
}

Result<std::vector<EquipmentDraftRow>> ReadEquipmentDrafts(storage::Database& db) {
  return storage::Rows<EquipmentDraftRow>(
      db, "SELECT seq, id, version, action, content FROM mes_equipment_draft ORDER BY seq",
      storage::NoBind, [](const Statement& s) {
        return EquipmentDraftRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4)};
      });
}

Result<std::vector<ApprovalRow>> ReadEquipmentApprovals(storage::Database& db) {
  return storage::Rows<ApprovalRow>(
      db, "SELECT seq, id, version, effective_from_us FROM mes_equipment_approval ORDER BY seq, id",
      storage::NoBind, [](const Statement& s) {
        return ApprovalRow{s.Int(0), s.Text(1), s.Int(2), s.Int(3)};
      });
}

Result<std::vector<OrderRow>> ReadOrders(storage::Database& db) {
  return storage::Rows<OrderRow>(
      db,
      "SELECT seq, order_id, product, quantity, unit, due_us, customer, due_date FROM mes_order "
      "ORDER BY seq",
      storage::NoBind, [](const Statement& s) {
        return OrderRow{s.Int(0),  s.Text(1), s.Text(2), s.Real(3),
                        s.Text(4), s.Int(5),  s.Text(6), s.Text(7)};
      });
}

Result<std::vector<CancelRow>> ReadCancellations(storage::Database& db) {
  return storage::Rows<CancelRow>(db, "SELECT seq, order_id FROM mes_order_cancelled ORDER BY seq",
                                  storage::NoBind, [](const Statement& s) {
                                    return CancelRow{s.Int(0), s.Text(1)};
                                  });
}

Result<std::vector<CompletionRow>> ReadCompletions(storage::Database& db) {
  return storage::Rows<CompletionRow>(
      db,
      "SELECT seq, time_us, order_id, operation, work_unit, good, scrap, rework "
      "FROM mes_operation_completed ORDER BY seq",
      storage::NoBind, [](const Statement& s) {
        return CompletionRow{s.Int(0),  s.Int(1),  s.Text(2), s.Text(3),
                             s.Text(4), s.Real(5), s.Real(6), s.Real(7)};
      });
}

}  // namespace ordo::mis::feed
