// The MIS password rules.
#include "mis/access/password_policy.h"

#include <cctype>
#include <cstdint>
#include <optional>

namespace ordo::mis::access {

namespace {

// Code points of well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF),
// or nullopt; sets *control when a C0, DEL or C1 control character occurs.
std::optional<std::size_t> CodePoints(std::string_view text, bool* control) {
  std::size_t count = 0;
  for (std::size_t i = 0; i < text.size(); ++count) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const int extra = c < 0x80           ? 0
                      : (c >> 5) == 0x6  ? 1
                      : (c >> 4) == 0xe  ? 2
                      : (c >> 3) == 0x1e ? 3
                                         : -1;
    if (extra < 0 || (extra == 1 && c < 0xc2) || i + static_cast<std::size_t>(extra) >= text.size())
      return std::nullopt;
    std::uint32_t cp = extra == 0 ? c : c & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xc0) != 0x80) return std::nullopt;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return std::nullopt;
    if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0)) *control = true;
    i += extra + 1;
  }
  return count;
}

bool EqualIgnoringAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

}  // namespace

Status CheckNewPassword(std::string_view password, std::string_view user_name,
                        const std::string& field) {
  bool control = false;
  const auto length = CodePoints(password, &control);
  if (!length)
    return Error::Invalid(field, "the password must be well-formed UTF-8 text",
                          "password_not_utf8");
  if (control)
    return Error::Invalid(field,
                          "the password must not contain control characters (spaces are allowed)",
                          "password_control_character");
  if (*length < kMinPasswordLength)
    return Error::Invalid(field,
                          "the password must have at least " + std::to_string(kMinPasswordLength) +
                              " characters (it has " + std::to_string(*length) + ")",
                          "password_too_short");
  if (*length > kMaxPasswordLength)
    return Error::Invalid(
        field,
        "the password must have at most " + std::to_string(kMaxPasswordLength) + " characters",
        "password_too_long");
  if (!user_name.empty() && EqualIgnoringAsciiCase(password, user_name))
    return Error::Invalid(field, "the password must not be the login name",
                          "password_is_user_name");
  return Ok();
}

}  // namespace ordo::mis::access
