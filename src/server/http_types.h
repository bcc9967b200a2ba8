// The plain request/response interface between the HTTP transport (Beast, confined to
// http_server.cc) and ordo's API. Handlers are Asio coroutines on the one io_context.
#pragma once

// Boost 1.74 with g++ 12 needs <utility> before any Asio header.
#include <boost/asio/awaitable.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ordo::server {

namespace asio = boost::asio;
template <typename T>
using Awaitable = asio::awaitable<T>;

struct HttpRequest {
  std::string method;                          // "GET", "POST", ...
  std::string target;                          // raw target, e.g. "/api/v1/ledger?after=3"
  std::string path;                            // target without the query, percent-decoded
  std::map<std::string, std::string> query;    // decoded query parameters
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  std::string client;      // "ip:port"
  std::string request_id;  // assigned by the transport, echoed as X-Request-Id
  // Set by the API when the request carried a valid session. The transport then counts
  // the connection as authenticated: it is not among the first shed at the connection cap.
  bool authenticated = false;
  std::string Header(const std::string& lower_name) const {
    auto it = headers.find(lower_name);
    return it == headers.end() ? std::string() : it->second;
  }
};

// Writes the body of a streaming response (server-sent events) chunk by chunk.
class StreamWriter {
 public:
  virtual ~StreamWriter() = default;
  // Sends `data` now. Returns false when the client went away.
  virtual Awaitable<bool> Write(std::string data) = 0;
};

struct HttpResponse {
  int status = 200;
  std::vector<std::pair<std::string, std::string>> headers;
  std::string content_type = "application/json";
  std::string body;
  // When set, the transport sends the headers, then hands the connection to `stream`
  // (chunked transfer encoding) and closes it afterwards.
  std::function<Awaitable<void>(StreamWriter&)> stream;
};

using HttpHandler = std::function<Awaitable<HttpResponse>(HttpRequest&)>;

}  // namespace ordo::server
