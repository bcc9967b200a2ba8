// The site capability's public read API: the site settings other capabilities obey
// (approvals_required, signing_password_only, the password rules). Implemented in
// store/site_store.cc; SiteSettings and ToJson are in domain/site_settings.h.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "core/result.h"
#include "mes/site/domain/site_settings.h"
#include "storage/database.h"

namespace ordo::site {

// The settings in force and the change that put them there.
struct SettingsInForce {
  SiteSettings settings;
  // The site_settings master data version in force, its change request and since when;
  // nullopt/empty while the settings are the defaults (or those a 0.1.0 store set).
  std::optional<std::int64_t> version;
  std::string change_request;
  std::optional<TimeMicros> effective_from;
};

// The settings in force at `now`: the defaults, overlaid by the values a 0.1.0 store
// set (table site_setting), overlaid by the site_settings version in force at `now`
// (read through masterdata/in_force.h, checked against its seal). Not thread-safe per
// connection.
Result<SettingsInForce> SettingsAt(storage::Database& db, TimeMicros now);
// SettingsAt(db, now).settings.
Result<SiteSettings> GetSiteSettings(storage::Database& db, TimeMicros now);

}  // namespace ordo::site
