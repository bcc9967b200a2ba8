// The gate every password check of a user by name passes (sign-in and the user's own
// password change): one attempt per account at a time, the per-account and per-address
// throttle, the Argon2id check off the io thread with equal work for unknown names, and
// the record of a failure (throttle count, the admin lock, session.login_failed with the
// name recorded as attempts.h says). Io thread only.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "mes/access/domain/credential.h"
#include "mes/access/domain/user.h"
#include "server/api.h"

namespace ordo::access {

// Marks an account busy until destroyed.
class InFlightMark {
 public:
  InFlightMark(server::Api& api, std::string name);
  ~InFlightMark();
  InFlightMark(const InFlightMark&) = delete;
  InFlightMark& operator=(const InFlightMark&) = delete;

 private:
  server::Api& api_;
  std::string name_;
};

// The outcome of a password check that was not throttled.
struct PasswordAttempt {
  std::optional<User> user;                 // nullopt: no user of that name
  CredentialState state;                    // of `user`
  bool verified = false;                    // the password matches the user's hash
  std::shared_ptr<InFlightMark> in_flight;  // keep until the outcome is recorded
  // True when the password may be used: the user exists, is enabled, not locked and the
  // password matches.
  bool Usable(TimeMicros now) const {
    return user && !user->disabled && !IsLocked(state, now) && verified;
  }
  // Why it is not usable: "unknown user", "user disabled", "account locked" or
  // "wrong password".
  std::string FailureDetail(TimeMicros now) const;
};

// Waits for an attempt of the same account in flight, applies the throttle (429, the
// first throttled attempt per window recorded) and checks the password. `origin` is
// where the attempt came from (its address is the throttle's); records carry it. `what` names
// the action in messages ("sign-in", "password change").
server::Awaitable<std::variant<PasswordAttempt, server::HttpResponse>> CheckPasswordOf(
    server::Api& api, std::string name, std::string password, ledger::Origin origin,
    std::string what);

// Records a failed attempt: counts it in the throttle, locks an admin account after
// admin_lockout_after consecutive failures (user.locked), records session.login_failed
// with `detail`, and answers 401 (the same answer for every cause).
server::Awaitable<server::HttpResponse> FailAttempt(server::Api& api,
                                                    const PasswordAttempt& attempt,
                                                    std::string name, ledger::Origin origin,
                                                    std::string detail);

}  // namespace ordo::access
