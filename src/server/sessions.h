// In-memory sessions: bearer tokens with an idle timeout and an absolute lifetime.
// Only the SHA-256 of a token is kept. Sessions do not survive a restart (users sign
// in again); logins and logouts are in the ledger. Not thread-safe: io thread only.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/clock.h"

namespace ordo::server {

struct Session {
  std::int64_t user_id = 0;
  std::string user_name;
  std::vector<std::string> roles;
  std::string client;  // address that signed in
  TimeMicros created_us = 0;
  TimeMicros last_used_us = 0;
  TimeMicros expires_us = 0;     // idle expiry, moved forward on each use
  bool signed_once = false;      // a signature was made in this session (Part 11 11.200)
  std::int64_t started_seq = 0;  // seq of the session.login_succeeded entry: the session's id
};

class SessionStore {
 public:
  SessionStore(TimeMicros idle_timeout, TimeMicros max_lifetime)
      : idle_(idle_timeout), max_(max_lifetime) {}
  // Creates a session and returns its token (64 hex chars).
  std::string Create(Session session, TimeMicros now);
  // The live session for `token`, touching it; nullopt when unknown or expired.
  std::optional<Session> Use(const std::string& token, TimeMicros now);
  // True while the session is live, without touching it (long-lived streams).
  bool Alive(const std::string& token, TimeMicros now) const;
  // Ends the session; returns it when it existed.
  std::optional<Session> Remove(const std::string& token);
  // Records that the session's user signed (later signings may use the password
  // alone if the site allows it).
  void MarkSigned(const std::string& token);
  // Ends every session of a user (e.g. when disabled).
  void RemoveUser(std::int64_t user_id);
  std::size_t size() const { return sessions_.size(); }

 private:
  TimeMicros idle_, max_;
  std::unordered_map<std::string, Session> sessions_;  // key: SHA-256 of the token
};

// Throttles failed logins per account and per client address with an exponential
// delay (1 s, 2 s, 4 s ... capped), not a lockout, so a mistyping operator cannot stop
// a line. Admin accounts additionally lock for a configurable time after a
// configurable number of consecutive failures. Not thread-safe: io thread only.
class LoginThrottle {
 public:
  struct Options {
    TimeMicros max_delay = 300'000'000;        // cap of the exponential delay
    int admin_lockout_after = 10;              // 0 disables the admin hard lockout
    TimeMicros admin_lockout = 1'800'000'000;  // 30 minutes
    int address_free_failures = 5;             // failures from one address before it is
                                               // delayed (shared terminals, many users)
  };
  explicit LoginThrottle(Options options) : options_(options) {}
  // Seconds the caller must wait before another attempt (0 = go ahead).
  std::int64_t RetryAfterSeconds(const std::string& account, const std::string& address,
                                 TimeMicros now) const;
  void RecordFailure(const std::string& account, const std::string& address, bool is_admin,
                     TimeMicros now);
  void RecordSuccess(const std::string& account, const std::string& address);
  // True the first time it is asked during the current delay of `account`/`address`:
  // a throttled attempt is recorded once per delay window, so that an anonymous
  // client hammering the sign-in cannot grow the ledger without bound.
  bool FirstThrottledAttempt(const std::string& account, const std::string& address);

 private:
  struct State {
    int failures = 0;
    TimeMicros blocked_until = 0;
    TimeMicros reported_until = 0;  // blocked_until of the window already recorded
  };
  void Fail(State& s, TimeMicros now, int free_failures);
  Options options_;
  std::unordered_map<std::string, State> accounts_, addresses_;
};

}  // namespace ordo::server
