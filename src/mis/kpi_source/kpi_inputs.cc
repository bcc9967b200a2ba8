// Imports and the MES feed as one Inputs value.
#include "mis/kpi_source/kpi_inputs.h"

#include "mis/feed/feed_inputs.h"
#include "mis/kpi_source/imported_inputs.h"

namespace ordo::mis::kpi_source {

Result<Inputs> LoadKpiInputs(storage::Database& db) {
  auto inputs = LoadImportedInputs(db);
  if (!inputs.ok()) return inputs.error();
  ORDO_TRY(feed::AppendFeedInputs(db, *inputs));
  return inputs;
}

}  // namespace ordo::mis::kpi_source
