// Roles and permissions: deny by default. A role grants a fixed set of permissions;
// a user holds one or more roles. This table is the single place that says who may
// do what; the API's endpoint table names the permission each endpoint needs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ordo::access {

namespace permission {
inline constexpr const char* kLogbookRead = "logbook.read";
inline constexpr const char* kLogbookWrite = "logbook.write";
inline constexpr const char* kAuditRead = "audit.read";
inline constexpr const char* kLedgerVerify = "ledger.verify";
inline constexpr const char* kUserManage = "user.manage";
inline constexpr const char* kMasterdataRead = "masterdata.read";
inline constexpr const char* kMasterdataEdit = "masterdata.edit";
inline constexpr const char* kMasterdataApprove = "masterdata.approve";
inline constexpr const char* kPersonnelManage = "personnel.manage";
inline constexpr const char* kSiteConfigure = "site.configure";
}  // namespace permission

// All role names, in a stable order: operator, supervisor, quality, engineer, admin.
const std::vector<std::string>& AllRoles();
// All permission names.
const std::vector<std::string>& AllPermissions();
bool IsRole(std::string_view role);
// True when `role` grants `permission`. Unknown roles grant nothing.
bool RoleGrants(std::string_view role, std::string_view permission);
// Union of the permissions of `roles`, sorted.
std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles);
// The first of `roles` (in AllRoles order) that grants `permission`, or "" when none.
std::string RoleFor(const std::vector<std::string>& roles, std::string_view permission);

}  // namespace ordo::access
