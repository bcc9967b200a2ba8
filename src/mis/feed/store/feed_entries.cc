// The feed's stored rows of a range of seqs (feed_entries.h).
#include "mis/feed/store/feed_entries.h"

#include "storage/rows.h"

namespace ordo::mis::feed {

Result<FeedEntries> ReadFeedEntries(storage::Database& db, std::int64_t first, std::int64_t last) {
  using storage::Statement;
  auto range = [first, last](Statement& s) { s.Bind(1, first).Bind(2, last); };
  FeedEntries out;
  auto states = storage::Rows<StateChangeRow>(
      db,
      "SELECT seq, work_unit, time_us, state, reason, source, source_seq, item "
      "FROM mes_state_change WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return StateChangeRow{s.Int(0),  s.Text(1), s.Int(2), s.Text(3),
                              s.Text(4), s.Text(5), s.Int(6), s.Int(7)};
      });
  if (!states.ok()) return states.error();
  out.states = std::move(*states);
  auto counts = storage::Rows<CountRow>(
      db,
      "SELECT seq, work_unit, time_us, source, counter, source_seq, item, total, good, scrap, "
      "rework, product, order_id FROM mes_count WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return CountRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4),  s.Int(5),  s.Int(6),
                        s.Int(7), s.Int(8),  s.Int(9), s.Int(10), s.Text(11), s.Text(12)};
      });
  if (!counts.ok()) return counts.error();
  out.counts = std::move(*counts);
  auto reasons = storage::Rows<ReasonRow>(
      db,
      "SELECT seq, work_unit, interval_start_us, reason FROM mes_downtime_reason "
      "WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return ReasonRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3)};
      });
  if (!reasons.ok()) return reasons.error();
  out.reasons = std::move(*reasons);
  auto sources = storage::Rows<SourceRow>(
      db,
      "SELECT seq, name, counter, rollover_modulus FROM mes_source WHERE seq BETWEEN ? AND ? "
      "ORDER BY seq",
      range, [](const Statement& s) {
        return SourceRow{s.Int(0), s.Text(1), s.Text(2), s.Int(3)};
      });
  if (!sources.ok()) return sources.error();
  out.sources = std::move(*sources);
  auto drafts = storage::Rows<EquipmentDraftRow>(
      db,
      "SELECT seq, id, version, action, content FROM mes_equipment_draft "
      "WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return EquipmentDraftRow{s.Int(0), s.Text(1), s.Int(2), s.Text(3), s.Text(4)};
      });
  if (!drafts.ok()) return drafts.error();
  out.equipment_drafts = std::move(*drafts);
  auto approvals = storage::Rows<ApprovalRow>(
      db,
      "SELECT seq, id, version, effective_from_us FROM mes_equipment_approval "
      "WHERE seq BETWEEN ? AND ? ORDER BY seq, id",
      range, [](const Statement& s) {
        return ApprovalRow{s.Int(0), s.Text(1), s.Int(2), s.Int(3)};
      });
  if (!approvals.ok()) return approvals.error();
  out.equipment_approvals = std::move(*approvals);
  auto orders = storage::Rows<OrderRow>(
      db,
      "SELECT seq, order_id, product, quantity, unit, due_us, customer, due_date FROM mes_order "
      "WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return OrderRow{s.Int(0),  s.Text(1), s.Text(2), s.Real(3),
                        s.Text(4), s.Int(5),  s.Text(6), s.Text(7)};
      });
  if (!orders.ok()) return orders.error();
  out.orders = std::move(*orders);
  auto cancellations = storage::Rows<CancelRow>(
      db, "SELECT seq, order_id FROM mes_order_cancelled WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return CancelRow{s.Int(0), s.Text(1)};
      });
  if (!cancellations.ok()) return cancellations.error();
  out.cancellations = std::move(*cancellations);
  auto completions = storage::Rows<CompletionRow>(
      db,
      "SELECT seq, time_us, order_id, operation, work_unit, good, scrap, rework "
      "FROM mes_operation_completed WHERE seq BETWEEN ? AND ? ORDER BY seq",
      range, [](const Statement& s) {
        return CompletionRow{s.Int(0),  s.Int(1),  s.Text(2), s.Text(3),
                             s.Text(4), s.Real(5), s.Real(6), s.Real(7)};
      });
  if (!completions.ok()) return completions.error();
  out.completions = std::move(*completions);
  return out;
}

}  // namespace ordo::mis::feed
