// Unit tests for user decisions (pure domain, no I/O).
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "mes/access/domain/user.h"

namespace ordo::access {
namespace {

CreateUser GoodUser() { return CreateUser{"j.doe-2", "Jane Doe", {"operator"}}; }

void ExpectInvalid(const CreateUser& c, const std::string& field) {
  Status s = ValidateCreateUser(c);
  ASSERT_FALSE(s.ok()) << "accepted, expected an error on " << field;
  EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(s.error().field, field) << s.error().message;
  EXPECT_FALSE(s.error().message.empty());
}

TEST(UserTest, ValidateCreateUserNamesTheField) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  EXPECT_TRUE(ValidateCreateUser(GoodUser()).ok());
  for (const char* name : {"a", "", "Jane", "jane doe", "jane@site", "jäne"}) {
    CreateUser c = GoodUser();
    c.name = name;
    ExpectInvalid(c, "name");
  }
  CreateUser longest = GoodUser();
  longest.name = std::string(64, 'a');
  EXPECT_TRUE(ValidateCreateUser(longest).ok());
  longest.name += "a";
  ExpectInvalid(longest, "name");

  CreateUser c = GoodUser();
  c.display_name = "";
  ExpectInvalid(c, "display_name");
  c.display_name = std::string(201, 'x');
  ExpectInvalid(c, "display_name");

  c = GoodUser();
  c.roles = {};
  ExpectInvalid(c, "roles");
  c.roles = {"operator", "superuser"};
  ExpectInvalid(c, "roles");
  EXPECT_NE(ValidateCreateUser(c).error().message.find("superuser"), std::string::npos);
}

TEST(UserTest, DecideCreateUser) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  auto e = DecideCreateUser(GoodUser(), std::nullopt, 7);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.created");
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "7");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload.at("user_id"), 7);
  EXPECT_EQ(e->payload.at("name"), "j.doe-2");
  EXPECT_EQ(e->payload.at("display_name"), "Jane Doe");
  EXPECT_EQ(e->payload.at("roles"), Json::array({"operator"}));
  EXPECT_FALSE(e->reason.has_value());

  CreateUser bad = GoodUser();
  bad.roles = {"nope"};
  auto invalid = DecideCreateUser(bad, std::nullopt, 7);
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().field, "roles");
}

TEST(UserTest, DecideCreateUserConflictsOnExistingName) {
  ORDO_VERIFIES("P11-15", "P11-18", "ORDO-ACCESS-04");
  User existing{3, "j.doe-2", "Someone Else", {"admin"}, true, 2};
  auto e = DecideCreateUser(GoodUser(), existing, 7);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kConflict);
  EXPECT_EQ(e.error().field, "name");
  EXPECT_EQ(e.error().reason, "name_taken");
  EXPECT_NE(e.error().message.find("j.doe-2"), std::string::npos);
}

User Target() { return User{4, "op", "Operator", {"operator"}, false, 3}; }

TEST(UserTest, DecideDisableUser) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-04");
  auto e = DecideDisableUser(DisableUser{4, "left the company"}, Target(), 1);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.disabled");
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "4");
  EXPECT_EQ(e->subject_version, 4);  // target version + 1
  EXPECT_EQ(e->payload.at("user_id"), 4);
  EXPECT_EQ(e->payload.at("old").at("disabled"), false);
  EXPECT_EQ(e->payload.at("new").at("disabled"), true);
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "left the company");
}

TEST(UserTest, DecideDisableUserMissing) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  auto e = DecideDisableUser(DisableUser{99, "gone"}, std::nullopt, 1);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kNotFound);
  EXPECT_NE(e.error().message.find("99"), std::string::npos);
}

TEST(UserTest, DecideDisableUserAlreadyDisabled) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  User t = Target();
  t.disabled = true;
  auto e = DecideDisableUser(DisableUser{4, "again"}, t, 1);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(e.error().reason, "already_disabled");
}

TEST(UserTest, DecideDisableUserRefusesSelfDisable) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  auto e = DecideDisableUser(DisableUser{4, "me"}, Target(), 4);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_EQ(e.error().reason, "self_disable");
}

TEST(UserTest, DecideDisableUserNeedsReason) {
  ORDO_VERIFIES("A11-07", "ORDO-ACCESS-04");
  for (const std::string& reason : {std::string(), std::string(1001, 'r')}) {
    auto e = DecideDisableUser(DisableUser{4, reason}, Target(), 1);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(e.error().field, "reason");
  }
  EXPECT_TRUE(DecideDisableUser(DisableUser{4, std::string(1000, 'r')}, Target(), 1).ok());
}

}  // namespace
}  // namespace ordo::access
