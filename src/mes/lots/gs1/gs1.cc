// GS1 element strings and plain lot ids from a scanner (see gs1.h).
#include "mes/lots/gs1/gs1.h"

#include <array>
#include <cstdio>

#include "mes/masterdata/domain/gtin.h"

namespace ordo::gs1 {

namespace {

enum class Content { kDigits, kDate, kGtin, kChars82 };

struct AiDef {
  std::string_view ai;
  std::size_t length;  // fixed length, or the maximum when !fixed
  bool fixed;
  Content content;
  std::string_view title;
};

// The AIs ordo reads or skips. 31nn-36nn (measures, 6 digits) are matched in FindAi.
constexpr std::array kAis{
    AiDef{"00", 18, true, Content::kDigits, "SSCC"},
    AiDef{"01", 14, true, Content::kGtin, "GTIN"},
    AiDef{"02", 14, true, Content::kGtin, "GTIN of contained trade items"},
    AiDef{"10", 20, false, Content::kChars82, "batch/lot"},
    AiDef{"11", 6, true, Content::kDate, "production date"},
    AiDef{"12", 6, true, Content::kDate, "due date"},
    AiDef{"13", 6, true, Content::kDate, "packaging date"},
    AiDef{"15", 6, true, Content::kDate, "best before date"},
    AiDef{"16", 6, true, Content::kDate, "sell by date"},
    AiDef{"17", 6, true, Content::kDate, "expiry date"},
    AiDef{"20", 2, true, Content::kDigits, "variant"},
    AiDef{"21", 20, false, Content::kChars82, "serial number"},
    AiDef{"22", 20, false, Content::kChars82, "consumer product variant"},
    AiDef{"30", 8, false, Content::kDigits, "variable count"},
    AiDef{"37", 8, false, Content::kDigits, "count of trade items"},
    AiDef{"90", 30, false, Content::kChars82, "mutually agreed information"},
    AiDef{"91", 90, false, Content::kChars82, "company internal information"},
    AiDef{"92", 90, false, Content::kChars82, "company internal information"},
    AiDef{"93", 90, false, Content::kChars82, "company internal information"},
    AiDef{"94", 90, false, Content::kChars82, "company internal information"},
    AiDef{"95", 90, false, Content::kChars82, "company internal information"},
    AiDef{"96", 90, false, Content::kChars82, "company internal information"},
    AiDef{"97", 90, false, Content::kChars82, "company internal information"},
    AiDef{"98", 90, false, Content::kChars82, "company internal information"},
    AiDef{"99", 90, false, Content::kChars82, "company internal information"},
    AiDef{"240", 30, false, Content::kChars82, "additional product identification"},
    AiDef{"241", 30, false, Content::kChars82, "customer part number"},
    AiDef{"250", 30, false, Content::kChars82, "secondary serial number"},
    AiDef{"251", 30, false, Content::kChars82, "reference to source entity"},
    AiDef{"400", 30, false, Content::kChars82, "customer's purchase order number"},
    AiDef{"410", 13, true, Content::kDigits, "ship to GLN"},
    AiDef{"411", 13, true, Content::kDigits, "bill to GLN"},
    AiDef{"412", 13, true, Content::kDigits, "purchased from GLN"},
    AiDef{"413", 13, true, Content::kDigits, "ship for GLN"},
    AiDef{"414", 13, true, Content::kDigits, "physical location GLN"},
    AiDef{"415", 13, true, Content::kDigits, "invoicing party GLN"},
    AiDef{"416", 13, true, Content::kDigits, "production or service location GLN"},
    AiDef{"417", 13, true, Content::kDigits, "party GLN"},
    AiDef{"422", 3, true, Content::kDigits, "country of origin"},
    AiDef{"7003", 10, true, Content::kDigits, "expiration date and time"},
};

constexpr AiDef kMeasure{"", 6, true, Content::kDigits, "measure"};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// The GS1 AI encodable character set 82.
bool IsChar82(char c) {
  if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || IsDigit(c)) return true;
  switch (c) {
    case '!':
    case '"':
    case '%':
    case '&':
    case '\'':
    case '(':
    case ')':
    case '*':
    case '+':
    case ',':
    case '-':
    case '.':
    case '/':
    case ':':
    case ';':
    case '<':
    case '=':
    case '>':
    case '?':
    case '_':
      return true;
    default:
      return false;
  }
}

// The AI at the start of `s` (2, 3 or 4 digits), or nullptr. *ai_length is set to the
// digits taken (for an unknown AI: the digits available, up to 4).
const AiDef* FindAi(std::string_view s, std::size_t* ai_length) {
  std::size_t digits = 0;
  while (digits < s.size() && digits < 4 && IsDigit(s[digits])) ++digits;
  *ai_length = digits;
  for (std::size_t n = 2; n <= digits; ++n) {
    for (const AiDef& def : kAis)
      if (def.ai == s.substr(0, n)) {
        *ai_length = n;
        return &def;
      }
  }
  if (digits == 4 && s[0] == '3' && s[1] >= '1' && s[1] <= '6' && s[3] <= '5') {
    *ai_length = 4;
    return &kMeasure;
  }
  return nullptr;
}

std::string Printable(std::string_view s) {
  std::string out;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x20 && u < 0x7f) {
      out += c;
    } else {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", u);
      out += buf;
    }
  }
  return out;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

// GS1 General Specifications 7.12: a two-digit year YY is taken in the century that
// puts it from 49 years before to 50 years after the current year.
int FullYear(int yy, int current_year) {
  const int current_yy = ((current_year % 100) + 100) % 100;
  const int century = current_year - current_yy;
  const int diff = yy - current_yy;
  if (diff >= 51) return century - 100 + yy;
  if (diff <= -50) return century + 100 + yy;
  return century + yy;
}

class Parser {
 public:
  Parser(std::string_view input, std::size_t offset, int current_year, ParsedScan* out)
      : in_(input), offset_(offset), year_(current_year), out_(out) {}

  // Unbracketed element strings separated by GS.
  bool Unbracketed() {
    std::size_t i = 0;
    while (i < in_.size() && in_[i] == kGroupSeparator) ++i;  // a leading FNC1
    if (i >= in_.size()) return Fail("gs1_truncated", "the GS1 scan has no element string", i);
    while (i < in_.size()) {
      std::size_t ai_length = 0;
      const AiDef* def = FindAi(in_.substr(i), &ai_length);
      if (!def) return UnknownAi(i, ai_length);
      const std::string ai(in_.substr(i, ai_length));
      const std::size_t start = i + ai_length;
      std::size_t end = start;
      if (def->fixed) {
        while (end < in_.size() && end - start < def->length && in_[end] != kGroupSeparator) ++end;
        if (end - start < def->length)
          return Fail("gs1_truncated",
                      "AI (" + ai + ") " + std::string(def->title) + " needs " +
                          std::to_string(def->length) + " characters, found " +
                          std::to_string(end - start),
                      end);
      } else {
        while (end < in_.size() && in_[end] != kGroupSeparator) ++end;
      }
      if (!Element(*def, ai, start, end)) return false;
      i = end;
      if (i < in_.size() && in_[i] == kGroupSeparator) {
        while (i < in_.size() && in_[i] == kGroupSeparator) ++i;
      }
    }
    return true;
  }

  // `(AI)value(AI)value...`: a value ends where the next `(digits)` begins.
  bool Parenthesised() {
    std::size_t i = 0;
    while (i < in_.size()) {
      if (in_[i] != '(')
        return Fail("gs1_bad_syntax", "expected '(' and an application identifier", i);
      const std::size_t close = in_.find(')', i + 1);
      std::size_t ai_length = 0;
      const std::string_view inside =
          close == std::string_view::npos ? in_.substr(i + 1) : in_.substr(i + 1, close - i - 1);
      if (close == std::string_view::npos || inside.size() < 2 || inside.size() > 4)
        return Fail("gs1_bad_syntax", "expected (AI) with 2 to 4 digits", i);
      for (std::size_t k = 0; k < inside.size(); ++k)
        if (!IsDigit(inside[k]))
          return Fail("gs1_bad_syntax", "an application identifier has digits only", i + 1 + k);
      const AiDef* def = FindAi(inside, &ai_length);
      if (!def || ai_length != inside.size()) return UnknownAi(i + 1, inside.size());
      const std::string ai(inside);
      const std::size_t start = close + 1;
      std::size_t end = start;
      while (end < in_.size() && !StartsGroup(end)) ++end;
      if (def->fixed && end - start < def->length)
        return Fail("gs1_truncated",
                    "AI (" + ai + ") " + std::string(def->title) + " needs " +
                        std::to_string(def->length) + " characters, found " +
                        std::to_string(end - start),
                    end);
      if (def->fixed && end - start > def->length)
        return Fail("gs1_too_long",
                    "AI (" + ai + ") " + std::string(def->title) + " has exactly " +
                        std::to_string(def->length) + " characters, found " +
                        std::to_string(end - start),
                    start + def->length);
      if (!Element(*def, ai, start, end)) return false;
      i = end;
    }
    return true;
  }

 private:
  // True when a `(` at `pos` opens `(2-4 digits)`.
  bool StartsGroup(std::size_t pos) const {
    if (in_[pos] != '(') return false;
    std::size_t k = pos + 1;
    while (k < in_.size() && IsDigit(in_[k]) && k - pos <= 4) ++k;
    const std::size_t digits = k - pos - 1;
    return digits >= 2 && digits <= 4 && k < in_.size() && in_[k] == ')';
  }

  bool UnknownAi(std::size_t pos, std::size_t ai_length) {
    if (ai_length < 2) {
      if (pos + ai_length >= in_.size())
        return Fail("gs1_truncated", "the scan ends inside an application identifier", pos);
      return Fail("gs1_bad_character",
                  "expected an application identifier (digits), found '" +
                      Printable(in_.substr(pos + ai_length, 1)) + "'",
                  pos + ai_length);
    }
    return Fail("gs1_unknown_ai",
                "unknown GS1 application identifier starting '" +
                    std::string(in_.substr(pos, ai_length)) +
                    "': ordo reads (01), (10), (17), (21) and skips known fixed-length ones",
                pos);
  }

  bool Element(const AiDef& def, const std::string& ai, std::size_t start, std::size_t end) {
    const std::string_view value = in_.substr(start, end - start);
    const std::string what = "AI (" + ai + ") " + std::string(def.title);
    if (!def.fixed && value.empty()) return Fail("gs1_empty_value", what + " has no value", start);
    if (!def.fixed && value.size() > def.length)
      return Fail("gs1_too_long",
                  what + " has at most " + std::to_string(def.length) + " characters, found " +
                      std::to_string(value.size()),
                  start + def.length);
    for (std::size_t k = 0; k < value.size(); ++k) {
      const bool good = def.content == Content::kChars82 ? IsChar82(value[k]) : IsDigit(value[k]);
      if (!good)
        return Fail("gs1_bad_character",
                    what +
                        (def.content == Content::kChars82
                             ? " allows letters, digits and !\"%&'()*+,-./:;<=>?_"
                             : " has digits only") +
                        ", found '" + Printable(value.substr(k, 1)) + "'",
                    start + k);
    }
    std::string stored(value);
    if (def.content == Content::kGtin && !masterdata::IsValidGtin(value))
      return Fail("gs1_bad_check_digit",
                  what + " " + stored + " has a wrong check digit (the last digit)", end - 1);
    if (def.content == Content::kDate) {
      const int yy = (value[0] - '0') * 10 + (value[1] - '0');
      const int mm = (value[2] - '0') * 10 + (value[3] - '0');
      const int dd = (value[4] - '0') * 10 + (value[5] - '0');
      if (mm < 1 || mm > 12)
        return Fail("gs1_bad_date", what + " " + stored + " is not YYMMDD: month 01 to 12",
                    start + 2);
      const int year = FullYear(yy, year_);
      const int last = DaysInMonth(year, mm);
      if (dd > last)
        return Fail("gs1_bad_date",
                    what + " " + stored + " is not YYMMDD: day 00 to " + std::to_string(last),
                    start + 4);
      if (ai == "17") {
        char buf[16];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, mm, dd == 0 ? last : dd);
        stored = buf;
      }
    }
    Scan& s = out_->scan;
    std::string* field = ai == "01"   ? &s.gtin14
                         : ai == "10" ? &s.lot
                         : ai == "17" ? &s.expiry
                         : ai == "21" ? &s.serial
                                      : nullptr;
    if (field) {
      if (!field->empty() && *field != stored)
        return Fail("gs1_duplicate_ai", what + " appears twice with different values", start);
      *field = stored;
    } else {
      s.others.emplace_back(ai, stored);
    }
    return true;
  }

  bool Fail(std::string code, std::string message, std::size_t pos) {
    out_->ok = false;
    out_->error = ScanError{std::move(code), std::move(message), offset_ + pos};
    return false;
  }

  std::string_view in_;
  std::size_t offset_;
  int year_;
  ParsedScan* out_;
};

ParsedScan Refuse(std::string code, std::string message, std::size_t pos) {
  ParsedScan out;
  out.error = ScanError{std::move(code), std::move(message), pos};
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

ParsedScan ParseScanDetailed(std::string_view input, int current_year) {
  if (input.size() > kMaxScanLength)
    return Refuse("scan_too_long",
                  "a scan has at most " + std::to_string(kMaxScanLength) + " characters, found " +
                      std::to_string(input.size()),
                  kMaxScanLength);
  std::string_view body = input;
  while (!body.empty() && (body.back() == '\r' || body.back() == '\n')) body.remove_suffix(1);
  std::size_t offset = 0;
  std::string symbology;
  if (body.size() >= 3 && body[0] == ']' &&
      ((body[1] >= 'A' && body[1] <= 'Z') || (body[1] >= 'a' && body[1] <= 'z')) &&
      IsDigit(body[2])) {
    symbology = std::string(body.substr(0, 3));
    body.remove_prefix(3);
    offset = 3;
  }
  const bool gs1_symbol = symbology == "]C1" || symbology == "]d2" || symbology == "]Q3";
  const bool has_gs = body.find(kGroupSeparator) != std::string_view::npos;
  const bool parenthesised = body.size() >= 4 && body[0] == '(' && IsDigit(body[1]) &&
                             IsDigit(body[2]) && body.find(')') != std::string_view::npos &&
                             body.find(')') <= 5;
  bool bare_gtin = body.size() >= 16 && body[0] == '0' && body[1] == '1';
  for (std::size_t k = 2; bare_gtin && k < 16; ++k) bare_gtin = IsDigit(body[k]);
  bare_gtin = bare_gtin && masterdata::IsValidGtin(body.substr(2, 14));

  ParsedScan out;
  out.scan.raw = std::string(input);
  out.scan.symbology = symbology;
  if (gs1_symbol || has_gs || parenthesised || bare_gtin) {
    out.scan.kind = ScanKind::kGs1;
    out.ok = true;
    Parser parser(body, offset, current_year, &out);
    if (parenthesised && !gs1_symbol && !has_gs)
      parser.Parenthesised();
    else
      parser.Unbracketed();
    // Only the look of a bare GTIN said GS1: what does not read as GS1 is a lot id.
    const bool only_guessed = bare_gtin && !gs1_symbol && !has_gs && !parenthesised;
    if (out.ok || !only_guessed) return out;
    out = ParsedScan{};
    out.scan.raw = std::string(input);
    out.scan.symbology = symbology;
  }
  // A plain lot id: trimmed, printable.
  std::size_t first = 0;
  while (first < body.size() && IsSpace(body[first])) ++first;
  std::size_t last = body.size();
  while (last > first && IsSpace(body[last - 1])) --last;
  if (first == last) return Refuse("scan_empty", "nothing was scanned: expected a lot id", 0);
  for (std::size_t k = first; k < last; ++k) {
    const auto u = static_cast<unsigned char>(body[k]);
    if (u < 0x20 || u == 0x7f)
      return Refuse(
          "scan_bad_character",
          "a lot id has no control characters, found '" + Printable(body.substr(k, 1)) + "'",
          offset + k);
  }
  out.ok = true;
  out.scan.kind = ScanKind::kPlain;
  out.scan.text = std::string(body.substr(first, last - first));
  return out;
}

Result<Scan> ParseScan(std::string_view input, int current_year, const std::string& field) {
  ParsedScan parsed = ParseScanDetailed(input, current_year);
  if (parsed.ok) return std::move(parsed.scan);
  return Error::Invalid(field,
                        parsed.error.message + " (at character " +
                            std::to_string(parsed.error.position + 1) + " of the scan)",
                        parsed.error.code);
}

Status CheckScannedExpiry(const Scan& scan, const std::string& lot,
                          const std::string& recorded_expiry, const std::string& field) {
  if (scan.expiry.empty() || scan.expiry == recorded_expiry) return Ok();
  return Error::Invalid(
      field,
      "the scanned label says expiry " + scan.expiry + ", but lot " + lot +
          (recorded_expiry.empty() ? std::string(" is recorded without an expiry date")
                                   : " is recorded with expiry " + recorded_expiry),
      "expiry_mismatch");
}

std::string ToParenthesised(const Scan& scan) {
  if (scan.kind != ScanKind::kGs1) return "";
  std::string out;
  if (!scan.gtin14.empty()) out += "(01)" + scan.gtin14;
  if (!scan.expiry.empty() && scan.expiry.size() == 10)
    out += "(17)" + scan.expiry.substr(2, 2) + scan.expiry.substr(5, 2) + scan.expiry.substr(8, 2);
  if (!scan.lot.empty()) out += "(10)" + scan.lot;
  if (!scan.serial.empty()) out += "(21)" + scan.serial;
  for (const auto& [ai, value] : scan.others) out += "(" + ai + ")" + value;
  return out;
}

}  // namespace ordo::gs1
