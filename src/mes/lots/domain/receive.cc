// Receiving a lot (receive.h).
#include "mes/lots/domain/receive.h"

#include <cmath>
#include <cstdio>

#include "mes/lots/domain/lot.h"
#include "mes/masterdata/domain/units.h"

namespace ordo::lots {

namespace {

constexpr std::size_t kMaxLotId = 64;
constexpr std::size_t kMaxSupplier = 200;
constexpr std::size_t kMaxSupplierLot = 64;
constexpr std::size_t kMaxUnit = 16;

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool HasControlCharacter(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7f) return true;
  return false;
}

Status CheckText(const std::string& value, const std::string& field, std::size_t max) {
  if (value.empty()) return Error::Invalid(field, field + " is required", "missing_field");
  if (value.size() > max)
    return Error::Invalid(field, field + " must be at most " + std::to_string(max) + " bytes",
                          "too_long");
  if (HasControlCharacter(value))
    return Error::Invalid(field, field + " must not hold control characters", "malformed");
  return Ok();
}

Status CheckDate(const std::string& value, const std::string& field) {
  if (!value.empty() && !IsDate(value))
    return Error::Invalid(field, field + " must be a date YYYY-MM-DD, not '" + value + "'",
                          "invalid_date");
  return Ok();
}

std::string Shown(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.10g", v);
  return buffer;
}

// The first field in which `a` and `b` differ, with both values; nullopt when equal.
struct Difference {
  std::string field, stored, given;
};
std::optional<Difference> FirstDifference(const LotReceived& stored, const LotReceived& given) {
  const std::pair<const char*, std::pair<std::string, std::string>> texts[] = {
      {"material", {stored.material, given.material}},
      {"supplier", {stored.supplier, given.supplier}},
      {"supplier_lot", {stored.supplier_lot, given.supplier_lot}},
      {"unit", {stored.unit, given.unit}},
      {"expiry", {stored.expiry, given.expiry}},
      {"retest", {stored.retest, given.retest}}};
  for (const auto& [field, values] : texts)
    if (values.first != values.second) return Difference{field, values.first, values.second};
  if (stored.quantity != given.quantity)
    return Difference{"quantity", Shown(stored.quantity), Shown(given.quantity)};
  return std::nullopt;
}

}  // namespace

Status ValidateReceive(const ReceiveLot& c) {
  bool id_ok = !c.lot.empty() && c.lot.size() <= kMaxLotId && IsAlnum(c.lot[0]);
  for (char ch : c.lot) id_ok = id_ok && (IsAlnum(ch) || ch == '.' || ch == '_' || ch == '-');
  if (!id_ok)
    return Error::Invalid("lot",
                          "lot must be 1 to 64 letters, digits, '.', '_' or '-', starting with a "
                          "letter or digit",
                          c.lot.empty() ? "missing_field" : "malformed_id");
  if (c.material.empty())
    return Error::Invalid("material", "material is required", "missing_field");
  ORDO_TRY(CheckText(c.supplier, "supplier", kMaxSupplier));
  ORDO_TRY(CheckText(c.supplier_lot, "supplier_lot", kMaxSupplierLot));
  if (!std::isfinite(c.quantity) || c.quantity <= 0)
    return Error::Invalid("quantity", "quantity must be a number greater than 0",
                          "invalid_quantity");
  ORDO_TRY(CheckText(c.unit, "unit", kMaxUnit));
  ORDO_TRY(CheckDate(c.expiry, "expiry"));
  ORDO_TRY(CheckDate(c.retest, "retest"));
  return Ok();
}

Result<ReceiptDecision> DecideReceive(const ReceiveLot& c, const std::optional<Json>& material,
                                      const std::optional<LotReceived>& existing) {
  ORDO_TRY(ValidateReceive(c));
  LotReceived received;
  received.lot = c.lot;
  received.material = c.material;
  received.supplier = c.supplier;
  received.supplier_lot = c.supplier_lot;
  received.quantity = c.quantity;
  received.unit = c.unit;
  received.expiry = c.expiry;
  received.retest = c.retest;
  received.source = c.source;
  // A lot id is received once: the same data again changes nothing (whatever master data
  // says now), other data is a conflict.
  if (existing) {
    if (auto d = FirstDifference(*existing, received))
      return Error{ErrorCode::kConflict,
                   "lot " + c.lot + " was already received with " + d->field + " '" + d->stored +
                       "', not '" + d->given + "'; a received lot is never changed silently",
                   d->field, "lot_conflict"};
    return ReceiptDecision{ReceiptOutcome::kUnchanged, *existing};
  }
  if (!material || !material->is_object())
    return Error::Invalid("material",
                          "material '" + c.material + "' has no version in force in master data",
                          "unknown_material");
  const std::string tracking = material->value("tracking", std::string("none"));
  if (tracking != "lot" && tracking != "serial")
    return Error::Invalid("material",
                          "material '" + c.material + "' is tracked by " + tracking +
                              ", not by lot or serial: it has no lots",
                          "not_lot_tracked");
  auto base = masterdata::ToBaseQuantity(*material, c.quantity, c.unit, "unit");
  if (!base.ok()) return base.error();
  if (material->contains("shelf_life_days") && c.expiry.empty() && c.retest.empty())
    return Error::Invalid("expiry",
                          "material '" + c.material +
                              "' has a shelf life: give its expiry or retest date (YYYY-MM-DD)",
                          "missing_field");
  received.base_quantity = *base;
  received.base_unit = masterdata::BaseUnitOf(*material);
  return ReceiptDecision{ReceiptOutcome::kCreated, received};
}

}  // namespace ordo::lots
