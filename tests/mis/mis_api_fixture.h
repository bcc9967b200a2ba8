// The fixture of the MIS's HTTP tests: a data directory from the real `ordo-mis init`, the
// real `ordo-mis serve` on loopback, and the admin signed in.
#pragma once

#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <string>

#include "mis_server.h"

namespace ordo::testing {

class MisApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(sandbox_.Init(&error)) << error;
    server_ = std::make_unique<MisServer>(sandbox_.data(), sandbox_.root());
    ASSERT_TRUE(server_->Start(&error)) << error;
    admin_ = SignIn("admin", kMisAdminPassword);
    ASSERT_FALSE(admin_.empty());
  }
  // The session token of `user`, or "" when the sign-in is refused.
  std::string SignIn(const std::string& user, const std::string& password) {
    client::HttpReply r =
        server_->Client().Post("/api/v1/session", {{"user", user}, {"password", password}});
    return r.status == 200 ? r.json().value("token", "") : "";
  }
  // POST /api/v1/imports/KIND as the admin, or as the holder of `token`.
  client::HttpReply Import(const std::string& kind, const std::string& body,
                           const std::string& type = "text/csv", const std::string& token = "") {
    return server_->Client().Request("POST", "/api/v1/imports/" + kind, body,
                                     token.empty() ? admin_ : token, {{"Content-Type", type}});
  }
  // Writes `text` to NAME in the sandbox; its path.
  std::string WriteFile(const std::string& name, const std::string& text) {
    const std::string path = sandbox_.file(name);
    std::ofstream(path) << text;
    return path;
  }

  MisSandbox sandbox_;
  std::unique_ptr<MisServer> server_;
  std::string admin_;
};

}  // namespace ordo::testing
