// Unit tests of the credential decisions and the recorded form of typed login names.
#include "mes/access/domain/credential.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/access/domain/attempted_name.h"

namespace ordo::access {
namespace {

constexpr TimeMicros kDay = 86'400'000'000LL;
constexpr TimeMicros kT0 = 1'795'597'445'000'000;

User Eve() { return User{7, "eve", "Eve", {"operator"}, false, 1}; }
User Root() { return User{1, "admin", "Admin", {"admin"}, false, 1}; }

TEST(CredentialTest, OneTimePasswordMustBeChanged) {
  ORDO_VERIFIES("P11-17", "ORDO-ACCESS-08");
  CredentialState one_time{true, kT0, 0};
  EXPECT_EQ(StandingAt(one_time, kT0, 0), PasswordStanding::kOneTime);
  EXPECT_EQ(StandingAt(one_time, kT0 + 400 * kDay, 0), PasswordStanding::kOneTime);
  EXPECT_STREQ(StandingName(PasswordStanding::kOneTime), "one_time");
  CredentialState chosen{false, kT0, 0};
  EXPECT_EQ(StandingAt(chosen, kT0, 0), PasswordStanding::kUsable);
}

TEST(CredentialTest, ExpiryIsOffByDefaultAndCountsDays) {
  ORDO_VERIFIES("P11-19", "ORDO-ACCESS-09");
  CredentialState chosen{false, kT0, 0};
  EXPECT_EQ(StandingAt(chosen, kT0 + 10'000 * kDay, 0), PasswordStanding::kUsable);
  EXPECT_EQ(StandingAt(chosen, kT0 + 90 * kDay - 1, 90), PasswordStanding::kUsable);
  EXPECT_EQ(StandingAt(chosen, kT0 + 90 * kDay, 90), PasswordStanding::kExpired);
  EXPECT_STREQ(StandingName(PasswordStanding::kExpired), "expired");
}

TEST(CredentialTest, OwnChangeIsRecordedWithoutThePassword) {
  ORDO_VERIFIES("P11-17", "ORDO-ACCESS-08");
  auto e = DecidePasswordChanged(Eve(), "10.0.0.9");
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.password_changed");
  EXPECT_EQ(e->subject_kind, "credential");
  EXPECT_EQ(e->subject_id, "7");
  EXPECT_EQ(e->payload, (Json{{"user_id", 7}, {"name", "eve"}, {"client", "10.0.0.9"}}));
  User disabled = Eve();
  disabled.disabled = true;
  EXPECT_EQ(DecidePasswordChanged(disabled, "x").error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(DecidePasswordChanged(std::nullopt, "x").error().code, ErrorCode::kUnauthenticated);
}

TEST(CredentialTest, ResetNeedsAReasonAnotherUserAndAnEnabledAccount) {
  ORDO_VERIFIES("P11-17", "P11-20", "ORDO-ACCESS-08");
  auto e = DecidePasswordReset({7, "forgot it"}, Eve(), 1);
  ASSERT_TRUE(e.ok()) << e.error().message;
  EXPECT_EQ(e->type, "user.password_reset");
  EXPECT_EQ(e->payload, (Json{{"user_id", 7}, {"name", "eve"}}));
  EXPECT_EQ(e->reason, "forgot it");
  EXPECT_EQ(DecidePasswordReset({7, ""}, Eve(), 1).error().field, "reason");
  EXPECT_EQ(DecidePasswordReset({9, "x"}, std::nullopt, 1).error().code, ErrorCode::kNotFound);
  EXPECT_EQ(DecidePasswordReset({1, "x"}, Root(), 1).error().reason, "self_reset");
  User disabled = Eve();
  disabled.disabled = true;
  EXPECT_EQ(DecidePasswordReset({7, "x"}, disabled, 1).error().reason, "user_disabled");
}

TEST(CredentialTest, LockAndUnlock) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-12");
  ledger::Event locked = UserLockedEvent(Root(), kT0 + 1800'000'000, 10);
  EXPECT_EQ(locked.type, "user.locked");
  EXPECT_EQ(locked.payload["locked_until_us"], kT0 + 1800'000'000);
  CredentialState state{false, kT0, kT0 + 1800'000'000};
  EXPECT_TRUE(IsLocked(state, kT0));
  EXPECT_FALSE(IsLocked(state, kT0 + 1800'000'000));
  auto unlocked = DecideUnlockUser(Root(), state, kT0, "locked out by a guesser");
  ASSERT_TRUE(unlocked.ok()) << unlocked.error().message;
  EXPECT_EQ(unlocked->type, "user.unlocked");
  EXPECT_EQ(unlocked->reason, "locked out by a guesser");
  EXPECT_EQ(DecideUnlockUser(Root(), state, kT0 + 1800'000'000, "x").error().reason, "not_locked");
  EXPECT_EQ(DecideUnlockUser(std::nullopt, state, kT0, "x").error().code, ErrorCode::kNotFound);
  EXPECT_EQ(DecideUnlockUser(Root(), state, kT0, "").error().field, "reason");
}

TEST(CredentialTest, OfflineCliActsOnlyAsAnAuthenticatedAdmin) {
  ORDO_VERIFIES("DI-01", "ORDO-ACCESS-13");
  CredentialState chosen{false, kT0, 0};
  EXPECT_TRUE(CheckOfflineAdmin(Root(), true, chosen).ok());
  EXPECT_EQ(CheckOfflineAdmin(Root(), false, chosen).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(CheckOfflineAdmin(std::nullopt, true, chosen).error().code,
            ErrorCode::kUnauthenticated);
  EXPECT_EQ(CheckOfflineAdmin(Eve(), true, chosen).error().code, ErrorCode::kPermissionDenied);
  User disabled = Root();
  disabled.disabled = true;
  EXPECT_EQ(CheckOfflineAdmin(disabled, true, chosen).error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(CheckOfflineAdmin(Root(), true, {true, kT0, 0}).error().reason,
            "password_change_required");
  // Locked from the network: the CLI is the second path.
  EXPECT_TRUE(CheckOfflineAdmin(Root(), true, {false, kT0, kT0 + kDay}).ok());
}

TEST(AttemptedNameTest, KnownNamesAsTheyAreUnknownOnlyKeyed) {
  ORDO_VERIFIES("ORDO-ACCESS-10");
  EXPECT_EQ(RecordedLoginName("eve", true, "key"), "eve");
  const std::string secret = "my secret password 1";
  const std::string recorded = RecordedLoginName(secret, false, "key");
  EXPECT_EQ(recorded.rfind("unknown:", 0), 0u) << recorded;
  EXPECT_EQ(recorded.size(), 8u + 24u);
  EXPECT_EQ(recorded.find("secret"), std::string::npos);
  EXPECT_EQ(recorded, RecordedLoginName(secret, false, "key")) << "equal names, equal records";
  EXPECT_NE(recorded, RecordedLoginName(secret, false, "another installation"));
}

}  // namespace
}  // namespace ordo::access
