// Half-up display rounding on the shortest decimal form.
#include "mis/reports/display.h"

#include <charconv>
#include <cmath>
#include <cstdlib>

namespace ordo::mis::reports {

namespace {

// Adds one to a string of decimal digits ("199" -> "200", "99" -> "100").
void Increment(std::string& digits) {
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (*it != '9') {
      ++*it;
      return;
    }
    *it = '0';
  }
  digits.insert(digits.begin(), '1');
}

}  // namespace

std::string RoundHalfUp(double value, int decimals, int shift) {
  if (!std::isfinite(value)) return std::isnan(value) ? "NaN" : (value < 0 ? "-inf" : "inf");
  const bool negative = value < 0;
  char buffer[64];
  // Shortest round-trip form in scientific notation: "8.1349e-01".
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, std::fabs(value),
                                 std::chars_format::scientific);
  const std::string text(buffer, end);
  const std::size_t e = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e))
    if (c != '.') digits += c;
  const int exponent = std::atoi(text.c_str() + e + 1);
  // value = digits x 10^(exponent - (digits.size() - 1)); keep `decimals` fractional digits.
  const int scale = exponent + shift - static_cast<int>(digits.size() - 1) + decimals;
  std::string n;
  if (scale >= 0) {
    n = digits + std::string(static_cast<std::size_t>(scale), '0');
  } else {
    const int keep = static_cast<int>(digits.size()) + scale;
    const int next = keep >= 0 && keep < static_cast<int>(digits.size()) ? digits[keep] - '0' : 0;
    n = keep > 0 ? digits.substr(0, static_cast<std::size_t>(keep)) : "0";
    if (next >= 5) Increment(n);
  }
  const std::size_t first = n.find_first_not_of('0');
  n = first == std::string::npos ? "0" : n.substr(first);
  const bool zero = n == "0";
  if (n.size() < static_cast<std::size_t>(decimals + 1))
    n.insert(0, static_cast<std::size_t>(decimals + 1) - n.size(), '0');
  if (decimals > 0) n.insert(n.size() - static_cast<std::size_t>(decimals), ".");
  return (negative && !zero ? "-" : "") + n;
}

std::string DisplayValue(const std::optional<double>& value, const std::string& unit) {
  if (!value) return "\u2014";
  if (unit == "1") return RoundHalfUp(*value, 1, 2) + " %";
  if (unit == "s") {
    const long long s = std::atoll(RoundHalfUp(*value, 0).c_str());
    const long long h = s / 3600, m = (s % 3600) / 60, r = s % 60;
    auto two = [](long long x) { return (x < 10 ? "0" : "") + std::to_string(x); };
    if (h > 0) return std::to_string(h) + " h " + two(m) + " min";
    if (m > 0) return std::to_string(m) + " min" + (r ? " " + two(r) + " s" : "");
    return std::to_string(r) + " s";
  }
  return RoundHalfUp(*value, 2) + (unit.empty() ? "" : " " + unit);
}

}  // namespace ordo::mis::reports
