// The role -> permission table.
#include "domain/access/roles.h"

#include <algorithm>
#include <map>
#include <set>

namespace ordo::access {

namespace {

const std::map<std::string, std::set<std::string>, std::less<>>& Table() {
  using namespace permission;
  static const std::map<std::string, std::set<std::string>, std::less<>> table = {
      {"operator", {kLogbookRead, kLogbookWrite, kMasterdataRead}},
      {"supervisor",
       {kLogbookRead, kLogbookWrite, kAuditRead, kMasterdataRead, kPersonnelManage}},
      {"quality",
       {kLogbookRead, kLogbookWrite, kAuditRead, kLedgerVerify, kMasterdataRead,
        kMasterdataApprove, kPersonnelManage}},
      {"engineer", {kLogbookRead, kLogbookWrite, kAuditRead, kMasterdataRead, kMasterdataEdit}},
      {"admin",
       {kLogbookRead, kAuditRead, kLedgerVerify, kUserManage, kMasterdataRead, kSiteConfigure}},
  };
  return table;
}

}  // namespace

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> roles = {"operator", "supervisor", "quality", "engineer",
                                                 "admin"};
  return roles;
}

const std::vector<std::string>& AllPermissions() {
  using namespace permission;
  static const std::vector<std::string> perms = {
      kLogbookRead,    kLogbookWrite,      kAuditRead,       kLedgerVerify,  kUserManage,
      kMasterdataRead, kMasterdataEdit,    kMasterdataApprove, kPersonnelManage, kSiteConfigure};
  return perms;
}

bool IsRole(std::string_view role) { return Table().find(role) != Table().end(); }

bool RoleGrants(std::string_view role, std::string_view permission) {
  auto it = Table().find(role);
  return it != Table().end() && it->second.count(std::string(permission)) > 0;
}

std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& r : roles) {
    auto it = Table().find(r);
    if (it != Table().end()) out.insert(it->second.begin(), it->second.end());
  }
  return {out.begin(), out.end()};
}

std::string RoleFor(const std::vector<std::string>& roles, std::string_view permission) {
  for (const auto& candidate : AllRoles()) {
    if (std::find(roles.begin(), roles.end(), candidate) != roles.end() &&
        RoleGrants(candidate, permission))
      return candidate;
  }
  return {};
}

}  // namespace ordo::access
