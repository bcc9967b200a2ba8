// Unit tests for in-memory sessions and the login throttle, with explicit times.
#include "server/sessions.h"

#include <gtest/gtest.h>

#include <string>

#include "core/crypto.h"
#include "core/testing/verifies.h"

namespace ordo::server {
namespace {

constexpr TimeMicros kSecond = 1'000'000;
constexpr TimeMicros kT0 = 1'795'597'445'000'000;

Session Ann() {
  Session s;
  s.user_id = 3;
  s.user_name = "ann";
  s.roles = {"operator"};
  s.client = "10.0.0.1";
  return s;
}

class SessionStoreTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(InitCrypto()); }
  // 10 minutes idle, 1 hour absolute.
  SessionStore store_{600 * kSecond, 3600 * kSecond};
};

TEST_F(SessionStoreTest, CreateAndUse) {
  ORDO_VERIFIES("ORDO-ACCESS-03");
  const std::string token = store_.Create(Ann(), kT0);
  EXPECT_EQ(token.size(), 64u);
  EXPECT_EQ(store_.size(), 1u);
  auto s = store_.Use(token, kT0 + kSecond);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->user_name, "ann");
  EXPECT_EQ(s->roles, (std::vector<std::string>{"operator"}));
  EXPECT_EQ(s->created_us, kT0);
  EXPECT_EQ(s->last_used_us, kT0 + kSecond);
  EXPECT_EQ(s->expires_us, kT0 + kSecond + 600 * kSecond);
  std::string other = token;
  other.back() = other.back() == 'a' ? 'b' : 'a';
  EXPECT_FALSE(store_.Use(other, kT0).has_value());  // a different token is not the session
  EXPECT_FALSE(store_.Use("", kT0).has_value());
  EXPECT_NE(store_.Create(Ann(), kT0), token);
}

TEST_F(SessionStoreTest, IdleTimeout) {
  ORDO_VERIFIES("P11-16", "ORDO-ACCESS-03");
  const std::string token = store_.Create(Ann(), kT0);
  ASSERT_TRUE(store_.Use(token, kT0 + 600 * kSecond - 1).has_value());
  // Each use moves the idle expiry forward.
  const TimeMicros used = kT0 + 600 * kSecond - 1;
  ASSERT_TRUE(store_.Use(token, used + 600 * kSecond - 1).has_value());
  const TimeMicros last = used + 600 * kSecond - 1;
  EXPECT_FALSE(store_.Use(token, last + 600 * kSecond).has_value());
  EXPECT_EQ(store_.size(), 0u);                                 // expired sessions are dropped
  EXPECT_FALSE(store_.Use(token, last + kSecond).has_value());  // and stay gone
}

TEST_F(SessionStoreTest, MaxLifetimeEvenWhenActive) {
  ORDO_VERIFIES("ORDO-ACCESS-03");
  const std::string token = store_.Create(Ann(), kT0);
  TimeMicros now = kT0;
  while (now + 300 * kSecond < kT0 + 3600 * kSecond) {
    now += 300 * kSecond;
    auto s = store_.Use(token, now);
    ASSERT_TRUE(s.has_value()) << (now - kT0) / kSecond;
    EXPECT_LE(s->expires_us, kT0 + 3600 * kSecond);
  }
  ASSERT_TRUE(store_.Use(token, kT0 + 3600 * kSecond - 1).has_value());
  EXPECT_FALSE(store_.Use(token, kT0 + 3600 * kSecond).has_value());
}

TEST_F(SessionStoreTest, LifetimeShorterThanIdle) {
  ORDO_VERIFIES("ORDO-ACCESS-03");
  SessionStore short_lived(600 * kSecond, 60 * kSecond);
  const std::string token = short_lived.Create(Ann(), kT0);
  ASSERT_TRUE(short_lived.Use(token, kT0 + 59 * kSecond).has_value());
  EXPECT_FALSE(short_lived.Use(token, kT0 + 60 * kSecond).has_value());
}

TEST_F(SessionStoreTest, RemoveAndRemoveUser) {
  ORDO_VERIFIES("P11-20", "ORDO-ACCESS-03");
  const std::string a1 = store_.Create(Ann(), kT0);
  const std::string a2 = store_.Create(Ann(), kT0);
  Session bob = Ann();
  bob.user_id = 4;
  bob.user_name = "bob";
  const std::string b = store_.Create(bob, kT0);
  ASSERT_EQ(store_.size(), 3u);

  auto removed = store_.Remove(a1);
  ASSERT_TRUE(removed.has_value());
  EXPECT_EQ(removed->user_name, "ann");
  EXPECT_FALSE(store_.Remove(a1).has_value());
  EXPECT_FALSE(store_.Use(a1, kT0).has_value());

  store_.RemoveUser(3);
  EXPECT_FALSE(store_.Use(a2, kT0).has_value());
  auto still = store_.Use(b, kT0);
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->user_name, "bob");
  EXPECT_EQ(store_.size(), 1u);
}

TEST(LoginThrottleTest, ExponentialDelayWithCap) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  LoginThrottle throttle({/*max_delay=*/10 * kSecond, /*admin_lockout_after=*/0, 0});
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 0);
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 0);  // first one is free
  std::int64_t expected = 1;
  for (int failure = 2; failure <= 7; ++failure) {
    throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
    EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0),
              std::min<std::int64_t>(expected, 10))
        << "after " << failure << " failures";
    expected *= 2;
  }
  // The wait ends when the time has passed.
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0 + 10 * kSecond), 0);
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0 + 10 * kSecond - 1), 1);
}

TEST(LoginThrottleTest, PerAccountAndPerAddress) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  LoginThrottle throttle({300 * kSecond, 0, 0});
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  // The same account waits from anywhere; a shared terminal is not held up by one
  // user's typing errors...
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.9.9.9", kT0), 1);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.0.0.1", kT0), 0);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.9.9.9", kT0), 0);
  // ... until the address itself has failed more than address_free_failures (5) times.
  for (int i = 0; i < 4; ++i)
    throttle.RecordFailure("carl" + std::to_string(i), "10.0.0.1", false, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.0.0.1", kT0), 1);
  EXPECT_EQ(throttle.RetryAfterSeconds("bob", "10.9.9.9", kT0), 0);
}

TEST(LoginThrottleTest, ThrottledAttemptReportedOncePerWindow) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  LoginThrottle throttle({});
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  EXPECT_TRUE(throttle.FirstThrottledAttempt("ann", "10.0.0.1"));
  EXPECT_FALSE(throttle.FirstThrottledAttempt("ann", "10.0.0.1"));
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0 + 5 * kSecond);  // a new, longer window
  EXPECT_TRUE(throttle.FirstThrottledAttempt("ann", "10.0.0.1"));
}

TEST(LoginThrottleTest, SuccessResets) {
  ORDO_VERIFIES("ORDO-ACCESS-02");
  LoginThrottle throttle({300 * kSecond, 0, 0});
  for (int i = 0; i < 4; ++i) throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  ASSERT_GT(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 0);
  throttle.RecordSuccess("ann", "10.0.0.1");
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 0);
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 0);  // counting starts again
  throttle.RecordFailure("ann", "10.0.0.1", false, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.1", kT0), 1);
}

TEST(LoginThrottleTest, AdminLockout) {
  ORDO_VERIFIES("P11-21", "ORDO-ACCESS-02");
  LoginThrottle::Options options;
  options.max_delay = 4 * kSecond;
  options.admin_lockout_after = 3;
  options.admin_lockout = 1800 * kSecond;
  LoginThrottle throttle(options);
  for (int i = 0; i < 2; ++i) throttle.RecordFailure("admin", "10.0.0.1", true, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("admin", "10.0.0.2", kT0), 1);
  throttle.RecordFailure("admin", "10.0.0.1", true, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("admin", "10.0.0.2", kT0), 1800);
  EXPECT_GT(throttle.RetryAfterSeconds("admin", "10.0.0.2", kT0 + 1000 * kSecond), 0);
  EXPECT_EQ(throttle.RetryAfterSeconds("admin", "10.0.0.2", kT0 + 1800 * kSecond), 0);

  // A non-admin account with as many failures only gets the capped delay.
  for (int i = 0; i < 3; ++i) throttle.RecordFailure("ann", "10.0.0.3", false, kT0);
  EXPECT_EQ(throttle.RetryAfterSeconds("ann", "10.0.0.4", kT0), 2);
}

}  // namespace
}  // namespace ordo::server
