// HttpServer: the HTTP/1.1 (and HTTPS) transport. Accepts connections on one
// io_context within connection caps (ConnectionTable), parses requests with size
// limits, a head deadline and timeouts, refuses ambiguous framing, calls the handler,
// and writes responses (HEAD without a body), keep-alive and chunked streams, each with
// the security headers. Logs one escaped line per request. The only file that sees Beast.
#pragma once

#include <boost/asio/io_context.hpp>
#include <memory>
#include <string>
#include <utility>

#include "core/result.h"
#include "server/http_types.h"

namespace ordo::server {

struct HttpServerOptions {
  std::string address = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 = pick a free port
  std::string tls_cert_file;  // both set = HTTPS: TLS 1.3, or TLS 1.2 with ECDHE + AEAD only
  std::string tls_key_file;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  // The whole request head (request line and header fields; on a new HTTPS connection
  // the TLS handshake too) must arrive within this many seconds of its first byte (of
  // the connection's start), else the connection is closed without an answer.
  int head_timeout_seconds = 5;
  int read_timeout_seconds = 30;  // to receive the body, and to write the answer
  int idle_timeout_seconds = 60;  // keep-alive connection with no request
  // At most this many connections at once. At the cap, the oldest connection that has
  // carried no valid session and is not being answered is closed to admit a new one;
  // when there is none the new one is closed at once.
  int max_connections = 512;
  // At most this many connections from one client address; further ones are closed at
  // once. Raise it when many clients reach ordo through one proxy or NAT address.
  int max_connections_per_address = 64;
};

class HttpServer {
 public:
  // Binds and starts accepting on `io`. Fails with a message when the address cannot
  // be bound or the TLS files cannot be loaded.
  static Result<std::unique_ptr<HttpServer>> Start(asio::io_context& io,
                                                   const HttpServerOptions& options,
                                                   HttpHandler handler);
  virtual ~HttpServer() = default;
  // The bound port (useful with port 0).
  virtual std::uint16_t port() const = 0;
  // Stops accepting new connections; open ones finish their current request.
  virtual void StopAccepting() = 0;
  // Requests currently being handled (for graceful shutdown).
  virtual int active_requests() const = 0;
};

}  // namespace ordo::server
