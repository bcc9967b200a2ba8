// The integrity audit, on demand and in the background (see integrity_audit.h).
#include "admin/integrity_audit.h"

#include <spdlog/spdlog.h>

#include <chrono>
#include <map>

#include "core/crypto.h"
#include "ledger/checkpoint.h"
#include "store/ledger_store.h"

namespace ordo::admin {

namespace {

store::IntegrityViolation ChainBroken(std::int64_t seq, std::string detail) {
  return {"ledger", "seq=" + std::to_string(seq), std::move(detail), "audit"};
}

}  // namespace

Result<AuditReport> AuditStore(storage::Database& db, const std::string& seal_key,
                               const std::string& public_key, const AuditCursor& from,
                               const std::map<std::string, std::string>& sealed) {
  AuditReport report;
  report.cursor = from;
  // 1. The entries added since the last run: each links to the one before and hashes to
  // its stored hash; the checkpoints among them sign the chain under the site's key.
  std::map<std::int64_t, ledger::Checkpoint> checkpoints;
  auto all = store::ReadCheckpoints(db);
  if (!all.ok()) return all.error();
  for (const auto& c : *all)
    if (c.seq > from.seq) checkpoints[c.seq] = c;
  bool broken = false;
  store::LedgerQuery page;
  page.after = from.seq;
  page.limit = 1000;
  while (!broken) {
    auto entries = store::QueryEntries(db, page);
    if (!entries.ok()) return entries.error();
    if (entries->empty()) break;
    for (const auto& e : *entries) {
      page.after = e.seq;
      ++report.entries_checked;
      if (e.seq != report.cursor.seq + 1) {
        report.violations.push_back(ChainBroken(
            report.cursor.seq + 1,
            "is missing (the next entry is seq " + std::to_string(e.seq) + "); a row was deleted"));
      } else if (e.prev_hash != report.cursor.hash) {
        report.violations.push_back(ChainBroken(
            e.seq, "does not link to the entry before it (rows swapped, inserted or rewritten)"));
      } else if (ledger::ComputeHash(e) != e.hash) {
        report.violations.push_back(ChainBroken(
            e.seq, "does not match its stored hash (the entry was changed after it was written)"));
      } else if (auto c = checkpoints.find(e.seq); c != checkpoints.end()) {
        ++report.checkpoints_checked;
        if (c->second.head_hash != e.hash ||
            !ledger::CheckpointSignatureValid(c->second, public_key))
          report.violations.push_back(
              {"checkpoint", "seq=" + std::to_string(e.seq),
               "does not sign this entry under the site's key (the ledger was rewritten)",
               "audit"});
      }
      if (!report.violations.empty()) {
        broken = true;  // the next run starts again before the broken entry
        break;
      }
      report.cursor = AuditCursor{e.seq, e.hash};
    }
  }
  // 2. Every guarded row against its seal.
  std::vector<store::IntegrityViolation> unsealed;
  for (const auto& t : store::GuardedTables()) {
    auto recorded = sealed.find(t.table);
    Result<std::vector<store::IntegrityViolation>> found = std::vector<store::IntegrityViolation>{};
    if (sealed.empty() || (recorded != sealed.end() && recorded->second == store::TableSpec(t))) {
      found = store::FindUnsealedRowsOf(db, seal_key, t);
    } else if (recorded != sealed.end()) {
      found = store::FindUnsealedRowsRecorded(db, seal_key, t.table, recorded->second);
      report.notes.push_back(
          t.table +
          ": checked under the columns the seal file recorded before the upgrade; "
          "start `ordo serve` once to seal its rows under this release's columns "
          "(it checks them the same way first)");
    } else {
      report.notes.push_back(t.table +
                             ": not checked, the seal file does not cover it yet (a table "
                             "this release guards); start `ordo serve` once to seal it");
      continue;
    }
    if (!found.ok()) return found.error();
    for (auto& v : *found) unsealed.push_back(std::move(v));
    auto count = db.Prepare("SELECT COUNT(*) FROM " + t.table);
    if (!count.ok()) return count.error();
    auto row = (*count)->Step();
    if (!row.ok()) return row.error();
    if (*row) report.rows_checked += (*count)->Int(0);
    (*count)->Reset();
  }
  for (auto& v : unsealed) report.violations.push_back(std::move(v));
  return report;
}

Result<AuditReport> AuditDataDir(const store::DataDir& dir) {
  auto seals = store::ReadSealState(dir);
  if (!seals.ok()) return seals.error();
  if (!*seals)
    return Error::Make(ErrorCode::kFailedPrecondition,
                       "there is no row seal file '" + store::SealStatePath(dir) +
                           "': start `ordo serve` on this store once (it seals the rows)");
  auto key = store::ReadSigningKey(dir);
  if (!key.ok()) return key.error();
  auto db = store::OpenStore(dir, storage::OpenMode::kReadOnly);
  if (!db.ok()) return db.error();
  ORDO_TRY((*db)->Exec("BEGIN"));  // one snapshot for the ledger and the rows
  auto report = AuditStore(**db, (*seals)->key, PublicKeyOf(*key), AuditCursor{}, (*seals)->sealed);
  (void)(*db)->Exec("COMMIT");
  return report;
}

BackgroundAudit::BackgroundAudit(store::DataDir dir, std::int64_t interval_seconds)
    : dir_(std::move(dir)), interval_seconds_(interval_seconds) {
  if (interval_seconds_ > 0) thread_ = std::thread([this] { Run(); });
}

BackgroundAudit::~BackgroundAudit() { Stop(); }

void BackgroundAudit::Stop() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void BackgroundAudit::Run() {
  AuditCursor cursor;
  std::unique_ptr<storage::Database> db;
  while (true) {
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::seconds(interval_seconds_), [&] { return stopping_; });
      if (stopping_) return;
    }
    const auto started = std::chrono::steady_clock::now();
    auto seals = store::ReadSealState(dir_);
    auto key = store::ReadSigningKey(dir_);
    if (!db) {
      auto opened = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
      if (opened.ok()) db = std::move(*opened);
    }
    if (!seals.ok() || !*seals || !key.ok() || !db) {
      spdlog::error("integrity audit: cannot run: {}", !seals.ok() ? seals.error().message
                                                       : !*seals   ? "no row seal file"
                                                       : !key.ok()
                                                           ? key.error().message
                                                           : "cannot open the store read-only");
      continue;
    }
    if (Status begun = db->Exec("BEGIN"); !begun.ok()) continue;
    auto report = AuditStore(*db, (*seals)->key, PublicKeyOf(*key), cursor, (*seals)->sealed);
    (void)db->Exec("COMMIT");
    if (!report.ok()) {
      spdlog::error("integrity audit: {}", report.error().message);
      continue;
    }
    for (const auto& v : report->violations) store::ReportIntegrityViolation(v);
    cursor = report->cursor;
    const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started)
                            .count();
    spdlog::info(
        "integrity_audit entries={} checkpoints={} rows={} violations={} through_seq={} "
        "micros={}",
        report->entries_checked, report->checkpoints_checked, report->rows_checked,
        report->violations.size(), cursor.seq, micros);
  }
}

}  // namespace ordo::admin
