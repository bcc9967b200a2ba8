// The MIS's rules for a new password (the MES's rules live in mes/access, which the MIS
// may not include): well-formed UTF-8, no control characters (spaces allowed), at least
// kMinPasswordLength and at most kMaxPasswordLength Unicode code points, and not the
// user's own login name. No composition rules. Pure.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "core/result.h"

namespace ordo::mis::access {

inline constexpr std::size_t kMinPasswordLength = 12;
inline constexpr std::size_t kMaxPasswordLength = 256;

// Checks `password` for user `user_name`; every refusal is invalid_argument on `field`
// with a stable reason: password_not_utf8, password_control_character,
// password_too_short (the message names the minimum), password_too_long,
// password_is_user_name (equal to the login name, ignoring ASCII case).
Status CheckNewPassword(std::string_view password, std::string_view user_name,
                        const std::string& field = "password");

}  // namespace ordo::mis::access
