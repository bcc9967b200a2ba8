// GTIN uniqueness across materials (gtin_unique.h).
#include "mes/masterdata/domain/gtin_unique.h"

#include <map>
#include <set>

#include "mes/masterdata/domain/detail/change_control.h"
#include "mes/masterdata/domain/gtin.h"

namespace ordo::masterdata {

std::vector<GtinHolder> GtinHoldersOf(const std::vector<Item>& versions) {
  std::vector<GtinHolder> out;
  for (const auto& v : versions) {
    if (v.kind != "material" || v.action != "define" || !v.content.is_object()) continue;
    auto it = v.content.find("gtin");
    if (it != v.content.end() && it->is_string()) out.push_back({v.id, it->get<std::string>()});
  }
  return out;
}

Status CheckGtinsUnique(const std::string& cr_id, const std::vector<Item>& items,
                        const std::vector<GtinHolder>& others) {
  const std::vector<Item> live = detail::Live(items);
  std::set<std::string> replaced;  // materials this change request defines or obsoletes
  for (const auto& i : live)
    if (i.kind == "material") replaced.insert(i.id);
  std::map<std::string, std::string> holder_of;  // GTIN-14 -> material, outside this CR
  for (const auto& h : others) {
    if (replaced.count(h.material)) continue;
    if (auto g = Gtin14(h.gtin)) holder_of.emplace(*g, h.material);
  }
  std::map<std::string, std::string> drafted;  // GTIN-14 -> material, in this CR
  for (const auto& h : GtinHoldersOf(live)) {
    auto g = Gtin14(h.gtin);
    if (!g) continue;  // an invalid GTIN is the content check's refusal
    std::string other;
    std::string where;
    if (auto it = holder_of.find(*g); it != holder_of.end()) {
      other = it->second;
      where = " (in force or approved)";
    } else if (auto d = drafted.find(*g); d != drafted.end() && d->second != h.material) {
      other = d->second;
      where = " (also defined by " + cr_id + ")";
    }
    if (!other.empty())
      return detail::Precondition("GTIN " + h.gtin + " of material " + h.material +
                                      " is already the GTIN of material " + other + where +
                                      "; a label scan must name one material, so each GTIN "
                                      "belongs to one material only",
                                  "gtin_in_use", "material/" + h.material + ".gtin");
    drafted.emplace(*g, h.material);
  }
  return Ok();
}

}  // namespace ordo::masterdata
