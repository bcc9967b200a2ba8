// Spelling of YAML strings for the plant writer (see detail/yaml_scalars.h).
#include "mes/masterdata/plant/detail/yaml_scalars.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string_view>

namespace ordo::masterdata::plant::detail {

namespace {

// Byte sequences YAML treats as line breaks or a byte order mark: NEL, LS, PS, BOM.
constexpr std::array<std::string_view, 4> kSpecialCharacters = {"\xC2\x85", "\xE2\x80\xA8",
                                                                "\xE2\x80\xA9", "\xEF\xBB\xBF"};

bool HasSpecialCharacter(const std::string& s) {
  for (auto special : kSpecialCharacters)
    if (s.find(special) != std::string::npos) return true;
  return false;
}

bool IsControl(char c) {
  auto u = static_cast<unsigned char>(c);
  return u < 0x20 || u == 0x7F;
}

// YAML 1.1 and 1.2 spellings of null and booleans.
bool IsKeyword(const std::string& s) {
  static const char* const kKeywords[] = {"null", "true", "false", "yes", "no",
                                          "on",   "off",  "y",     "n"};
  std::string lower = s;
  for (auto& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return std::any_of(std::begin(kKeywords), std::end(kKeywords),
                     [&](const char* k) { return lower == k; });
}

// Starts with a digit and holds only what numbers, dates, times and hex/octal/binary
// literals are made of: a resolver could read it as something other than a string.
bool LooksNumeric(const std::string& s) {
  if (!std::isdigit(static_cast<unsigned char>(s[0]))) return false;
  return s.find_first_not_of("0123456789abcdefABCDEFxXoO._:+-") == std::string::npos;
}

bool IsPlainSafe(const std::string& s) {
  if (s.empty()) return false;
  if (std::string_view("-?:,[]{}#&*!|>'\"%@`+.~ =<\\").find(s[0]) != std::string_view::npos)
    return false;
  if (s.back() == ' ' || s.back() == ':') return false;
  if (std::any_of(s.begin(), s.end(), IsControl) || HasSpecialCharacter(s)) return false;
  if (s.find(": ") != std::string::npos || s.find(" #") != std::string::npos) return false;
  return !IsKeyword(s) && !LooksNumeric(s);
}

std::string Quote(const std::string& s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '"':
        out += "\\\"";
        continue;
      case '\\':
        out += "\\\\";
        continue;
      case '\n':
        out += "\\n";
        continue;
      case '\t':
        out += "\\t";
        continue;
      case '\r':
        out += "\\r";
        continue;
      case '\b':
        out += "\\b";
        continue;
      case '\f':
        out += "\\f";
        continue;
      default:
        break;
    }
    if (IsControl(c)) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned char>(c));
      out += buffer;
      continue;
    }
    bool escaped = false;
    for (auto special : kSpecialCharacters) {
      if (std::string_view(s).substr(i, special.size()) != special) continue;
      out += special[0] == '\xC2'   ? "\\u0085"
             : special[0] == '\xEF' ? "\\ufeff"
             : special[2] == '\xA8' ? "\\u2028"
                                    : "\\u2029";
      i += special.size() - 1;
      escaped = true;
      break;
    }
    if (!escaped) out += c;
  }
  return out + "\"";
}

}  // namespace

std::string YamlString(const std::string& s) { return IsPlainSafe(s) ? s : Quote(s); }

bool FitsLiteralBlock(const std::string& text) {
  if (text.find('\n') == std::string::npos) return false;
  if (text[0] == '\n' || text[0] == ' ' || text[0] == '\t') return false;
  for (char c : text)
    if (IsControl(c) && c != '\n' && c != '\t') return false;
  return !HasSpecialCharacter(text);
}

std::string LiteralBlock(const std::string& text, int indent) {
  std::size_t end = text.find_last_not_of('\n') + 1;
  const std::size_t trailing = text.size() - end;
  std::string out = trailing == 0 ? "|-\n" : trailing == 1 ? "|\n" : "|+\n";
  const std::string pad(indent, ' ');
  std::size_t start = 0;
  while (start <= end) {
    std::size_t stop = text.find('\n', start);
    if (stop == std::string::npos || stop > end) stop = end;
    if (stop > start) out += pad + text.substr(start, stop - start);
    out += "\n";
    start = stop + 1;
  }
  for (std::size_t i = 1; i < trailing; ++i) out += "\n";
  return out;
}

}  // namespace ordo::masterdata::plant::detail
