// Serial number patterns (serial_pattern.h).
#include "mes/masterdata/domain/serial_pattern.h"

#include <cctype>

namespace ordo::masterdata {

namespace {

constexpr std::size_t kMaxSerial = 64;
constexpr int kMaxWidth = 12;

bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }
bool IsSerialChar(char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '-' || c == '/'; }

Error Bad(const std::string& field, const std::string& message) {
  return Error::Invalid(field, message, "invalid_serial_pattern");
}

std::string Padded(std::int64_t number, int width) {
  std::string digits = std::to_string(number);
  if (static_cast<int>(digits.size()) < width)
    digits.insert(0, static_cast<std::size_t>(width) - digits.size(), '0');
  return digits;
}

// The pattern with the date of `day` filled in; the sequence as `sequence`.
std::string Render(const SerialPattern& pattern, const std::string& day,
                   const std::string& sequence) {
  std::string out;
  for (const auto& part : pattern.parts) {
    switch (part.piece) {
      case SerialPattern::Piece::kText:
        out += part.text;
        break;
      case SerialPattern::Piece::kYear4:
        out += day.substr(0, 4);
        break;
      case SerialPattern::Piece::kYear2:
        out += day.substr(2, 2);
        break;
      case SerialPattern::Piece::kMonth:
        out += day.substr(5, 2);
        break;
      case SerialPattern::Piece::kDay:
        out += day.substr(8, 2);
        break;
      case SerialPattern::Piece::kSequence:
        out += sequence;
        break;
    }
  }
  return out;
}

}  // namespace

bool IsSerialId(const std::string& serial) {
  if (serial.empty() || serial.size() > kMaxSerial || !IsAlnum(serial[0])) return false;
  for (char c : serial)
    if (!IsSerialChar(c)) return false;
  return true;
}

Result<SerialPattern> ParseSerialPattern(const std::string& text, const std::string& field) {
  using Piece = SerialPattern::Piece;
  if (text.empty()) return Bad(field, "must not be empty; e.g. DP{yyyy}{mm}-{seq:6}");
  SerialPattern pattern;
  int sequences = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const char c = text[i];
    if (c == '}') return Bad(field, "has a '}' without '{' at position " + std::to_string(i + 1));
    if (c != '{') {
      if (!IsSerialChar(c))
        return Bad(field,
                   "may hold only letters, digits, '.', '_', '-', '/' and the tokens "
                   "{yyyy} {yy} {mm} {dd} {seq:N}, not '" +
                       std::string(1, c) + "'");
      if (pattern.parts.empty() || pattern.parts.back().piece != Piece::kText)
        pattern.parts.push_back({Piece::kText, ""});
      pattern.parts.back().text += c;
      ++i;
      continue;
    }
    const std::size_t close = text.find('}', i);
    if (close == std::string::npos)
      return Bad(field, "has a '{' without '}' at position " + std::to_string(i + 1));
    const std::string token = text.substr(i + 1, close - i - 1);
    if (token == "yyyy") {
      pattern.parts.push_back({Piece::kYear4, ""});
    } else if (token == "yy") {
      pattern.parts.push_back({Piece::kYear2, ""});
    } else if (token == "mm") {
      pattern.parts.push_back({Piece::kMonth, ""});
    } else if (token == "dd") {
      pattern.parts.push_back({Piece::kDay, ""});
    } else if (token.rfind("seq:", 0) == 0) {
      const std::string n = token.substr(4);
      bool digits = !n.empty() && n.size() <= 2;
      for (char d : n) digits = digits && std::isdigit(static_cast<unsigned char>(d));
      const int width = digits ? std::stoi(n) : 0;
      if (width < 1 || width > kMaxWidth)
        return Bad(field, "{" + token + "}: the sequence width N of {seq:N} must be 1 to " +
                              std::to_string(kMaxWidth));
      pattern.width = width;
      ++sequences;
      pattern.parts.push_back({Piece::kSequence, ""});
    } else {
      return Bad(field,
                 "has the unknown token {" + token + "}; known are {yyyy} {yy} {mm} {dd} {seq:N}");
    }
    i = close + 1;
  }
  if (sequences == 0) return Bad(field, "needs one {seq:N} (a counter of N digits)");
  if (sequences > 1) return Bad(field, "may hold {seq:N} only once");
  const std::string longest = Render(pattern, "2000-01-01", std::string(pattern.width, '9'));
  if (!IsAlnum(longest[0]))
    return Bad(field, "must start with a letter, a digit or a token (serials start so)");
  if (longest.size() > kMaxSerial)
    return Bad(field, "formats serials of " + std::to_string(longest.size()) +
                          " characters; at most " + std::to_string(kMaxSerial) + " are allowed");
  return pattern;
}

std::string SerialStem(const SerialPattern& pattern, const std::string& day) {
  return Render(pattern, day, "{seq:" + std::to_string(pattern.width) + "}");
}

Result<std::string> FormatSerial(const SerialPattern& pattern, const std::string& day,
                                 std::int64_t number) {
  const std::string digits = Padded(number, pattern.width);
  if (number < 1 || static_cast<int>(digits.size()) > pattern.width)
    return Error{ErrorCode::kFailedPrecondition,
                 "serial number " + std::to_string(number) + " does not fit the " +
                     std::to_string(pattern.width) + " digits of the pattern's {seq:" +
                     std::to_string(pattern.width) + "} for " + SerialStem(pattern, day),
                 "count", "serial_sequence_exhausted"};
  return Render(pattern, day, digits);
}

}  // namespace ordo::masterdata
