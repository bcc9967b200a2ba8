// Site settings: their JSON and their reading from a master data version.
#include "mes/site/domain/site_settings.h"

namespace ordo::site {

Json ToJson(const SiteSettings& s) {
  return Json{{"approvals_required", s.approvals_required},
              {"signing_password_only", s.signing_password_only},
              {"password_min_length", s.password_min_length},
              {"password_expiry_days", s.password_expiry_days},
              {"late_entry_minutes", s.late_entry_minutes}};
}

SiteSettings SettingsFromContent(const Json& content, SiteSettings out) {
  // A whole number may arrive as 2 or as 2.0 (JSON and YAML both allow it, and the kind's
  // validation accepts both): either is the setting.
  // A value out of the setting's bounds is never in force: drafts are validated against
  // the kind, but the table release 0.1.0 wrote is not sealed (decision 0007).
  auto integer = [&](const char* key, int lowest, int highest, int& into) {
    if (!content.contains(key) || !content[key].is_number()) return;
    const double v = content[key].get<double>();
    if (v < lowest || v > highest || v != static_cast<double>(static_cast<int>(v))) return;
    into = static_cast<int>(v);
  };
  integer("approvals_required", kApprovalsRequiredLowest, kApprovalsRequiredHighest,
          out.approvals_required);
  integer("password_min_length", kPasswordMinLengthLowest, kPasswordMinLengthHighest,
          out.password_min_length);
  integer("password_expiry_days", 0, kPasswordExpiryDaysHighest, out.password_expiry_days);
  integer("late_entry_minutes", kLateEntryMinutesLowest, kLateEntryMinutesHighest,
          out.late_entry_minutes);
  if (content.contains("signing_password_only") && content["signing_password_only"].is_boolean())
    out.signing_password_only = content["signing_password_only"].get<bool>();
  return out;
}

}  // namespace ordo::site
