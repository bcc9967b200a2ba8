// HttpServer: the HTTP/1.1 (and HTTPS) transport. Accepts connections on one
// io_context, parses requests with size limits and timeouts, calls the handler, and
// writes responses, keep-alive and chunked streams. The only file that sees Beast.
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
  std::string tls_cert_file;  // both set = HTTPS (TLS 1.2+)
  std::string tls_key_file;
  std::size_t max_body_bytes = 1 << 20;
  std::size_t max_header_bytes = 16 << 10;
  int read_timeout_seconds = 30;  // to receive one whole request
  int idle_timeout_seconds = 60;  // keep-alive connection with no request
  int max_connections = 512;      // further connections are closed at once
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
