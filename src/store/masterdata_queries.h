// Read queries over the site settings (moving into src/mes/site/, issue 7).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "core/clock.h"
#include "storage/database.h"

namespace ordo::store {

struct SiteSettings {
  int approvals_required = 1;
  bool signing_password_only = false;
};
Result<SiteSettings> GetSiteSettings(storage::Database& db);
Json ToJson(const SiteSettings& settings);

}  // namespace ordo::store
