// Typed cells (cells.h).
#include "mis/imports/domain/cells.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "core/clock.h"

namespace ordo::mis::imports {

namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Digits with an optional sign: "12", "+3", "-0".
bool SignedDigits(std::string_view text) {
  if (!text.empty() && (text[0] == '+' || text[0] == '-')) text.remove_prefix(1);
  if (text.empty()) return false;
  for (char c : text)
    if (!IsDigit(c)) return false;
  return true;
}

// [+-]? digits [. digits] [(e|E) [+-]? digits], with at least one mantissa digit.
bool PlainDecimal(std::string_view text) {
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
  std::size_t digits = 0;
  while (i < text.size() && IsDigit(text[i])) ++i, ++digits;
  if (i < text.size() && text[i] == '.') {
    ++i;
    while (i < text.size() && IsDigit(text[i])) ++i, ++digits;
  }
  if (digits == 0) return false;
  if (i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    std::size_t exponent = 0;
    while (i < text.size() && IsDigit(text[i])) ++i, ++exponent;
    if (exponent == 0) return false;
  }
  return i == text.size();
}

std::string Joined(const std::vector<std::string>& list) {
  std::string out;
  for (const auto& item : list) out += (out.empty() ? "" : ", ") + item;
  return out;
}

bool Fail(RowError* error, int line, const ColumnSpec& column, const char* reason,
          std::string message) {
  *error = {line, column.name, reason, column.name + " " + std::move(message)};
  return false;
}

constexpr const char* kTimeForm = "YYYY-MM-DDTHH:MM:SS[.ffffff] with Z or an offset +HH:MM";

}  // namespace

std::string_view TrimCell(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool CanonicalDecimal(std::string_view text, std::string* out, double* value) {
  if (!PlainDecimal(text)) return false;
  const std::string copy(text);
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || !std::isfinite(v)) return false;
  if (v == 0) v = 0;  // no "-0"
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, v);
  if (ec != std::errc()) return false;
  out->assign(buf, ptr);
  *value = v;
  return true;
}

bool ParseCell(const ColumnSpec& column, std::string_view text, int line, Value* out,
               RowError* error) {
  const auto quoted = [text] { return "'" + Excerpt(text) + "'"; };  // for refusals only
  switch (column.type) {
    case ColumnType::kText:
      if (text.size() > kMaxTextBytes)
        return Fail(error, line, column, "too_long",
                    "must be at most " + std::to_string(kMaxTextBytes) + " bytes");
      *out = std::string(text);
      return true;
    case ColumnType::kEnum:
      for (const auto& choice : column.choices)
        if (text == choice) {
          *out = choice;
          return true;
        }
      return Fail(error, line, column, "bad_enum",
                  "must be one of " + Joined(column.choices) + ", not " + quoted());
    case ColumnType::kTime: {
      TimeMicros t = 0;
      if (ParseIsoTime(std::string(text), &t)) {
        *out = std::int64_t{t};
        return true;
      }
      if (ParseIsoTime(std::string(text) + "Z", &t))
        return Fail(error, line, column, "time_without_offset",
                    "must carry Z or a UTC offset such as +01:00: " + quoted() + " has none");
      return Fail(error, line, column, "bad_time",
                  "must be an ISO 8601 time " + std::string(kTimeForm) + ", not " + quoted());
    }
    case ColumnType::kDate: {
      TimeMicros t = 0;
      if (text.size() == 10 && ParseIsoTime(std::string(text) + "T00:00:00Z", &t)) {
        *out = std::string(text);
        return true;
      }
      return Fail(error, line, column, "bad_date", "must be a date YYYY-MM-DD, not " + quoted());
    }
    case ColumnType::kDateOrTime: {
      TimeMicros t = 0;
      if (text.size() == 10 && ParseIsoTime(std::string(text) + "T00:00:00Z", &t)) {
        *out = std::string(text);
        return true;
      }
      if (ParseIsoTime(std::string(text), &t)) {
        *out = FormatUtcMicros(t);
        return true;
      }
      if (ParseIsoTime(std::string(text) + "Z", &t))
        return Fail(error, line, column, "time_without_offset",
                    "must carry Z or a UTC offset such as +01:00: " + quoted() + " has none");
      return Fail(error, line, column, "bad_date_or_time",
                  "must be a date YYYY-MM-DD or an ISO 8601 time " + std::string(kTimeForm) +
                      ", not " + quoted());
    }
    case ColumnType::kNumber: {
      std::string canonical;
      double v = 0;
      if (!CanonicalDecimal(text, &canonical, &v))
        return Fail(error, line, column, "bad_number",
                    "must be a decimal number such as 12.5, not " + quoted());
      if (v < 0) return Fail(error, line, column, "negative_number", "must not be negative");
      if (column.positive && v == 0)
        return Fail(error, line, column, "not_positive", "must be greater than zero");
      *out = std::move(canonical);
      return true;
    }
    case ColumnType::kCount: {
      std::int64_t v = 0;
      const bool digits = SignedDigits(text);
      if (digits && text[0] == '-' && text.find_first_not_of("-0") != std::string_view::npos)
        return Fail(error, line, column, "negative_number", "must not be negative");
      const std::string_view body =
          digits && (text[0] == '+' || text[0] == '-') ? text.substr(1) : text;
      auto [ptr, ec] = std::from_chars(body.data(), body.data() + body.size(), v);
      if (!digits || ec != std::errc() || ptr != body.data() + body.size() || v > kMaxCount)
        return Fail(error, line, column, "bad_number",
                    "must be a whole number from 0 to 10^15, not " + quoted());
      *out = v;
      return true;
    }
    case ColumnType::kCurrency:
      if (text.size() == 3 && std::isupper(static_cast<unsigned char>(text[0])) &&
          std::isupper(static_cast<unsigned char>(text[1])) &&
          std::isupper(static_cast<unsigned char>(text[2]))) {
        *out = std::string(text);
        return true;
      }
      return Fail(
          error, line, column, "bad_currency",
          "must be an ISO 4217 code of three upper-case letters such as EUR, not " + quoted());
  }
  return Fail(error, line, column, "bad_value", "has a type this build does not know");
}

Value EmptyValue(const ColumnSpec& column) {
  switch (column.type) {
    case ColumnType::kText:
    case ColumnType::kEnum:
    case ColumnType::kCurrency:
      return std::string();
    case ColumnType::kCount:
      return column.zero_when_empty ? Value(std::int64_t{0}) : Value();
    default:
      return Value();
  }
}

namespace {
// The length of the valid UTF-8 character at text[i], or 0.
std::size_t CharLength(std::string_view text, std::size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return 1;
  const std::size_t len = c >= 0xC2 && c <= 0xDF   ? 2
                          : c >= 0xE0 && c <= 0xEF ? 3
                          : c >= 0xF0 && c <= 0xF4 ? 4
                                                   : 0;
  if (len == 0 || i + len > text.size()) return 0;
  return FirstInvalidUtf8Line(text.substr(i, len)) == 0 ? len : 0;
}
}  // namespace

std::string Excerpt(std::string_view text, std::size_t max_bytes) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t len = CharLength(text, i);
    if (out.size() + std::max<std::size_t>(len, 1) > max_bytes) return out + "...";
    const auto c = static_cast<unsigned char>(text[i]);
    if (len == 0 || c < 0x20 || c == 0x7F) {
      out += '?';
      i += std::max<std::size_t>(len, 1);
    } else {
      out.append(text.substr(i, len));
      i += len;
    }
  }
  return out;
}

int FirstInvalidUtf8Line(std::string_view text) {
  int line = 1;
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c == '\n') ++line;
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c >= 0xC2 && c <= 0xDF)
      len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
      len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
      len = 4, cp = c & 0x07;
    else
      return line;
    if (i + len > n) return line;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0) != 0x80) return line;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF))
      return line;
    i += len;
  }
  return 0;
}

}  // namespace ordo::mis::imports
