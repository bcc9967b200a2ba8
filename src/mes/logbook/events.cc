// JSON of the logbook's events (the stored payload shape; docs/event-schema.md).
#include "mes/logbook/events.h"

#include "ledger/event_schema.h"

namespace ordo::logbook {

void to_json(Json& j, const EntryRecorded& e) {
  j = Json{{"subject", e.subject},
           {"category", e.category},
           {"text", e.text},
           {"subject_type", e.subject_type}};
}

void from_json(const Json& j, EntryRecorded& e) {
  j.at("subject").get_to(e.subject);
  j.at("category").get_to(e.category);
  j.at("text").get_to(e.text);
  j.at("subject_type").get_to(e.subject_type);
}

void to_json(Json& j, const EntryCorrected& e) {
  j = Json{{"subject", e.subject},
           {"category", e.category},
           {"text", e.text},
           {"corrects", e.corrects},
           {"subject_type", e.subject_type}};
}

void from_json(const Json& j, EntryCorrected& e) {
  j.at("subject").get_to(e.subject);
  j.at("category").get_to(e.category);
  j.at("text").get_to(e.text);
  j.at("corrects").get_to(e.corrects);
  j.at("subject_type").get_to(e.subject_type);
}

void RegisterUpcasters() {
  // Version 1 entries were recorded before subjects were compared with master data.
  auto v1_to_v2 = [](const Json& payload) {
    Json p = payload;
    p["subject_type"] = kSubjectUnchecked;
    return p;
  };
  ledger::RegisterUpcaster(EntryRecorded::kType, 1, v1_to_v2);
  ledger::RegisterUpcaster(EntryCorrected::kType, 1, v1_to_v2);
}

}  // namespace ordo::logbook
