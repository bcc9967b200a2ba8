// JSON of the logbook's events (the stored payload shape; docs/event-schema.md).
#include "mes/logbook/events.h"

namespace ordo::logbook {

void to_json(Json& j, const EntryRecorded& e) {
  j = Json{{"subject", e.subject}, {"category", e.category}, {"text", e.text}};
}

void from_json(const Json& j, EntryRecorded& e) {
  j.at("subject").get_to(e.subject);
  j.at("category").get_to(e.category);
  j.at("text").get_to(e.text);
}

void to_json(Json& j, const EntryCorrected& e) {
  j = Json{
      {"subject", e.subject}, {"category", e.category}, {"text", e.text}, {"corrects", e.corrects}};
}

void from_json(const Json& j, EntryCorrected& e) {
  j.at("subject").get_to(e.subject);
  j.at("category").get_to(e.category);
  j.at("text").get_to(e.text);
  j.at("corrects").get_to(e.corrects);
}

}  // namespace ordo::logbook
