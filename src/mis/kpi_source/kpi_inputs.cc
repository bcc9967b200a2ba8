// Imports and the MES feed as one Inputs value.
#include "mis/kpi_source/kpi_inputs.h"

#include <set>
#include <tuple>
#include <utility>

#include "mis/feed/feed_inputs.h"
#include "mis/kpi_source/imported_inputs.h"

namespace ordo::mis::kpi_source {

namespace {

// Of rows with the same key, keeps those of the preferred side (the ledger's when
// `ledger_wins`, else the imports') and leaves out the others.
template <typename Row, typename KeyOf>
void Prefer(std::vector<Row>& rows, bool ledger_wins, KeyOf key_of) {
  if (rows.empty()) return;
  std::set<decltype(key_of(rows.front()))> preferred;
  for (const auto& r : rows)
    if (r.source.is_ledger() == ledger_wins) preferred.insert(key_of(r));
  std::erase_if(rows, [&](const Row& r) {
    return r.source.is_ledger() != ledger_wins && preferred.count(key_of(r)) > 0;
  });
}

}  // namespace

Result<Inputs> LoadKpiInputs(storage::Database& db, const calendar::TimeZone& zone) {
  auto inputs = LoadImportedInputs(db, zone);
  if (!inputs.ok()) return inputs.error();
  ORDO_TRY(feed::AppendFeedInputs(db, zone, *inputs));
  Prefer(inputs->equipment, true, [](const EquipmentNode& n) { return n.id; });
  Prefer(inputs->cycle_times, true,
         [](const CycleTime& c) { return std::make_pair(c.work_unit, c.product); });
  Prefer(inputs->operation_yields, true, [](const OperationYield& y) {
    return std::make_tuple(y.order, y.operation, y.work_unit);
  });
  Prefer(inputs->orders, false, [](const Order& o) { return o.order_id; });
  return inputs;
}

}  // namespace ordo::mis::kpi_source
