// The site capability's table (site_setting) and its projector; the read is in
// ../settings.h.
#pragma once

#include "mes/site/settings.h"
#include "store/schema.h"

namespace ordo::site {

// Table site_setting (key, canonical JSON value, updated_seq) as migrations.
store::TableSet Tables();
// Registers the projector of SettingsChanged.
void RegisterProjectors();

}  // namespace ordo::site
