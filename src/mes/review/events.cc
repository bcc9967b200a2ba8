// JSON of the review capability's event (the stored payload shape; docs/event-schema.md).
#include "mes/review/events.h"

namespace ordo::review {

void to_json(Json& j, const ReviewFilters& f) {
  j = Json::object();
  if (!f.type.empty()) j["type"] = f.type;
  if (!f.actor.empty()) j["actor"] = f.actor;
  if (!f.subject.empty()) j["subject"] = f.subject;
}

void from_json(const Json& j, ReviewFilters& f) {
  f.type = j.value("type", std::string());
  f.actor = j.value("actor", std::string());
  f.subject = j.value("subject", std::string());
}

void to_json(Json& j, const AuditTrailReviewed& e) {
  j = Json{{"from_us", e.from_us},
           {"to_us", e.to_us},
           {"first_seq", e.first_seq},
           {"last_seq", e.last_seq},
           {"last_entry_hash", e.last_entry_hash},
           {"entries_in_period", e.entries_in_period},
           {"entries_matched", e.entries_matched},
           {"filters", e.filters},
           {"reviewer_id", e.reviewer_id},
           {"reviewer", e.reviewer},
           {"printed_name", e.printed_name},
           {"signature_seq", e.signature_seq}};
  if (e.comment) j["comment"] = *e.comment;
}

void from_json(const Json& j, AuditTrailReviewed& e) {
  j.at("from_us").get_to(e.from_us);
  j.at("to_us").get_to(e.to_us);
  j.at("first_seq").get_to(e.first_seq);
  j.at("last_seq").get_to(e.last_seq);
  j.at("last_entry_hash").get_to(e.last_entry_hash);
  j.at("entries_in_period").get_to(e.entries_in_period);
  j.at("entries_matched").get_to(e.entries_matched);
  j.at("filters").get_to(e.filters);
  j.at("reviewer_id").get_to(e.reviewer_id);
  j.at("reviewer").get_to(e.reviewer);
  j.at("printed_name").get_to(e.printed_name);
  j.at("signature_seq").get_to(e.signature_seq);
  if (j.contains("comment")) e.comment = j.at("comment").get<std::string>();
}

}  // namespace ordo::review
