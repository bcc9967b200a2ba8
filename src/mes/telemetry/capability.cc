// Registration of the telemetry capability.
#include "mes/telemetry/capability.h"

#include "admin/data_dir_ops.h"
#include "core/permissions.h"
#include "engine/engine.h"
#include "ledger/event_schema.h"
#include "mes/equipment/sample_sink.h"
#include "mes/telemetry/commands/telemetry_commands.h"
#include "mes/telemetry/events.h"
#include "mes/telemetry/http/telemetry_http.h"
#include "mes/telemetry/permissions.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "mes/telemetry/verify.h"
#include "server/serve_tasks.h"

namespace ordo::telemetry {

namespace {
// The unsealed tail is sealed once its oldest row is this old (checked every kSealEvery).
constexpr TimeMicros kTailAge = 30'000'000;
constexpr std::int64_t kSealEverySeconds = 5;
// Rows sealed per command of the serve task: a command takes ~2.5 us a row on the 2-core
// reference machine (~5 ms for 2,000 rows), and gives way to a person's command queued
// meanwhile (engine::GiveWay, between pages of 250 rows), which so waits a fraction of a
// millisecond; a larger tail is sealed by commands submitted one after another (the
// reply's "more", server/serve_tasks.h). At 10,000 samples/s (the soak) that is 25
// commands per 5 s.
constexpr std::int64_t kSealRowsPerTask = 2000;
// Compaction (retention): every hour by default (`ordo serve --compact-interval`), at most
// this many sealed batches (of 1000 rows) per command, again until nothing is due.
constexpr std::int64_t kCompactEverySeconds = 3600;
constexpr std::int64_t kCompactBatchesPerRun = 5;
}  // namespace

void Register() {
  ledger::RegisterEventType<TagDefined>("telemetry",
                                        "A tag (a work unit's process value) was defined");
  ledger::RegisterEventType<BatchSealed>(
      "telemetry", "A batch of rows of the telemetry file was sealed (hash, time range, count)");
  ledger::RegisterEventType<BatchCompacted>(
      "telemetry",
      "Sealed batches of the telemetry file were compacted into per-minute rollup rows (hash, "
      "range, counts); their raw rows are deleted after it");
  store::RegisterTables(Tables());
  RegisterProjectors();
  RegisterPermission({kTelemetryRead,
                      "read tags and their process values",
                      {"operator", "supervisor", "quality", "engineer", "admin"}});
  RegisterPermission({kTagsManage, "define tags", {"engineer", "admin"}});
  server::RegisterEndpoints("telemetry", Endpoints());
  static std::unique_ptr<equipment::SampleSink> sink = MakeSampleSink();
  equipment::SetSampleSink(sink.get());
  // The samples of a group's ingest commands are committed once, before the ledger's.
  engine::RegisterGroupParticipant(
      {"the telemetry file",
       [](storage::Database& writer) { return CommitHeldWrites(writer.path()); },
       [](storage::Database& writer) { RollbackHeldWrites(writer.path()); },
       [](const std::string& store_path) { return TelemetryPathOf(store_path); }});
  admin::RegisterDataDirCheck(&CheckTelemetry);
  admin::RegisterDataDirFile({"telemetry.sqlite", &TrimToLedger});
  // Both give way to people's commands (engine::GiveWay): a seal command holds the writer
  // for ~5 ms, a compaction command for longer.
  static const auto seal_turns = std::make_shared<engine::GiveWay>();
  static const auto compaction_turns = std::make_shared<engine::GiveWay>();
  server::RegisterServeTask({"telemetry seals", kSealEverySeconds, [](bool at_start) {
                               return SealCommand(kTailAge, at_start, kSealRowsPerTask, seal_turns);
                             }});
  server::RegisterServeTask({kCompactionTask, kCompactEverySeconds, [](bool) {
                               return CompactCommand(0, kCompactBatchesPerRun, compaction_turns);
                             }});
}

}  // namespace ordo::telemetry
