// `ordo telemetry compact` (telemetry_command.h): the compaction command of the serve task
// (mes/telemetry CompactCommand), run on the data directory with the server stopped, as
// the system actor, until no batch is due and every compaction's raw rows are deleted.
#include "cli/telemetry_command.h"

#include <cstdio>

#include "admin/data_dir_ops.h"
#include "core/clock.h"
#include "engine/engine.h"
#include "mes/telemetry/commands/telemetry_commands.h"
#include "store/data_dir.h"

namespace ordo::cli {

namespace {

int Fail(const std::string& message, int code = 1) {
  std::fprintf(stderr, "ordo telemetry: %s\n", message.c_str());
  return code;
}

int Compact(const std::string& data, const std::string& now_text) {
  TimeMicros as_of = 0;
  if (!now_text.empty() && !ParseIsoTime(now_text, &as_of))
    return Fail("--now must be an ISO 8601 time with offset, e.g. 2026-12-01T06:00:00Z", 2);
  store::DataDir dir{data};
  auto lock = admin::DirLock::Acquire(dir);
  if (!lock.ok()) return Fail(lock.error().message, 2);
  SystemClock clock;
  auto upgraded = admin::UpgradeStore(dir, clock);
  if (!upgraded.ok()) return Fail(upgraded.error().message, 2);
  engine::EngineOptions o;
  o.data_dir = dir;
  o.clock = &clock;
  auto engine = engine::Engine::Start(o);
  if (!engine.ok()) return Fail(engine.error().message, 2);
  std::int64_t compactions = 0, batches = 0, raw = 0, rollup = 0, purged = 0, skipped = 0;
  // Each run compacts up to 100 batches and deletes the raw rows of the compactions
  // recorded before it; a last run (nothing due) deletes those of the final one.
  for (int run = 0; run < 100000; ++run) {
    auto r = (*engine)->SubmitAndWait(telemetry::CompactCommand(as_of, 100));
    if (!r.ok()) {
      (*engine)->Stop();
      return Fail(r.error().message);
    }
    const Json& b = r->body;
    purged += b.value("purged", std::int64_t{0});
    skipped = b.value("skipped", std::int64_t{0});
    const std::int64_t n = b.value("compacted", std::int64_t{0});
    if (n == 0) break;
    ++compactions;
    batches += n;
    raw += b.value("raw_rows", std::int64_t{0});
    rollup += b.value("rollup_rows", std::int64_t{0});
  }
  (*engine)->Stop();
  std::printf(
      "telemetry: %lld compactions of %lld sealed batches (%lld raw rows into %lld rollup "
      "rows), %lld raw rows deleted\n",
      static_cast<long long>(compactions), static_cast<long long>(batches),
      static_cast<long long>(raw), static_cast<long long>(rollup), static_cast<long long>(purged));
  if (skipped > 0)
    std::printf(
        "telemetry: %lld due batches left alone: their rows do not match their seals (see "
        "ordo ledger verify)\n",
        static_cast<long long>(skipped));
  return 0;
}

}  // namespace

void AddTelemetryCommands(CLI::App& app, int* rc) {
  auto* telemetry = app.add_subcommand("telemetry", "Maintain the telemetry file (process values)");
  auto* compact = telemetry->add_subcommand(
      "compact",
      "Compact raw samples older than their tag's raw_days into per-minute rollup rows "
      "(server stopped)");
  static std::string data, now_text;
  compact->add_option("--data", data, "data directory")->required();
  compact->add_option("--now", now_text,
                      "compact as of this time (ISO 8601 with offset; default: now)");
  compact->callback([rc] { *rc = Compact(data, now_text); });
}

}  // namespace ordo::cli
