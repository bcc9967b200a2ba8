// Glue of the telemetry commands (telemetry_commands.h).
#include "mes/telemetry/commands/telemetry_commands.h"

#include <algorithm>
#include <filesystem>
#include <map>
#include <tuple>

#include "core/json_fields.h"
#include "mes/masterdata/in_force.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/domain/tag.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "storage/rows.h"

namespace ordo::telemetry {

namespace {

using Events = std::vector<ledger::Event>;

// At most this many unsealed rows are looked at per seal command.
constexpr std::int64_t kTailRowsPerCommand = 200'000;

class Sink : public equipment::SampleSink {
 public:
  Result<std::map<std::string, std::string>> TagWorkUnits(
      storage::Database& db, const std::set<std::string>& tags) override {
    return telemetry::TagWorkUnits(db, tags);
  }
  Status Store(storage::Database& db, const equipment::AcceptedSamples& accepted) override {
    auto file = WriterFile(db.path());
    if (!file.ok()) return file.error();
    return InsertSamples(**file, accepted);
  }
};

}  // namespace

engine::Command DefineTagCommand(engine::Actor actor, TagDefined tag) {
  engine::Command c;
  c.actor = std::move(actor);
  c.success_status = 201;
  c.decide = [tag](engine::WriteContext& ctx) -> Result<Events> {
    ORDO_TRY(ValidateTag(tag));
    auto existing = FindTag(ctx.db, tag.name);
    if (!existing.ok()) return existing.error();
    auto wu = masterdata::InForce(ctx.db, "equipment", tag.work_unit, ctx.now);
    if (!wu.ok()) return wu.error();
    const bool known = *wu && TextField((*wu)->content, "level") == "work_unit";
    auto e = DecideDefineTag(tag, existing->has_value(), known);
    if (!e.ok()) return e.error();
    return Events{std::move(*e)};
  };
  c.reply = [name = tag.name](engine::WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) {
    auto row = FindTag(ctx.db, name);
    return Json{{"tag", row.ok() && *row ? ToJson(**row) : Json(nullptr)}};
  };
  return c;
}

engine::Command SealCommand(TimeMicros tail_age_us, bool whole_tail) {
  engine::Command c;
  c.actor = engine::Actor{0, "system", "system", std::nullopt};
  c.success_status = 200;
  auto leftovers = std::make_shared<std::vector<std::int64_t>>();
  auto outcome = std::make_shared<Json>();
  c.decide = [tail_age_us, whole_tail, leftovers,
              outcome](engine::WriteContext& ctx) -> Result<Events> {
    leftovers->clear();
    *outcome = Json{{"sealed", 0}, {"rows", 0}, {"removed", 0}};
    // No file yet: no sample was ever stored, nothing to seal (and no file to create).
    if (!std::filesystem::exists(TelemetryPathOf(ctx.db.path()))) return Events{};
    auto progress = SealProgressOf(ctx.db);
    if (!progress.ok()) return progress.error();
    auto file = WriterFile(ctx.db.path());
    if (!file.ok()) return file.error();
    auto tail = RowsAfter(**file, progress->last_id, kTailRowsPerCommand);
    if (!tail.ok()) return tail.error();
    std::vector<SampleRow> rows;
    // (entry_seq, source, seq) -> the entry is that batch's batch_accepted
    std::map<std::tuple<std::int64_t, std::string, std::int64_t>, bool> accepted;
    for (auto& r : *tail) {
      const auto key = std::make_tuple(r.entry_seq, r.source, r.seq);
      auto it = accepted.find(key);
      if (it == accepted.end()) {
        auto ok = NamesAcceptedBatch(ctx.db, r.entry_seq, r.source, r.seq);
        if (!ok.ok()) return ok.error();
        it = accepted.emplace(key, *ok).first;
      }
      if (it->second)
        rows.push_back(std::move(r));
      else
        leftovers->push_back(r.id);
    }
    Events events;
    std::int64_t batch = progress->batches, sealed_rows = 0;
    for (std::size_t start = 0; start < rows.size(); start += kRowsPerSeal) {
      const std::size_t end = std::min(rows.size(), start + kRowsPerSeal);
      std::vector<SampleRow> chunk(rows.begin() + start, rows.begin() + end);
      if (chunk.size() < kRowsPerSeal && !whole_tail) {
        TimeMicros oldest = chunk.front().received_us;
        for (const auto& r : chunk) oldest = std::min(oldest, r.received_us);
        if (ctx.now - oldest < tail_age_us) break;
      }
      BatchSealed seal = SealOf(++batch, chunk);
      sealed_rows += seal.count;
      events.push_back(ledger::MakeEvent(seal, kSealSubject, std::to_string(seal.batch)));
    }
    *outcome = Json{{"sealed", static_cast<std::int64_t>(events.size())},
                    {"rows", sealed_rows},
                    {"removed", static_cast<std::int64_t>(leftovers->size())}};
    return events;
  };
  c.after_append = [leftovers](engine::WriteContext& ctx,
                               const std::vector<ledger::LedgerEntry>&) -> Status {
    if (leftovers->empty()) return Ok();
    auto file = WriterFile(ctx.db.path());
    if (!file.ok()) return file.error();
    return DeleteRows(**file, *leftovers);
  };
  c.reply = [outcome](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    return *outcome;
  };
  return c;
}

std::unique_ptr<equipment::SampleSink> MakeSampleSink() { return std::make_unique<Sink>(); }

}  // namespace ordo::telemetry
