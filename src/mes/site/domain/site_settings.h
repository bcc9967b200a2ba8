// Site settings (how many approvals a change request needs, whether a second signing in
// a session may use the password alone) and the decision to change them.
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
};

// {approvals_required, signing_password_only}: the settings as the API shows them.
Json ToJson(const SiteSettings& settings);

// A change of one or both settings (absent = unchanged), with why.
struct ChangeSiteSettings {
  std::optional<std::int64_t> approvals_required;
  std::optional<bool> signing_password_only;
  std::string reason;
};

// Checks the command alone, in this order: invalid_argument on approvals_required (1 to
// 5), on "body" when it names no setting, on reason when it is empty.
Status ValidateChangeSiteSettings(const ChangeSiteSettings& command);

// Decides SettingsChanged (events.h) with only the settings whose value differs from
// `current`. Refusals: those of ValidateChangeSiteSettings; failed_precondition (reason
// no_change) when every named setting already has that value.
Result<ledger::Event> DecideChangeSiteSettings(const ChangeSiteSettings& command,
                                               const SiteSettings& current);

}  // namespace ordo::site
