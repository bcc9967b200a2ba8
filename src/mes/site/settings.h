// The site capability's public read API: the site settings other capabilities obey
// (approvals_required, signing_password_only). GetSiteSettings is implemented in
// store/site_store.cc; SiteSettings and ToJson are in domain/site_settings.h.
#pragma once

#include "core/result.h"
#include "mes/site/domain/site_settings.h"
#include "storage/database.h"

namespace ordo::site {

// The settings in force (defaults for keys never set). Not thread-safe per connection.
Result<SiteSettings> GetSiteSettings(storage::Database& db);

}  // namespace ordo::site
