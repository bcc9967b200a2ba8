// The registered role -> permission table.
#include "core/permissions.h"

#include <algorithm>
#include <set>

#include "core/assert.h"

namespace ordo {

namespace {

std::vector<PermissionDef>& Table() {
  static std::vector<PermissionDef> table;
  return table;
}

const PermissionDef* Find(std::string_view name) {
  for (const auto& p : Table())
    if (p.name == name) return &p;
  return nullptr;
}

}  // namespace

void RegisterPermission(PermissionDef permission) {
  ORDO_ASSERT(!permission.name.empty());
  ORDO_ASSERT(Find(permission.name) == nullptr);
  for (const auto& role : permission.roles) ORDO_ASSERT(IsRole(role));
  Table().push_back(std::move(permission));
}

const std::vector<PermissionDef>& RegisteredPermissions() { return Table(); }

const std::vector<std::string>& AllRoles() {
  static const std::vector<std::string> roles = {"operator", "supervisor", "quality",
                                                 "engineer", "admin",      "feed_reader"};
  return roles;
}

std::vector<std::string> AllPermissions() {
  std::vector<std::string> out;
  for (const auto& p : Table()) out.push_back(p.name);
  return out;
}

std::string RoleNames() {
  const auto& roles = AllRoles();
  std::string out;
  for (std::size_t i = 0; i < roles.size(); ++i)
    out += (i == 0 ? "" : i + 1 == roles.size() ? " or " : ", ") + roles[i];
  return out;
}

bool IsRole(std::string_view role) {
  const auto& roles = AllRoles();
  return std::find(roles.begin(), roles.end(), role) != roles.end();
}

bool RoleGrants(std::string_view role, std::string_view permission) {
  const PermissionDef* p = Find(permission);
  return p && std::find(p->roles.begin(), p->roles.end(), role) != p->roles.end();
}

std::vector<std::string> PermissionsOf(const std::vector<std::string>& roles) {
  std::set<std::string> out;
  for (const auto& p : Table())
    for (const auto& r : roles)
      if (RoleGrants(r, p.name)) out.insert(p.name);
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

}  // namespace ordo
