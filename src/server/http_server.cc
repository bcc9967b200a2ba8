// Beast-based HTTP/1.1 + TLS transport behind the plain HttpServer interface.
#include "server/http_server.h"

#include <spdlog/spdlog.h>

#include <atomic>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <utility>

namespace ordo::server {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

namespace {

std::string PercentDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '%' && i + 2 < in.size()) {
      auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
      };
      int hi = hex(in[i + 1]), lo = hex(in[i + 2]);
      if (hi >= 0 && lo >= 0) {
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
        continue;
      }
    }
    out.push_back(in[i] == '+' ? ' ' : in[i]);
  }
  return out;
}

void SplitTarget(HttpRequest& r) {
  std::string_view t = r.target;
  auto q = t.find('?');
  r.path = PercentDecode(t.substr(0, q));
  if (q == std::string_view::npos) return;
  std::string_view rest = t.substr(q + 1);
  while (!rest.empty()) {
    auto amp = rest.find('&');
    std::string_view pair = rest.substr(0, amp);
    auto eq = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, eq));
    std::string value = eq == std::string_view::npos ? "" : PercentDecode(pair.substr(eq + 1));
    if (!key.empty()) r.query[key] = value;
    if (amp == std::string_view::npos) break;
    rest = rest.substr(amp + 1);
  }
}

std::string ProblemBody(int status, const char* code, const std::string& detail) {
  // Hand-written so the transport needs no JSON library; detail has no quotes.
  return std::string("{\"type\":\"about:blank\",\"status\":") + std::to_string(status) +
         ",\"code\":\"" + code + "\",\"title\":\"" + code + "\",\"detail\":\"" + detail + "\"}";
}

class Server;

template <typename Stream>
class ChunkWriter final : public StreamWriter {
 public:
  explicit ChunkWriter(Stream& s) : stream_(s) {}
  Awaitable<bool> Write(std::string data) override {
    try {
      auto chunk = http::make_chunk(asio::buffer(data));  // named: see the rule in api.h
      co_await asio::async_write(stream_, chunk, asio::use_awaitable);
      co_return true;
    } catch (const std::exception&) {
      co_return false;
    }
  }

 private:
  Stream& stream_;
};

class Server final : public HttpServer, public std::enable_shared_from_this<Server> {
 public:
  Server(asio::io_context& io, HttpServerOptions options, HttpHandler handler)
      : io_(io),
        options_(std::move(options)),
        handler_(std::move(handler)),
        acceptor_(io),
        tls_(asio::ssl::context::tls_server) {}

  Status Listen() {
    beast::error_code ec;
    auto address = asio::ip::make_address(options_.address, ec);
    if (ec) return Error::Invalid("listen", "'" + options_.address + "' is not an IP address");
    tcp::endpoint endpoint(address, options_.port);
    acceptor_.open(endpoint.protocol(), ec);
    if (!ec) acceptor_.set_option(asio::socket_base::reuse_address(true), ec);
    if (!ec) acceptor_.bind(endpoint, ec);
    if (!ec) acceptor_.listen(asio::socket_base::max_listen_connections, ec);
    if (ec)
      return Error::Make(ErrorCode::kUnavailable, "cannot listen on " + options_.address + ":" +
                                                      std::to_string(options_.port) + ": " +
                                                      ec.message());
    use_tls_ = !options_.tls_cert_file.empty() && !options_.tls_key_file.empty();
    if (use_tls_) {
      tls_.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                       asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
      tls_.use_certificate_chain_file(options_.tls_cert_file, ec);
      if (!ec) tls_.use_private_key_file(options_.tls_key_file, asio::ssl::context::pem, ec);
      if (ec) return Error::Invalid("tls", "cannot load TLS certificate/key: " + ec.message());
    }
    port_ = acceptor_.local_endpoint().port();
    asio::co_spawn(io_, Accept(shared_from_this()), asio::detached);
    return Ok();
  }

  std::uint16_t port() const override { return port_; }
  void StopAccepting() override {
    beast::error_code ec;
    acceptor_.close(ec);
  }
  int active_requests() const override { return active_.load(); }

 private:
  static Awaitable<void> Accept(std::shared_ptr<Server> self) {
    while (self->acceptor_.is_open()) {
      beast::error_code ec;
      tcp::socket socket(self->io_);
      try {
        co_await self->acceptor_.async_accept(socket, asio::use_awaitable);
      } catch (const std::exception&) {
        if (!self->acceptor_.is_open()) co_return;
        continue;
      }
      if (self->connections_ >= self->options_.max_connections) {
        spdlog::warn("connection limit ({}) reached; closing a new connection",
                     self->options_.max_connections);
        beast::error_code ignored;
        socket.close(ignored);
        continue;
      }
      if (self->use_tls_) {
        asio::co_spawn(self->io_, self->ServeTls(self, std::move(socket)), asio::detached);
      } else {
        asio::co_spawn(self->io_, self->ServePlain(self, std::move(socket)), asio::detached);
      }
    }
  }

  Awaitable<void> ServePlain(std::shared_ptr<Server> self, tcp::socket socket) {
    beast::tcp_stream stream(std::move(socket));
    co_await Serve(stream, stream);
  }

  Awaitable<void> ServeTls(std::shared_ptr<Server> self, tcp::socket socket) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls_);
    try {
      beast::get_lowest_layer(stream).expires_after(
          std::chrono::seconds(options_.read_timeout_seconds));
      co_await stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    } catch (const std::exception& e) {
      spdlog::debug("TLS handshake failed: {}", e.what());
      co_return;
    }
    co_await Serve(stream, beast::get_lowest_layer(stream));
  }

  // Counts a connection for as long as it is served.
  struct ConnectionCount {
    explicit ConnectionCount(std::atomic<int>& n) : n_(n) { ++n_; }
    ~ConnectionCount() { --n_; }
    std::atomic<int>& n_;
  };

  template <typename Stream>
  Awaitable<void> Serve(Stream& stream, beast::tcp_stream& lowest) {
    ConnectionCount counted(connections_);
    std::string client;
    {
      beast::error_code ec;
      auto ep = lowest.socket().remote_endpoint(ec);
      if (!ec) client = ep.address().to_string() + ":" + std::to_string(ep.port());
    }
    beast::flat_buffer buffer;
    bool first = true;
    while (true) {
      http::request_parser<http::string_body> parser;
      parser.body_limit(options_.max_body_bytes);
      parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
      lowest.expires_after(std::chrono::seconds(first ? options_.read_timeout_seconds
                                                      : options_.idle_timeout_seconds));
      first = false;
      beast::error_code read_error;
      co_await http::async_read(stream, buffer, parser,
                                asio::redirect_error(asio::use_awaitable, read_error));
      if (read_error) {
        const auto& ec = read_error;
        int status = 0;
        const char* code = "invalid_argument";
        if (ec == http::error::body_limit) {
          status = 413, code = "payload_too_large";
        } else if (ec == http::error::header_limit) {
          status = 431, code = "headers_too_large";
        } else if (ec != http::error::end_of_stream && ec != asio::error::eof &&
                   ec != beast::error::timeout && ec != asio::error::operation_aborted &&
                   ec != asio::error::connection_reset && ec != http::error::partial_message) {
          status = 400, code = "malformed_request";
        }
        const std::string detail = ec.message();
        if (status) co_await WriteError(stream, lowest, status, code, detail);
        co_return;
      }
      auto& req = parser.get();
      HttpRequest request;
      request.method = std::string(req.method_string());
      request.target = std::string(req.target());
      SplitTarget(request);
      for (const auto& field : req) {
        std::string name(field.name_string());
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        request.headers[name] = std::string(field.value());
      }
      request.body = std::move(req.body());
      request.client = client;
      request.request_id = std::to_string(++request_counter_);
      const bool keep_alive = req.keep_alive();
      const auto started = std::chrono::steady_clock::now();

      ++active_;
      HttpResponse response;
      try {
        response = co_await handler_(request);
      } catch (const std::exception& e) {
        spdlog::error("request {} {} {} raised: {}", request.request_id, request.method,
                      request.path, e.what());
        response.status = 500;
        response.content_type = "application/problem+json";
        response.body = ProblemBody(500, "internal", "the server failed to handle the request");
      }
      --active_;
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      spdlog::info("request_id={} client={} method={} path={} status={} micros={}",
                   request.request_id, client, request.method, request.path, response.status,
                   micros);
      lowest.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
      try {
        if (response.stream) {
          http::response<http::empty_body> res{static_cast<http::status>(response.status), 11};
          res.set(http::field::content_type, response.content_type);
          res.set("X-Request-Id", request.request_id);
          for (const auto& [k, v] : response.headers) res.set(k, v);
          res.chunked(true);
          http::response_serializer<http::empty_body> sr(res);
          co_await http::async_write_header(stream, sr, asio::use_awaitable);
          lowest.expires_never();
          ChunkWriter<Stream> writer(stream);
          co_await response.stream(writer);
          auto last = http::make_chunk_last();
          co_await asio::async_write(stream, last, asio::use_awaitable);
          co_return;
        }
        http::response<http::string_body> res{static_cast<http::status>(response.status), 11};
        res.set(http::field::content_type, response.content_type);
        res.set("X-Request-Id", request.request_id);
        res.set(http::field::cache_control, "no-store");
        for (const auto& [k, v] : response.headers) res.set(k, v);
        res.body() = std::move(response.body);
        res.keep_alive(keep_alive);
        res.prepare_payload();
        co_await http::async_write(stream, res, asio::use_awaitable);
      } catch (const std::exception&) {
        co_return;
      }
      if (!keep_alive) {
        beast::error_code ec;
        lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
        co_return;
      }
    }
  }

  template <typename Stream>
  Awaitable<void> WriteError(Stream& stream, beast::tcp_stream& lowest, int status,
                             const char* code, const std::string& detail) {
    http::response<http::string_body> res{static_cast<http::status>(status), 11};
    res.set(http::field::content_type, "application/problem+json");
    res.body() = ProblemBody(status, code, detail);
    res.keep_alive(false);
    res.prepare_payload();
    try {
      lowest.expires_after(std::chrono::seconds(5));
      co_await http::async_write(stream, res, asio::use_awaitable);
    } catch (const std::exception&) {
    }
  }

  asio::io_context& io_;
  HttpServerOptions options_;
  HttpHandler handler_;
  tcp::acceptor acceptor_;
  asio::ssl::context tls_;
  bool use_tls_ = false;
  std::uint16_t port_ = 0;
  std::atomic<int> active_{0};
  std::atomic<int> connections_{0};
  std::uint64_t request_counter_ = 0;
};

// Owns the shared Server so the interface can be a unique_ptr.
class ServerHandle final : public HttpServer {
 public:
  explicit ServerHandle(std::shared_ptr<Server> s) : s_(std::move(s)) {}
  ~ServerHandle() override { s_->StopAccepting(); }
  std::uint16_t port() const override { return s_->port(); }
  void StopAccepting() override { s_->StopAccepting(); }
  int active_requests() const override { return s_->active_requests(); }

 private:
  std::shared_ptr<Server> s_;  // shared with the accept coroutine, which outlives calls
};

}  // namespace

Result<std::unique_ptr<HttpServer>> HttpServer::Start(asio::io_context& io,
                                                      const HttpServerOptions& options,
                                                      HttpHandler handler) {
  auto server = std::make_shared<Server>(io, options, std::move(handler));
  Status s = server->Listen();
  if (!s.ok()) return s.error();
  return std::unique_ptr<HttpServer>(new ServerHandle(std::move(server)));
}

}  // namespace ordo::server
