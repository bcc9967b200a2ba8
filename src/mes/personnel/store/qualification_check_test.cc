// Tests of the qualification check over the projection: a granted qualification
// qualifies, a revoked or expired one does not, and FindGrant reads what the revocation
// needs (with every capability's tables and projectors registered).
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/personnel/qualifications.h"
#include "mes/personnel/store/personnel_store.h"
#include "store/testing/store_fixture.h"

namespace ordo::personnel {
namespace {

using QualificationCheckTest = store::testing::StoreFixture;

TEST_F(QualificationCheckTest, ARevokedGrantNoLongerQualifies) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-05");
  Append("user.created", "system", "5",
         Json{{"user_id", 5}, {"name", "op"}, {"display_name", "Op"}, {"roles", {"operator"}}});
  auto grant = Append("personnel.qualification_granted", "quality", "5",
                      Json{{"user_id", 5},
                           {"user", "op"},
                           {"qualification", "COATING"},
                           {"qualification_version", 1},
                           {"expires", nullptr}});
  const TimeMicros now = kT0 + 3600LL * 1'000'000;
  auto holds = UserHoldsQualification(*db_, 5, "COATING", now);
  ASSERT_TRUE(holds.ok()) << holds.error().message;
  EXPECT_TRUE(*holds);
  EXPECT_FALSE(UserHoldsQualification(*db_, 5, "PACKAGING", now).value());
  EXPECT_FALSE(UserHoldsQualification(*db_, 6, "COATING", now).value());

  auto found = FindGrant(*db_, grant.seq);
  ASSERT_TRUE(found.ok() && found->has_value());
  EXPECT_EQ((*found)->user, "op");
  EXPECT_EQ((*found)->qualification, "COATING");
  EXPECT_FALSE((*found)->revoked);
  EXPECT_FALSE(FindGrant(*db_, 999).value().has_value());

  Append("personnel.qualification_revoked", "quality", "5",
         Json{{"grant", grant.seq}, {"user_id", 5}, {"user", "op"}, {"qualification", "COATING"}},
         std::string("failed the audit"));
  EXPECT_FALSE(UserHoldsQualification(*db_, 5, "COATING", now).value());
  EXPECT_TRUE(FindGrant(*db_, grant.seq).value()->revoked);
}

TEST_F(QualificationCheckTest, AnExpiredGrantDoesNotQualify) {
  ORDO_VERIFIES("P11-09");
  Append("user.created", "system", "5",
         Json{{"user_id", 5}, {"name", "op"}, {"display_name", "Op"}, {"roles", {"operator"}}});
  Append("personnel.qualification_granted", "quality", "5",
         Json{{"user_id", 5},
              {"user", "op"},
              {"qualification", "COATING"},
              {"qualification_version", 1},
              {"expires", FormatUtcMicros(kT0).substr(0, 10)}});
  EXPECT_TRUE(UserHoldsQualification(*db_, 5, "COATING", kT0).value());
  EXPECT_FALSE(UserHoldsQualification(*db_, 5, "COATING", kT0 + 2LL * 86'400'000'000).value());
}

TEST_F(QualificationCheckTest, GrantsOfUserListsRevokedAndExpiredGrantsWithTheirDates) {
  ORDO_VERIFIES("P11-09", "ORDO-PERS-05");
  Append("user.created", "system", "5",
         Json{{"user_id", 5}, {"name", "op"}, {"display_name", "Op"}, {"roles", {"operator"}}});
  const std::string expires = FormatUtcMicros(kT0).substr(0, 10);
  Append("personnel.qualification_granted", "quality", "5",
         Json{{"user_id", 5},
              {"user", "op"},
              {"qualification", "COATING"},
              {"qualification_version", 1},
              {"expires", expires}});
  auto revoked = Append("personnel.qualification_granted", "quality", "5",
                        Json{{"user_id", 5},
                             {"user", "op"},
                             {"qualification", "PACKAGING"},
                             {"qualification_version", 1},
                             {"expires", nullptr}});
  Append(
      "personnel.qualification_revoked", "quality", "5",
      Json{{"grant", revoked.seq}, {"user_id", 5}, {"user", "op"}, {"qualification", "PACKAGING"}},
      std::string("left the packaging team"));
  auto grants = GrantsOfUser(*db_, 5);
  ASSERT_TRUE(grants.ok()) << grants.error().message;
  ASSERT_EQ(grants->size(), 2u);
  EXPECT_EQ((*grants)[0].qualification, "COATING");
  EXPECT_EQ((*grants)[0].expires, expires);
  EXPECT_FALSE((*grants)[0].revoked);
  EXPECT_EQ((*grants)[1].qualification, "PACKAGING");
  EXPECT_EQ((*grants)[1].expires, std::nullopt);
  EXPECT_TRUE((*grants)[1].revoked);
  EXPECT_TRUE(GrantsOfUser(*db_, 6).value().empty());
  EXPECT_TRUE(GrantsOfUser(*db_, 0).value().empty());
}

}  // namespace
}  // namespace ordo::personnel
