// The MIS following an MES over https (issue 13 section 1; docs/mis.md, "Ledger feed"):
// `ordo serve --tls-cert/--tls-key` with a certificate for 127.0.0.1 made by the openssl
// CLI, and `ordo-mis serve --mes https://... --mes-ca CERT`. The feed follows when the
// certificate checks out against the CA file, and never when it does not: the MIS then
// reports the MES unreachable with the TLS failure and takes nothing.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <thread>

#include "core/testing/verifies.h"
#include "mis_server.h"
#include "support/feed_account.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

constexpr const char* kUnit = "WU-PRESS-01";

class MisFeedTlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    cert_ = MakeCertificate("mes");
    other_cert_ = MakeCertificate("other");
    if (HasFatalFailure()) return;
    server_ = std::make_unique<OrdoServer>(
        sandbox_.data(), sandbox_.root(),
        std::vector<std::string>{"--tls-cert", cert_, "--tls-key", sandbox_.file("mes.key")});
    ASSERT_TRUE(server_->Start(&error)) << error;
    ASSERT_TRUE(server_->tls()) << server_->Logs();
    const HttpClient mes = server_->Client();
    ASSERT_TRUE(SetUpFeedAccount(mes, Token(mes, "admin"), Token(mes, "engineer"), kUnit, &key_));
    ASSERT_TRUE(mis_sandbox_.Init(&error)) << error;
    std::ofstream(mis_sandbox_.file("mes-password")) << kFeedPassword << "\n";
  }
  void TearDown() override {
    if (mis_) {
      if (HasFailure()) std::fprintf(stderr, "%s\n", mis_->Logs().c_str());
      mis_->Stop(SIGTERM);
    }
    if (server_) {
      if (HasFailure()) std::fprintf(stderr, "%s\n", server_->Logs().c_str());
      server_->Stop();
    }
  }

  // A self-signed certificate for the IP address 127.0.0.1 (NAME.pem, key NAME.key).
  std::string MakeCertificate(const std::string& name) {
    const std::string cert = sandbox_.file(name + ".pem");
    RunResult gen = ordo::testing::Run(
        {"/usr/bin/env", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
         "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-days", "1", "-keyout",
         sandbox_.file(name + ".key"), "-out", cert},
        sandbox_.root());
    EXPECT_EQ(gen.status.code, 0) << "openssl req failed: " << gen.Describe();
    return cert;
  }
  std::string Token(const HttpClient& mes, const std::string& role) {
    HttpReply reply;
    const Credentials& c = sandbox_.user(role);
    std::string token = Login(mes, c.name, c.password, &reply);
    EXPECT_FALSE(token.empty()) << reply.Describe();
    return token;
  }
  void StartMis(const std::string& ca_file) {
    mis_ = std::make_unique<MisServer>(
        mis_sandbox_.data(), mis_sandbox_.root(),
        std::vector<std::string>{"--mes", "https://127.0.0.1:" + std::to_string(server_->port()),
                                 "--mes-user", kFeedUser, "--mes-password-file",
                                 mis_sandbox_.file("mes-password"), "--mes-ca", ca_file});
    std::string error;
    ASSERT_TRUE(mis_->Start(&error)) << error;
    HttpReply r = mis_->Client().Post("/api/v1/session",
                                      Json{{"user", "admin"}, {"password", kMisAdminPassword}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    mis_token_ = r.json().value("token", "");
  }
  // GET /api/v1/feed of the MIS until `done(status)` or 60 s; the last status.
  Json WaitFeed(const std::function<bool(const Json&)>& done) {
    Json status;
    for (int i = 0; i < 600; ++i) {
      status = mis_->Client().Get("/api/v1/feed", mis_token_).json();
      if (done(status)) return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the feed did not get there: " << status.dump();
    return status;
  }
  std::int64_t MesHead() {
    HttpReply h = server_->Client().Get("/api/v1/health");
    EXPECT_EQ(h.status, 200) << h.Describe();
    return h.json().value("head_seq", std::int64_t{-1});
  }

  Sandbox sandbox_;
  MisSandbox mis_sandbox_;
  std::unique_ptr<OrdoServer> server_;
  std::unique_ptr<MisServer> mis_;
  std::string cert_, other_cert_, key_, mis_token_;
};

TEST_F(MisFeedTlsTest, TheFeedFollowsAnMesOverHttpsWhoseCertificateChecksOut) {
  ORDO_VERIFIES("ORDO-MISTLS-01");
  StartMis(cert_);
  const std::int64_t head = MesHead();
  ASSERT_GT(head, 0);
  Json status = WaitFeed([head](const Json& s) {
    return s.value("state", "") == "following" && s["cursor"].value("seq", -1) >= head;
  });
  EXPECT_EQ(status.value("state", ""), "following") << status.dump();
  // A state sent to the MES afterwards reaches the MIS over the same https feed.
  HttpReply sent = server_->Client().Post(
      "/api/v1/equipment-data",
      Json{{"source", kFeedSource},
           {"seq", 1},
           {"states",
            {{{"work_unit", kUnit}, {"time", "2026-01-05T06:00:00Z"}, {"state", "running"}}}}},
      key_);
  ASSERT_EQ(sent.status, 200) << sent.Describe();
  const std::int64_t after = MesHead();
  ASSERT_GT(after, head);
  status = WaitFeed([after](const Json& s) { return s["cursor"].value("seq", -1) >= after; });
  EXPECT_GE(status["cursor"].value("seq", -1), after) << status.dump();
}

TEST_F(MisFeedTlsTest, AnMesWhoseCertificateDoesNotCheckOutIsNeverRead) {
  ORDO_VERIFIES("ORDO-MISTLS-01");
  StartMis(other_cert_);  // the MES's certificate is not signed by this CA
  Json status = WaitFeed([](const Json& s) {
    return s.value("state", "") == "unreachable" && !s.value("detail", "").empty();
  });
  EXPECT_EQ(status.value("state", ""), "unreachable") << status.dump();
  EXPECT_NE(status.value("detail", "").find("https://127.0.0.1:"), std::string::npos)
      << status.dump();
  EXPECT_NE(status.value("detail", "").find("certificate verify failed"), std::string::npos)
      << status.dump();
  EXPECT_EQ(status["cursor"].value("seq", -1), 0) << status.dump();  // nothing taken
}

}  // namespace
}  // namespace ordo::testing
