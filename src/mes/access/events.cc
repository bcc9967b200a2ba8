// JSON of the access capability's events (the stored payload shape; docs/event-schema.md).
#include "mes/access/events.h"

namespace ordo::access {

void to_json(Json& j, const UserCreated& e) {
  j = Json{{"user_id", e.user_id},
           {"name", e.name},
           {"display_name", e.display_name},
           {"roles", e.roles}};
}

void from_json(const Json& j, UserCreated& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
  j.at("display_name").get_to(e.display_name);
  j.at("roles").get_to(e.roles);
}

void to_json(Json& j, const UserDisabled& e) {
  j = Json{{"user_id", e.user_id},
           {"name", e.name},
           {"old", {{"disabled", e.old_disabled}}},
           {"new", {{"disabled", e.new_disabled}}}};
}

void from_json(const Json& j, UserDisabled& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
  j.at("old").at("disabled").get_to(e.old_disabled);
  j.at("new").at("disabled").get_to(e.new_disabled);
}

void to_json(Json& j, const UserRenamed& e) {
  j = Json{{"user_id", e.user_id}, {"old", e.old_name}, {"new", e.new_name}};
}

void from_json(const Json& j, UserRenamed& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("old").get_to(e.old_name);
  j.at("new").get_to(e.new_name);
}

void to_json(Json& j, const LoginSucceeded& e) { j = Json{{"user", e.user}, {"client", e.client}}; }

void from_json(const Json& j, LoginSucceeded& e) {
  j.at("user").get_to(e.user);
  j.at("client").get_to(e.client);
}

void to_json(Json& j, const LoginFailed& e) {
  j = Json{{"user", e.user}, {"client", e.client}, {"detail", e.detail}};
}

void from_json(const Json& j, LoginFailed& e) {
  j.at("user").get_to(e.user);
  j.at("client").get_to(e.client);
  j.at("detail").get_to(e.detail);
}

void to_json(Json& j, const LoggedOut& e) {
  j = Json{{"user", e.user}, {"client", e.client}, {"why", e.why}};
}

void from_json(const Json& j, LoggedOut& e) {
  j.at("user").get_to(e.user);
  j.at("client").get_to(e.client);
  j.at("why").get_to(e.why);
}

}  // namespace ordo::access
