// JSON of the deviations' events (the stored payload shape; docs/deviations.md).
#include "mes/deviations/events.h"

namespace ordo::deviations {

namespace {

void PutOptional(Json& j, const char* name, const std::optional<std::string>& v) {
  if (v) j[name] = *v;
}

void GetOptional(const Json& j, const char* name, std::optional<std::string>& v) {
  if (j.contains(name) && j[name].is_string()) v = j[name].get<std::string>();
}

}  // namespace

void to_json(Json& j, const DeviationOpened& e) {
  j = Json{{"id", e.id},
           {"order_id", e.order_id},
           {"operation", e.operation},
           {"lots", e.lots},
           {"source", e.source},
           {"exception_seq", e.exception_seq},
           {"classification", e.classification},
           {"title", e.title},
           {"description", e.description},
           {"blocks_completion", e.blocks_completion}};
}

void from_json(const Json& j, DeviationOpened& e) {
  j.at("id").get_to(e.id);
  j.at("order_id").get_to(e.order_id);
  j.at("operation").get_to(e.operation);
  j.at("lots").get_to(e.lots);
  j.at("source").get_to(e.source);
  j.at("exception_seq").get_to(e.exception_seq);
  j.at("classification").get_to(e.classification);
  j.at("title").get_to(e.title);
  j.at("description").get_to(e.description);
  j.at("blocks_completion").get_to(e.blocks_completion);
}

void to_json(Json& j, const DeviationUpdated& e) {
  j = Json{{"id", e.id}};
  PutOptional(j, "classification", e.classification);
  PutOptional(j, "description", e.description);
  PutOptional(j, "investigation_note", e.investigation_note);
  PutOptional(j, "root_cause", e.root_cause);
  PutOptional(j, "capa", e.capa);
}

void from_json(const Json& j, DeviationUpdated& e) {
  j.at("id").get_to(e.id);
  GetOptional(j, "classification", e.classification);
  GetOptional(j, "description", e.description);
  GetOptional(j, "investigation_note", e.investigation_note);
  GetOptional(j, "root_cause", e.root_cause);
  GetOptional(j, "capa", e.capa);
}

void to_json(Json& j, const DispositionSigned& e) {
  j = Json{{"id", e.id}, {"disposition", e.disposition}, {"comment", e.comment}};
}

void from_json(const Json& j, DispositionSigned& e) {
  j.at("id").get_to(e.id);
  j.at("disposition").get_to(e.disposition);
  j.at("comment").get_to(e.comment);
}

void to_json(Json& j, const DeviationClosed& e) { j = Json{{"id", e.id}}; }

void from_json(const Json& j, DeviationClosed& e) { j.at("id").get_to(e.id); }

}  // namespace ordo::deviations
