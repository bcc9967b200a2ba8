// The equipment hierarchy as the KPI engine sees it: which work units a scope holds, and
// which scopes a work unit lies under (for calendar entries, costs and rates).
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "mis/kpi/inputs.h"

namespace ordo::mis {

class Hierarchy {
 public:
  // Builds from the equipment nodes; `data_units` are work unit ids that have state or
  // count data (they may be missing from the hierarchy: brownfield imports). A parent
  // that is not a node makes its child a root; a cycle is cut where it closes.
  Hierarchy(const std::vector<EquipmentNode>& nodes, std::set<std::string> data_units);

  // True when `id` is a node or a work unit with data ("" = the plant: always).
  bool Known(const std::string& id) const;
  // True when `id` is a node of the hierarchy without a parent.
  bool IsRoot(const std::string& id) const;
  // `id`, its parent, ..., up to its root.
  std::vector<std::string> AncestorsOrSelf(const std::string& id) const;
  // True when `id` is `scope` or lies below it; every id lies below "" (the plant).
  bool Within(const std::string& id, const std::string& scope) const;
  // The work units of `scope`, sorted: the leaves at or below it, plus the nodes at or
  // below it that have data (for "", also data units missing from the hierarchy).
  std::vector<std::string> WorkUnitsOf(const std::string& scope) const;
  // How a scope's sum is made up, for summing up the tree (detail/kpi_context.h,
  // SumUpTree): `own` when the scope is itself one of its work units (a leaf node, a node
  // with data, a data unit outside the hierarchy), and the scopes directly below it (for
  // "": the roots, then the data units outside the hierarchy). The work units of the
  // parts are WorkUnitsOf(scope), each in exactly one part.
  struct Parts {
    bool own = false;
    std::vector<std::string> below;
  };
  Parts PartsOf(const std::string& scope) const;

 private:
  std::map<std::string, std::string> parent_;  // id -> parent ("" = root)
  std::map<std::string, std::vector<std::string>> children_;
  std::set<std::string> data_units_;
};

}  // namespace ordo::mis
