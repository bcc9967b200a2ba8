// The split proxy of two MES servers (split_mes_proxy.h), on Boost.Beast.
#include "split_mes_proxy.h"

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <chrono>

#include "client/http_client.h"

namespace ordo::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using tcp = asio::ip::tcp;

struct SplitMesProxy::Listener {
  asio::io_context io;
  tcp::acceptor acceptor{io};
};

SplitMesProxy::SplitMesProxy(std::uint16_t entries_port, std::uint16_t checkpoints_port,
                             std::string checkpoints_token)
    : entries_port_(entries_port),
      checkpoints_port_(checkpoints_port),
      checkpoints_token_(std::move(checkpoints_token)) {}

SplitMesProxy::~SplitMesProxy() { Stop(); }

bool SplitMesProxy::Start(std::string* error) {
  listener_ = std::make_unique<Listener>();
  beast::error_code ec;
  const tcp::endpoint at(asio::ip::make_address("127.0.0.1"), 0);
  listener_->acceptor.open(at.protocol(), ec);
  if (!ec) listener_->acceptor.bind(at, ec);
  if (!ec) listener_->acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (!ec) listener_->acceptor.non_blocking(true, ec);
  if (ec) {
    *error = "proxy: " + ec.message();
    return false;
  }
  port_ = listener_->acceptor.local_endpoint().port();
  thread_ = std::thread([this] { Serve(); });
  return true;
}

void SplitMesProxy::Stop() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void SplitMesProxy::Serve() {
  while (!stopping_) {
    beast::error_code ec;
    tcp::socket socket(listener_->io);
    listener_->acceptor.accept(socket, ec);
    if (ec == asio::error::would_block || ec == asio::error::try_again) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      continue;
    }
    if (ec) continue;
    socket.non_blocking(false, ec);
    beast::flat_buffer buffer;
    http::request<http::string_body> request;
    http::read(socket, buffer, request, ec);
    if (ec) continue;
    const std::string target(request.target());
    const bool checkpoints = target.rfind("/api/v1/ledger/checkpoints", 0) == 0;
    std::string token;
    const std::string authorization(request[http::field::authorization]);
    if (authorization.rfind("Bearer ", 0) == 0) token = authorization.substr(7);
    client::Headers headers;
    const std::string content_type(request[http::field::content_type]);
    if (!content_type.empty()) headers.emplace_back("Content-Type", content_type);
    client::HttpClient upstream(checkpoints ? checkpoints_port_ : entries_port_);
    upstream.set_timeout_seconds(15);  // longer than the feed's long-poll
    if (checkpoints) ++checkpoint_requests_;
    const client::HttpReply reply =
        upstream.Request(std::string(request.method_string()), target, request.body(),
                         checkpoints ? checkpoints_token_ : token, headers);
    http::response<http::string_body> response;
    response.version(11);
    response.result(reply.status == 0 ? 502 : reply.status);
    response.set(http::field::content_type, reply.Header("content-type").empty()
                                                ? "text/plain"
                                                : reply.Header("content-type"));
    response.keep_alive(false);
    response.body() = reply.status == 0 ? reply.error : reply.body;
    response.prepare_payload();
    http::write(socket, response, ec);
    socket.shutdown(tcp::socket::shutdown_both, ec);
  }
}

}  // namespace ordo::testing
