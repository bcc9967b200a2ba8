// SerialSummary and SerialViewOf (serial_view.h).
#include "mes/lots/store/serial_view.h"

#include "core/clock.h"
#include "mes/lots/domain/serial_actions.h"
#include "mes/lots/store/serials_store.h"
#include "mes/signatures/signing.h"

namespace ordo::lots {

namespace {

Json OrNull(const std::string& s) { return s.empty() ? Json(nullptr) : Json(s); }

}  // namespace

Json SerialSummary(const SerialUnit& u) {
  return Json{{"serial", u.serial},
              {"material", u.material},
              {"state", u.state},
              {"held_from", OrNull(u.held_from)},
              {"reason", OrNull(u.reason)},
              {"order_id", u.order_id},
              {"operation", u.operation},
              {"work_unit", u.work_unit},
              {"source", u.source},
              {"produced_seq", u.produced_seq},
              {"produced_us", u.produced_us},
              {"produced_at", FormatUtcMicros(u.produced_us)},
              {"consumed_order_id", OrNull(u.consumed_order_id)},
              {"consumed_operation", OrNull(u.consumed_operation)},
              {"consumed_bom_material", OrNull(u.consumed_bom_material)}};
}

Result<Json> SerialViewOf(storage::Database& db, const std::string& serial) {
  auto row = FindSerialRow(db, serial);
  if (!row.ok()) return row.error();
  if (!*row) return Json(nullptr);
  const SerialUnit& u = **row;
  Json view = SerialSummary(u);
  auto signed_by = signatures::SignaturesOn(db, kSerialSubjectKind, serial);
  if (!signed_by.ok()) return signed_by.error();
  // The decision the serial records now: what its release or rejection signature matches.
  const bool released = u.state == kSerialReleased || u.state == kSerialConsumed ||
                        (u.state == kSerialOnHold && u.held_from == kSerialReleased);
  const std::string decision = u.state == kSerialRejected ? "rejected" : released ? "released" : "";
  const std::string reason = u.state == kSerialRejected ? u.reason : "";
  Json sigs = Json::array();
  for (const auto& s : *signed_by) {
    const std::string hash = signatures::RecordHash(SerialDispositionRecord(u, decision, reason));
    sigs.push_back(
        signatures::ToJson(s, signatures::CheckBinding(s, kSerialSubjectKind, serial, 1, hash)));
  }
  view["signatures"] = sigs;
  return view;
}

}  // namespace ordo::lots
