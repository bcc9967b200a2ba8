// Unit tests of the password rules (NIST SP 800-63B-4), with a fake blocklist.
#include "mes/access/domain/password_rules.h"

#include <gtest/gtest.h>

#include <set>

#include "core/testing/verifies.h"

namespace ordo::access {
namespace {

class FakeBlocklist final : public PasswordBlocklist {
 public:
  explicit FakeBlocklist(std::set<std::string> words, bool broken = false)
      : words_(std::move(words)), broken_(broken) {}
  Result<bool> Contains(const std::string& lowercase) const override {
    if (broken_) return Error::Make(ErrorCode::kUnavailable, "no dictionary");
    asked_.insert(lowercase);
    return words_.count(lowercase) > 0;
  }
  mutable std::set<std::string> asked_;

 private:
  std::set<std::string> words_;
  bool broken_;
};

std::string ReasonOf(const Status& s) { return s.ok() ? "ok" : s.error().reason; }

TEST(PasswordRulesTest, CountsCodePointsNotBytes) {
  ORDO_VERIFIES("ORDO-ACCESS-06");
  EXPECT_EQ(CountCodePoints("abc"), 3u);
  EXPECT_EQ(CountCodePoints("\xc3\xa4\xc3\xb6\xc3\xbc"), 3u);  // äöü
  EXPECT_EQ(CountCodePoints("\xe6\x97\xa5\xe6\x9c\xac"), 2u);  // 日本
  EXPECT_EQ(CountCodePoints("\xf0\x9f\x94\x91"), 1u);          // key emoji
  EXPECT_EQ(CountCodePoints("\xc3"), std::nullopt);            // truncated
  EXPECT_EQ(CountCodePoints("\xc0\xaf"), std::nullopt);        // overlong
  EXPECT_EQ(CountCodePoints("\xed\xa0\x80"), std::nullopt);    // surrogate
}

TEST(PasswordRulesTest, MinimumLengthIsTheSettingCountedInCodePoints) {
  ORDO_VERIFIES("P11-19", "ORDO-ACCESS-06");
  FakeBlocklist none({});
  PasswordRules rules;  // 15 by default
  EXPECT_EQ(rules.min_length, 15);
  Status short_one = CheckNewPassword("fourteen chars", rules, {}, none);
  EXPECT_EQ(ReasonOf(short_one), "password_too_short");
  EXPECT_EQ(short_one.error().field, "new_password");
  EXPECT_NE(short_one.error().message.find("15"), std::string::npos) << "names the minimum";
  EXPECT_TRUE(CheckNewPassword("fifteen chars!!", rules, {}, none).ok());
  // 14 umlauts are 28 bytes but 14 characters: too short; 15 are enough.
  std::string umlauts;
  for (int i = 0; i < 14; ++i) umlauts += "\xc3\xa4";
  EXPECT_EQ(ReasonOf(CheckNewPassword(umlauts, rules, {}, none)), "password_too_short");
  EXPECT_TRUE(CheckNewPassword(umlauts + "\xc3\xa4", rules, {}, none).ok());
  rules.min_length = 20;
  EXPECT_EQ(ReasonOf(CheckNewPassword("fifteen chars!!", rules, {}, none)), "password_too_short");
}

TEST(PasswordRulesTest, LongPrintableAndSpacesAllowedWithoutCompositionRules) {
  ORDO_VERIFIES("ORDO-ACCESS-06");
  FakeBlocklist none({});
  PasswordRules rules;
  // No digits, no capitals, no symbols: fine.
  EXPECT_TRUE(CheckNewPassword("correct horse battery staple", rules, {}, none).ok());
  EXPECT_TRUE(CheckNewPassword(std::string(64, 'x') + " y", rules, {}, none).ok());
  EXPECT_TRUE(CheckNewPassword(std::string(256, 'z'), rules, {}, none).ok());
  EXPECT_EQ(ReasonOf(CheckNewPassword(std::string(257, 'z'), rules, {}, none)),
            "password_too_long");
  EXPECT_TRUE(CheckNewPassword("~!@#$%^&*()_+{}|:\"<>?`-=[]\\;',./", rules, {}, none).ok());
  EXPECT_EQ(ReasonOf(CheckNewPassword("a tab\there is no good", rules, {}, none)),
            "password_control_character");
  EXPECT_EQ(ReasonOf(CheckNewPassword(std::string("long enough but \xff bad"), rules, {}, none)),
            "password_not_utf8");
}

TEST(PasswordRulesTest, BlocklistedAndContextWordsAreRefused) {
  ORDO_VERIFIES("ORDO-ACCESS-07");
  FakeBlocklist list({"passwordpassword"});
  PasswordRules rules;
  Status listed = CheckNewPassword("PasswordPassword", rules, {}, list);
  EXPECT_EQ(ReasonOf(listed), "password_blocklisted");
  EXPECT_TRUE(list.asked_.count("passwordpassword")) << "looked up in lower case";
  EXPECT_EQ(ReasonOf(CheckNewPassword("Quality.Inspector", rules, {"quality.inspector"}, list)),
            "password_blocklisted");
  EXPECT_TRUE(CheckNewPassword("passwordpassword1", rules, {}, list).ok());
  // A list that cannot be read fails closed.
  FakeBlocklist broken({}, true);
  Status unavailable = CheckNewPassword("a perfectly fine phrase", rules, {}, broken);
  ASSERT_FALSE(unavailable.ok());
  EXPECT_EQ(unavailable.error().code, ErrorCode::kUnavailable);
}

}  // namespace
}  // namespace ordo::access
