// JSON of the credential events (the stored payload shape; docs/event-schema.md).
#include "mes/access/events/credentials.h"

namespace ordo::access {

void to_json(Json& j, const PasswordChanged& e) {
  j = Json{{"user_id", e.user_id}, {"name", e.name}, {"client", e.client}};
}

void from_json(const Json& j, PasswordChanged& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
  j.at("client").get_to(e.client);
}

void to_json(Json& j, const PasswordReset& e) {
  j = Json{{"user_id", e.user_id}, {"name", e.name}};
}

void from_json(const Json& j, PasswordReset& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
}

void to_json(Json& j, const UserLocked& e) {
  j = Json{{"user_id", e.user_id},
           {"name", e.name},
           {"locked_until_us", e.locked_until_us},
           {"failures", e.failures}};
}

void from_json(const Json& j, UserLocked& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
  j.at("locked_until_us").get_to(e.locked_until_us);
  j.at("failures").get_to(e.failures);
}

void to_json(Json& j, const UserUnlocked& e) { j = Json{{"user_id", e.user_id}, {"name", e.name}}; }

void from_json(const Json& j, UserUnlocked& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
}

}  // namespace ordo::access
