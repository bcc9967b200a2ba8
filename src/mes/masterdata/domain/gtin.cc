#include "mes/masterdata/domain/gtin.h"

namespace ordo::masterdata {

bool IsValidGtin(std::string_view gtin) {
  const std::size_t n = gtin.size();
  if (n != 8 && n != 12 && n != 13 && n != 14) return false;
  for (char c : gtin)
    if (c < '0' || c > '9') return false;
  // Weights 3, 1, 3, ... from the digit left of the check digit, leftwards.
  int sum = 0;
  for (std::size_t i = 0; i + 1 < n; ++i) {
    const int digit = gtin[n - 2 - i] - '0';
    sum += (i % 2 == 0) ? 3 * digit : digit;
  }
  return (10 - sum % 10) % 10 == gtin[n - 1] - '0';
}

std::optional<std::string> Gtin14(std::string_view gtin) {
  if (!IsValidGtin(gtin)) return std::nullopt;
  return std::string(14 - gtin.size(), '0') + std::string(gtin);
}

}  // namespace ordo::masterdata
