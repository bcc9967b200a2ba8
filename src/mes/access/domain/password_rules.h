// Password rules after NIST SP 800-63B-4 (docs/decisions/0005-password-rules.md): a
// minimum length in Unicode code points (15 by default, a site setting), a generous
// maximum, every printable character and the space allowed, no composition rules, and
// a refusal when the password is on a blocklist of common or compromised passwords or
// is a context word (the user's login name, "ordo"). Pure: the blocklist arrives as an
// interface (the cracklib dictionary in production, a fake in tests).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace ordo::access {

// The length limits in force (the minimum comes from the site settings).
struct PasswordRules {
  static constexpr int kDefaultMinLength = 15;  // 800-63B-4 for a single-factor password
  static constexpr int kLowestMinLength = 8;    // a site may not configure less
  static constexpr int kMaxLength = 256;        // at least 64 must be allowed
  int min_length = kDefaultMinLength;
};

// A list of common or compromised passwords. Implementations must be thread-safe.
class PasswordBlocklist {
 public:
  virtual ~PasswordBlocklist() = default;
  // True when `lowercase` (the candidate, ASCII letters lowered) is on the list;
  // unavailable when the list cannot be read (the check then fails closed).
  virtual Result<bool> Contains(const std::string& lowercase) const = 0;
};

// Unicode code points in UTF-8 `text`; nullopt when it is not well-formed UTF-8.
std::optional<std::size_t> CountCodePoints(std::string_view text);

// Checks a password a user is about to set, in this order; every refusal is
// invalid_argument on `field` with a stable reason:
//   password_not_utf8          not well-formed UTF-8;
//   password_control_character a control character (C0, DEL, C1); spaces are allowed;
//   password_too_short         fewer code points than rules.min_length (the message
//                              names the minimum);
//   password_too_long          more than PasswordRules::kMaxLength code points;
//   password_blocklisted       on the blocklist (case-insensitive), or equal to a
//                              context word (case-insensitive), e.g. the login name.
// unavailable when the blocklist cannot be read.
Status CheckNewPassword(std::string_view password, const PasswordRules& rules,
                        const std::vector<std::string>& context_words,
                        const PasswordBlocklist& blocklist,
                        const std::string& field = "new_password");

}  // namespace ordo::access
