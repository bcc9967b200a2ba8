// The equipment hierarchy: ancestors and work units of a scope.
#include "mis/kpi/hierarchy.h"

#include <algorithm>

namespace ordo::mis {

Hierarchy::Hierarchy(const std::vector<EquipmentNode>& nodes, std::set<std::string> data_units)
    : data_units_(std::move(data_units)) {
  for (const EquipmentNode& node : nodes) parent_[node.id] = node.parent;
  for (auto& [id, parent] : parent_) {
    if (!parent.empty() && !parent_.contains(parent)) parent.clear();
  }
  // Cut cycles: walk up from each node; a node met twice closes a cycle.
  for (auto& [id, parent] : parent_) {
    std::set<std::string> seen = {id};
    std::string at = parent;
    while (!at.empty()) {
      if (!seen.insert(at).second) {
        parent.clear();
        break;
      }
      at = parent_[at];
    }
  }
  for (const auto& [id, parent] : parent_) {
    if (!parent.empty()) children_[parent].push_back(id);
  }
}

bool Hierarchy::Known(const std::string& id) const {
  return id.empty() || parent_.contains(id) || data_units_.contains(id);
}

bool Hierarchy::IsRoot(const std::string& id) const {
  auto it = parent_.find(id);
  return it != parent_.end() && it->second.empty();
}

std::vector<std::string> Hierarchy::AncestorsOrSelf(const std::string& id) const {
  std::vector<std::string> out = {id};
  auto it = parent_.find(id);
  while (it != parent_.end() && !it->second.empty()) {
    out.push_back(it->second);
    it = parent_.find(it->second);
  }
  return out;
}

bool Hierarchy::Within(const std::string& id, const std::string& scope) const {
  if (scope.empty()) return true;
  for (const std::string& a : AncestorsOrSelf(id))
    if (a == scope) return true;
  return false;
}

std::vector<std::string> Hierarchy::WorkUnitsOf(const std::string& scope) const {
  std::set<std::string> out;
  std::vector<std::string> stack;
  if (scope.empty()) {
    for (const auto& [id, parent] : parent_)
      if (parent.empty()) stack.push_back(id);
    out.insert(data_units_.begin(), data_units_.end());
  } else {
    stack.push_back(scope);
  }
  while (!stack.empty()) {
    const std::string id = stack.back();
    stack.pop_back();
    auto kids = children_.find(id);
    if (kids == children_.end() || kids->second.empty()) {
      if (parent_.contains(id) || data_units_.contains(id)) out.insert(id);
      continue;
    }
    if (data_units_.contains(id)) out.insert(id);
    for (const std::string& kid : kids->second) stack.push_back(kid);
  }
  return {out.begin(), out.end()};
}

Hierarchy::Parts Hierarchy::PartsOf(const std::string& scope) const {
  Parts parts;
  if (scope.empty()) {
    for (const auto& [id, parent] : parent_)
      if (parent.empty()) parts.below.push_back(id);
    for (const std::string& unit : data_units_)
      if (!parent_.contains(unit)) parts.below.push_back(unit);
    return parts;
  }
  auto kids = children_.find(scope);
  if (kids == children_.end() || kids->second.empty()) {
    parts.own = parent_.contains(scope) || data_units_.contains(scope);
    return parts;
  }
  parts.own = data_units_.contains(scope);
  parts.below = kids->second;
  return parts;
}

}  // namespace ordo::mis
