// The telemetry commands (glue): define a tag, seal the telemetry file's unsealed rows,
// and the sample sink that the equipment ingest command hands samples to.
#pragma once

#include <memory>

#include "engine/engine.h"
#include "mes/equipment/sample_sink.h"
#include "mes/telemetry/events.h"

namespace ordo::telemetry {

// Defines `tag` (DecideDefineTag against the tags and the work units in master data in
// force). Reply {"tag"}; status 201.
engine::Command DefineTagCommand(engine::Actor actor, TagDefined tag);

// Seals the rows of the telemetry file not sealed yet, in batches of kRowsPerSeal: every
// full batch, and the rest when `whole_tail` or when its oldest row was received
// `tail_age_us` or longer ago. Rows whose batch was never accepted (left by a crash
// between the telemetry write and the ledger commit: their entry_seq names no matching
// equipment.batch_accepted) are left out and deleted. One telemetry.batch_sealed per
// batch; reply {"sealed": batches, "rows": rows, "removed": leftover rows deleted,
// "more": true when it looked at `max_rows` unsealed rows (at least kRowsPerSeal), so more
// may be waiting}. Runs at
// `ordo serve` start (whole tail) and every few seconds (capability.cc), in commands of
// at most `max_rows` rows so that people's commands interleave (server/serve_tasks.h).
// With `give_way`, it gives way to a person's command queued while it runs (between pages
// of 250 rows and between batches; engine::GiveWay): it then writes nothing and replies
// {"sealed": 0, "rows": 0, "removed": 0, "more": true, "gave_way": true}.
inline constexpr std::int64_t kSealRowsPerCommand = 200'000;
engine::Command SealCommand(TimeMicros tail_age_us, bool whole_tail,
                            std::int64_t max_rows = kSealRowsPerCommand,
                            std::shared_ptr<engine::GiveWay> give_way = nullptr);

// Compacts sealed batches whose rows are all older than their tag's raw_days at `as_of`
// (0: the engine's now), at most `max_batches` per command (domain/compaction.h): one
// telemetry.batch_compacted over their per-minute rollup, whose rows are written to the
// telemetry file after the append. A batch whose rows do not match their seal is left
// alone (ordo ledger verify keeps naming it). The raw rows of a compaction are deleted by
// the next command, once its entry is durable (so the record never lacks both). Reply
// {"compacted": batches, "raw_rows", "rollup_rows", "purged": raw rows deleted now,
// "skipped": batches left alone, "more": compacted == max_batches, so more may be due}.
// Runs at `ordo serve` start and every
// --compact-interval (capability.cc), and as `ordo telemetry compact`. With `give_way`, it
// gives way to a person's command queued while it runs (before each candidate batch;
// engine::GiveWay): it then writes nothing and replies all zeros with "more": true and
// "gave_way": true.
engine::Command CompactCommand(TimeMicros as_of, std::int64_t max_batches,
                               std::shared_ptr<engine::GiveWay> give_way = nullptr);

// The sink installed into equipment (sample_sink.h): tags from telemetry_tag, samples
// into the telemetry file next to the writer's store.
std::unique_ptr<equipment::SampleSink> MakeSampleSink();

}  // namespace ordo::telemetry
