// LotSummary and LotViewOf (lot_view.h).
#include "mes/lots/store/lot_view.h"

#include "mes/lots/domain/transitions.h"
#include "mes/signatures/signing.h"

namespace ordo::lots {

namespace {

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json LotSummary(const LotRow& row, TimeMicros now) {
  const Lot& l = row.lot;
  return Json{{"lot", l.lot},
              {"material", l.material},
              {"supplier", l.supplier},
              {"supplier_lot", l.supplier_lot},
              {"status", EffectiveLotStatus(l, now)},
              {"state", l.state},
              {"quantity", l.quantity},
              {"received_quantity", l.received_quantity},
              {"base_unit", l.base_unit},
              {"received", {{"quantity", row.given_quantity}, {"unit", row.unit}}},
              {"expiry", OrNull(l.expiry)},
              {"retest", OrNull(l.retest)},
              {"use_by", OrNull(UseByDate(l))},
              {"source", row.source},
              {"location", OrNull(l.location)},
              {"origin", l.origin},
              {"order_id", OrNull(l.order_id)},
              {"reason", OrNull(row.reason)},
              {"received_seq", row.received_seq},
              {"received_us", l.received_us},
              {"received_at", FormatUtcMicros(l.received_us)}};
}

Result<Json> LotViewOf(storage::Database& db, const std::string& lot, TimeMicros now, bool detail) {
  auto row = FindLotRow(db, lot);
  if (!row.ok()) return row.error();
  if (!*row) return Json(nullptr);
  Json view = LotSummary(**row, now);
  if (!detail) return view;
  auto history = HistoryOf(db, lot);
  if (!history.ok()) return history.error();
  Json events = Json::array();
  for (const auto& h : *history)
    events.push_back({{"seq", h.seq},
                      {"time", FormatUtcMicros(h.time_us)},
                      {"actor", h.actor},
                      {"role", h.role},
                      {"event", h.event},
                      {"state", h.state},
                      {"quantity", h.quantity},
                      {"change", h.change},
                      {"reason", OrNull(h.reason)},
                      {"detail", h.detail}});
  view["history"] = events;
  auto signed_by = signatures::SignaturesOn(db, kSubjectKind, lot);
  if (!signed_by.ok()) return signed_by.error();
  Json sigs = Json::array();
  const Lot& l = (*row)->lot;
  // The decision the lot records now: what a release or rejection signature must match.
  const std::string decision = l.state == "rejected"      ? "rejected"
                               : l.state == "quarantined" ? ""
                                                          : "released";
  const std::string reason = l.state == "rejected" ? (*row)->reason : "";
  for (const auto& s : *signed_by) {
    const std::string hash = signatures::RecordHash(DispositionRecord(l, decision, reason));
    sigs.push_back(signatures::ToJson(s, signatures::CheckBinding(s, kSubjectKind, lot, 1, hash)));
  }
  view["signatures"] = sigs;
  return view;
}

}  // namespace ordo::lots
