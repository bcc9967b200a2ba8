// The password gate of sign-in and own password change.
#include "mes/access/http/password_gate.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "core/crypto.h"
#include "mes/access/attempts.h"
#include "mes/access/commands/credentials.h"
#include "mes/access/commands/sessions.h"
#include "mes/access/store/access_store.h"
#include "mes/access/store/credential_store.h"

namespace ordo::access {

using server::Api;
using server::Awaitable;
using server::HttpResponse;
using server::ProblemResponse;

InFlightMark::InFlightMark(Api& api, std::string name) : api_(api), name_(std::move(name)) {
  api_.sign_in_gate().accounts_in_flight.insert(name_);
}

InFlightMark::~InFlightMark() { api_.sign_in_gate().accounts_in_flight.erase(name_); }

std::string PasswordAttempt::FailureDetail(TimeMicros now) const {
  if (!user) return "unknown user";
  if (user->disabled) return "user disabled";
  if (IsLocked(state, now)) return "account locked";
  return "wrong password";
}

Awaitable<std::variant<PasswordAttempt, HttpResponse>> CheckPasswordOf(Api& api, std::string name,
                                                                       std::string password,
                                                                       ledger::Origin origin,
                                                                       std::string what) {
  const std::string address = origin.address;
  // One attempt per account at a time: a parallel attempt waits for the one in flight,
  // then meets the throttle that attempt's outcome set. Without this, guesses sent in
  // parallel would all pass the check before the first failure is counted.
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (api.sign_in_gate().accounts_in_flight.count(name)) {
    if (std::chrono::steady_clock::now() > give_up)
      co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                            "another " + what + " of this account is in progress"));
    server::asio::steady_timer pause(api.io(), std::chrono::milliseconds(10));
    boost::system::error_code ec;
    auto paused = pause.async_wait(server::asio::redirect_error(server::asio::use_awaitable, ec));
    co_await std::move(paused);
  }
  const TimeMicros now = api.clock().NowMicros();
  if (std::int64_t wait = api.login_throttle().RetryAfterSeconds(name, address, now); wait > 0) {
    if (api.login_throttle().FirstThrottledAttempt(name, address)) {
      engine::Command record =
          LoginFailedCommand(RecordableLoginName(api, name), address, "throttled");
      record.actor.origin = origin;
      auto pending = api.Submit(std::move(record));
      (void)co_await std::move(pending);
    }
    co_return server::ThrottledResponse(
        "too many failed sign-ins; wait " + std::to_string(wait) + " s before trying again", wait);
  }
  if (api.sign_in_gate().logins_in_flight >= server::SignInGate::kMaxLoginsInFlight)
    co_return ProblemResponse(Error::Make(ErrorCode::kResourceExhausted,
                                          "too many sign-ins in progress; retry in a moment"));
  PasswordAttempt attempt;
  auto user = FindUserByName(api.reader(), name);
  if (!user.ok()) co_return ProblemResponse(user.error());
  attempt.user = *user;
  attempt.in_flight = std::make_shared<InFlightMark>(api, name);
  std::string hash = api.sign_in_gate().dummy_hash;  // same Argon2id work for unknown users
  if (attempt.user) {
    auto stored = GetPasswordHash(api.reader(), attempt.user->id);
    if (stored.ok() && *stored) hash = **stored;
    auto state = GetCredentialState(api.reader(), attempt.user->id);
    if (!state.ok()) co_return ProblemResponse(state.error());
    attempt.state = *state;
  }
  std::function<Json()> work = [hash, password] { return Json(VerifyPassword(hash, password)); };
  ++api.sign_in_gate().logins_in_flight;
  auto hashing = api.OffThread(std::move(work));
  Json verified = co_await std::move(hashing);
  --api.sign_in_gate().logins_in_flight;
  attempt.verified = verified.get<bool>();
  co_return attempt;
}

Awaitable<HttpResponse> FailAttempt(Api& api, const PasswordAttempt& attempt, std::string name,
                                    ledger::Origin origin, std::string detail) {
  const std::string address = origin.address;
  const TimeMicros now = api.clock().NowMicros();
  const int failures = api.login_throttle().RecordFailure(name, address, now);
  const auto& limits = api.login_throttle().options();
  const bool admin =
      attempt.user && std::find(attempt.user->roles.begin(), attempt.user->roles.end(), "admin") !=
                          attempt.user->roles.end();
  // The lock is recorded, never announced: the answer below is the same 401.
  if (admin && limits.admin_lockout_after > 0 && failures >= limits.admin_lockout_after &&
      !IsLocked(attempt.state, now)) {
    engine::Command lock = LockUserCommand(attempt.user->id, now + limits.admin_lockout, failures);
    lock.actor.origin = origin;
    auto locking = api.Submit(std::move(lock));
    (void)co_await std::move(locking);
  }
  engine::Command record = LoginFailedCommand(RecordableLoginName(api, name), address, detail);
  record.actor.origin = origin;
  auto pending = api.Submit(std::move(record));
  auto recorded = co_await std::move(pending);
  if (!recorded.ok()) co_return ProblemResponse(recorded.error());
  co_return ProblemResponse(Error::Make(
      ErrorCode::kUnauthenticated, "user name or password is wrong, or the account is disabled"));
}

}  // namespace ordo::access
