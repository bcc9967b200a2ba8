// Site settings: how many approvals a change request needs, whether a second signing in
// a session may use the password alone, the password rules' minimum length and the
// periodic password expiry. They change through change requests as the master data kind
// site_settings (docs/masterdata.md); release 0.1.0 changed them with the event
// SettingsChanged, which stores keep and replay.
#pragma once

#include "core/canonical_json.h"

namespace ordo::site {

// The settings in force; a store without a settings row has these defaults.
struct SiteSettings {
  int approvals_required = 1;          // 1 to 5
  bool signing_password_only = false;  // password alone after the first signing
  int password_min_length = 15;        // code points; 8 to 256 (NIST SP 800-63B-4: 15)
  int password_expiry_days = 0;        // 0 = passwords never expire; else 1 to 3650
  // Execution: a value recorded this many minutes or more after the time it is for (a
  // paper record entered later) is a late entry: it needs a reason and is flagged (DI-03).
  int late_entry_minutes = 60;  // 1 to 10080 (a week)
};

// The bounds of the settings (the kind site_settings in masterdata's kinds table has the
// same).
inline constexpr int kApprovalsRequiredLowest = 1;
inline constexpr int kApprovalsRequiredHighest = 5;
inline constexpr int kPasswordMinLengthLowest = 8;
inline constexpr int kPasswordMinLengthHighest = 256;
inline constexpr int kPasswordExpiryDaysHighest = 3650;
inline constexpr int kLateEntryMinutesLowest = 1;
inline constexpr int kLateEntryMinutesHighest = 10080;

// {approvals_required, signing_password_only, password_min_length,
// password_expiry_days, late_entry_minutes}: the settings as the API shows them.
Json ToJson(const SiteSettings& settings);

// The settings a site_settings master data version holds (masterdata kinds.cc: the
// content {id, name, approvals_required, signing_password_only, password_min_length,
// password_expiry_days, late_entry_minutes}; a whole number may be written 2 or 2.0), keys absent
// or of another type or out of the setting's bounds keeping their value in `base`. The content was
// validated against the kind when it was drafted. Pure.
SiteSettings SettingsFromContent(const Json& content, SiteSettings base);

}  // namespace ordo::site
