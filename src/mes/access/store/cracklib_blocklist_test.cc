// Tests of the cracklib dictionary as the password blocklist (needs cracklib-runtime).
#include "mes/access/store/cracklib_blocklist.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::access {
namespace {

TEST(CracklibBlocklistTest, FindsDictionaryWordsOnly) {
  ORDO_VERIFIES("ORDO-ACCESS-07");
  const PasswordBlocklist& list = SystemBlocklist();
  auto password = list.Contains("password");
  ASSERT_TRUE(password.ok()) << password.error().message;
  EXPECT_TRUE(*password);
  auto long_word = list.Contains("acknowledgments");
  ASSERT_TRUE(long_word.ok());
  EXPECT_TRUE(*long_word) << "a 15-character dictionary word";
  auto phrase = list.Contains("tulip ledger seventeen");
  ASSERT_TRUE(phrase.ok());
  EXPECT_FALSE(*phrase);
  auto very_long = list.Contains(std::string(200, 'q'));
  ASSERT_TRUE(very_long.ok());
  EXPECT_FALSE(*very_long) << "longer than any dictionary word";
}

TEST(CracklibBlocklistTest, AMissingDictionaryFailsClosed) {
  ORDO_VERIFIES("ORDO-ACCESS-07");
  CracklibBlocklist missing("/nonexistent/cracklib_dict");
  auto r = missing.Contains("anything at all");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace ordo::access
