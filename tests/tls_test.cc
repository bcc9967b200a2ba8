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
