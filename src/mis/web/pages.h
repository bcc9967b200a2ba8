// Serving the MIS's single-page app (docs/mis.md, "Web UI"): every GET of a path outside
// /api/ answers the embedded file at that path, or, for any other path (a client-side
// route), the app's page /mis.html. The page and its assets carry the MES UI's
// Content-Security-Policy (server/security_headers.h: scripts and styles only from the
// server itself); hashed /assets/ files are cached for a year. The transport adds the
// other security headers to every answer.
#pragma once

#include <string>
#include <utility>  // before any Asio header (Boost 1.74 with g++ 12)
#include <vector>

#include "mis/web/web_assets.h"
#include "server/http_types.h"

namespace ordo::mis::web {

// The answer to `method` `path` (a path outside /api/) from `assets`: 200 with the file;
// 405 problem+json (reason method_not_allowed) for a method other than GET or HEAD; 404
// text/plain saying how to build the UI when `assets` holds no /mis.html (a build with
// -DORDO_WEB=OFF). A path with ".." never reads a file: it gets the page.
server::HttpResponse ServePage(const std::vector<WebAsset>& assets, const std::string& method,
                               const std::string& path);

// ServePage with the embedded assets.
server::HttpResponse ServeEmbeddedPage(const server::HttpRequest& request);

}  // namespace ordo::mis::web
