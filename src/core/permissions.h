// Roles and permissions: deny by default. The roles are fixed (operator, supervisor,
// quality, engineer, admin, and feed_reader: the account another system, such as the MIS,
// reads the ledger feed with, and nothing else); each capability registers the permissions it defines and
// which roles hold them, once at start-up (the composition root). The HTTP runtime
// checks every endpoint's permission against the caller's roles here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo {

struct PermissionDef {
  std::string name;                // e.g. "logbook.write"
  std::string description;         // what it allows, for docs and the role matrix
  std::vector<std::string> roles;  // the roles that hold it
};

// Adds a permission. Registering a name twice, or naming an unknown role, is a bug and
// aborts. Not thread-safe: start-up only.
void RegisterPermission(PermissionDef permission);
// Every registered permission, in registration order.
const std::vector<PermissionDef>& RegisteredPermissions();

// All role names, in a stable order: operator, supervisor, quality, engineer, admin,
// feed_reader.
const std::vector<std::string>& AllRoles();
// All registered permission names.
std::vector<std::string> AllPermissions();
bool IsRole(std::string_view role);
// The roles for a message: "operator, supervisor, ..., admin or feed_reader".
std::string RoleNames();
// True when `role` holds `permission`. Unknown roles and permissions grant nothing.
bool RoleGrants(std::string_view role, std::string_view permission);
// Union of the permissions of `roles`, sorted.
std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles);
// The first of `roles` (in AllRoles order) that grants `permission`, or "" when none.
std::string RoleFor(const std::vector<std::string>& roles, std::string_view permission);

}  // namespace ordo
