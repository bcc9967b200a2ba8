// HTTP-level hardening of the real `ordo serve` (issue 8, section 6): slow request heads
// and connection caps, log injection, request framing, HEAD, browser security headers,
// attachment downloads and the 415 refusal of non-JSON bodies. Raw sockets where the
// test is about the transport itself.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <thread>

#include "core/testing/verifies.h"
#include "support/ordo.h"
#include "support/raw_http.h"

namespace ordo::testing {
namespace {

using namespace std::chrono_literals;

std::string Get(const std::string& target, const std::string& extra_headers = "") {
  return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra_headers + "\r\n";
}

class HttpHardeningTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
  }
  void Serve(std::vector<std::string> args = {}) {
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root(), std::move(args));
    std::string error;
    ASSERT_TRUE(server_->Start(&error)) << error;
  }
  RawConnection Connect(const std::string& source = "127.0.0.1") {
    std::string error;
    auto c = RawConnection::Open(source, server_->port(), &error);
    EXPECT_TRUE(c.has_value()) << error;
    return std::move(*c);
  }

  Sandbox sandbox_;
  std::unique_ptr<OrdoServer> server_;
};

// Slowloris: many connections that each add a header line now and then. The head
// deadline cuts them, one address holds at most its share, and at the global cap the
// server sheds anonymous idle connections, never a signed-in keep-alive one.
TEST_F(HttpHardeningTest, SlowHeadsAreCutAndOtherClientsKeepBeingServed) {
  ORDO_VERIFIES("ORDO-HTTP-01", "ORDO-HTTP-02", "ORDO-HTTP-03");
  Serve({"--head-timeout", "2", "--max-connections", "10", "--max-connections-per-address", "5"});
  const Credentials& admin = sandbox_.user("admin");
  const std::string token = Login(server_->Client(), admin.name, admin.password);
  ASSERT_FALSE(token.empty());
  std::this_thread::sleep_for(300ms);  // the sign-in connection is gone from the table
  const std::string session_request =
      Get("/api/v1/session", "Authorization: Bearer " + token + "\r\n");

  // A signed-in browser's keep-alive connection (the oldest connection of all).
  RawConnection signed_in = Connect("127.0.0.4");
  ASSERT_TRUE(signed_in.Send(session_request));
  auto me = signed_in.ReadResponse(5s);
  ASSERT_TRUE(me && me->status == 200) << server_->Logs();

  // Ten dribbling connections from 127.0.0.1: only five are admitted.
  std::vector<RawConnection> dribblers;
  for (int i = 0; i < 10; ++i) {
    dribblers.push_back(Connect("127.0.0.1"));
    ASSERT_TRUE(dribblers.back().Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
  }
  int refused_at_once = 0;
  for (auto& d : dribblers) refused_at_once += d.ClosedByPeer(150ms) ? 1 : 0;
  EXPECT_EQ(refused_at_once, 5) << "the per-address cap is 5";
  // Five more from 127.0.0.3: with the signed-in one that fills the global cap of 10, so
  // the fifth of these sheds an anonymous dribbler to get in.
  for (int i = 0; i < 5; ++i) {
    dribblers.push_back(Connect("127.0.0.3"));
    ASSERT_TRUE(dribblers.back().Send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n"));
  }

  // While they dribble, a client on another address keeps being served, each time
  // within a bounded time, and so does the signed-in connection.
  const auto start = std::chrono::steady_clock::now();
  int served = 0, drip = 0;
  while (std::chrono::steady_clock::now() - start < 1800ms) {
    for (auto& d : dribblers) d.Send("X-Drip-" + std::to_string(drip) + ": 1\r\n");
    ++drip;
    RawConnection other = Connect("127.0.0.2");
    ASSERT_TRUE(other.Send(Get("/api/v1/health", "Connection: close\r\n")));
    auto health = other.ReadResponse(3s);
    ASSERT_TRUE(health.has_value()) << "a client on 127.0.0.2 was not served within 3 s\n"
                                    << server_->Logs();
    EXPECT_EQ(health->status, 200);
    ++served;
    std::this_thread::sleep_for(200ms);
  }
  EXPECT_GE(served, 5);

  // The head deadline (2 s) has cut every dribbler: none got an answer.
  for (auto& d : dribblers) {
    bool closed = false;
    const std::string got = d.ReadUntilClosed(3s, &closed);
    EXPECT_TRUE(closed) << "a dribbling connection outlived the head deadline";
    EXPECT_EQ(got.find("HTTP/1.1 200"), std::string::npos) << got;
  }
  // The signed-in keep-alive connection was never shed.
  ASSERT_TRUE(signed_in.Send(session_request));
  auto again = signed_in.ReadResponse(5s);
  ASSERT_TRUE(again.has_value()) << "the signed-in keep-alive connection was closed";
  EXPECT_EQ(again->status, 200);
}

// A decoded path with CR, LF, NUL or bytes that are not UTF-8 is logged escaped: it
// can neither start a forged log line nor write a NUL into the log.
TEST_F(HttpHardeningTest, ControlCharactersInAPathCannotForgeLogLines) {
  ORDO_VERIFIES("ORDO-HTTP-04", "P11-21");
  Serve();
  HttpClient http = server_->Client();
  EXPECT_EQ(http.Get("/api/v1/nope%0d%0aFORGED%20status=200%00%ff").status, 404);
  // A page outside the API (a POST: with the web UI built in, a GET of any page answers
  // the app's index).
  EXPECT_EQ(http.Post("/no-page%0aFORGED-TOO%00", Json::object()).status, 404);
  auto stopped = server_->Stop();
  ASSERT_TRUE(stopped.has_value());
  const std::string log = ReadFile(server_->stdout_path()) + ReadFile(server_->stderr_path());
  EXPECT_EQ(log.find('\0'), std::string::npos) << "a NUL byte reached the log";
  EXPECT_EQ(log.find('\xff'), std::string::npos) << "a byte that is not UTF-8 reached the log";
  std::istringstream lines(log);
  int mentioned = 0;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("FORGED") == std::string::npos) continue;
    ++mentioned;
    EXPECT_EQ(line.rfind("FORGED", 0), std::string::npos) << "forged log line: " << line;
    EXPECT_NE(line.find("request_id="), std::string::npos) << line;
    EXPECT_NE(line.find("\\x0aFORGED"), std::string::npos) << line;
  }
  EXPECT_EQ(mentioned, 2) << log;
}

// RFC 9112: a transfer coding we do not implement, a list whose final coding is not
// chunked, or Transfer-Encoding with Content-Length is a 400 and the connection closes,
// so the body can never be read as a second request.
TEST_F(HttpHardeningTest, AmbiguousFramingIsRefusedAndClosesTheConnection) {
  ORDO_VERIFIES("ORDO-HTTP-05");
  Serve();
  const std::string smuggled = "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n";
  const std::vector<std::string> framings = {
      "Transfer-Encoding: chunked, identity\r\n",
      "Transfer-Encoding: gzip\r\n",
      "Transfer-Encoding: gzip, chunked\r\n",
      "Transfer-Encoding: chunked\r\nTransfer-Encoding: identity\r\n",
      "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
  };
  for (const auto& framing : framings) {
    SCOPED_TRACE(framing);
    RawConnection c = Connect();
    const std::string body =
        framing.find("Content-Length") != std::string::npos ? "0\r\n\r\n" + smuggled : smuggled;
    ASSERT_TRUE(
        c.Send("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
               "application/json\r\n" +
               framing + "\r\n" + body));
    bool closed = false;
    const std::string got = c.ReadUntilClosed(10s, &closed);
    EXPECT_TRUE(closed) << got;
    EXPECT_EQ(got.rfind("HTTP/1.1 400", 0), 0u) << got;
    EXPECT_EQ(got.find("HTTP/1.1", 1), std::string::npos) << "a second response:\n" << got;
    EXPECT_EQ(got.find("head_seq"), std::string::npos) << got;
  }
  // A plain chunked body is still read.
  RawConnection ok = Connect();
  const std::string json = R"({"user":"nobody","password":"wrong-password-1"})";
  char size[16];
  std::snprintf(size, sizeof size, "%zx", json.size());
  ASSERT_TRUE(ok.Send(std::string("POST /api/v1/session HTTP/1.1\r\nHost: x\r\nContent-Type: "
                                  "application/json\r\nTransfer-Encoding: chunked\r\n\r\n") +
                      size + "\r\n" + json + "\r\n0\r\n\r\n"));
  auto reply = ok.ReadResponse(10s);
  ASSERT_TRUE(reply.has_value());
  EXPECT_EQ(reply->status, 401) << reply->body;
}

// HEAD answers with the headers GET would send, Content-Length included, and no body:
// the next request on the same connection is read and answered cleanly.
TEST_F(HttpHardeningTest, HeadAnswersWithTheGetHeadersAndNoBody) {
  ORDO_VERIFIES("ORDO-HTTP-06");
  Serve();
  RawConnection c = Connect();
  ASSERT_TRUE(c.Send(Get("/api/v1/health")));
  auto get = c.ReadResponse(5s);
  ASSERT_TRUE(get.has_value());
  ASSERT_EQ(get->status, 200);
  ASSERT_TRUE(c.Send("HEAD /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto head = c.ReadResponse(5s, /*head_only=*/true);
  ASSERT_TRUE(head.has_value());
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->Header("content-length"), std::to_string(get->body.size()));
  EXPECT_EQ(head->Header("content-type"), get->Header("content-type"));
  ASSERT_TRUE(c.Send("HEAD /no-such-page HTTP/1.1\r\nHost: x\r\n\r\n"));
  auto head_page = c.ReadResponse(5s, /*head_only=*/true);
  ASSERT_TRUE(head_page.has_value());
  EXPECT_NE(head_page->Header("content-length"), "0");
  // Had either HEAD answer carried a body, this would read it as the status line.
  ASSERT_TRUE(c.Send(Get("/api/v1/health")));
  auto after = c.ReadResponse(5s);
  ASSERT_TRUE(after.has_value()) << "unparseable answer after HEAD: " << c.pending();
  EXPECT_EQ(after->status, 200);
  EXPECT_EQ(Json::parse(after->body, nullptr, false).value("status", ""), "ok");
}

// The app and the API carry a Content-Security-Policy without inline script and with
// frame-ancestors 'none', nosniff and a Referrer-Policy.
TEST_F(HttpHardeningTest, AppAndApiCarryBrowserSecurityHeaders) {
  ORDO_VERIFIES("ORDO-HTTP-08");
  const std::string web = sandbox_.file("web");
  std::filesystem::create_directories(web + "/assets");
  WriteFile(web + "/index.html", "<!doctype html><script type=module src=/assets/a.js></script>");
  WriteFile(web + "/assets/a.js", "document.title = 'ordo';\n");
  Serve({"--web-dir", web});
  HttpClient http = server_->Client();
  for (const std::string target : {"/", "/assets/a.js", "/api/v1/health", "/api/v1/nope"}) {
    SCOPED_TRACE(target);
    HttpReply r = http.Get(target);
    ASSERT_NE(r.status, 0) << r.Describe();
    const std::string csp = r.Header("content-security-policy");
    EXPECT_NE(csp.find("frame-ancestors 'none'"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-inline"), std::string::npos) << csp;
    EXPECT_EQ(csp.find("unsafe-eval"), std::string::npos) << csp;
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.Header("referrer-policy"), "no-referrer");
  }
  const std::string app_csp = http.Get("/").Header("content-security-policy");
  EXPECT_NE(app_csp.find("script-src 'self'"), std::string::npos) << app_csp;
  EXPECT_NE(http.Get("/api/v1/health").Header("content-security-policy").find("default-src 'none'"),
            std::string::npos);
}

// A stored file is always a download: attachment disposition with an escaped name and
// a sandbox policy, so an HTML or SVG attachment cannot run script in ordo's origin.
TEST_F(HttpHardeningTest, AttachmentsAreServedAsSandboxedDownloads) {
  ORDO_VERIFIES("ORDO-HTTP-09");
  Serve();
  HttpClient http = server_->Client();
  const Credentials& engineer = sandbox_.user("engineer");
  const std::string token = Login(http, engineer.name, engineer.password);
  ASSERT_FALSE(token.empty());
  // "<script>alert(1)</script>" as base64.
  Json body{{"name",
             "Pr\xc3\xbc"
             "fung \"1\"; x=.html"},
            {"media_type", "text/html"},
            {"data", "PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg=="}};
  HttpReply stored = http.Post("/api/v1/attachments", body, token);
  ASSERT_EQ(stored.status, 201) << stored.Describe();
  const std::string sha = stored.json()["attachment"]["sha256"];
  HttpReply got = http.Get("/api/v1/attachments/" + sha, token);
  ASSERT_EQ(got.status, 200) << got.Describe();
  EXPECT_EQ(got.Header("content-disposition"),
            "attachment; filename=\"Pr__fung _1_; x=.html\"; "
            "filename*=UTF-8''Pr%C3%BCfung%20%221%22%3B%20x%3D.html");
  EXPECT_EQ(got.Header("content-security-policy"), "sandbox; default-src 'none'");
  EXPECT_EQ(got.Header("x-content-type-options"), "nosniff");
}

// A JSON endpoint refuses a body of another media type with 415 before anything else:
// a cross-origin text/plain sign-in neither moves the ledger head nor feeds the
// sign-in throttle.
TEST_F(HttpHardeningTest, NonJsonBodiesAreRefusedBeforeAnythingHappens) {
  ORDO_VERIFIES("ORDO-HTTP-10", "P11-04", "P11-21");
  Serve();
  HttpClient http = server_->Client();
  const Credentials& admin = sandbox_.user("admin");
  const std::int64_t head = HeadSeq(http);
  ASSERT_GT(head, 0);
  const std::string wrong = Json{{"user", admin.name}, {"password", "not-the-password"}}.dump();
  for (const std::string type :
       {"text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data",
        "text/plain", "application/jsonx", "", "text/plain", "text/plain"}) {
    SCOPED_TRACE(type);
    Headers headers;
    if (!type.empty()) headers.emplace_back("Content-Type", type);
    HttpReply r = http.Request("POST", "/api/v1/session", wrong, "", headers);
    EXPECT_EQ(r.status, 415) << r.Describe();
    EXPECT_EQ(r.json().value("code", ""), "unsupported_media_type") << r.Describe();
  }
  EXPECT_EQ(HeadSeq(http), head) << "a refused request was recorded";
  // Eight refused attempts fed no throttle: the real sign-in goes through at once.
  HttpReply login = http.Request("POST", "/api/v1/session",
                                 Json{{"user", admin.name}, {"password", admin.password}}.dump(),
                                 "", {{"Content-Type", "Application/JSON; charset=utf-8"}});
  EXPECT_EQ(login.status, 200) << login.Describe();
  // The OpenAPI document lists what each body may be.
  Json doc = http.Get("/api/v1/openapi.json").json();
  Json content = doc["paths"]["/api/v1/session"]["post"]["requestBody"]["content"];
  EXPECT_TRUE(content.contains("application/json")) << content.dump();
  EXPECT_EQ(content.size(), 1u) << content.dump();
}

}  // namespace
}  // namespace ordo::testing
