// Unit tests for role administration (pure domain, no I/O): every refusal of
// DecideGrantRole and DecideRevokeRole, and the events they record.
#include "mes/access/domain/roles.h"

#include <gtest/gtest.h>

#include <string>

#include "core/testing/verifies.h"
#include "mes/access/events.h"

namespace ordo::access {
namespace {

User Target() { return User{4, "q.lee", "Quinn Lee", {"operator"}, false, 3}; }
User Admin(std::int64_t id = 1) {
  return User{id, "admin", "Admin", {"admin", "quality"}, false, 2};
}

void ExpectError(const Result<ledger::Event>& r, ErrorCode code, const std::string& field,
                 const std::string& reason) {
  ASSERT_FALSE(r.ok()) << "accepted, expected " << reason;
  EXPECT_EQ(r.error().code, code) << r.error().message;
  EXPECT_EQ(r.error().field, field) << r.error().message;
  EXPECT_EQ(r.error().reason, reason) << r.error().message;
  EXPECT_FALSE(r.error().message.empty());
}

TEST(RoleGrantTest, RecordsTheRoleWithOldAndNewRolesAndTheReason) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-20");
  auto e = DecideGrantRole(GrantRole{4, "quality", "moved to QA"}, Target(), 1);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.role_granted");
  EXPECT_EQ(e->schema_version, 1);
  EXPECT_EQ(e->subject_kind, "user");
  EXPECT_EQ(e->subject_id, "4");
  EXPECT_EQ(e->subject_version, 4);  // the user's version + 1
  EXPECT_EQ(e->payload, (Json{{"user_id", 4},
                              {"name", "q.lee"},
                              {"role", "quality"},
                              {"old", {{"roles", {"operator"}}}},
                              {"new", {{"roles", {"operator", "quality"}}}}}));
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "moved to QA");
  auto typed = ledger::ReadPayload<RoleGranted>(e->payload);
  ASSERT_TRUE(typed.ok());
  EXPECT_EQ(typed->new_roles, (std::vector<std::string>{"operator", "quality"}));
}

TEST(RoleGrantTest, RefusesInOrder) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-20");
  // The command alone first: an unknown role, then a missing or oversized reason.
  ExpectError(DecideGrantRole(GrantRole{4, "superuser", "r"}, std::nullopt, 4),
              ErrorCode::kInvalidArgument, "role", "unknown_role");
  ExpectError(DecideGrantRole(GrantRole{4, "quality", ""}, std::nullopt, 4),
              ErrorCode::kInvalidArgument, "reason", "reason_required");
  ExpectError(DecideGrantRole(GrantRole{4, "quality", std::string(1001, 'r')}, Target(), 1),
              ErrorCode::kInvalidArgument, "reason", "reason_required");
  EXPECT_TRUE(DecideGrantRole(GrantRole{4, "quality", std::string(1000, 'r')}, Target(), 1).ok());
  ExpectError(DecideGrantRole(GrantRole{99, "quality", "r"}, std::nullopt, 1), ErrorCode::kNotFound,
              "id", "user_missing");
  User disabled = Target();
  disabled.disabled = true;
  ExpectError(DecideGrantRole(GrantRole{4, "quality", "r"}, disabled, 1),
              ErrorCode::kFailedPrecondition, "id", "user_disabled");
  ExpectError(DecideGrantRole(GrantRole{4, "operator", "r"}, Target(), 1),
              ErrorCode::kFailedPrecondition, "role", "already_held");
}

TEST(RoleGrantTest, NobodyGrantsARoleToThemselves) {
  ORDO_VERIFIES("P11-07", "A11-10", "ORDO-ACCESS-21");
  ExpectError(DecideGrantRole(GrantRole{1, "engineer", "I need it"}, Admin(), 1),
              ErrorCode::kPermissionDenied, "id", "self_grant_forbidden");
  // Even a role already held: the self-grant is refused before anything else is said.
  ExpectError(DecideGrantRole(GrantRole{1, "admin", "again"}, Admin(), 1),
              ErrorCode::kPermissionDenied, "id", "self_grant_forbidden");
  EXPECT_TRUE(DecideGrantRole(GrantRole{1, "engineer", "on call"}, Admin(), 2).ok());
}

TEST(RoleRevokeTest, RecordsTheRevocation) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-20");
  auto e = DecideRevokeRole(RevokeRole{1, "quality", "left QA"}, Admin(), 2);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.role_revoked");
  EXPECT_EQ(e->subject_id, "1");
  EXPECT_EQ(e->subject_version, 3);
  EXPECT_EQ(e->payload, (Json{{"user_id", 1},
                              {"name", "admin"},
                              {"role", "quality"},
                              {"old", {{"roles", {"admin", "quality"}}}},
                              {"new", {{"roles", {"admin"}}}}}));
  ASSERT_TRUE(e->reason.has_value());
  EXPECT_EQ(*e->reason, "left QA");
}

TEST(RoleRevokeTest, RefusesInOrder) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-20");
  ExpectError(DecideRevokeRole(RevokeRole{4, "root", "r"}, Target(), 2),
              ErrorCode::kInvalidArgument, "role", "unknown_role");
  ExpectError(DecideRevokeRole(RevokeRole{4, "operator", ""}, Target(), 2),
              ErrorCode::kInvalidArgument, "reason", "reason_required");
  ExpectError(DecideRevokeRole(RevokeRole{99, "operator", "r"}, std::nullopt, 2),
              ErrorCode::kNotFound, "id", "user_missing");
  ExpectError(DecideRevokeRole(RevokeRole{4, "quality", "r"}, Target(), 2),
              ErrorCode::kFailedPrecondition, "role", "not_held");
  ExpectError(DecideRevokeRole(RevokeRole{4, "operator", "r"}, Target(), 2),
              ErrorCode::kFailedPrecondition, "role", "last_role");
}

TEST(RoleRevokeTest, TheLastActiveAdminKeepsAdmin) {
  ORDO_VERIFIES("A11-10", "ORDO-ACCESS-22");
  ExpectError(DecideRevokeRole(RevokeRole{1, "admin", "r"}, Admin(), 1),
              ErrorCode::kFailedPrecondition, "role", "last_admin");
  ExpectError(DecideRevokeRole(RevokeRole{1, "admin", "r"}, Admin(), 0),
              ErrorCode::kFailedPrecondition, "role", "last_admin");
  // With a second active admin, or from a disabled account, admin can go; the revoking
  // admin may be the user (giving up one's own admin role is allowed).
  EXPECT_TRUE(DecideRevokeRole(RevokeRole{1, "admin", "r"}, Admin(), 2).ok());
  User disabled = Admin();
  disabled.disabled = true;
  EXPECT_TRUE(DecideRevokeRole(RevokeRole{1, "admin", "r"}, disabled, 1).ok());
  // Other roles of the last admin can be revoked.
  EXPECT_TRUE(DecideRevokeRole(RevokeRole{1, "quality", "r"}, Admin(), 1).ok());
}

}  // namespace
}  // namespace ordo::access
