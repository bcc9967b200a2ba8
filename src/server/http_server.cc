// Beast-based HTTP/1.1 + TLS transport behind the plain HttpServer interface.
#include "server/http_server.h"

#include <spdlog/spdlog.h>

#include <array>
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
#include <map>
#include <set>
#include <utility>

#include "server/connection_table.h"
#include "server/log_escape.h"
#include "server/request_framing.h"
#include "server/security_headers.h"

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

// TLS 1.2 suites (OpenSSL names): ECDHE key exchange with AES-GCM or ChaCha20-Poly1305
// only, as Mozilla's "intermediate" profile (without its DHE suites). TLS 1.3 suites
// are configured apart and left at OpenSSL's defaults (all AEAD).
constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";

// The status and code a failed read of a request answers with; 0 = close silently
// (the client went away or was too slow).
int ReadErrorStatus(const beast::error_code& ec, const char** code) {
  *code = "malformed_request";
  if (ec == http::error::body_limit) return *code = "payload_too_large", 413;
  if (ec == http::error::header_limit) return *code = "headers_too_large", 431;
  if (ec == http::error::end_of_stream || ec == asio::error::eof || ec == beast::error::timeout ||
      ec == asio::error::operation_aborted || ec == asio::error::connection_reset ||
      ec == asio::error::bad_descriptor || ec == http::error::partial_message)
    return 0;
  return 400;
}

std::string ProblemBody(int status, const char* code, const std::string& detail) {
  // Hand-written so the transport needs no JSON library; callers' details have no quotes.
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
        tls_(asio::ssl::context::tls_server),
        table_(options_.max_connections, options_.max_connections_per_address) {}

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
      SSL_CTX* native = tls_.native_handle();
      if (SSL_CTX_set_min_proto_version(native, TLS1_2_VERSION) != 1 ||
          SSL_CTX_set_cipher_list(native, kTls12Ciphers) != 1)
        return Error::Make(ErrorCode::kInternal, "cannot restrict the TLS versions and suites");
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
      tcp::socket socket(self->io_);
      try {
        co_await self->acceptor_.async_accept(socket, asio::use_awaitable);
      } catch (const std::exception&) {
        if (!self->acceptor_.is_open()) co_return;
        continue;
      }
      beast::error_code ec;
      auto remote = socket.remote_endpoint(ec);
      if (ec) continue;  // already gone
      const std::string address = remote.address().to_string();
      ConnectionTable::Admission admission = self->table_.Admit(address);
      if (admission.evict) self->Close(*admission.evict);
      if (!admission.id) {
        self->WarnRefused(admission.refusal);
        beast::error_code ignored;
        socket.close(ignored);
        continue;
      }
      const std::string client = address + ":" + std::to_string(remote.port());
      const auto head_deadline = std::chrono::steady_clock::now() +
                                 std::chrono::seconds(self->options_.head_timeout_seconds);
      if (self->use_tls_) {
        asio::co_spawn(
            self->io_,
            self->ServeTls(self, std::move(socket), *admission.id, client, head_deadline),
            asio::detached);
      } else {
        asio::co_spawn(
            self->io_,
            self->ServePlain(self, std::move(socket), *admission.id, client, head_deadline),
            asio::detached);
      }
    }
  }

  // Refusals are logged at most once a second: a flood must not flood the log.
  void WarnRefused(const std::string& why) {
    ++refused_since_warning_;
    const auto now = std::chrono::steady_clock::now();
    if (now - last_refusal_warning_ < std::chrono::seconds(1)) return;
    spdlog::warn("closing new connections: {} ({} since the last warning)", EscapeForLog(why),
                 refused_since_warning_);
    last_refusal_warning_ = now;
    refused_since_warning_ = 0;
  }

  // Closes the connection `id` (shed at the cap). Its coroutine ends on its own.
  void Close(ConnectionTable::Id id) {
    auto it = closers_.find(id);
    if (it == closers_.end()) {
      doomed_.insert(id);  // not started yet: it ends as it starts
      return;
    }
    beast::error_code ignored;
    it->second->socket().shutdown(tcp::socket::shutdown_both, ignored);
    it->second->close();
    closers_.erase(it);
  }

  // Registers a connection's stream for Close() and forgets the connection at the end.
  struct Registration {
    Registration(Server& s, ConnectionTable::Id id, beast::tcp_stream& lowest) : server(s), id(id) {
      closed_before_start = server.doomed_.erase(id) > 0;
      if (!closed_before_start) server.closers_[id] = &lowest;
    }
    ~Registration() {
      server.closers_.erase(id);
      server.table_.Remove(id);
    }
    Server& server;
    ConnectionTable::Id id;
    bool closed_before_start = false;
  };

  using Deadline = std::chrono::steady_clock::time_point;

  Awaitable<void> ServePlain(std::shared_ptr<Server> self, tcp::socket socket,
                             ConnectionTable::Id id, std::string client, Deadline head_deadline) {
    beast::tcp_stream stream(std::move(socket));
    Registration registration(*this, id, stream);
    if (registration.closed_before_start) co_return;
    co_await Serve(stream, stream, id, client, head_deadline);
  }

  Awaitable<void> ServeTls(std::shared_ptr<Server> self, tcp::socket socket, ConnectionTable::Id id,
                           std::string client, Deadline head_deadline) {
    beast::ssl_stream<beast::tcp_stream> stream(beast::tcp_stream(std::move(socket)), tls_);
    Registration registration(*this, id, beast::get_lowest_layer(stream));
    if (registration.closed_before_start) co_return;
    try {
      beast::get_lowest_layer(stream).expires_at(head_deadline);
      co_await stream.async_handshake(asio::ssl::stream_base::server, asio::use_awaitable);
    } catch (const std::exception& e) {
      spdlog::debug("TLS handshake failed: {}", EscapeForLog(e.what()));
      co_return;
    }
    co_await Serve(stream, beast::get_lowest_layer(stream), id, client, head_deadline);
  }

  // Serves requests on one connection until it closes, fails, times out or is shed.
  template <typename Stream>
  Awaitable<void> Serve(Stream& stream, beast::tcp_stream& lowest, ConnectionTable::Id id,
                        std::string client, Deadline head_deadline) {
    beast::flat_buffer buffer;
    bool first = true;
    while (true) {
      beast::error_code read_error;
      if (!first) {
        // Keep-alive: wait (idle timeout) for the first byte of the next request; the
        // head deadline runs from there.
        if (buffer.size() == 0) {
          lowest.expires_after(std::chrono::seconds(options_.idle_timeout_seconds));
          auto space = buffer.prepare(4096);  // named: see the rule in api.h
          std::size_t n = co_await stream.async_read_some(
              space, asio::redirect_error(asio::use_awaitable, read_error));
          if (read_error) co_return;
          buffer.commit(n);
        }
        head_deadline =
            std::chrono::steady_clock::now() + std::chrono::seconds(options_.head_timeout_seconds);
      }
      first = false;
      http::request_parser<http::string_body> parser;
      parser.body_limit(options_.max_body_bytes);
      parser.header_limit(static_cast<std::uint32_t>(options_.max_header_bytes));
      lowest.expires_at(head_deadline);
      co_await http::async_read_header(stream, buffer, parser,
                                       asio::redirect_error(asio::use_awaitable, read_error));
      if (!read_error) {
        // Before any body is read: a body must never be taken for a second request.
        std::vector<std::string_view> codings;
        for (const auto& field : parser.get())
          if (field.name() == http::field::transfer_encoding)
            codings.emplace_back(field.value().data(), field.value().size());
        const bool has_length =
            parser.get().find(http::field::content_length) != parser.get().end();
        const std::string framing = FramingProblem(codings, has_length);
        if (!framing.empty()) {
          spdlog::info("client={} refused: {}", EscapeForLog(client), framing);
          co_await WriteError(stream, lowest, 400, "malformed_request", framing);
          co_return;
        }
        lowest.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
        if (!parser.is_done())
          co_await http::async_read(stream, buffer, parser,
                                    asio::redirect_error(asio::use_awaitable, read_error));
      }
      if (read_error) {
        const char* code = nullptr;
        const int status = ReadErrorStatus(read_error, &code);
        const std::string detail = read_error.message();
        if (status) co_await WriteError(stream, lowest, status, code, detail);
        co_return;
      }
      auto& req = parser.get();
      HttpRequest request;
      const std::string method(req.method_string());
      const bool head = req.method() == http::verb::head;
      request.method = head ? "GET" : method;  // HEAD is answered as GET without the body
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

      table_.SetBusy(id, true);
      ++active_;
      HttpResponse response;
      try {
        response = co_await handler_(request);
      } catch (const std::exception& e) {
        spdlog::error("request_id={} method={} path={} raised: {}", request.request_id,
                      EscapeForLog(method), EscapeForLog(request.path), EscapeForLog(e.what()));
        response = HttpResponse{};
        response.status = 500;
        response.content_type = "application/problem+json";
        response.body = ProblemBody(500, "internal", "the server failed to handle the request");
      }
      --active_;
      if (request.authenticated) table_.SetAuthenticated(id);
      AddSecurityHeaders(response);
      const auto micros = std::chrono::duration_cast<std::chrono::microseconds>(
                              std::chrono::steady_clock::now() - started)
                              .count();
      spdlog::info("request_id={} client={} method={} path={} status={} micros={}",
                   request.request_id, EscapeForLog(client), EscapeForLog(method),
                   EscapeForLog(request.path), response.status, micros);
      lowest.expires_after(std::chrono::seconds(options_.read_timeout_seconds));
      try {
        if (response.stream && !head) {
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
        if (head) {
          // The GET answer's header, Content-Length included, and no body (RFC 9110 9.3.2).
          http::response<http::empty_body> res{static_cast<http::status>(response.status), 11};
          res.set(http::field::content_type, response.content_type);
          res.set("X-Request-Id", request.request_id);
          res.set(http::field::cache_control, "no-store");
          for (const auto& [k, v] : response.headers) res.set(k, v);
          const bool stays_open = keep_alive && !response.stream;
          if (!response.stream) res.content_length(response.body.size());
          res.keep_alive(stays_open);
          http::response_serializer<http::empty_body> sr(res);
          co_await http::async_write_header(stream, sr, asio::use_awaitable);
          table_.SetBusy(id, false);
          if (!stays_open) {
            beast::error_code ec;
            lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
            co_return;
          }
          continue;
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
      table_.SetBusy(id, false);
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
    HttpResponse headers;
    AddSecurityHeaders(headers);
    http::response<http::string_body> res{static_cast<http::status>(status), 11};
    res.set(http::field::content_type, "application/problem+json");
    for (const auto& [k, v] : headers.headers) res.set(k, v);
    res.body() = ProblemBody(status, code, detail);
    res.keep_alive(false);
    res.prepare_payload();
    try {
      lowest.expires_after(std::chrono::seconds(5));
      co_await http::async_write(stream, res, asio::use_awaitable);
      // Lingering close: send FIN, then read and drop what the client still sends (for
      // at most 2 s and 1 MiB), so that closing with unread bytes does not reset the
      // connection before the client has read the answer.
      beast::error_code ec;
      lowest.socket().shutdown(tcp::socket::shutdown_send, ec);
      lowest.expires_after(std::chrono::seconds(2));
      std::array<char, 4096> drop;
      std::size_t dropped = 0;
      while (dropped < (1u << 20)) {
        auto space = asio::buffer(drop);  // named: see the rule in api.h
        std::size_t n =
            co_await lowest.async_read_some(space, asio::redirect_error(asio::use_awaitable, ec));
        if (ec) break;
        dropped += n;
      }
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
  // Connections, io thread only: the caps and shedding (table_), how to close each one
  // that has started (closers_: its stream, valid while registered) and those shed
  // before their coroutine started (doomed_).
  ConnectionTable table_;
  std::map<ConnectionTable::Id, beast::tcp_stream*> closers_;
  std::set<ConnectionTable::Id> doomed_;
  std::chrono::steady_clock::time_point last_refusal_warning_{};
  int refused_since_warning_ = 0;
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
