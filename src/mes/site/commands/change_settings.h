// The site capability's one command: change site settings.
#pragma once

#include "engine/engine.h"
#include "mes/site/domain/site_settings.h"

namespace ordo::site {

// SettingsChanged (see DecideChangeSiteSettings). Reply: {"settings"}, the settings in
// force after the change; status 200. Fails as the decision does; nothing is written then.
engine::Command ChangeSiteSettingsCommand(engine::Actor actor, ChangeSiteSettings command);

}  // namespace ordo::site
