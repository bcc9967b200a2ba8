// The site capability's public read API: the site settings other capabilities obey
// (approvals_required, signing_password_only). (Transitional: forwards to src/store
// until the queries move into src/mes/site/store/, issue 7.)
#pragma once

#include "store/masterdata_queries.h"

namespace ordo::site {

using store::GetSiteSettings;
using store::SiteSettings;
using store::ToJson;

}  // namespace ordo::site
