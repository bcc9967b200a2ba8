// The MIS permission table.
#include "mis/access/roles.h"

#include <algorithm>

namespace ordo::mis::access {

const std::vector<PermissionRow>& PermissionTable() {
  static const std::vector<PermissionRow> table = {
      {kUsersManage, "create and list MIS users", {kMisAdmin}},
      {kSettingsRead, "read the store's settings and their change history", {kMisAdmin}},
      {kImportsRun, "import ERP, QMS, maintenance and finance files", {kMisAdmin, kMisAnalyst}},
      {kRead, "read KPIs, reports and one's own session", {kMisAdmin, kMisAnalyst, kMisViewer}},
  };
  return table;
}

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> roles = {kMisAdmin, kMisAnalyst, kMisViewer};
  return roles;
}

bool IsRole(std::string_view role) {
  return std::find(AllRoles().begin(), AllRoles().end(), role) != AllRoles().end();
}

bool IsPermission(std::string_view permission) {
  return std::any_of(PermissionTable().begin(), PermissionTable().end(),
                     [&](const PermissionRow& row) { return row.permission == permission; });
}

bool RoleGrants(std::string_view role, std::string_view permission) {
  for (const PermissionRow& row : PermissionTable()) {
    if (row.permission != permission) continue;
    return std::find(row.roles.begin(), row.roles.end(), role) != row.roles.end();
  }
  return false;
}

std::vector<std::string> PermissionsOf(std::string_view role) {
  std::vector<std::string> out;
  for (const PermissionRow& row : PermissionTable())
    if (RoleGrants(role, row.permission)) out.push_back(row.permission);
  return out;
}

}  // namespace ordo::mis::access
