// Serving the single-page app: embedded assets, or files from --web-dir.
#include <fstream>
#include <sstream>

#include "server/api.h"
#include "server/security_headers.h"
#include "server/web_assets.h"

namespace ordo::server {

namespace {

std::string ContentType(const std::string& path) {
  auto ends = [&](const char* ext) {
    std::string e(ext);
    return path.size() >= e.size() && path.compare(path.size() - e.size(), e.size(), e) == 0;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  if (ends(".png")) return "image/png";
  if (ends(".json")) return "application/json";
  if (ends(".ico")) return "image/x-icon";
  if (ends(".woff2")) return "font/woff2";
  return "application/octet-stream";
}

std::optional<std::string> Find(const std::string& web_dir, const std::string& path) {
  if (path.find("..") != std::string::npos) return std::nullopt;
  if (!web_dir.empty()) {
    std::ifstream in(web_dir + path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }
  for (const auto& a : EmbeddedWebAssets())
    if (a.path == path) return std::string(a.data);
  return std::nullopt;
}

}  // namespace

HttpResponse Api::ServeWebAsset(const std::string& raw_path) {
  std::string path = raw_path == "/" ? "/index.html" : raw_path;
  auto data = Find(options_.web_dir, path);
  if (!data) {
    path = "/index.html";  // client-side routes fall back to the app
    data = Find(options_.web_dir, path);
  }
  HttpResponse r;
  if (!data) {
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body =
        "This ordo binary was built without the web UI. Build it with web/ present, or "
        "pass --web-dir web/dist.\n";
    return r;
  }
  r.content_type = ContentType(path);
  r.body = std::move(*data);
  r.headers.emplace_back("Content-Security-Policy", kAppContentSecurityPolicy);
  if (path.rfind("/assets/", 0) == 0)
    r.headers.emplace_back("Cache-Control", "public, max-age=31536000, immutable");
  return r;
}

}  // namespace ordo::server
