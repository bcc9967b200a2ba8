// Opening a deviation inside any command (opening.h).
#include "mes/deviations/opening.h"

#include "mes/deviations/store/deviations_store.h"
#include "mes/lots/lots.h"
#include "mes/orders/orders.h"

namespace ordo::deviations {

Result<ledger::Event> OpenDeviationEvent(storage::Database& db, DeviationOpened draft,
                                         std::int64_t already) {
  ORDO_TRY(ValidateOpen(draft));
  auto order = orders::FindOrder(db, draft.order_id);
  if (!order.ok()) return order.error();
  if (!*order)
    return Error{ErrorCode::kNotFound, "there is no order '" + draft.order_id + "'", "order_id",
                 "order_missing"};
  if (!draft.operation.empty()) {
    auto ops = orders::OperationsOf(db, draft.order_id);
    if (!ops.ok()) return ops.error();
    bool found = false;
    for (const auto& op : *ops) found = found || op.operation == draft.operation;
    if (!found)
      return Error{ErrorCode::kNotFound,
                   "order " + draft.order_id + " has no operation '" + draft.operation + "'",
                   "operation", "operation_missing"};
  }
  for (std::size_t i = 0; i < draft.lots.size(); ++i) {
    auto lot = lots::FindLot(db, draft.lots[i]);
    if (!lot.ok()) return lot.error();
    if (*lot) continue;
    // A serial number may be named too (a device or component serial).
    auto serial = lots::FindSerial(db, draft.lots[i]);
    if (!serial.ok()) return serial.error();
    if (!*serial)
      return Error{ErrorCode::kNotFound, "there is no lot or serial '" + draft.lots[i] + "'",
                   "lots[" + std::to_string(i) + "]", "lot_missing"};
  }
  auto count = CountOpened(db);
  if (!count.ok()) return count.error();
  draft.id = FormatId(*count + already + 1);
  return ledger::MakeEvent(draft, kSubjectKind, draft.id);
}

}  // namespace ordo::deviations
