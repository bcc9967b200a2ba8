// The MIS's built web UI (web/dist-mis, from web/mis.html and web/src/mis/), embedded into
// ordo-mis at build time by cmake/embed_files.cmake, as the MES embeds its own (never the
// MES's files: the MIS fence).
#pragma once

#include <string_view>
#include <vector>

namespace ordo::mis::web {

struct WebAsset {
  std::string_view path;  // e.g. "/mis.html", "/assets/mis-1a2b.js"
  std::string_view data;
};

// Every embedded file; empty when ordo-mis was built with -DORDO_WEB=OFF.
const std::vector<WebAsset>& EmbeddedWebAssets();

}  // namespace ordo::mis::web
