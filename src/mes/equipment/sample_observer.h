// Rules of other capabilities that look at the samples of an accepted batch inside the
// ingest command and add their own events to it (execution records the values of tags
// mapped to the process parameters of a running operation, docs/execution.md). Equipment
// includes none of them: each registers an observer here at start-up, as the batch record
// registers a lot release gate with lots.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "core/result.h"
#include "engine/engine.h"
#include "mes/equipment/domain/batch.h"

namespace ordo::equipment {

// The samples of one accepted (not duplicate) batch, with the work unit of each tag.
struct ObservedSamples {
  const std::string& source;  // the data source that sent the batch
  std::int64_t seq = 0;       // the batch's seq
  const std::vector<SampleItem>& samples;
  const std::map<std::string, std::string>& tag_work_units;  // tag -> work unit
};

// Returns the events to append after the batch's own, in the ingest command's transaction.
// `ctx.next_seq` is the seq its first event will get. Must only read `ctx.db`. An error
// fails the whole ingest (nothing is acknowledged; the source sends the batch again):
// return one only for a fault, never for a value the observer's rules refuse.
using SampleObserver = std::function<Result<std::vector<ledger::Event>>(engine::WriteContext&,
                                                                        const ObservedSamples&)>;

// Registers `observer` (start-up, before the engine runs). Observers run in registration
// order.
void RegisterSampleObserver(SampleObserver observer);
// The registered observers.
const std::vector<SampleObserver>& SampleObservers();

}  // namespace ordo::equipment
