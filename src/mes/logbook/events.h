// The logbook's published events. A correction is its own type so that a reader of the
// feed sees at once that an entry was corrected, and by which entry.
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"

namespace ordo::logbook {

// A new logbook entry; the entry's id is the seq of its ledger entry.
struct EntryRecorded {
  static constexpr const char* kType = "logbook.entry_recorded";
  static constexpr int kVersion = 1;
  std::string subject;  // equipment or area id
  std::string category;
  std::string text;
};

// A correcting entry: a new entry that references the one it corrects (same subject).
// The ledger entry's reason says why.
struct EntryCorrected {
  static constexpr const char* kType = "logbook.entry_corrected";
  static constexpr int kVersion = 1;
  std::string subject;
  std::string category;
  std::string text;
  std::int64_t corrects = 0;  // seq of the corrected entry
};

void to_json(Json& j, const EntryRecorded& e);
void from_json(const Json& j, EntryRecorded& e);
void to_json(Json& j, const EntryCorrected& e);
void from_json(const Json& j, EntryCorrected& e);

}  // namespace ordo::logbook
