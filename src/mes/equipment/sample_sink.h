// The hand-over of process values (samples) from the ingest command to the store that
// keeps them. The telemetry capability implements the sink and installs it at start-up,
// so equipment includes no telemetry code; without a sink, batches with samples are
// refused (not_supported). Both calls run on the engine's writer thread, inside the
// ingest command (docs/telemetry.md says when a sample is durable).
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "mes/equipment/domain/batch.h"
#include "storage/database.h"

namespace ordo::equipment {

// The samples of one accepted batch. `entry_seq`: the seq of its equipment.batch_accepted
// entry (appended, not yet committed).
struct AcceptedSamples {
  std::string source;
  std::int64_t seq = 0;
  std::int64_t entry_seq = 0;
  TimeMicros received_us = 0;
  const std::vector<SampleItem>* samples = nullptr;
  // True when the sink may hold the rows for the engine's group and make them durable
  // just before the group's ledger commit (engine::GroupParticipant); false in the
  // command-by-command re-run (engine::WriteContext::guarded): durable before Store returns.
  bool hold_for_group = false;
};

class SampleSink {
 public:
  virtual ~SampleSink() = default;
  // The work unit of each tag among `tags` that is defined; a tag absent from the answer
  // is unknown. Reads `db` (the writer's connection) only.
  virtual Result<std::map<std::string, std::string>> TagWorkUnits(
      storage::Database& db, const std::set<std::string>& tags) = 0;
  // Stores the samples of an accepted batch and makes them durable before the ledger
  // commits (before it returns, unless `accepted.hold_for_group`). Called after the
  // batch's events are appended to `db`'s open transaction and before that transaction
  // commits; an error fails the ingest command (nothing acknowledged).
  virtual Status Store(storage::Database& db, const AcceptedSamples& accepted) = 0;
};

// Installs `sink` (start-up, before the engine runs; nullptr removes it). Not owned: it
// must outlive every engine.
void SetSampleSink(SampleSink* sink);
// The installed sink, or nullptr.
SampleSink* InstalledSampleSink();

}  // namespace ordo::equipment
