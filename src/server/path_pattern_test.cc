// Path patterns: the one matcher of the MES's and the MIS's routers.
#include "server/path_pattern.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::server {
namespace {

TEST(MatchPathTest, MatchesLiteralSegmentsAndParameters) {
  ORDO_VERIFIES("ORDO-MIS-16");
  std::map<std::string, std::string> p;
  EXPECT_TRUE(MatchPath("/api/v1/users", "/api/v1/users", &p));
  EXPECT_FALSE(MatchPath("/api/v1/users", "/api/v1/users/", &p));
  EXPECT_FALSE(MatchPath("/api/v1/users", "/api/v1/user", &p));
  EXPECT_TRUE(MatchPath("/api/v1/users/{id}", "/api/v1/users/12", &p));
  EXPECT_EQ(p["id"], "12");
  EXPECT_FALSE(MatchPath("/api/v1/users/{id}", "/api/v1/users/", &p));
  EXPECT_FALSE(MatchPath("/api/v1/users/{id}", "/api/v1/users/1/2", &p));
  p.clear();
  EXPECT_TRUE(MatchPath("/api/v1/users/{id}/disable", "/api/v1/users/7/disable", &p));
  EXPECT_EQ(p["id"], "7");
  EXPECT_FALSE(MatchPath("/api/v1/users/{id}/disable", "/api/v1/users//disable", &p));
  EXPECT_FALSE(MatchPath("/api/v1/users/{id", "/api/v1/users/7", &p));  // unclosed
}

}  // namespace
}  // namespace ordo::server
