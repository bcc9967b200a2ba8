// Site settings (how many approvals a change request needs, whether a second signing in
// a session may use the password alone, the password rules' minimum length and the
// periodic password expiry) and the decision to change them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/canonical_json.h"
#include "core/result.h"
#include "ledger/event_type.h"

namespace ordo::site {

// The settings in force; a store without a settings row has these defaults.
struct SiteSettings {
  int approvals_required = 1;          // 1 to 5
  bool signing_password_only = false;  // password alone after the first signing
  int password_min_length = 15;        // code points; 8 to 256 (NIST SP 800-63B-4: 15)
  int password_expiry_days = 0;        // 0 = passwords never expire; else 1 to 3650
};

// The bounds of the password settings.
inline constexpr int kPasswordMinLengthLowest = 8;
inline constexpr int kPasswordMinLengthHighest = 256;
inline constexpr int kPasswordExpiryDaysHighest = 3650;

// {approvals_required, signing_password_only, password_min_length,
// password_expiry_days}: the settings as the API shows them.
Json ToJson(const SiteSettings& settings);

// A change of one or both settings (absent = unchanged), with why.
struct ChangeSiteSettings {
  std::optional<std::int64_t> approvals_required;
  std::optional<bool> signing_password_only;
  std::string reason;
  std::optional<std::int64_t> password_min_length;
  std::optional<std::int64_t> password_expiry_days;
};

// Checks the command alone, in this order: invalid_argument on approvals_required (1 to
// 5), on password_min_length (8 to 256), on password_expiry_days (0 to 3650), on "body"
// when it names no setting, on reason when it is empty.
Status ValidateChangeSiteSettings(const ChangeSiteSettings& command);

// Decides SettingsChanged (events.h) with only the settings whose value differs from
// `current`. Refusals: those of ValidateChangeSiteSettings; failed_precondition (reason
// no_change) when every named setting already has that value.
Result<ledger::Event> DecideChangeSiteSettings(const ChangeSiteSettings& command,
                                               const SiteSettings& current);

}  // namespace ordo::site
