// The optional OpenLineage export of a KPI job (issue 13 section 4): one RunEvent (spec
// 2-0-2) as JSON, naming the datasets the figures came from (the MES ledger, each import
// file by its hash) and the figures it produced, so a site's lineage tools can read it.
#pragma once

#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mis/kpi/kpi.h"

namespace ordo::mis {

struct LineageRun {
  std::string run_id;         // a UUID the caller made (the engine makes no ids)
  TimeMicros event_time = 0;  // when the job completed
  std::string job_namespace = "ordo-mis";
  std::string producer = "https://github.com/ordo/ordo";  // the producing software's URI
};

// A COMPLETE RunEvent: job {namespace, name "kpi:<ids>@<scope>"}, inputs {"ordo.ledger"
// and "import:<sha256>" in the job's namespace}, outputs one dataset per figure
// ("kpi/<id>/<scope>/<from>/<to>"). invalid_argument (field "run_id", reason
// invalid_run_id) when run_id is not a UUID.
Result<Json> OpenLineageRunEvent(const KpiReport& report, const LineageRun& run);

}  // namespace ordo::mis
