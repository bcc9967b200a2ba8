// Durations of command-line flags (see duration.h).
#include "cli/duration.h"

#include <cctype>

namespace ordo::cli {

std::optional<std::int64_t> ParseDurationSeconds(const std::string& text) {
  std::size_t digits = 0;
  while (digits < text.size() && std::isdigit(static_cast<unsigned char>(text[digits]))) ++digits;
  if (digits == 0 || digits > 9 || text.size() > digits + 1) return std::nullopt;
  const std::int64_t n = std::stoll(text.substr(0, digits));
  std::int64_t unit = 1;
  if (text.size() == digits + 1) {
    switch (text.back()) {
      case 's':
        unit = 1;
        break;
      case 'm':
        unit = 60;
        break;
      case 'h':
        unit = 3600;
        break;
      case 'd':
        unit = 86400;
        break;
      default:
        return std::nullopt;
    }
  }
  if (n * unit > 366LL * 86400) return std::nullopt;
  return n * unit;
}

}  // namespace ordo::cli
