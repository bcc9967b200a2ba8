// The logbook's tables, projector and queries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "ledger/entry.h"
#include "mes/logbook/domain/logbook.h"
#include "mes/logbook/events.h"
#include "store/schema.h"

namespace ordo::logbook {

// Table logbook_entry (one row per entry, keyed by its seq) as migrations.
store::TableSet Tables();
// Registers the projectors of EntryRecorded and EntryCorrected.
void RegisterProjectors();

// One logbook entry as the API shows it.
struct LogbookRow {
  std::int64_t seq = 0;
  std::string subject, category, text, actor, role;
  std::string subject_type;  // kSubjectEquipment, kSubjectFreeText or kSubjectUnchecked
  TimeMicros time_us = 0;
  std::optional<std::int64_t> corrects;
  std::optional<std::string> reason;
  std::vector<std::int64_t> corrected_by;
};

// The row a new entry gets from its ledger entry and (current-version) payload: the one
// mapping used by both the projector and the command's reply. A new entry has no
// corrections yet. The last form reads the payload of a just-written entry.
LogbookRow RowOf(const ledger::LedgerEntry& entry, const EntryRecorded& payload);
LogbookRow RowOf(const ledger::LedgerEntry& entry, const EntryCorrected& payload);
Result<LogbookRow> RowOf(const ledger::LedgerEntry& entry);

Result<std::optional<EntryState>> FindLogbookEntry(storage::Database& db, std::int64_t seq);
// Newest first; `subject` empty = all, else the entries whose subject equals it ignoring
// ASCII case (subjects are ASCII); `before` 0 = from the newest.
Result<std::vector<LogbookRow>> ListLogbook(storage::Database& db, const std::string& subject,
                                            std::int64_t before, std::int64_t limit);
Json ToJson(const LogbookRow& row);

}  // namespace ordo::logbook
