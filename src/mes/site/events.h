// The site capability's published event: site settings changed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::site {

// One changed setting: its key and its value before and after.
struct SettingChange {
  std::string path;  // the setting's key, e.g. "approvals_required"
  Json old_value;    // "old"
  Json new_value;    // "new"
};

// Settings were changed; subject ("site", "settings"); the entry's reason says why.
// `settings` holds only the keys whose value changed (absent keys are omitted), and
// `changes` lists them in key order.
struct SettingsChanged {
  static constexpr const char* kType = "site.settings_changed";
  static constexpr int kVersion = 1;
  std::optional<std::int64_t> approvals_required;
  std::optional<bool> signing_password_only;
  std::optional<std::int64_t> password_min_length;
  std::optional<std::int64_t> password_expiry_days;
  std::vector<SettingChange> changes;
};

void to_json(Json& j, const SettingChange& c);
void from_json(const Json& j, SettingChange& c);
void to_json(Json& j, const SettingsChanged& e);
void from_json(const Json& j, SettingsChanged& e);

}  // namespace ordo::site
