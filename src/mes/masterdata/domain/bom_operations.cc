// BOM items tied to routing operations (bom_operations.h).
#include "mes/masterdata/domain/bom_operations.h"

#include <map>
#include <set>
#include <string>

#include "mes/masterdata/domain/detail/change_control.h"

namespace ordo::masterdata {

namespace {

std::string TextOf(const Json& object, const char* name) {
  if (!object.is_object()) return {};
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> OperationIds(const Json& routing) {
  std::vector<std::string> ids;
  if (!routing.is_object()) return ids;
  auto ops = routing.find("operations");
  if (ops == routing.end() || !ops->is_array()) return ids;
  for (const auto& op : *ops) ids.push_back(TextOf(op, "id"));
  return ids;
}

}  // namespace

Status CheckBomOperations(const std::vector<Item>& items, const std::vector<Item>& in_force) {
  const std::vector<Item> live = detail::Live(items);
  std::map<std::string, const Json*> routings, products;  // id -> content
  std::set<std::string> drafted_routings, replaced_products;
  for (const auto& v : in_force) {
    if (v.action != "define") continue;
    if (v.kind == "routing") routings[v.id] = &v.content;
    if (v.kind == "product") products[v.id] = &v.content;
  }
  for (const auto& i : live) {
    if (i.kind == "routing") {
      drafted_routings.insert(i.id);
      if (i.action == "define")
        routings[i.id] = &i.content;
      else
        routings.erase(i.id);
    }
    if (i.kind == "product") replaced_products.insert(i.id);
  }
  // The products to check: those drafted, and those in force whose routing is drafted.
  std::vector<std::pair<std::string, const Json*>> touched;
  for (const auto& i : live)
    if (i.kind == "product" && i.action == "define") touched.push_back({i.id, &i.content});
  for (const auto& [id, content] : products)
    if (!replaced_products.count(id) && drafted_routings.count(TextOf(*content, "routing")))
      touched.push_back({id, content});
  for (const auto& [id, content] : touched) {
    const std::string routing = TextOf(*content, "routing");
    auto found = routings.find(routing);
    if (found == routings.end()) continue;  // the reference check names it
    const std::vector<std::string> ids = OperationIds(*found->second);
    auto bom = content->find("bom");
    if (bom == content->end() || !bom->is_array()) continue;
    for (const auto& line : *bom) {
      const std::string operation = TextOf(line, "operation");
      if (operation.empty()) continue;
      bool known = false;
      std::string list;
      for (const auto& op : ids) {
        known = known || op == operation;
        list += (list.empty() ? "" : ", ") + op;
      }
      if (known) continue;
      const std::string material = TextOf(line, "material");
      return detail::Precondition(
          "BOM item " + material + " of product " + id + " is tied to operation " + operation +
              ", but routing " + routing + " has no such operation (it has " +
              (list.empty() ? std::string("none") : list) + ")",
          "unknown_operation", "product/" + id + ".bom[material=" + material + "].operation");
    }
  }
  return Ok();
}

}  // namespace ordo::masterdata
