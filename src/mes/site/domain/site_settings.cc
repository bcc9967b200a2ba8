// Site settings decisions.
#include "mes/site/domain/site_settings.h"

#include "mes/site/events.h"

namespace ordo::site {

Json ToJson(const SiteSettings& s) {
  return Json{{"approvals_required", s.approvals_required},
              {"signing_password_only", s.signing_password_only},
              {"password_min_length", s.password_min_length},
              {"password_expiry_days", s.password_expiry_days}};
}

Status ValidateChangeSiteSettings(const ChangeSiteSettings& c) {
  if (c.approvals_required && (*c.approvals_required < 1 || *c.approvals_required > 5))
    return Error::Invalid("approvals_required", "approvals_required must be from 1 to 5");
  if (c.password_min_length && (*c.password_min_length < kPasswordMinLengthLowest ||
                                *c.password_min_length > kPasswordMinLengthHighest))
    return Error::Invalid("password_min_length", "password_min_length must be from " +
                                                     std::to_string(kPasswordMinLengthLowest) +
                                                     " to " +
                                                     std::to_string(kPasswordMinLengthHighest));
  if (c.password_expiry_days &&
      (*c.password_expiry_days < 0 || *c.password_expiry_days > kPasswordExpiryDaysHighest))
    return Error::Invalid("password_expiry_days",
                          "password_expiry_days must be from 0 (never) to " +
                              std::to_string(kPasswordExpiryDaysHighest));
  if (!c.approvals_required && !c.signing_password_only && !c.password_min_length &&
      !c.password_expiry_days)
    return Error::Invalid("body",
                          "name at least one setting: approvals_required, signing_password_only, "
                          "password_min_length, password_expiry_days");
  if (c.reason.empty()) return Error::Invalid("reason", "a settings change needs a reason");
  return Ok();
}

Result<ledger::Event> DecideChangeSiteSettings(const ChangeSiteSettings& c,
                                               const SiteSettings& current) {
  ORDO_TRY(ValidateChangeSiteSettings(c));
  SettingsChanged changed;
  // In key order, as the stored payloads have always listed them.
  if (c.approvals_required && *c.approvals_required != current.approvals_required) {
    changed.approvals_required = c.approvals_required;
    changed.changes.push_back(
        {"approvals_required", Json(current.approvals_required), Json(*c.approvals_required)});
  }
  if (c.password_expiry_days && *c.password_expiry_days != current.password_expiry_days) {
    changed.password_expiry_days = c.password_expiry_days;
    changed.changes.push_back({"password_expiry_days", Json(current.password_expiry_days),
                               Json(*c.password_expiry_days)});
  }
  if (c.password_min_length && *c.password_min_length != current.password_min_length) {
    changed.password_min_length = c.password_min_length;
    changed.changes.push_back(
        {"password_min_length", Json(current.password_min_length), Json(*c.password_min_length)});
  }
  if (c.signing_password_only && *c.signing_password_only != current.signing_password_only) {
    changed.signing_password_only = c.signing_password_only;
    changed.changes.push_back({"signing_password_only", Json(current.signing_password_only),
                               Json(*c.signing_password_only)});
  }
  if (changed.changes.empty())
    return Error{ErrorCode::kFailedPrecondition, "the settings already have these values", "",
                 "no_change"};
  ledger::Event e = ledger::MakeEvent(changed, "site", "settings");
  e.reason = c.reason;
  return e;
}

}  // namespace ordo::site
