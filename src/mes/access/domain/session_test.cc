// Unit tests for the sign-in trail's events (pure domain, no I/O).
#include "mes/access/domain/session.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"

namespace ordo::access {
namespace {

User Eve() { return User{7, "eve", "Eve", {"operator"}, false, 1}; }

TEST(SessionTest, LoginSucceeded) {
  auto e = DecideLoginSucceeded(7, "eve", "10.0.0.9", Eve());
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "session.login_succeeded");
  EXPECT_EQ(e->subject_kind, "session");
  EXPECT_EQ(e->subject_id, "7");
  EXPECT_EQ(e->subject_version, 1);
  EXPECT_EQ(e->payload, (Json{{"user", "eve"}, {"client", "10.0.0.9"}}));
  EXPECT_FALSE(e->reason.has_value());
}

TEST(SessionTest, LoginSucceededRefusesMissingOrDisabledAccounts) {
  ORDO_VERIFIES("P11-20", "ORDO-ACCESS-04");
  User disabled = Eve();
  disabled.disabled = true;
  for (const std::optional<User>& user : {std::optional<User>(), std::optional<User>(disabled)}) {
    auto e = DecideLoginSucceeded(7, "eve", "10.0.0.9", user);
    ASSERT_FALSE(e.ok());
    EXPECT_EQ(e.error().code, ErrorCode::kUnauthenticated);
    EXPECT_EQ(e.error().message, "the account is disabled");
    EXPECT_EQ(e.error().field, "");
    EXPECT_EQ(e.error().reason, "");
  }
}

TEST(SessionTest, LoginFailedNamesTheAttemptedUser) {
  ORDO_VERIFIES("P11-21");
  ledger::Event e = LoginFailedEvent("bob", "10.0.0.2", "unknown user");
  EXPECT_EQ(e.type, "session.login_failed");
  EXPECT_EQ(e.subject_kind, "session");
  EXPECT_EQ(e.subject_id, "bob");
  EXPECT_EQ(e.payload, (Json{{"user", "bob"}, {"client", "10.0.0.2"}, {"detail", "unknown user"}}));
}

TEST(SessionTest, LoggedOut) {
  ORDO_VERIFIES("ORDO-ACCESS-03");
  ledger::Event e = LoggedOutEvent(7, "eve", "10.0.0.9", "sign-out");
  EXPECT_EQ(e.type, "session.logged_out");
  EXPECT_EQ(e.subject_kind, "session");
  EXPECT_EQ(e.subject_id, "7");
  EXPECT_EQ(e.payload, (Json{{"user", "eve"}, {"client", "10.0.0.9"}, {"why", "sign-out"}}));
}

}  // namespace
}  // namespace ordo::access
