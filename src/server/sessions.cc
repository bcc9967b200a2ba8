// Session store and login throttle.
#include "server/sessions.h"

#include <algorithm>

#include "core/crypto.h"

namespace ordo::server {

std::string SessionStore::Create(Session session, TimeMicros now) {
  // Drop expired sessions now and then so the map cannot grow without bound.
  if (sessions_.size() > 1000) {
    for (auto it = sessions_.begin(); it != sessions_.end();)
      it = it->second.expires_us <= now ? sessions_.erase(it) : std::next(it);
  }
  std::string token = RandomHex(32);
  session.created_us = now;
  session.last_used_us = now;
  session.expires_us = std::min(now + idle_, now + max_);
  sessions_[Sha256Hex(token)] = std::move(session);
  return token;
}

std::optional<Session> SessionStore::Use(const std::string& token, TimeMicros now) {
  auto it = sessions_.find(Sha256Hex(token));
  if (it == sessions_.end()) return std::nullopt;
  Session& s = it->second;
  if (now >= s.expires_us || now >= s.created_us + max_) {
    sessions_.erase(it);
    return std::nullopt;
  }
  s.last_used_us = now;
  s.expires_us = std::min(now + idle_, s.created_us + max_);
  return s;
}

bool SessionStore::Alive(const std::string& token, TimeMicros now) const {
  auto it = sessions_.find(Sha256Hex(token));
  return it != sessions_.end() && now < it->second.expires_us && now < it->second.created_us + max_;
}

std::optional<Session> SessionStore::Remove(const std::string& token) {
  auto it = sessions_.find(Sha256Hex(token));
  if (it == sessions_.end()) return std::nullopt;
  Session s = it->second;
  sessions_.erase(it);
  return s;
}

void SessionStore::MarkSigned(const std::string& token) {
  auto it = sessions_.find(Sha256Hex(token));
  if (it != sessions_.end()) it->second.signed_once = true;
}

void SessionStore::RemoveUserExcept(std::int64_t user_id, const std::string& keep_token) {
  const std::string keep = keep_token.empty() ? std::string() : Sha256Hex(keep_token);
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = it->second.user_id == user_id && it->first != keep ? sessions_.erase(it) : std::next(it);
}

void SessionStore::RemoveUser(std::int64_t user_id) {
  for (auto it = sessions_.begin(); it != sessions_.end();)
    it = it->second.user_id == user_id ? sessions_.erase(it) : std::next(it);
}

std::int64_t LoginThrottle::RetryAfterSeconds(const std::string& account,
                                              const std::string& address, TimeMicros now) const {
  TimeMicros until = 0;
  if (auto it = accounts_.find(account); it != accounts_.end())
    until = std::max(until, it->second.blocked_until);
  if (auto it = addresses_.find(address); it != addresses_.end())
    until = std::max(until, it->second.blocked_until);
  if (until <= now) return 0;
  return (until - now + 999'999) / 1'000'000;
}

void LoginThrottle::Fail(State& s, TimeMicros now, int free_failures) {
  ++s.failures;
  // `free_failures` are free; then 1 s, 2 s, 4 s, ... up to max_delay.
  if (s.failures > free_failures) {
    const int exponent = std::min(s.failures - free_failures - 1, 30);
    const TimeMicros delay = std::min<TimeMicros>(options_.max_delay, 1'000'000LL << exponent);
    s.blocked_until = std::max(s.blocked_until, now + delay);
  }
}

int LoginThrottle::RecordFailure(const std::string& account, const std::string& address,
                                 TimeMicros now) {
  // Forget settled entries now and then, so random user names cannot grow the maps
  // without bound.
  for (auto* map : {&accounts_, &addresses_}) {
    if (map->size() < 10000) continue;
    for (auto it = map->begin(); it != map->end();)
      it = it->second.blocked_until <= now ? map->erase(it) : std::next(it);
  }
  State& a = accounts_[account];
  Fail(a, now, 1);
  Fail(addresses_[address], now, std::max(1, options_.address_free_failures));
  return a.failures;
}

void LoginThrottle::Block(const std::string& account, TimeMicros until) {
  State& a = accounts_[account];
  a.blocked_until = std::max(a.blocked_until, until);
}

void LoginThrottle::RecordSuccess(const std::string& account) { accounts_.erase(account); }

bool LoginThrottle::FirstThrottledAttempt(const std::string& account, const std::string& address) {
  bool first = false;
  for (auto* map : {&accounts_, &addresses_}) {
    auto it = map->find(map == &accounts_ ? account : address);
    if (it == map->end()) continue;
    State* s = &it->second;
    if (s->blocked_until > s->reported_until) {
      s->reported_until = s->blocked_until;
      first = true;
    }
  }
  return first;
}

}  // namespace ordo::server
