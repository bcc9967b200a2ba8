// Values of telemetry tags recorded as the process parameters of the operations running
// on their work units (issue 12 section 4): execution's sample observer, run by the
// equipment ingest command (mes/equipment/sample_observer.h). Glue of the work unit's
// mapping (equipment master data `parameter_tags`), SelectTagReadings
// (domain/tag_values.h) and DecideRecordParameter (domain/recording.h).
#pragma once

#include <vector>

#include "engine/engine.h"
#include "mes/equipment/sample_observer.h"

namespace ordo::execution {

// The events for the samples of one accepted batch: for each work unit of a sample's tag
// whose equipment master data in force maps the tag to a parameter, each operation in
// progress on it whose pinned spec has that parameter with source equipment gets the
// readings SelectTagReadings picks, each decided as DecideRecordParameter with the
// origin (data source, tag, batch seq, rule): execution.parameter_recorded, the
// exceptions it raises and the deviations they open (OpenDeviations), as for a manual
// entry. A reading the decision refuses (e.g. the work unit's calibration is overdue) is
// left out: it stays a telemetry sample only. Paused operations record nothing. Errors:
// only faults reading the stores (the ingest then fails and the source retries).
Result<std::vector<ledger::Event>> TagParameterEvents(engine::WriteContext& ctx,
                                                      const equipment::ObservedSamples& observed);

}  // namespace ordo::execution
