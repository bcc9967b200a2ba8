// Sign-in, session and user routes through the router with a fake clock: the throttle
// after a failure, the idle timeout, a disabled user, and the users list.
#include "mis/access/http/access_routes.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <filesystem>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/access/roles.h"
#include "mis/store/mis_store.h"
#include "storage/rows.h"

namespace ordo::mis::access {
namespace {

constexpr const char* kPassword = "a good long password";

class AccessRoutesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    dir_ = std::filesystem::path(::testing::TempDir()) /
           ("mis_access_routes_" +
            std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto opened = store::OpenMisStore(store::StorePath(dir_.string()), Migrations(), true);
    ASSERT_TRUE(opened.ok()) << opened.error().message;
    db_ = std::move(opened->db);
    auto hash = HashPassword(kPassword);
    ASSERT_TRUE(hash.ok());
    ASSERT_TRUE(CreateUser(*db_, "ann", kMisAdmin, *hash, "test", 0).ok());
    ASSERT_TRUE(CreateUser(*db_, "vic", kMisViewer, *hash, "test", 0).ok());
    context_ = std::make_unique<http::Context>(io_, *db_, clock_, http::ContextOptions{});
    ASSERT_TRUE(router_.Add(Routes()).ok());
  }
  void TearDown() override {
    context_.reset();
    db_.reset();
    std::filesystem::remove_all(dir_);
  }

  server::HttpResponse Send(const std::string& method, const std::string& path,
                            const std::string& token = "", const Json& body = nullptr,
                            const std::string& client = "10.0.0.1:4000") {
    server::HttpRequest request;
    request.method = method;
    request.path = request.target = path;
    request.client = client;
    if (!body.is_null()) {
      request.body = body.dump();
      request.headers["content-type"] = "application/json";
    }
    if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
    server::HttpResponse response;
    boost::asio::co_spawn(
        io_,
        [&]() -> http::Awaitable<void> {
          auto handling = router_.Handle(*context_, request);
          response = co_await std::move(handling);
        },
        boost::asio::detached);
    io_.restart();
    io_.run();
    return response;
  }
  server::HttpResponse SignIn(const std::string& user, const std::string& password,
                              const std::string& client = "10.0.0.1:4000") {
    return Send("POST", "/api/v1/session", "", Json{{"user", user}, {"password", password}},
                client);
  }
  static Json Body(const server::HttpResponse& r) { return Json::parse(r.body, nullptr, false); }

  std::filesystem::path dir_;
  boost::asio::io_context io_;
  FakeClock clock_{1'767'225'600'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<http::Context> context_;
  http::Router router_;
};

TEST_F(AccessRoutesTest, AFailedSignInDelaysTheNextAttemptOfThatAccount) {
  ORDO_VERIFIES("ORDO-MIS-10");
  // The first failure of an account is free (a typo); the second delays the next attempt.
  EXPECT_EQ(SignIn("ann", "wrong password!").status, 401);
  EXPECT_EQ(SignIn("ann", "wrong password?").status, 401);
  server::HttpResponse throttled = SignIn("ann", kPassword);
  ASSERT_EQ(throttled.status, 429) << throttled.body;
  EXPECT_EQ(Body(throttled)["code"], "resource_exhausted");
  EXPECT_GE(Body(throttled)["retry_after_seconds"].get<int>(), 1);
  bool retry_after = false;
  for (const auto& [name, value] : throttled.headers) retry_after |= name == "Retry-After";
  EXPECT_TRUE(retry_after);
  // Another account from another address is not delayed by ann's failure.
  EXPECT_EQ(SignIn("vic", kPassword, "10.0.0.2:4000").status, 200);
  clock_.Advance(2'000'000);  // past the 1 s delay
  EXPECT_EQ(SignIn("ann", kPassword).status, 200);
}

TEST_F(AccessRoutesTest, FailuresFromOneAddressAreThrottledAcrossAccounts) {
  ORDO_VERIFIES("ORDO-MIS-10");
  // Each failure on a new name: no account is delayed, but the address is after its
  // free failures.
  int throttled = 0;
  for (int i = 0; i < 8; ++i) {
    const int status = SignIn("guess" + std::to_string(i), "wrong password!").status;
    EXPECT_TRUE(status == 401 || status == 429) << status;
    throttled += status == 429;
  }
  EXPECT_GT(throttled, 0);
  EXPECT_EQ(SignIn("vic", kPassword).status, 429);
  EXPECT_EQ(SignIn("vic", kPassword, "10.0.0.9:1").status, 200);
}

TEST_F(AccessRoutesTest, SessionsEndWhenIdleAndADisabledUserCannotSignIn) {
  ORDO_VERIFIES("ORDO-MIS-09", "ORDO-MIS-08");
  server::HttpResponse in = SignIn("vic", kPassword);
  ASSERT_EQ(in.status, 200) << in.body;
  const std::string token = Body(in)["token"];
  EXPECT_EQ(Body(in)["user"]["permissions"], Json::array({kRead}));
  clock_.Advance(10LL * 60 * 1'000'000);
  EXPECT_EQ(Send("GET", "/api/v1/session", token).status, 200);  // use moves the expiry
  clock_.Advance(14LL * 60 * 1'000'000);
  EXPECT_EQ(Send("GET", "/api/v1/session", token).status, 200);
  clock_.Advance(16LL * 60 * 1'000'000);
  EXPECT_EQ(Send("GET", "/api/v1/session", token).status, 401);

  ASSERT_TRUE(
      storage::Run(*db_, "UPDATE mis_user SET enabled = 0 WHERE name = 'vic'", storage::NoBind)
          .ok());
  server::HttpResponse disabled = SignIn("vic", kPassword, "10.0.0.3:1");
  EXPECT_EQ(disabled.status, 401);
  server::HttpResponse wrong = SignIn("ann", "wrong password!", "10.0.0.4:1");
  EXPECT_EQ(Body(disabled)["detail"], Body(wrong)["detail"]);  // the same answer
}

TEST_F(AccessRoutesTest, TheAdminListsAndCreatesUsers) {
  ORDO_VERIFIES("ORDO-MIS-13");
  const std::string admin = Body(SignIn("ann", kPassword))["token"];
  server::HttpResponse created =
      Send("POST", "/api/v1/users", admin,
           Json{{"name", "ana.lyst"}, {"role", kMisAnalyst}, {"password", "analyst password"}});
  ASSERT_EQ(created.status, 201) << created.body;
  server::HttpResponse list = Send("GET", "/api/v1/users", admin);
  ASSERT_EQ(list.status, 200);
  ASSERT_EQ(Body(list)["users"].size(), 3u);
  EXPECT_EQ(Body(list)["users"][2]["role"], kMisAnalyst);
  server::HttpResponse analyst = SignIn("ana.lyst", "analyst password");
  ASSERT_EQ(analyst.status, 200) << analyst.body;
  EXPECT_EQ(Body(analyst)["user"]["permissions"], Json::array({kImportsRun, kRead}));
  server::HttpResponse bad_name =
      Send("POST", "/api/v1/users", admin,
           Json{{"name", "Bad Name"}, {"role", kMisViewer}, {"password", "long enough pass"}});
  EXPECT_EQ(bad_name.status, 400);
  EXPECT_EQ(Body(bad_name)["field"], "name");
  server::HttpResponse same =
      Send("POST", "/api/v1/users", admin,
           Json{{"name", "someone.else"}, {"role", kMisViewer}, {"password", "SOMEONE.ELSE"}});
  EXPECT_EQ(same.status, 400);
  EXPECT_EQ(Body(same)["reason"], "password_is_user_name");
}

}  // namespace
}  // namespace ordo::mis::access
