// The MIS's roles and the permissions they hold: a small fixed table, deny by default.
// These are the MIS's own roles (its users are not the MES's): mis_admin manages users,
// reads the settings' history, runs imports and reads; mis_analyst runs imports and reads;
// mis_viewer reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo::mis::access {

inline constexpr const char* kMisAdmin = "mis_admin";
inline constexpr const char* kMisAnalyst = "mis_analyst";
inline constexpr const char* kMisViewer = "mis_viewer";

// Create and list users.
inline constexpr const char* kUsersManage = "mis.users";
// Run imports (ERP, QMS, maintenance, finance files).
inline constexpr const char* kImportsRun = "mis.imports";
// Read the store's settings and their change history (GET /api/v1/settings/history).
inline constexpr const char* kSettingsRead = "mis.settings";
// Read figures, reports and the current session: every role holds it.
inline constexpr const char* kRead = "mis.read";

struct PermissionRow {
  std::string permission;
  std::string description;
  std::vector<std::string> roles;  // the roles that hold it
};

// The permission table, in a stable order.
const std::vector<PermissionRow>& PermissionTable();
// mis_admin, mis_analyst, mis_viewer.
const std::vector<std::string>& AllRoles();
bool IsRole(std::string_view role);
bool IsPermission(std::string_view permission);
// True when `role` holds `permission`; unknown roles and permissions grant nothing.
bool RoleGrants(std::string_view role, std::string_view permission);
// The permissions `role` holds, in table order.
std::vector<std::string> PermissionsOf(std::string_view role);

}  // namespace ordo::mis::access
