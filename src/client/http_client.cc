// The blocking HTTP/1.1 client (see http_client.h).
#include "client/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/ssl.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>

namespace ordo::client {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

std::string HttpReply::Header(const std::string& lower_name) const {
  auto it = headers.find(lower_name);
  return it == headers.end() ? std::string() : it->second;
}

Json HttpReply::json() const {
  Json j = Json::parse(body, nullptr, false);
  return j.is_discarded() ? Json() : j;
}

std::string HttpReply::Describe() const {
  std::string s = "HTTP " + std::to_string(status);
  if (!error.empty()) s += " error=" + error;
  s += " body=" + (body.size() > 2000 ? body.substr(0, 2000) + "..." : body);
  return s;
}

std::string HttpClient::Serialize(const std::string& method, const std::string& target,
                                  const std::string& body, const std::string& token,
                                  const Headers& headers) const {
  std::string r = method + " " + target + " HTTP/1.1\r\n";
  r += "Host: " + host_ + ":" + std::to_string(port_) + "\r\n";
  r += "Connection: close\r\n";
  if (!token.empty()) r += "Authorization: Bearer " + token + "\r\n";
  for (const auto& [k, v] : headers) r += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PUT")
    r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  r += "\r\n";
  r += body;
  return r;
}

HttpReply HttpClient::Request(const std::string& method, const std::string& target,
                              const std::string& body, const std::string& token,
                              const Headers& headers) const {
  return Exchange(Serialize(method, target, body, token, headers), nullptr, timeout_seconds_);
}

HttpReply HttpClient::Raw(const std::string& raw) const {
  return Exchange(raw, nullptr, timeout_seconds_);
}

HttpReply HttpClient::Stream(const std::string& target, const std::string& token,
                             const std::function<bool(const std::string&)>& done,
                             int timeout_seconds, const Headers& headers) const {
  Headers h = headers;
  h.emplace_back("Accept", "text/event-stream");
  return Exchange(Serialize("GET", target, "", token, h), &done, timeout_seconds);
}

namespace {

// Runs one asynchronous operation to completion on `ioc` (the stream's deadline
// bounds it) and returns its error code.
template <typename Start>
beast::error_code RunOp(asio::io_context& ioc, Start&& start) {
  beast::error_code result = asio::error::would_block;
  start([&result](beast::error_code ec, auto&&...) { result = ec; });
  ioc.restart();
  ioc.run();
  return result;
}

template <typename Stream>
HttpReply Converse(asio::io_context& ioc, Stream& stream, beast::tcp_stream& lowest,
                   const std::string& raw, const std::function<bool(const std::string&)>* done) {
  HttpReply reply;
  // A write error is not final: the server may have answered (e.g. 413) before
  // reading the whole body, so still try to read the response.
  beast::error_code write_ec =
      RunOp(ioc, [&](auto handler) { asio::async_write(stream, asio::buffer(raw), handler); });
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(std::uint64_t{1} << 40);  // (boost::none is broken in Beast 1.74)
  parser.header_limit(1 << 20);
  beast::error_code ec =
      RunOp(ioc, [&](auto handler) { http::async_read_header(stream, buffer, parser, handler); });
  if (ec) {
    reply.error = "reading the response header: " + ec.message() +
                  (write_ec ? " (write failed: " + write_ec.message() + ")" : "");
    return reply;
  }
  const auto& msg = parser.get();
  reply.status = static_cast<int>(msg.result_int());
  for (const auto& field : msg) {
    std::string name(field.name_string());
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    reply.headers[name] = std::string(field.value());
  }
  if (done) {
    while (!parser.is_done() && !(*done)(parser.get().body())) {
      ec =
          RunOp(ioc, [&](auto handler) { http::async_read_some(stream, buffer, parser, handler); });
      if (ec) {
        reply.error = ec == beast::error::timeout ? "timeout" : ec.message();
        break;
      }
    }
    reply.body = parser.get().body();
    return reply;
  }
  ec = RunOp(ioc, [&](auto handler) { http::async_read(stream, buffer, parser, handler); });
  reply.body = parser.get().body();
  if (ec && ec != http::error::end_of_stream) reply.error = "reading the body: " + ec.message();
  return reply;
}

}  // namespace

HttpReply HttpClient::Exchange(const std::string& raw,
                               const std::function<bool(const std::string&)>* done,
                               int timeout_seconds) const {
  asio::io_context ioc;
  HttpReply failed;
  try {
    beast::error_code resolve_ec;
    tcp::resolver resolver(ioc);
    auto endpoints = resolver.resolve(host_, std::to_string(port_), resolve_ec);
    if (resolve_ec || endpoints.empty()) {
      failed.error = "resolving " + host_ + ": " + resolve_ec.message();
      return failed;
    }
    if (!tls_) {
      beast::tcp_stream stream(ioc);
      stream.expires_after(std::chrono::seconds(timeout_seconds));
      beast::error_code ec =
          RunOp(ioc, [&](auto handler) { stream.async_connect(endpoints, handler); });
      if (ec) {
        failed.error = "connect: " + ec.message();
        return failed;
      }
      HttpReply r = Converse(ioc, stream, stream, raw, done);
      beast::error_code ignored;
      stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
      return r;
    }
    asio::ssl::context ctx(asio::ssl::context::tls_client);
    if (tls_verify_) {
      if (tls_ca_file_.empty())
        ctx.set_default_verify_paths();
      else
        ctx.load_verify_file(tls_ca_file_);
      ctx.set_verify_mode(asio::ssl::verify_peer);
    } else {
      ctx.set_verify_mode(asio::ssl::verify_none);  // e.g. self-signed test certificates
    }
    beast::ssl_stream<beast::tcp_stream> stream(ioc, ctx);
    beast::error_code not_an_address;
    asio::ip::make_address(host_, not_an_address);
    if (not_an_address && !SSL_set_tlsext_host_name(stream.native_handle(), host_.c_str())) {
      failed.error = "TLS: cannot set the server name";
      return failed;
    }
    if (tls_verify_) stream.set_verify_callback(asio::ssl::host_name_verification(host_));
    auto& lowest = beast::get_lowest_layer(stream);
    lowest.expires_after(std::chrono::seconds(timeout_seconds));
    beast::error_code ec =
        RunOp(ioc, [&](auto handler) { lowest.async_connect(endpoints, handler); });
    if (ec) {
      failed.error = "connect: " + ec.message();
      return failed;
    }
    ec = RunOp(ioc, [&](auto handler) {
      stream.async_handshake(asio::ssl::stream_base::client, handler);
    });
    if (ec) {
      failed.error = "TLS handshake: " + ec.message();
      return failed;
    }
    HttpReply r = Converse(ioc, stream, lowest, raw, done);
    beast::error_code ignored;
    lowest.socket().shutdown(tcp::socket::shutdown_both, ignored);
    return r;
  } catch (const std::exception& e) {
    failed.error = std::string("exception: ") + e.what();
    return failed;
  }
}

}  // namespace ordo::client
