// Shared fixture of the API integration tests: a fresh data directory (ordo init
// --demo) and a real `ordo serve` per test; TearDown stops it with SIGTERM (exit 0
// expected) and checks the data directory offline with `ordo ledger verify` and
// `ordo ledger replay --check`.
#pragma once

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <filesystem>
#include <set>
#include <thread>

#include "support/ordo.h"

namespace ordo::testing {

class ApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<OrdoServer>(sandbox_.data(), sandbox_.root());
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
  }

  void TearDown() override {
    if (!server_ || !server_->port()) return;
    auto status = server_->Stop();
    EXPECT_TRUE(status.has_value()) << "ordo serve did not exit after SIGTERM\n" << server_->Logs();
    if (status) {
      EXPECT_EQ(status->code, 0) << status->ToString() << "\n" << server_->Logs();
    }
    if (HasFailure()) std::fprintf(stderr, "%s\n", server_->Logs().c_str());
    RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
    EXPECT_EQ(verify.status.code, 0) << verify.Describe();
    RunResult replay = sandbox_.Ordo({"ledger", "replay", "--check", "--data", sandbox_.data()});
    EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  }

  const HttpClient& http() const { return *client_; }

  // Signs in the demo user of `role` (fails the test when that is impossible).
  std::string TokenFor(const std::string& role) {
    HttpReply reply;
    const Credentials& c = sandbox_.user(role);
    std::string token = Login(http(), c.name, c.password, &reply);
    EXPECT_FALSE(token.empty()) << "login as " << role << ": " << reply.Describe();
    return token;
  }

  // POSTs a logbook entry; returns its seq (0 after a failed expectation).
  std::int64_t Write(const std::string& token, const Json& body, const Headers& headers = {}) {
    HttpReply r = http().Post("/api/v1/logbook", body, token, headers);
    EXPECT_EQ(r.status, 201) << r.Describe();
    Json j = r.json();
    if (r.status != 201 || !j["entry"].is_object()) return 0;
    return j["entry"]["seq"].get<std::int64_t>();
  }

  static void ExpectProblem(const HttpReply& r, int status, const std::string& code,
                            const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.Describe();
    EXPECT_EQ(r.Header("content-type"), "application/problem+json") << r.Describe();
    Json j = r.json();
    ASSERT_TRUE(j.is_object()) << "not a JSON problem: " << r.Describe();
    EXPECT_EQ(j.value("code", ""), code) << r.Describe();
    EXPECT_EQ(j.value("status", 0), status) << r.Describe();
    EXPECT_FALSE(j.value("detail", "").empty()) << r.Describe();
    if (!field.empty()) {
      EXPECT_EQ(j.value("field", ""), field) << r.Describe();
    }
  }

  Sandbox sandbox_;
  std::unique_ptr<OrdoServer> server_;
  std::unique_ptr<HttpClient> client_;
};

inline std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace ordo::testing
