// The MIS web UI's files (pages.h).
#include "mis/web/pages.h"

#include "server/problem.h"
#include "server/security_headers.h"

namespace ordo::mis::web {

namespace {

constexpr const char* kPage = "/mis.html";

bool EndsWith(const std::string& s, const std::string& end) {
  return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

std::string ContentType(const std::string& path) {
  if (EndsWith(path, ".html")) return "text/html; charset=utf-8";
  if (EndsWith(path, ".js")) return "text/javascript; charset=utf-8";
  if (EndsWith(path, ".css")) return "text/css; charset=utf-8";
  if (EndsWith(path, ".svg")) return "image/svg+xml";
  if (EndsWith(path, ".png")) return "image/png";
  if (EndsWith(path, ".json")) return "application/json";
  if (EndsWith(path, ".ico")) return "image/x-icon";
  if (EndsWith(path, ".woff2")) return "font/woff2";
  return "application/octet-stream";
}

const WebAsset* Find(const std::vector<WebAsset>& assets, const std::string& path) {
  if (path.find("..") != std::string::npos) return nullptr;
  for (const WebAsset& a : assets)
    if (a.path == path) return &a;
  return nullptr;
}

}  // namespace

server::HttpResponse ServePage(const std::vector<WebAsset>& assets, const std::string& method,
                               const std::string& path) {
  if (method != "GET" && method != "HEAD")
    return server::ProblemResponse(
        Error{ErrorCode::kInvalidArgument,
              "method " + method + " is not allowed on " + path + ": the web UI's pages take GET",
              "method", "method_not_allowed"});
  std::string served = path;
  const WebAsset* asset = path == "/" ? nullptr : Find(assets, path);
  if (!asset) {
    served = kPage;  // "/" and client-side routes get the app
    asset = Find(assets, served);
  }
  server::HttpResponse r;
  if (!asset) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body =
        "This ordo-mis was built without its web UI (-DORDO_WEB=OFF). Build it with web/ "
        "present and its npm dependencies installed (make build).\n";
    return r;
  }
  r.content_type = ContentType(served);
  r.body = std::string(asset->data);
  r.headers.emplace_back("Content-Security-Policy", server::kAppContentSecurityPolicy);
  if (served.rfind("/assets/", 0) == 0)
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

server::HttpResponse ServeEmbeddedPage(const server::HttpRequest& request) {
  return ServePage(EmbeddedWebAssets(), request.method, request.path);
}

}  // namespace ordo::mis::web
