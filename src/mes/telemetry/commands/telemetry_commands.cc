// Glue of the telemetry commands (telemetry_commands.h).
#include "mes/telemetry/commands/telemetry_commands.h"

#include <algorithm>
#include <filesystem>
#include <iterator>
#include <map>
#include <tuple>

#include "core/json_fields.h"
#include "mes/masterdata/in_force.h"
#include "mes/telemetry/domain/compaction.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/domain/tag.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "storage/rows.h"

namespace ordo::telemetry {

namespace {

using Events = std::vector<ledger::Event>;

// A compaction command looks at most at this many candidate batches per batch it may
// compact, and at least at kMinCandidates (so a run of batches not due, e.g. of a tag kept
// longer, does not stop a command of few batches).
constexpr std::int64_t kCandidatesPerBatch = 10;
constexpr std::int64_t kMinCandidates = 1000;
// The seal reads the unsealed rows this many at a time, and may give way between pages.
constexpr std::int64_t kSealRowsPerPage = 250;

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

engine::Command SealCommand(TimeMicros tail_age_us, bool whole_tail, std::int64_t max_rows,
                            std::shared_ptr<engine::GiveWay> give_way) {
  engine::Command c;
  // Housekeeping of the telemetry file: people's commands read none of it.
  c.bulk = true;
  c.work_units.emplace();
  c.actor = engine::Actor{0, "system", "system", std::nullopt};
  c.success_status = 200;
  auto leftovers = std::make_shared<std::vector<std::int64_t>>();
  auto outcome = std::make_shared<Json>();
  c.decide = [tail_age_us, whole_tail, max_rows, leftovers, outcome,
              give_way](engine::WriteContext& ctx) -> Result<Events> {
    leftovers->clear();
    *outcome = Json{{"sealed", 0}, {"rows", 0}, {"removed", 0}, {"more", false}};
    // A person's command waits: nothing is written, and the task runs this again after it.
    const auto gave_way = [&] {
      if (!give_way || !give_way->Now(ctx)) return false;
      leftovers->clear();
      (*outcome)["more"] = true;
      (*outcome)["gave_way"] = true;
      return true;
    };
    // No file yet: no sample was ever stored, nothing to seal (and no file to create).
    if (!std::filesystem::exists(TelemetryPathOf(ctx.db.path()))) return Events{};
    auto progress = SealProgressOf(ctx.db);
    if (!progress.ok()) return progress.error();
    auto file = WriterFile(ctx.db.path());
    if (!file.ok()) return file.error();
    // At least one whole seal batch a command, so that "more" always means progress. Read
    // a page at a time, giving way between pages.
    const auto want = std::max<std::int64_t>(max_rows, static_cast<std::int64_t>(kRowsPerSeal));
    std::vector<SampleRow> tail;
    for (std::int64_t after = progress->last_id; static_cast<std::int64_t>(tail.size()) < want;) {
      if (gave_way()) return Events{};
      const std::int64_t asked =
          std::min(kSealRowsPerPage, want - static_cast<std::int64_t>(tail.size()));
      auto page = RowsAfter(**file, after, asked);
      if (!page.ok()) return page.error();
      if (page->empty()) break;
      after = page->back().id;
      const bool last_page = static_cast<std::int64_t>(page->size()) < asked;
      std::move(page->begin(), page->end(), std::back_inserter(tail));
      if (last_page) break;
    }
    const bool more = static_cast<std::int64_t>(tail.size()) >= want;
    std::vector<SampleRow> rows;
    // (entry_seq, source, seq) -> the entry is that batch's batch_accepted
    std::map<std::tuple<std::int64_t, std::string, std::int64_t>, bool> accepted;
    for (std::size_t i = 0; i < tail.size(); ++i) {
      if (i % kSealRowsPerPage == 0 && gave_way()) return Events{};
      auto& r = tail[i];
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
      if (gave_way()) return Events{};
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
    if (give_way) give_way->Finished();
    *outcome = Json{{"sealed", static_cast<std::int64_t>(events.size())},
                    {"rows", sealed_rows},
                    {"removed", static_cast<std::int64_t>(leftovers->size())},
                    {"more", more}};
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

engine::Command CompactCommand(TimeMicros as_of, std::int64_t max_batches,
                               std::shared_ptr<engine::GiveWay> give_way) {
  engine::Command c;
  // Housekeeping of the telemetry file: people's commands read none of it.
  c.bulk = true;
  c.work_units.emplace();
  c.actor = engine::Actor{0, "system", "system", std::nullopt};
  c.success_status = 200;
  struct Plan {
    std::vector<PurgeRange> purge;
    std::int64_t recorded = 0;
    std::vector<RollupRow> rollup;
    std::int64_t purged = 0;
    bool file = false;
    Json outcome;
  };
  auto plan = std::make_shared<Plan>();
  c.decide = [as_of, max_batches, plan, give_way](engine::WriteContext& ctx) -> Result<Events> {
    *plan = Plan{};
    plan->outcome = Json{
        {"compacted", 0}, {"raw_rows", 0}, {"rollup_rows", 0}, {"skipped", 0}, {"more", false}};
    // A person's command waits: nothing is written (no file: after_append does nothing),
    // and the task runs this again after it.
    const auto gave_way = [&] {
      if (!give_way || !give_way->Now(ctx)) return false;
      *plan = Plan{};
      plan->outcome = Json{{"compacted", 0}, {"raw_rows", 0}, {"rollup_rows", 0},
                           {"skipped", 0},   {"more", true},  {"gave_way", true}};
      return true;
    };
    if (!std::filesystem::exists(TelemetryPathOf(ctx.db.path()))) return Events{};
    plan->file = true;
    const TimeMicros now = as_of > 0 ? as_of : ctx.now;
    auto file = WriterFile(ctx.db.path());
    if (!file.ok()) return file.error();
    auto recorded = LastCompaction(ctx.db);
    if (!recorded.ok()) return recorded.error();
    plan->recorded = *recorded;
    // Recorded compactions whose raw rows are still in the file: deleted now, but only
    // when their event was committed before this group began (an earlier command of the
    // same group is not durable yet: a crash before the group's commit would leave the
    // raw rows deleted and no event).
    auto in_file = FileCompactions(**file);
    if (!in_file.ok()) return in_file.error();
    for (const FileCompaction& fc : *in_file) {
      if (fc.purged != 0 || fc.number > *recorded || fc.entry_seq > ctx.durable_seq) continue;
      auto batches = BatchesOfCompaction(ctx.db, fc.number);
      if (!batches.ok()) return batches.error();
      for (const SealedBatch& b : *batches)
        plan->purge.push_back(PurgeRange{fc.number, b.first_id, b.last_id});
    }
    auto tags = ListTags(ctx.db, "");
    if (!tags.ok()) return tags.error();
    std::map<std::string, std::int64_t> raw_days;
    std::int64_t min_days = kDefaultRawDays;
    for (const TagRow& t : *tags) {
      raw_days[t.tag.name] = t.tag.raw_days;
      min_days = std::min(min_days, t.tag.raw_days);
    }
    // Candidates page by page (a batch holding a tag kept longer is passed over cheaply:
    // only its newest time per tag is read), at most kCandidatesPerRun looked at.
    std::vector<std::int64_t> batches;
    std::vector<SampleRow> rows;
    std::int64_t skipped = 0, examined = 0, after = 0;
    while (static_cast<std::int64_t>(batches.size()) < max_batches &&
           examined < std::max(kMinCandidates, max_batches * kCandidatesPerBatch)) {
      if (gave_way()) return Events{};
      auto page = UncompactedBatches(ctx.db, now - min_days * kDayMicros, after, max_batches);
      if (!page.ok()) return page.error();
      if (page->empty()) break;
      for (const SealedBatch& b : *page) {
        if (static_cast<std::int64_t>(batches.size()) >= max_batches) break;
        if (gave_way()) return Events{};
        ++examined;
        after = b.batch;
        auto newest = NewestPerTag(**file, b.first_id, b.last_id);
        if (!newest.ok()) return newest.error();
        if (!newest->empty() && !BatchDue(*newest, raw_days, now)) continue;
        auto seal = SealAt(ctx.db, b.entry_seq);
        if (!seal.ok()) return seal.error();
        auto stored = RowsBetween(**file, b.first_id, b.last_id);
        if (!stored.ok()) return stored.error();
        if (!*seal || !CheckSealed(**seal, *stored).empty()) {
          ++skipped;  // never compact rows that do not match their seal
          continue;
        }
        if (!BatchDue(*stored, raw_days, now)) continue;
        batches.push_back(b.batch);
        rows.insert(rows.end(), stored->begin(), stored->end());
      }
    }
    if (give_way) give_way->Finished();
    plan->outcome["skipped"] = skipped;
    if (rows.empty()) return Events{};
    plan->rollup = RollupOf(*recorded + 1, rows);
    BatchCompacted e =
        CompactionOf(*recorded + 1, batches, static_cast<std::int64_t>(rows.size()), plan->rollup);
    plan->outcome["compacted"] = static_cast<std::int64_t>(batches.size());
    plan->outcome["more"] = static_cast<std::int64_t>(batches.size()) >= max_batches;
    plan->outcome["raw_rows"] = e.raw_rows;
    plan->outcome["rollup_rows"] = e.rollup_rows;
    return Events{ledger::MakeEvent(e, kCompactionSubject, std::to_string(e.compaction))};
  };
  c.after_append = [plan](engine::WriteContext& ctx,
                          const std::vector<ledger::LedgerEntry>& entries) -> Status {
    if (!plan->file) return Ok();
    auto file = WriterFile(ctx.db.path());
    if (!file.ok()) return file.error();
    return WriteCompaction(**file, plan->purge, plan->recorded,
                           entries.empty() ? 0 : entries.front().seq, plan->rollup, &plan->purged);
  };
  c.reply = [plan](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
    Json out = plan->outcome;
    out["purged"] = plan->purged;
    return out;
  };
  return c;
}

std::unique_ptr<equipment::SampleSink> MakeSampleSink() { return std::make_unique<Sink>(); }

}  // namespace ordo::telemetry
