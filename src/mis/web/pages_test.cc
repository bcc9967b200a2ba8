// The MIS web UI's files: the page at "/" and at client-side routes, assets with their
// types and caching, the UI's Content-Security-Policy, refusals.
#include "mis/web/pages.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "server/security_headers.h"

namespace ordo::mis::web {
namespace {

std::string Header(const server::HttpResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers)
    if (n == name) return v;
  return "";
}

const std::vector<WebAsset> kAssets = {
    {"/mis.html", "<html>mis</html>"},
    {"/assets/mis-1a2b.js", "console.log(1)"},
    {"/assets/mis-1a2b.css", "body{}"},
};

TEST(MisWebPages, TheAppIsServedAtTheRootAndAtClientSideRoutes) {
  ORDO_VERIFIES("ORDO-MIS-80");
  for (const std::string path : {"/", "/mis.html", "/oee/L1", "/nothing.js", "/../mis.html"}) {
    server::HttpResponse r = ServePage(kAssets, "GET", path);
    EXPECT_EQ(r.status, 200) << path;
    EXPECT_EQ(r.body, "<html>mis</html>") << path;
    EXPECT_EQ(r.content_type, "text/html; charset=utf-8") << path;
    EXPECT_EQ(Header(r, "Content-Security-Policy"), server::kAppContentSecurityPolicy) << path;
    EXPECT_EQ(Header(r, "Cache-Control"), "") << path;  // the page itself is never cached
  }
}

TEST(MisWebPages, AssetsHaveTheirTypeAndAreCachedForAYear) {
  ORDO_VERIFIES("ORDO-MIS-80");
  server::HttpResponse js = ServePage(kAssets, "GET", "/assets/mis-1a2b.js");
  EXPECT_EQ(js.body, "console.log(1)");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(Header(js, "Cache-Control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(Header(js, "Content-Security-Policy"), server::kAppContentSecurityPolicy);
  EXPECT_EQ(ServePage(kAssets, "GET", "/assets/mis-1a2b.css").content_type,
            "text/css; charset=utf-8");
}

TEST(MisWebPages, OtherMethodsAndABuildWithoutTheUiAreRefused) {
  ORDO_VERIFIES("ORDO-MIS-80");
  server::HttpResponse post = ServePage(kAssets, "POST", "/");
  EXPECT_EQ(post.content_type, "application/problem+json");
  EXPECT_NE(post.body.find("method_not_allowed"), std::string::npos);
  server::HttpResponse none = ServePage({}, "GET", "/");
  EXPECT_EQ(none.status, 404);
  EXPECT_NE(none.body.find("ORDO_WEB=OFF"), std::string::npos);
}

}  // namespace
}  // namespace ordo::mis::web
