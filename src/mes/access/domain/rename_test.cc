// Unit tests for renaming a user (pure domain, no I/O).
#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/access/domain/user.h"

namespace ordo::access {
namespace {

User Target() { return User{4, "op", "Operator", {"operator"}, false, 3}; }
RenameUser GoodRename() { return RenameUser{4, "Operator Two", "married"}; }

void ExpectError(const Result<ledger::Event>& r, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  ASSERT_FALSE(r.ok()) << "accepted, expected an error on '" << field << "'";
  EXPECT_EQ(r.error().code, code);
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

TEST(RenameUserTest, Decides) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  auto e = DecideRenameUser(GoodRename(), Target());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.renamed");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "4");
  EXPECT_EQ(e->subject_version, 4);  // target version + 1
  EXPECT_EQ(e->payload, (Json{{"user_id", 4}, {"old", "Operator"}, {"new", "Operator Two"}}));
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "married");
}

TEST(RenameUserTest, ValidatesDisplayNameThenReason) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  EXPECT_TRUE(ValidateRenameUser(GoodRename()).ok());
  RenameUser c = GoodRename();
  c.display_name = "";
  ExpectError(DecideRenameUser(c, Target()), ErrorCode::kInvalidArgument, "display_name", "");
  c.display_name = std::string(201, 'x');
  c.reason = "";  // the display name is checked first
  ExpectError(DecideRenameUser(c, Target()), ErrorCode::kInvalidArgument, "display_name", "");
  c.display_name = std::string(200, 'x');
  EXPECT_EQ(ValidateRenameUser(c).error().field, "reason");
  ExpectError(DecideRenameUser(c, Target()), ErrorCode::kInvalidArgument, "reason", "");
  c.reason = "r";
  EXPECT_TRUE(DecideRenameUser(c, Target()).ok());
}

TEST(RenameUserTest, RefusesMissingUserAfterValidation) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  ExpectError(DecideRenameUser(GoodRename(), std::nullopt), ErrorCode::kNotFound, "", "");
  EXPECT_NE(DecideRenameUser(GoodRename(), std::nullopt).error().message.find("4"),
            std::string::npos);
  RenameUser bad = GoodRename();
  bad.reason = "";
  ExpectError(DecideRenameUser(bad, std::nullopt), ErrorCode::kInvalidArgument, "reason", "");
}

TEST(RenameUserTest, RefusesTheSameName) {
  ORDO_VERIFIES("ORDO-ACCESS-04");
  RenameUser same = GoodRename();
  same.display_name = "Operator";
  ExpectError(DecideRenameUser(same, Target()), ErrorCode::kFailedPrecondition, "display_name",
              "no_change");
}

}  // namespace
}  // namespace ordo::access
