// Test support: one raw TCP connection to the server under test, optionally from a
// chosen loopback source address (Linux routes all of 127.0.0.0/8 to lo), for tests of
// the transport itself: partial heads, bad framing, keep-alive, HEAD.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace ordo::testing {

struct RawResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

class RawConnection {
 public:
  // Connects from `source` (e.g. "127.0.0.2", port chosen by the kernel) to
  // 127.0.0.1:port. nullopt (with *error) when that fails.
  static std::optional<RawConnection> Open(const std::string& source, std::uint16_t port,
                                           std::string* error);
  RawConnection(RawConnection&& other) noexcept;
  RawConnection& operator=(RawConnection&& other) noexcept;
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  ~RawConnection();

  // Sends all of `bytes`; false when the connection is broken.
  bool Send(const std::string& bytes);
  // Reads one response: the head, then Content-Length bytes of body (none when
  // `head_only`, as for an answer to HEAD). nullopt on timeout or a closed connection.
  std::optional<RawResponse> ReadResponse(std::chrono::milliseconds timeout,
                                          bool head_only = false);
  // Everything the server sends until it closes the connection or `timeout` passes.
  std::string ReadUntilClosed(std::chrono::milliseconds timeout, bool* closed);
  // True when the server closed (or reset) the connection within `timeout`; data that
  // arrives meanwhile is read and dropped.
  bool ClosedByPeer(std::chrono::milliseconds timeout);
  // Bytes received but not yet consumed by ReadResponse.
  const std::string& pending() const { return buffer_; }

 private:
  explicit RawConnection(int fd) : fd_(fd) {}
  // Reads what is available within `timeout` into buffer_: >0 bytes read, 0 closed,
  // -1 timeout.
  int Fill(std::chrono::milliseconds timeout);
  int fd_ = -1;
  std::string buffer_;
};

}  // namespace ordo::testing
