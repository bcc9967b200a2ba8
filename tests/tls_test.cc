// HTTPS: `ordo serve --tls-cert/--tls-key` with a self-signed certificate made by the
// openssl CLI. The client does not verify the certificate (it is self-signed).
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

class TlsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    cert_ = sandbox_.file("cert.pem");
    key_ = sandbox_.file("key.pem");
    RunResult gen = ordo::testing::Run(
        {"/usr/bin/env", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj",
         "/CN=127.0.0.1", "-days", "1", "-keyout", key_, "-out", cert_},
        sandbox_.root());
    ASSERT_EQ(gen.status.code, 0) << "openssl req failed: " << gen.Describe();
  }

  Sandbox sandbox_;
  std::string cert_, key_;
};

TEST_F(TlsTest, HttpsServesHealthAndSignInAndRefusesPlainHttp) {
  ORDO_VERIFIES("P11-12", "ORDO-TLS-01");
  OrdoServer server(sandbox_.data(), sandbox_.root(), {"--tls-cert", cert_, "--tls-key", key_});
  std::string error;
  ASSERT_TRUE(server.Start(&error)) << error;
  ASSERT_TRUE(server.tls()) << "the listening line must say https\n" << server.Logs();
  HttpClient https = server.Client();

  HttpReply health = https.Get("/api/v1/health");
  ASSERT_EQ(health.status, 200) << health.Describe() << server.Logs();
  EXPECT_EQ(health.json().value("status", ""), "ok");

  const Credentials& admin = sandbox_.user("admin");
  HttpReply login;
  const std::string token = Login(https, admin.name, admin.password, &login);
  ASSERT_FALSE(token.empty()) << login.Describe();
  HttpReply me = https.Get("/api/v1/session", token);
  ASSERT_EQ(me.status, 200) << me.Describe();
  EXPECT_EQ(me.json()["user"]["name"], admin.name);

  // Plain HTTP to the TLS port gets no HTTP answer.
  HttpClient plain(server.port(), /*tls=*/false);
  plain.set_timeout_seconds(10);
  HttpReply refused = plain.Get("/api/v1/health");
  EXPECT_EQ(refused.status, 0) << refused.Describe();
  EXPECT_FALSE(refused.error.empty());
  EXPECT_EQ(refused.body.find("head_seq"), std::string::npos);

  // The server is unharmed by the bad client.
  EXPECT_EQ(https.Get("/api/v1/health").status, 200);
  auto stopped = server.Stop();
  ASSERT_TRUE(stopped.has_value()) << server.Logs();
  EXPECT_EQ(stopped->code, 0) << server.Logs();
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
}

// `openssl s_client` against the server: exit code 0 and the banner when the handshake
// succeeds. @SECLEVEL=0 lets the client offer what a scanner would try.
RunResult Handshake(const Sandbox& sandbox, std::uint16_t port, const std::string& args) {
  return ordo::testing::Run({"/bin/sh", "-c",
                             "openssl s_client -connect 127.0.0.1:" + std::to_string(port) + " " +
                                 args + " </dev/null 2>&1"},
                            sandbox.root(), std::chrono::seconds(30));
}

TEST_F(TlsTest, OnlyForwardSecretAeadSuitesAndTls13AreOffered) {
  ORDO_VERIFIES("P11-12", "ORDO-HTTP-07");
  OrdoServer server(sandbox_.data(), sandbox_.root(), {"--tls-cert", cert_, "--tls-key", key_});
  std::string error;
  ASSERT_TRUE(server.Start(&error)) << error;
  for (const char* weak : {"AES128-SHA", "AES256-SHA256", "ECDHE-RSA-AES128-SHA",
                           "ECDHE-RSA-AES256-SHA384", "AES128-GCM-SHA256"}) {
    RunResult r = Handshake(sandbox_, server.port(),
                            std::string("-tls1_2 -cipher '") + weak + ":@SECLEVEL=0'");
    EXPECT_NE(r.status.code, 0) << weak << " was accepted:\n" << r.out;
  }
  for (const char* old_version : {"-tls1", "-tls1_1"}) {
    RunResult r = Handshake(sandbox_, server.port(),
                            std::string(old_version) + " -cipher 'DEFAULT:@SECLEVEL=0'");
    EXPECT_NE(r.status.code, 0) << old_version << " was accepted:\n" << r.out;
  }
  for (const char* good : {"ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-RSA-AES256-GCM-SHA384",
                           "ECDHE-RSA-CHACHA20-POLY1305"}) {
    RunResult r = Handshake(sandbox_, server.port(), std::string("-tls1_2 -cipher ") + good);
    EXPECT_EQ(r.status.code, 0) << good << " was refused:\n" << r.out;
    EXPECT_NE(r.out.find(good), std::string::npos) << r.out;
  }
  RunResult tls13 = Handshake(sandbox_, server.port(), "-tls1_3");
  EXPECT_EQ(tls13.status.code, 0) << tls13.out;
  EXPECT_NE(tls13.out.find("TLSv1.3"), std::string::npos) << tls13.out;
}

TEST_F(TlsTest, UnreadableKeyStopsStartUp) {
  ORDO_VERIFIES("ORDO-TLS-01");
  OrdoServer server(sandbox_.data(), sandbox_.root(),
                    {"--tls-cert", cert_, "--tls-key", sandbox_.file("missing-key.pem")});
  std::string error;
  EXPECT_FALSE(server.Start(&error, std::chrono::seconds(20)));
  EXPECT_NE(error.find("exited (exit code 2)"), std::string::npos) << error;
  OrdoServer half(sandbox_.data(), sandbox_.root(), {"--tls-cert", cert_});
  EXPECT_FALSE(half.Start(&error, std::chrono::seconds(20)));
  EXPECT_NE(error.find("go together"), std::string::npos) << error;
}

}  // namespace
}  // namespace ordo::testing
