// The logbook's published events. A correction is its own type so that a reader of the
// feed sees at once that an entry was corrected, and by which entry.
#pragma once

#include <cstdint>
#include <string>

#include "core/canonical_json.h"

namespace ordo::logbook {

// What the subject of an entry is, as decided when it was recorded (SubjectType in
// domain/logbook.h): "equipment" (an equipment id of master data in force then),
// "free_text" (an area not in master data, as typed) or, for entries written before
// version 2, "unchecked" (the upcaster's value: the subject was not compared then).
inline constexpr const char* kSubjectEquipment = "equipment";
inline constexpr const char* kSubjectFreeText = "free_text";
inline constexpr const char* kSubjectUnchecked = "unchecked";

// A new logbook entry; the entry's id is the seq of its ledger entry.
// Version 2 added `subject_type` (version 1 payloads upcast with "unchecked").
struct EntryRecorded {
  static constexpr const char* kType = "logbook.entry_recorded";
  static constexpr int kVersion = 2;
  std::string subject;  // equipment or area id
  std::string category;
  std::string text;
  std::string subject_type = kSubjectFreeText;  // kSubjectEquipment, kSubjectFreeText, ...
};

// A correcting entry: a new entry that references the one it corrects (same subject).
// The ledger entry's reason says why.
// Version 2 added `subject_type`, as in EntryRecorded.
struct EntryCorrected {
  static constexpr const char* kType = "logbook.entry_corrected";
  static constexpr int kVersion = 2;
  std::string subject;
  std::string category;
  std::string text;
  std::int64_t corrects = 0;  // seq of the corrected entry
  std::string subject_type = kSubjectFreeText;
};

void to_json(Json& j, const EntryRecorded& e);
void from_json(const Json& j, EntryRecorded& e);
void to_json(Json& j, const EntryCorrected& e);
void from_json(const Json& j, EntryCorrected& e);

// Registers the upcasters of both types from version 1 (adds subject_type "unchecked").
// Start-up only, after the types are registered.
void RegisterUpcasters();

}  // namespace ordo::logbook
