// Imports and the MES feed as one Inputs value.
#include "mis/kpi_source/kpi_inputs.h"

#include <set>
#include <utility>

#include "mis/feed/feed_inputs.h"
#include "mis/kpi_source/imported_inputs.h"

namespace ordo::mis::kpi_source {

namespace {

// Leaves out the imported rows of `rows` whose key a row from the ledger also has.
template <typename Row, typename KeyOf>
void PreferLedger(std::vector<Row>& rows, KeyOf key_of) {
  std::set<decltype(key_of(rows.front()))> from_ledger;
  for (const auto& r : rows)
    if (r.source.is_ledger()) from_ledger.insert(key_of(r));
  std::erase_if(rows, [&](const Row& r) {
    return !r.source.is_ledger() && from_ledger.count(key_of(r)) > 0;
  });
}

}  // namespace

Result<Inputs> LoadKpiInputs(storage::Database& db) {
  auto inputs = LoadImportedInputs(db);
  if (!inputs.ok()) return inputs.error();
  ORDO_TRY(feed::AppendFeedInputs(db, *inputs));
  if (!inputs->equipment.empty())
    PreferLedger(inputs->equipment, [](const EquipmentNode& n) { return n.id; });
  if (!inputs->cycle_times.empty())
    PreferLedger(inputs->cycle_times,
                 [](const CycleTime& c) { return std::make_pair(c.work_unit, c.product); });
  return inputs;
}

}  // namespace ordo::mis::kpi_source
