// A small blocking HTTP/1.1 client (plain or TLS) built on Beast, for the CLI and the
// tests. One connection per request ("Connection: close"), every operation bounded by a
// deadline. Transport failures are reported in the reply (status 0 + error), never thrown.
// A client is a value; concurrent requests from one client are safe (each is independent).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace ordo::client {

using Json = nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

struct HttpReply {
  int status = 0;                              // 0: the exchange failed (see error)
  std::string error;                           // transport error, empty on success
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;

  bool ok() const { return status >= 200 && status < 300; }
  std::string Header(const std::string& lower_name) const;
  // The body as JSON (null when it is not JSON).
  Json json() const;
  std::string Describe() const;  // for assertion messages
};

class HttpClient {
 public:
  // `host` is an IP address or a name to resolve. With `tls`, certificates are not
  // verified unless set_tls_verify(true) (the tests use self-signed certificates).
  explicit HttpClient(std::uint16_t port, bool tls = false, std::string host = "127.0.0.1")
      : host_(std::move(host)), port_(port), tls_(tls) {}

  void set_timeout_seconds(int s) { timeout_seconds_ = s; }
  // TLS only: verify the server's certificate chain and host name against `ca_file` (PEM)
  // or, when it is empty, the system's trusted certificates.
  void set_tls_verify(bool verify, std::string ca_file = {}) {
    tls_verify_ = verify;
    tls_ca_file_ = std::move(ca_file);
  }

  // A request with an optional bearer token; body sent as-is with Content-Length.
  HttpReply Request(const std::string& method, const std::string& target,
                    const std::string& body = "", const std::string& token = "",
                    const Headers& headers = {}) const;
  HttpReply Get(const std::string& target, const std::string& token = "") const {
    return Request("GET", target, "", token);
  }
  HttpReply Post(const std::string& target, const Json& body, const std::string& token = "",
                 const Headers& headers = {}) const {
    return Request("POST", target, body.dump(), token, WithContentType(headers));
  }
  // Sends `raw` bytes verbatim on a fresh connection and reads one response.
  HttpReply Raw(const std::string& raw) const;
  // Sends a GET and reads a streamed (chunked) body until `done(body so far)` returns
  // true or the timeout passes (then error = "timeout" but status/body are filled).
  HttpReply Stream(const std::string& target, const std::string& token,
                   const std::function<bool(const std::string&)>& done, int timeout_seconds,
                   const Headers& headers = {}) const;

  std::uint16_t port() const { return port_; }

 private:
  static Headers WithContentType(const Headers& h) {
    Headers out = h;
    out.emplace_back("Content-Type", "application/json");
    return out;
  }
  std::string Serialize(const std::string& method, const std::string& target,
                        const std::string& body, const std::string& token,
                        const Headers& headers) const;
  HttpReply Exchange(const std::string& raw, const std::function<bool(const std::string&)>* done,
                     int timeout_seconds) const;

  std::string host_;
  std::uint16_t port_;
  bool tls_;
  int timeout_seconds_ = 60;
  bool tls_verify_ = false;
  std::string tls_ca_file_;
};

}  // namespace ordo::client
