// The built web UI (web/dist), embedded into the binary at build time by
// cmake/embed_files.cmake, so that one file deploys the whole server.
#pragma once

#include <string_view>
#include <vector>

namespace ordo::server {

struct WebAsset {
  std::string_view path;  // e.g. "/index.html", "/assets/index-1a2b.js"
  std::string_view data;
};

// Every embedded file (empty when the binary was built without the UI).
const std::vector<WebAsset>& EmbeddedWebAssets();

}  // namespace ordo::server
