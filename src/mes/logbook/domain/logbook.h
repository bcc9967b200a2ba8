// The electronic logbook (GMP equipment and area logbooks): use, cleaning,
// maintenance, calibration, shift handover. Entries are never edited or deleted; a
// correction is a new entry that references the corrected one and states a reason.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::logbook {

// The subject kind of logbook entries in the ledger.
inline constexpr const char* kSubjectKind = "logbook_entry";

// Allowed categories, in display order.
const std::vector<std::string>& Categories();

struct RecordEntry {
  std::string subject;   // equipment or area id, e.g. "GRAN-01"
  std::string category;  // one of Categories()
  std::string text;
  std::optional<std::int64_t> corrects;  // seq of the entry this corrects
  std::optional<std::string> reason;     // required with `corrects`
};

// What the decision needs to know about a corrected entry.
struct EntryState {
  std::int64_t seq = 0;
  std::string subject;
};

// Checks the command alone: subject syntax, category, text and reason lengths.
Status ValidateRecordEntry(const RecordEntry& command);

// Decides EntryRecorded or, with `corrects`, EntryCorrected (events.h).
// `corrected` is the referenced entry when it exists; `subject_is_equipment` says whether
// the subject is the id of an equipment object of master data in force now: the event's
// subject_type is then "equipment", otherwise "free_text" (an area not in master data;
// the id must match exactly, case included). `next_seq` is
// the seq the event will receive (it becomes the entry's id).
Result<ledger::Event> DecideRecordEntry(const RecordEntry& command,
                                        const std::optional<EntryState>& corrected,
                                        bool subject_is_equipment, std::int64_t next_seq);

}  // namespace ordo::logbook
