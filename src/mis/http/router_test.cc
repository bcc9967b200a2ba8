// The MIS router: 404/405/415/401/403/400 as problem+json with stable codes before any
// handler runs, path parameters, raw bodies, and the registration checks.
#include "mis/http/router.h"

#include <gtest/gtest.h>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>

#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mis/access/roles.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::mis::http {
namespace {

Awaitable<HttpResponse> Echo(Context&, Call& call) {
  HttpResponse r;
  r.body = Json{{"body", call.body},
                {"raw", call.request.body},
                {"params", call.params},
                {"role", call.role()}}
               .dump();
  co_return r;
}

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(InitCrypto());
    auto db = storage::OpenSqlite(":memory:", storage::OpenMode::kCreate);
    ASSERT_TRUE(db.ok());
    db_ = std::move(*db);
    context_ = std::make_unique<Context>(io_, *db_, clock_, ContextOptions{});
    Route users{"POST", "/api/v1/users", access::kUsersManage, "create", &Echo};
    users.schema = {{{"name", server::FieldType::kString, true, 64, "login name"}}};
    Route read{"GET", "/api/v1/things/{id}/parts/{part}", access::kRead, "read", &Echo};
    Route open{"GET", "/api/v1/open", "", "open", &Echo};
    Route csv{"POST", "/api/v1/imports/{kind}", access::kImportsRun, "import", &Echo};
    csv.media_types = {"text/csv", "application/x-ndjson"};
    ASSERT_TRUE(router_.Add({users, read, open, csv}).ok());
  }

  // A session of `role` (as sign-in makes it).
  std::string SignIn(const std::string& role) {
    server::Session s;
    s.user_id = 7;
    s.user_name = "u";
    s.roles = {role};
    return context_->sessions().Create(s, clock_.NowMicros());
  }

  HttpResponse Send(const std::string& method, const std::string& path,
                    const std::string& token = "", const std::string& body = "",
                    const std::string& type = "") {
    HttpRequest request;
    request.method = method;
    request.path = path;
    request.target = path;
    request.body = body;
    request.client = "127.0.0.1:5000";
    if (!token.empty()) request.headers["authorization"] = "Bearer " + token;
    if (!type.empty()) request.headers["content-type"] = type;
    HttpResponse response;
    boost::asio::co_spawn(
        io_,
        [&]() -> Awaitable<void> {
          auto handling = router_.Handle(*context_, request);
          response = co_await std::move(handling);
        },
        boost::asio::detached);
    io_.restart();
    io_.run();
    return response;
  }

  static std::string Code(const HttpResponse& r) {
    Json j = Json::parse(r.body, nullptr, false);
    return j.is_object() ? j.value("code", "") : "";
  }

  boost::asio::io_context io_;
  FakeClock clock_{1'700'000'000'000'000};
  std::unique_ptr<storage::Database> db_;
  std::unique_ptr<Context> context_;
  Router router_;
};

TEST_F(RouterTest, UnknownPathsAndMethodsAreProblems) {
  ORDO_VERIFIES("ORDO-MIS-17");
  HttpResponse none = Send("GET", "/api/v1/nothing");
  EXPECT_EQ(none.status, 404);
  EXPECT_EQ(none.content_type, "application/problem+json");
  EXPECT_EQ(Code(none), "not_found");
  HttpResponse page = Send("GET", "/index.html");
  EXPECT_EQ(page.status, 404);
  HttpResponse method = Send("DELETE", "/api/v1/open");
  EXPECT_EQ(method.status, 405);
  EXPECT_EQ(Json::parse(method.body)["reason"], "method_not_allowed");
  EXPECT_EQ(Send("GET", "/api/v1/things/1/parts").status, 404);  // a parameter needs a segment
}

TEST_F(RouterTest, PathsOutsideTheApiGoToThePagesWhenSet) {
  ORDO_VERIFIES("ORDO-MIS-80");
  router_.SetPages([](const HttpRequest& r) {
    HttpResponse page;
    page.content_type = "text/html";
    page.body = "page " + r.path;
    return page;
  });
  HttpResponse page = Send("GET", "/oee/L1");
  EXPECT_EQ(page.status, 200);
  EXPECT_EQ(page.body, "page /oee/L1");
  EXPECT_EQ(Code(Send("GET", "/api/v1/nothing")), "not_found");  // the API is not a page
  EXPECT_EQ(Send("GET", "/api/v1/open").status, 200);
}

TEST_F(RouterTest, EveryRouteWithAPermissionNeedsAValidSession) {
  ORDO_VERIFIES("ORDO-MIS-11");
  HttpResponse anonymous = Send("GET", "/api/v1/things/1/parts/2");
  EXPECT_EQ(anonymous.status, 401);
  EXPECT_EQ(anonymous.content_type, "application/problem+json");
  EXPECT_EQ(Code(anonymous), "unauthenticated");
  HttpResponse forged = Send("GET", "/api/v1/things/1/parts/2", std::string(64, 'a'));
  EXPECT_EQ(forged.status, 401);
  const std::string token = SignIn(access::kMisViewer);
  clock_.Advance(16LL * 60 * 1'000'000);  // past the idle timeout
  EXPECT_EQ(Send("GET", "/api/v1/things/1/parts/2", token).status, 401);
  EXPECT_EQ(Send("GET", "/api/v1/open").status, 200);  // open route: no session needed
}

TEST_F(RouterTest, ARoleWithoutThePermissionGets403BeforeTheBodyIsRead) {
  ORDO_VERIFIES("ORDO-MIS-11", "ORDO-MIS-07");
  const std::string viewer = SignIn(access::kMisViewer);
  HttpResponse refused =
      Send("POST", "/api/v1/users", viewer, "{\"unknown\": 1}", "application/json");
  EXPECT_EQ(refused.status, 403);
  EXPECT_EQ(Code(refused), "permission_denied");
  EXPECT_NE(refused.body.find("mis.users"), std::string::npos) << refused.body;
  EXPECT_EQ(Send("POST", "/api/v1/imports/orders", viewer, "a,b\n", "text/csv").status, 403);
  const std::string analyst = SignIn(access::kMisAnalyst);
  EXPECT_EQ(Send("POST", "/api/v1/users", analyst, "{\"name\": \"x\"}", "application/json").status,
            403);
  HttpResponse ok = Send("GET", "/api/v1/things/4/parts/x", viewer);
  ASSERT_EQ(ok.status, 200) << ok.body;
  EXPECT_EQ(Json::parse(ok.body)["params"], (Json{{"id", "4"}, {"part", "x"}}));
  EXPECT_EQ(Json::parse(ok.body)["role"], "mis_viewer");
}

TEST_F(RouterTest, BodiesAreCheckedByMediaTypeAndSchema) {
  ORDO_VERIFIES("ORDO-MIS-17");
  const std::string admin = SignIn(access::kMisAdmin);
  HttpResponse text = Send("POST", "/api/v1/users", admin, "{\"name\":\"x\"}", "text/plain");
  EXPECT_EQ(text.status, 415);
  EXPECT_EQ(Code(text), "unsupported_media_type");
  HttpResponse unknown =
      Send("POST", "/api/v1/users", admin, "{\"name\":\"x\",\"role\":1}", "application/json");
  EXPECT_EQ(unknown.status, 400);
  EXPECT_EQ(Json::parse(unknown.body)["field"], "role");
  HttpResponse missing = Send("POST", "/api/v1/users", admin, "{}", "application/json");
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(Json::parse(missing.body)["field"], "name");
  HttpResponse good =
      Send("POST", "/api/v1/users", admin, "{\"name\":\"x\"}", "application/json; charset=utf-8");
  ASSERT_EQ(good.status, 200) << good.body;
  EXPECT_EQ(Json::parse(good.body)["body"]["name"], "x");
  HttpResponse csv = Send("POST", "/api/v1/imports/orders", admin, "a,b\n1,2\n", "text/csv");
  ASSERT_EQ(csv.status, 200) << csv.body;
  EXPECT_EQ(Json::parse(csv.body)["raw"], "a,b\n1,2\n");
  EXPECT_EQ(Send("POST", "/api/v1/imports/orders", admin, "{}", "application/json").status, 415);
  HttpResponse body = Send("GET", "/api/v1/open", "", "unexpected");
  EXPECT_EQ(body.status, 400);
  EXPECT_EQ(Json::parse(body.body)["field"], "body");
}

TEST_F(RouterTest, RegistrationRefusesDuplicatesUnknownPermissionsAndMissingHandlers) {
  ORDO_VERIFIES("ORDO-MIS-16");
  Router router;
  Route a{"GET", "/api/v1/a", access::kRead, "a", &Echo};
  ASSERT_TRUE(router.Add({a}).ok());
  Status twice = router.Add({a});
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.error().code, ErrorCode::kInternal);
  EXPECT_NE(twice.error().message.find("GET /api/v1/a"), std::string::npos);
  EXPECT_FALSE(router.Add({{"GET", "/api/v1/b", "mis.everything", "b", &Echo}}).ok());
  EXPECT_FALSE(router.Add({{"GET", "/api/v1/c", access::kRead, "c", nullptr}}).ok());
  EXPECT_FALSE(router.Add({{"GET", "/health", "", "d", &Echo}}).ok());
  Route both{"POST", "/api/v1/e", access::kRead, "e", &Echo};
  both.schema = {{{"x", server::FieldType::kString, true, 10, "x"}}};
  both.media_types = {"text/csv"};
  EXPECT_FALSE(router.Add({both}).ok());
  Route other_method = a;
  other_method.method = "POST";
  EXPECT_TRUE(router.Add({other_method}).ok());
  EXPECT_EQ(router.routes().size(), 2u);
}

}  // namespace
}  // namespace ordo::mis::http
