// Logbook decisions.
#include "mes/logbook/domain/logbook.h"

#include <algorithm>

#include "mes/logbook/events.h"

namespace ordo::logbook {

const std::vector<std::string>& Categories() {
  static const std::vector<std::string> categories = {
      "use", "cleaning", "maintenance", "calibration", "shift_handover", "deviation_note", "other"};
  return categories;
}

Status ValidateRecordEntry(const RecordEntry& c) {
  if (c.subject.empty() || c.subject.size() > 64)
    return Error::Invalid("subject",
                          "subject must be 1 to 64 characters (an equipment or area id)");
  for (char ch : c.subject) {
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
              ch == '.' || ch == '_' || ch == '-' || ch == '/';
    if (!ok)
      return Error::Invalid("subject",
                            "subject may contain only letters, digits, '.', '_', '-' and '/'");
  }
  const auto& cats = Categories();
  if (std::find(cats.begin(), cats.end(), c.category) == cats.end())
    return Error::Invalid("category",
                          "category must be one of use, cleaning, maintenance, calibration, "
                          "shift_handover, deviation_note, other");
  if (c.text.empty() || c.text.size() > 4000)
    return Error::Invalid("text", "text must be 1 to 4000 characters long");
  if (c.corrects && *c.corrects <= 0)
    return Error::Invalid("corrects", "corrects must be the positive seq of an entry");
  if (c.corrects && (!c.reason || c.reason->empty()))
    return Error::Invalid("reason", "a correction needs a reason");
  if (!c.corrects && c.reason)
    return Error::Invalid("reason", "reason is only allowed together with corrects");
  if (c.reason && c.reason->size() > 1000)
    return Error::Invalid("reason", "reason must be at most 1000 characters long");
  return Ok();
}

Result<ledger::Event> DecideRecordEntry(const RecordEntry& c,
                                        const std::optional<EntryState>& corrected,
                                        bool subject_is_equipment, std::int64_t next_seq) {
  ORDO_TRY(ValidateRecordEntry(c));
  const std::string id = std::to_string(next_seq);
  const std::string subject_type = subject_is_equipment ? kSubjectEquipment : kSubjectFreeText;
  if (!c.corrects)
    return ledger::MakeEvent(EntryRecorded{c.subject, c.category, c.text, subject_type},
                             kSubjectKind, id);
  if (!corrected)
    return Error{
        ErrorCode::kNotFound,
        "there is no logbook entry with seq " + std::to_string(*c.corrects) + " to correct",
        "corrects", "corrected_entry_missing"};
  if (corrected->subject != c.subject)
    return Error{ErrorCode::kFailedPrecondition,
                 "entry " + std::to_string(*c.corrects) + " belongs to subject '" +
                     corrected->subject + "', not '" + c.subject + "'",
                 "subject", "subject_mismatch"};
  ledger::Event e = ledger::MakeEvent(
      EntryCorrected{c.subject, c.category, c.text, *c.corrects, subject_type}, kSubjectKind, id);
  e.reason = c.reason;
  return e;
}

}  // namespace ordo::logbook
