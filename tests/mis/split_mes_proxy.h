// Test support for the feed's checkpoint checks (tests/mis/mis_feed_checkpoint_test.cc): a
// plain HTTP proxy on 127.0.0.1 in front of two real MES servers. It answers
// GET /api/v1/ledger/checkpoints from the second ("checkpoints") MES, signed in there as
// its own session, and every other request (sign-in, the ledger's pages, its head) from
// the first ("entries") MES, as a party in transit could. One request per connection, on
// one thread (the feed consumer asks one thing at a time).
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

namespace ordo::testing {

class SplitMesProxy {
 public:
  // `checkpoints_token`: a session on the checkpoints MES whose token replaces the
  // caller's on the requests sent there.
  SplitMesProxy(std::uint16_t entries_port, std::uint16_t checkpoints_port,
                std::string checkpoints_token);
  ~SplitMesProxy();
  // Listens on a port the kernel chooses; false with *error when that fails.
  bool Start(std::string* error);
  void Stop();
  std::uint16_t port() const { return port_; }
  // How many requests went to the checkpoints MES.
  int checkpoint_requests() const { return checkpoint_requests_; }

 private:
  struct Listener;
  void Serve();

  std::uint16_t entries_port_, checkpoints_port_;
  std::string checkpoints_token_;
  std::unique_ptr<Listener> listener_;
  std::uint16_t port_ = 0;
  std::atomic<bool> stopping_{false};
  std::atomic<int> checkpoint_requests_{0};
  std::thread thread_;
};

}  // namespace ordo::testing
