// The MQTT refusal throttle (refusal_throttle.h).
#include "mes/equipment/mqtt/refusal_throttle.h"

namespace ordo::equipment::mqtt {

namespace {
// Keys whose window closed long ago and that carry nothing are forgotten once there are
// this many, so a flood of distinct keys cannot grow the map without bound.
constexpr std::size_t kMaxKeys = 10'000;
}  // namespace

RefusalThrottle::RefusalThrottle(int per_window, TimeMicros window_us)
    : per_window_(per_window < 1 ? 1 : per_window), window_us_(window_us < 1 ? 1 : window_us) {}

RefusalThrottle::Decision RefusalThrottle::Admit(const std::string& key, TimeMicros now) {
  if (keys_.size() >= kMaxKeys && !keys_.count(key))
    for (auto it = keys_.begin(); it != keys_.end();)
      it = it->second.suppressed == 0 && now - it->second.window_start >= window_us_
               ? keys_.erase(it)
               : std::next(it);
  auto [it, fresh] = keys_.try_emplace(key);
  KeyState& k = it->second;
  if (fresh || now - k.window_start >= window_us_ || now < k.window_start) {
    k.window_start = now;
    k.recorded = 0;
  }
  if (k.recorded >= per_window_) {
    ++k.suppressed;
    ++pending_;
    return Decision{false, 0};
  }
  ++k.recorded;
  Decision d{true, k.suppressed};
  pending_ -= k.suppressed;
  k.suppressed = 0;
  return d;
}

void RefusalThrottle::Restore(const std::string& key, const Decision& decision) {
  auto it = keys_.find(key);
  if (it == keys_.end() || !decision.record) return;
  if (it->second.recorded > 0) --it->second.recorded;
  it->second.suppressed += decision.suppressed;
  pending_ += decision.suppressed;
}

}  // namespace ordo::equipment::mqtt
