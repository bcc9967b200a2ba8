#include "mes/masterdata/domain/units.h"

#include <cmath>

namespace ordo::masterdata {
namespace {

// Base units per one `unit`, or nullopt when the material does not know the unit.
std::optional<double> FactorOf(const Json& material, const std::string& unit) {
  const std::string base = BaseUnitOf(material);
  if (!base.empty() && unit == base) return 1.0;
  auto it = material.find("conversions");
  if (it == material.end() || !it->is_array()) return std::nullopt;
  for (const Json& c : *it) {
    auto u = c.find("unit");
    auto f = c.find("factor");
    if (u == c.end() || f == c.end() || !u->is_string() || !f->is_number()) continue;
    const double factor = f->get<double>();
    if (u->get<std::string>() == unit && std::isfinite(factor) && factor > 0) return factor;
  }
  return std::nullopt;
}

Error UnknownUnit(const Json& material, const std::string& unit, const std::string& field) {
  std::string known = BaseUnitOf(material);
  if (auto it = material.find("conversions"); it != material.end() && it->is_array())
    for (const Json& c : *it)
      if (auto u = c.find("unit"); u != c.end() && u->is_string())
        known += ", " + u->get<std::string>();
  std::string id = material.contains("id") && material["id"].is_string()
                       ? material["id"].get<std::string>()
                       : std::string("the material");
  return Error::Invalid(
      field, "unit '" + unit + "' is not a unit of " + id + " (expected one of: " + known + ")",
      "unknown_unit");
}

}  // namespace

std::string BaseUnitOf(const Json& material) {
  auto it = material.find("base_unit");
  return it != material.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Result<double> ToBaseQuantity(const Json& material, double quantity, const std::string& unit,
                              const std::string& field) {
  auto factor = FactorOf(material, unit);
  if (!factor) return UnknownUnit(material, unit, field);
  return quantity * *factor;
}

Result<double> FromBaseQuantity(const Json& material, double base_quantity, const std::string& unit,
                                const std::string& field) {
  auto factor = FactorOf(material, unit);
  if (!factor) return UnknownUnit(material, unit, field);
  return base_quantity / *factor;
}

}  // namespace ordo::masterdata
