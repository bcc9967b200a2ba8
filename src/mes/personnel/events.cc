// JSON of the personnel capability's events (the stored payload shape;
// docs/masterdata.md section 7).
#include "mes/personnel/events.h"

namespace ordo::personnel {

namespace {

// A string member that may be absent or null.
std::optional<std::string> OptionalString(const Json& j, const char* key) {
  if (j.contains(key) && j.at(key).is_string()) return j.at(key).get<std::string>();
  return std::nullopt;
}

}  // namespace

void to_json(Json& j, const QualificationGranted& e) {
  j = Json{{"user_id", e.user_id},
           {"user", e.user},
           {"qualification", e.qualification},
           {"qualification_version", e.qualification_version},
           {"expires", e.expires ? Json(*e.expires) : Json(nullptr)}};
}

void from_json(const Json& j, QualificationGranted& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("user").get_to(e.user);
  j.at("qualification").get_to(e.qualification);
  j.at("qualification_version").get_to(e.qualification_version);
  e.expires = OptionalString(j, "expires");
}

void to_json(Json& j, const QualificationRevoked& e) {
  j = Json{{"grant", e.grant},
           {"user_id", e.user_id},
           {"user", e.user},
           {"qualification", e.qualification}};
}

void from_json(const Json& j, QualificationRevoked& e) {
  j.at("grant").get_to(e.grant);
  e.user_id = j.value("user_id", std::int64_t{0});
  e.user = j.value("user", std::string());
  e.qualification = j.value("qualification", std::string());
}

void to_json(Json& j, const TrainingRecorded& e) {
  j = Json{
      {"user_id", e.user_id}, {"user", e.user}, {"course", e.course}, {"completed", e.completed}};
  if (e.trainer) j["trainer"] = *e.trainer;
}

void from_json(const Json& j, TrainingRecorded& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("user").get_to(e.user);
  j.at("course").get_to(e.course);
  j.at("completed").get_to(e.completed);
  e.trainer = OptionalString(j, "trainer");
}

}  // namespace ordo::personnel
