// Password rules (NIST SP 800-63B-4).
#include "mes/access/domain/password_rules.h"

#include <cstdint>

namespace ordo::access {

namespace {

// Decodes one code point at `i` (advancing it); nullopt on malformed UTF-8.
std::optional<std::uint32_t> NextCodePoint(std::string_view s, std::size_t& i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char lead = byte(i);
  int extra = 0;
  std::uint32_t cp = 0;
  if (lead < 0x80) {
    ++i;
    return lead;
  } else if ((lead & 0xE0) == 0xC0) {
    extra = 1;
    cp = lead & 0x1F;
  } else if ((lead & 0xF0) == 0xE0) {
    extra = 2;
    cp = lead & 0x0F;
  } else if ((lead & 0xF8) == 0xF0) {
    extra = 3;
    cp = lead & 0x07;
  } else {
    return std::nullopt;
  }
  if (i + static_cast<std::size_t>(extra) >= s.size()) return std::nullopt;
  for (int k = 1; k <= extra; ++k) {
    const unsigned char c = byte(i + k);
    if ((c & 0xC0) != 0x80) return std::nullopt;
    cp = (cp << 6) | (c & 0x3F);
  }
  // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
  static constexpr std::uint32_t kMinimum[] = {0, 0x80, 0x800, 0x10000};
  if (cp < kMinimum[extra] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return std::nullopt;
  i += static_cast<std::size_t>(extra) + 1;
  return cp;
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

}  // namespace

std::optional<std::size_t> CountCodePoints(std::string_view text) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count)
    if (!NextCodePoint(text, i)) return std::nullopt;
  return count;
}

Status CheckNewPassword(std::string_view password, const PasswordRules& rules,
                        const std::vector<std::string>& context_words,
                        const PasswordBlocklist& blocklist, const std::string& field) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < password.size(); ++count) {
    auto cp = NextCodePoint(password, i);
    if (!cp)
      return Error::Invalid(field, "the password is not valid UTF-8 text", "password_not_utf8");
    if (*cp < 0x20 || *cp == 0x7F || (*cp >= 0x80 && *cp <= 0x9F))
      return Error::Invalid(field,
                            "the password contains a control character; every printable "
                            "character and the space are allowed",
                            "password_control_character");
  }
  if (count < static_cast<std::size_t>(rules.min_length))
    return Error::Invalid(field,
                          "the password must be at least " + std::to_string(rules.min_length) +
                              " characters long (it has " + std::to_string(count) +
                              "); a phrase of several words is easy to remember",
                          "password_too_short");
  if (count > static_cast<std::size_t>(PasswordRules::kMaxLength))
    return Error::Invalid(field,
                          "the password may be at most " +
                              std::to_string(PasswordRules::kMaxLength) + " characters long",
                          "password_too_long");
  const std::string lower = AsciiLower(password);
  for (const auto& word : context_words)
    if (!word.empty() && lower == AsciiLower(word))
      return Error::Invalid(field, "the password may not be your user name or the system's name",
                            "password_blocklisted");
  auto listed = blocklist.Contains(lower);
  if (!listed.ok()) return listed.error();
  if (*listed)
    return Error::Invalid(field,
                          "the password is on the list of common or compromised passwords; "
                          "choose another",
                          "password_blocklisted");
  return Ok();
}

}  // namespace ordo::access
