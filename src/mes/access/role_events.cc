// JSON of the role events (the stored payload shape; docs/event-schema.md).
#include "mes/access/role_events.h"

namespace ordo::access {

namespace {

template <typename E>
Json RoleChangeJson(const E& e) {
  return Json{{"user_id", e.user_id},
              {"name", e.name},
              {"role", e.role},
              {"old", {{"roles", e.old_roles}}},
              {"new", {{"roles", e.new_roles}}}};
}

template <typename E>
void ReadRoleChange(const Json& j, E& e) {
  j.at("user_id").get_to(e.user_id);
  j.at("name").get_to(e.name);
  j.at("role").get_to(e.role);
  j.at("old").at("roles").get_to(e.old_roles);
  j.at("new").at("roles").get_to(e.new_roles);
}

}  // namespace

void to_json(Json& j, const RoleGranted& e) { j = RoleChangeJson(e); }
void from_json(const Json& j, RoleGranted& e) { ReadRoleChange(j, e); }
void to_json(Json& j, const RoleRevoked& e) { j = RoleChangeJson(e); }
void from_json(const Json& j, RoleRevoked& e) { ReadRoleChange(j, e); }

}  // namespace ordo::access
