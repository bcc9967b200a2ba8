// Unit tests of PathSegment: any id the CLI is given reaches the server as one path
// segment.
#include "cli/url_path.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::cli {
namespace {

TEST(UrlPathTest, AnIdBecomesOnePathSegment) {
  ORDO_VERIFIES("ORDO-GEN-31");
  EXPECT_EQ(PathSegment("L-REC_1.2"), "L-REC_1.2");
  EXPECT_EQ(PathSegment("lot:FG-1"), "lot:FG-1");
  EXPECT_EQ(PathSegment("a~b"), "a~b");  // unreserved (RFC 3986)
  EXPECT_EQ(PathSegment("a/b"), "a%2Fb");
  EXPECT_EQ(PathSegment("x?y#z"), "x%3Fy%23z");
  EXPECT_EQ(PathSegment("50% off"), "50%25%20off");
  EXPECT_EQ(PathSegment("µ"), "%C2%B5");
  EXPECT_EQ(PathSegment(""), "");
}

}  // namespace
}  // namespace ordo::cli
