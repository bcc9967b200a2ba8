// Clock: the only way ordo code learns the time. Tests inject a FakeClock.
#pragma once

#include <atomic>
#include <cstdint>
#include <string>

namespace ordo {

// Microseconds since the Unix epoch, UTC.
using TimeMicros = std::int64_t;

class Clock {
 public:
  virtual ~Clock() = default;
  // Current UTC time in microseconds. Thread-safe.
  virtual TimeMicros NowMicros() const = 0;
};

// Wall clock (CLOCK_REALTIME).
class SystemClock final : public Clock {
 public:
  TimeMicros NowMicros() const override;
};

// A clock tests set and advance by hand. Thread-safe.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(TimeMicros start) : now_(start) {}
  TimeMicros NowMicros() const override { return now_.load(); }
  void Set(TimeMicros t) { now_.store(t); }
  void Advance(TimeMicros delta) { now_.fetch_add(delta); }

 private:
  std::atomic<TimeMicros> now_;
};

// "2026-11-25T09:04:05.123456Z" for a UTC microsecond time.
std::string FormatUtcMicros(TimeMicros t);
// Parses "YYYY-MM-DDTHH:MM:SS[.ffffff](Z|+HH:MM|-HH:MM)". Returns false on bad input.
bool ParseIsoTime(const std::string& text, TimeMicros* out);

}  // namespace ordo
