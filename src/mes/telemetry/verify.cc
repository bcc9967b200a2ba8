// The telemetry file against its seals (verify.h).
#include "mes/telemetry/verify.h"

#include <filesystem>
#include <map>

#include "ledger/event_type.h"
#include "mes/telemetry/domain/compaction.h"
#include "mes/telemetry/domain/seal.h"
#include "mes/telemetry/events.h"
#include "mes/telemetry/store/tag_store.h"
#include "mes/telemetry/store/telemetry_file.h"
#include "storage/rows.h"

namespace ordo::telemetry {

namespace {

admin::DataDirCheckResult Fail(std::int64_t seq, std::string message) {
  return admin::DataDirCheckResult{false, seq, std::move(message)};
}

std::string Describe(const std::vector<std::string>& findings) {
  std::string m = findings.front();
  if (findings.size() > 1) m += " (and " + std::to_string(findings.size() - 1) + " more)";
  return m;
}

}  // namespace

admin::DataDirCheckResult CheckTelemetry(const store::DataDir& dir, storage::Database& store) {
  // The seals, from the verified ledger (not from the projection, which an edit could
  // change).
  std::vector<std::pair<std::int64_t, BatchSealed>> seals;
  // Plain columns only: the check also runs on a store not upgraded yet.
  auto entries = storage::Rows<std::pair<std::int64_t, std::string>>(
      store, "SELECT seq, payload FROM ledger WHERE type = ? ORDER BY seq",
      [](storage::Statement& s) { s.Bind(1, BatchSealed::kType); },
      [](const storage::Statement& s) { return std::make_pair(s.Int(0), s.Text(1)); });
  if (!entries.ok()) return Fail(0, entries.error().message);
  for (const auto& [seq, payload] : *entries) {
    BatchSealed s;
    try {
      from_json(Json::parse(payload), s);
    } catch (const Json::exception&) {
      return Fail(seq, "telemetry seal at seq " + std::to_string(seq) + " cannot be read");
    }
    seals.emplace_back(seq, s);
  }
  // The compactions, from the verified ledger too.
  std::vector<std::pair<std::int64_t, BatchCompacted>> compactions;
  std::map<std::int64_t, std::int64_t> compacted_batch;  // batch -> compaction
  auto compaction_entries = storage::Rows<std::pair<std::int64_t, std::string>>(
      store, "SELECT seq, payload FROM ledger WHERE type = ? ORDER BY seq",
      [](storage::Statement& s) { s.Bind(1, BatchCompacted::kType); },
      [](const storage::Statement& s) { return std::make_pair(s.Int(0), s.Text(1)); });
  if (!compaction_entries.ok()) return Fail(0, compaction_entries.error().message);
  for (const auto& [seq, payload] : *compaction_entries) {
    BatchCompacted c;
    std::vector<std::int64_t> batches;
    try {
      from_json(Json::parse(payload), c);
    } catch (const Json::exception&) {
      return Fail(seq, "telemetry compaction at seq " + std::to_string(seq) + " cannot be read");
    }
    if (!ParseIdRanges(c.batches, &batches))
      return Fail(seq, "telemetry compaction at seq " + std::to_string(seq) +
                           ": its batches cannot be read");
    for (std::int64_t b : batches) compacted_batch[b] = c.compaction;
    compactions.emplace_back(seq, c);
  }
  const std::string path = dir.root + "/telemetry.sqlite";
  if (!std::filesystem::exists(path)) {
    if (seals.empty()) return {};
    return Fail(seals.front().first, "the telemetry file '" + path + "' is missing but " +
                                         std::to_string(seals.size()) +
                                         " telemetry batches are sealed");
  }
  auto file = OpenTelemetryFile(path, storage::OpenMode::kReadOnly);
  if (!file.ok()) return Fail(0, file.error().message);
  std::int64_t rows = 0, previous_last = 0, compacted_rows = 0;
  // Per compaction: how many of its batches still have their raw rows, how many not (the
  // file's purged flag, which decides whether its rollup is read, must agree).
  std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> raw_kept_gone;
  for (const auto& [seq, seal] : seals) {
    if (seal.first_id > previous_last + 1) {
      auto between = RowsBetween(**file, previous_last + 1, seal.first_id - 1);
      if (!between.ok()) return Fail(seq, between.error().message);
      if (!between->empty())
        return Fail(seq, "telemetry row " + std::to_string(between->front().id) + " (tag " +
                             between->front().tag + ") was added between sealed batches");
    }
    auto sealed = RowsBetween(**file, seal.first_id, seal.last_id);
    if (!sealed.ok()) return Fail(seq, sealed.error().message);
    auto compacted = compacted_batch.find(seal.batch);
    if (compacted != compacted_batch.end() && seal.count > 0)
      ++(sealed->empty() ? raw_kept_gone[compacted->second].second
                         : raw_kept_gone[compacted->second].first);
    if (sealed->empty() && compacted != compacted_batch.end()) {
      // Compacted: its raw rows were replaced by the compaction's rollup (checked below).
      compacted_rows += seal.count;
      previous_last = std::max(previous_last, seal.last_id);
      continue;
    }
    auto findings = CheckSealed(seal, *sealed);
    if (!findings.empty())
      return Fail(seq, Describe(findings) + " (seal at seq " + std::to_string(seq) + ")");
    rows += seal.count;
    previous_last = std::max(previous_last, seal.last_id);
  }
  // The rollup rows of each compaction against its entry; rollups the ledger does not
  // record are either left by a compaction whose entry never became durable (numbered
  // after the last one, not purged: removed at the next compaction) or added.
  std::int64_t rollup_rows = 0, rollup_leftovers = 0;
  auto has_rollup = HasRollupTables(**file);
  if (!has_rollup.ok()) return Fail(0, has_rollup.error().message);
  if (!*has_rollup && !compactions.empty())
    return Fail(compactions.front().first,
                "telemetry compaction " + std::to_string(compactions.front().second.compaction) +
                    ": the telemetry file has no rollup rows");
  if (*has_rollup) {
    auto in_file = FileCompactions(**file);
    if (!in_file.ok()) return Fail(0, in_file.error().message);
    std::map<std::int64_t, FileCompaction> by_number;
    for (const auto& fc : *in_file) by_number[fc.number] = fc;
    std::int64_t last = 0;
    for (const auto& [seq, c] : compactions) {
      last = std::max(last, c.compaction);
      auto stored = RollupRowsOf(**file, c.compaction);
      if (!stored.ok()) return Fail(seq, stored.error().message);
      auto findings = CheckRollup(c, *stored);
      if (findings.empty() &&
          (!by_number.count(c.compaction) || by_number[c.compaction].purged < 0))
        findings.push_back("telemetry compaction " + std::to_string(c.compaction) +
                           ": its record in the telemetry file was deleted");
      if (findings.empty()) {
        // purged = 1: its rollup is read instead of the raw rows, so none may be left;
        // purged = 0: the raw rows are read, so all must be there.
        const auto [kept, gone] = raw_kept_gone[c.compaction];
        const std::int64_t purged = by_number[c.compaction].purged;
        if (purged == 1 && kept > 0)
          findings.push_back("telemetry compaction " + std::to_string(c.compaction) +
                             ": marked purged but " + std::to_string(kept) +
                             " of its batches still have their raw rows");
        else if (purged != 1 && gone > 0)
          findings.push_back("telemetry compaction " + std::to_string(c.compaction) +
                             ": not marked purged but the raw rows of " + std::to_string(gone) +
                             " of its batches are gone");
      }
      if (!findings.empty())
        return Fail(seq, Describe(findings) + " (compaction at seq " + std::to_string(seq) + ")");
      rollup_rows += c.rollup_rows;
      by_number.erase(c.compaction);
    }
    for (const auto& [number, fc] : by_number) {
      if (number > last && fc.purged == 0) {
        rollup_leftovers += fc.rollup_rows;
        continue;
      }
      return Fail(0, "telemetry compaction " + std::to_string(number) + ": " +
                         std::to_string(fc.rollup_rows) +
                         " rollup rows that no ledger entry records were added");
    }
  }
  auto head = storage::FirstRow<std::int64_t>(store, "SELECT COALESCE(MAX(seq), 0) FROM ledger",
                                              storage::NoBind,
                                              [](const storage::Statement& s) { return s.Int(0); });
  if (!head.ok()) return Fail(0, head.error().message);
  const std::int64_t head_seq = head->value_or(0);
  std::int64_t unsealed = 0, leftovers = 0, after = previous_last;
  while (true) {
    auto tail = RowsAfter(**file, after, 10000);
    if (!tail.ok()) return Fail(0, tail.error().message);
    for (const auto& r : *tail) {
      after = r.id;
      if (r.entry_seq > head_seq) {
        ++leftovers;  // a batch whose ledger commit never happened
        continue;
      }
      auto accepted = NamesAcceptedBatch(store, r.entry_seq, r.source, r.seq);
      if (!accepted.ok()) return Fail(0, accepted.error().message);
      if (!*accepted || RowHash(r) != r.row_hash)
        return Fail(r.entry_seq,
                    "telemetry row " + std::to_string(r.id) + " (tag " + r.tag +
                        ", not sealed yet) " +
                        (*accepted ? "was changed" : "names no accepted batch: added"));
      ++unsealed;
    }
    if (tail->size() < 10000) break;
  }
  if (seals.empty() && unsealed == 0 && leftovers == 0 && rollup_leftovers == 0) return {};
  std::string summary = "telemetry: " + std::to_string(seals.size()) + " batches (" +
                        std::to_string(rows) + " rows) match their seals, " +
                        std::to_string(unsealed) + " rows not sealed yet";
  if (!compactions.empty())
    summary += ", " + std::to_string(compactions.size()) + " compactions (" +
               std::to_string(compacted_rows) + " raw rows compacted, " +
               std::to_string(rollup_rows) + " rollup rows) match their entries";
  if (rollup_leftovers > 0)
    summary += ", " + std::to_string(rollup_leftovers) +
               " rollup rows of a compaction never recorded (removed at the next compaction)";
  if (leftovers > 0)
    summary += ", " + std::to_string(leftovers) +
               " rows of batches never accepted (removed at the next start)";
  return admin::DataDirCheckResult{true, 0, summary};
}

}  // namespace ordo::telemetry
