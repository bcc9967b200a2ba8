// Unit tests for the reserved actor names: no user is created or renamed to one of the
// server's own actor names, in any case.
#include "mes/access/domain/reserved_names.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/access/domain/user.h"

namespace ordo::access {
namespace {

TEST(ReservedNamesTest, CoversTheServersActorsIgnoringCaseAndSpaces) {
  ORDO_VERIFIES("DI-01", "P11-15", "ORDO-ACCESS-23");
  EXPECT_EQ(ReservedNames(), (std::vector<std::string>{"system", "anonymous"}));
  for (const char* name : {"system", "SYSTEM", "System", " system ", "anonymous", "Anonymous\t"})
    EXPECT_TRUE(IsReservedName(name)) << name;
  for (const char* name : {"", "systems", "sys tem", "anon", "system-1", "admin", "cli:root"})
    EXPECT_FALSE(IsReservedName(name)) << name;
}

TEST(ReservedNamesTest, CreationRefusesAReservedNameOrDisplayName) {
  ORDO_VERIFIES("DI-01", "P11-15", "ORDO-ACCESS-23");
  for (const char* name : {"system", "anonymous"}) {
    Status s = ValidateCreateUser(CreateUser{name, "Some One", {"operator"}});
    ASSERT_FALSE(s.ok()) << name;
    EXPECT_EQ(s.error().code, ErrorCode::kInvalidArgument);
    EXPECT_EQ(s.error().field, "name");
    EXPECT_EQ(s.error().reason, "reserved_name");
    EXPECT_NE(s.error().message.find(name), std::string::npos);
    auto decided = DecideCreateUser(CreateUser{name, "Some One", {"operator"}}, std::nullopt, 9);
    ASSERT_FALSE(decided.ok());
    EXPECT_EQ(decided.error().reason, "reserved_name");
  }
  for (const char* display : {"System", "ANONYMOUS", " system"}) {
    Status s = ValidateCreateUser(CreateUser{"s.one", display, {"operator"}});
    ASSERT_FALSE(s.ok()) << display;
    EXPECT_EQ(s.error().field, "display_name");
    EXPECT_EQ(s.error().reason, "reserved_name");
  }
  EXPECT_TRUE(ValidateCreateUser(CreateUser{"system.owner", "System Owner", {"operator"}}).ok());
}

TEST(ReservedNamesTest, RenameRefusesAReservedDisplayName) {
  ORDO_VERIFIES("DI-01", "ORDO-ACCESS-23");
  User target{4, "op", "Operator", {"operator"}, false, 3};
  auto r = DecideRenameUser(RenameUser{4, "System", "be the system"}, target);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(r.error().field, "display_name");
  EXPECT_EQ(r.error().reason, "reserved_name");
  EXPECT_TRUE(DecideRenameUser(RenameUser{4, "System Operator", "title"}, target).ok());
}

}  // namespace
}  // namespace ordo::access
