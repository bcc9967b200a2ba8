// Test support: wait for a condition the system reaches in its own time (a message through
// the broker, a reconnect), polling it; no test asserts how long that takes.
#pragma once

#include <chrono>
#include <functional>
#include <thread>

namespace ordo::testing {

// True as soon as `done()` is, polled every `poll`; its last answer after `timeout`.
inline bool WaitFor(const std::function<bool()>& done,
                    std::chrono::seconds timeout = std::chrono::seconds(60),
                    std::chrono::milliseconds poll = std::chrono::milliseconds(100)) {
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    if (done()) return true;
    std::this_thread::sleep_for(poll);
  }
  return done();
}

}  // namespace ordo::testing
