// The release computation.
#include "mes/orders/domain/release.h"

#include <cstdio>
#include <set>

#include "mes/masterdata/domain/units.h"

namespace ordo::orders {

namespace {

Error Refuse(const std::string& reason, const std::string& message) {
  return Error{ErrorCode::kFailedPrecondition, message, "product", reason};
}

double NumberOf(const Json& object, const char* name, double fallback = 0) {
  auto it = object.find(name);
  return it != object.end() && it->is_number() ? it->get<double>() : fallback;
}

std::string TextOf(const Json& object, const char* name) {
  auto it = object.find(name);
  return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::vector<std::string> IdsOf(const Json& object, const char* name) {
  std::vector<std::string> out;
  auto it = object.find(name);
  if (it == object.end() || !it->is_array()) return out;
  for (const auto& v : *it)
    if (v.is_string()) out.push_back(v.get<std::string>());
  return out;
}

Result<std::vector<PinnedBomLine>> PinBom(const ReleaseFacts& f, const Json& product) {
  std::vector<PinnedBomLine> bom;
  auto lines = product.find("bom");
  if (lines == product.end() || !lines->is_array()) return bom;
  for (const auto& line : *lines) {
    PinnedBomLine b;
    b.material = TextOf(line, "material");
    b.unit = TextOf(line, "unit");
    b.quantity = RoundQuantity(NumberOf(line, "quantity") * f.base_quantity);
    b.scrap_factor = NumberOf(line, "scrap_factor");
    b.alternates = IdsOf(line, "alternates");
    b.operation = TextOf(line, "operation");
    auto component = f.components.find(b.material);
    if (component == f.components.end() || !component->second)
      return Refuse("material_not_in_force", "the BOM component '" + b.material + "' of product '" +
                                                 f.product->id + "' has no version in force");
    auto base = masterdata::ToBaseQuantity(*component->second, b.quantity, b.unit, "unit");
    if (!base.ok())
      return Refuse("bom_unit_unknown", "BOM line '" + b.material + "' of product '" +
                                            f.product->id + "': " + base.error().message);
    b.base_quantity = RoundQuantity(*base);
    b.base_unit = masterdata::BaseUnitOf(*component->second);
    bom.push_back(std::move(b));
  }
  return bom;
}

Result<std::vector<PinnedOperationLine>> PinOperations(const ReleaseFacts& f, double scale) {
  std::vector<PinnedOperationLine> out;
  auto ops = f.routing->content.find("operations");
  if (ops == f.routing->content.end() || !ops->is_array() || ops->empty())
    return Refuse("routing_invalid", "routing '" + f.routing->id + "' has no operations");
  std::set<std::string> ids;
  for (const auto& op : *ops) ids.insert(TextOf(op, "id"));
  std::string previous;
  int position = 0;
  for (const auto& op : *ops) {
    PinnedOperationLine p;
    p.operation = TextOf(op, "id");
    p.position = ++position;
    p.name = TextOf(op, "name");
    p.operation_class = TextOf(op, "operation_class");
    p.work_center_class = TextOf(op, "work_center_class");
    if (op.contains("predecessors") && op["predecessors"].is_array()) {
      p.predecessors = IdsOf(op, "predecessors");
      for (const auto& pred : p.predecessors)
        if (!ids.contains(pred) || pred == p.operation)
          return Refuse("routing_invalid", "operation '" + p.operation + "' of routing '" +
                                               f.routing->id + "' names predecessor '" + pred +
                                               "', which is not another of its operations");
    } else if (!previous.empty()) {
      p.predecessors = {previous};
    }
    p.planned_quantity = f.base_quantity;
    p.setup_minutes = NumberOf(op, "setup_minutes");
    p.run_minutes = RoundQuantity(NumberOf(op, "run_minutes") * scale);
    p.ideal_cycle_seconds = NumberOf(op, "ideal_cycle_seconds");
    p.spec = op;
    previous = p.operation;
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

double RoundQuantity(double value) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.12g", value);
  return std::strtod(buf, nullptr);
}

Result<OrderReleased> DecideRelease(const ReleaseFacts& f) {
  ORDO_TRY(NextOrderState(f.state, OrderAction::kRelease));
  if (!f.product)
    return Refuse("product_not_in_force",
                  "the order's product has no version in force; a product needs an effective "
                  "version to be released");
  const Json& product = f.product->content;
  if (!f.routing)
    return Refuse("routing_not_in_force", "the routing '" + TextOf(product, "routing") +
                                              "' of product '" + f.product->id +
                                              "' has no version in force");
  if (!f.material)
    return Refuse("material_not_in_force", "the material '" + TextOf(product, "material") +
                                               "' of product '" + f.product->id +
                                               "' has no version in force");
  const std::string base_unit = masterdata::BaseUnitOf(f.material->content);
  if (base_unit != f.base_unit)
    return Refuse("base_unit_changed", "the order's quantity is in '" + f.base_unit +
                                           "', but the base unit of material '" + f.material->id +
                                           "' is now '" + base_unit +
                                           "'; cancel the order and create it again");
  const double batch_size = NumberOf(product, "batch_size");
  const double scale = batch_size > 0 ? RoundQuantity(f.base_quantity / batch_size) : 1.0;
  auto bom = PinBom(f, product);
  if (!bom.ok()) return bom.error();
  auto operations = PinOperations(f, scale);
  if (!operations.ok()) return operations.error();
  for (const auto& line : *bom) {
    if (line.operation.empty()) continue;
    bool known = false;
    for (const auto& op : *operations) known = known || op.operation == line.operation;
    if (!known)
      return Refuse("bom_operation_unknown", "BOM item '" + line.material + "' of product '" +
                                                 f.product->id + "' is tied to operation '" +
                                                 line.operation + "', which routing '" +
                                                 f.routing->id + "' does not have");
  }
  OrderReleased e;
  e.order_id = f.order_id;
  e.product = f.product->id;
  e.product_version = f.product->version;
  e.product_hash = f.product->content_hash;
  e.routing = f.routing->id;
  e.routing_version = f.routing->version;
  e.routing_hash = f.routing->content_hash;
  e.material = f.material->id;
  e.base_unit = base_unit;
  e.batch_size = batch_size;
  e.scale = scale;
  e.bom = std::move(*bom);
  e.operations = std::move(*operations);
  return e;
}

}  // namespace ordo::orders
