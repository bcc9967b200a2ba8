// The fixture of the tests of an MIS that follows a real MES (tests/mis/mis_feed_*_test.cc):
// `ordo serve` with the demo plant and the feed account (ApiTest, support/feed_account.h),
// an MIS sandbox, and `ordo-mis serve --mes` started on it, with helpers to write machine
// data to the MES, wait for the feed's state, sign the MES's head and read its site key.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include "api_fixture.h"
#include "mis_server.h"
#include "support/feed_account.h"

namespace ordo::testing {

constexpr const char* kUnit = "WU-PRESS-01";
constexpr const char* kShift = "2026-01-05T06:00:00Z";
constexpr const char* kShiftEnd = "2026-01-05T08:00:00Z";
constexpr const char* kLine = "WC-OSD-COMP";  // WU-PRESS-01's work center in the demo plant

class MisFeedFixture : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    // The feed account: an admin creates it, its first sign-in sets its password.
    ASSERT_TRUE(SetUpFeedAccount(http(), TokenFor("admin"), TokenFor("engineer"), kUnit, &key_));
    std::string error;
    ASSERT_TRUE(mis_sandbox_.Init(&error)) << error;
    std::ofstream(mis_sandbox_.file("mes-password")) << kFeedPassword << "\n";
  }
  void TearDown() override {
    for (auto* mis : {&mis_, &second_mis_})
      if (*mis) {
        if (HasFailure()) std::fprintf(stderr, "%s\n", (*mis)->Logs().c_str());
        (*mis)->Stop(SIGTERM);
      }
    ApiTest::TearDown();
  }

  // `ordo-mis serve` following the MES, with `extra` flags (e.g. --mes-public-key), at
  // `mes_port` (0: the MES's own port).
  std::unique_ptr<MisServer> StartMis(const std::string& data_dir, const std::string& logs = "",
                                      const std::vector<std::string>& extra = {},
                                      std::uint16_t mes_port = 0) {
    std::vector<std::string> flags =
        FeedFlags(mes_port != 0 ? mes_port : server_->port(), mis_sandbox_.file("mes-password"));
    flags.insert(flags.end(), extra.begin(), extra.end());
    auto mis =
        std::make_unique<MisServer>(data_dir, logs.empty() ? mis_sandbox_.root() : logs, flags);
    std::string error;
    EXPECT_TRUE(mis->Start(&error)) << error;
    return mis;
  }
  std::string MisAdmin(const MisServer& mis) {
    client::HttpReply r = mis.Client().Post(
        "/api/v1/session", Json{{"user", "admin"}, {"password", kMisAdminPassword}});
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json().value("token", "");
  }
  // GET /api/v1/feed until `done(status)` or 60 s; the last status.
  Json WaitFeed(const MisServer& mis, const std::string& token,
                const std::function<bool(const Json&)>& done) {
    Json status;
    for (int i = 0; i < 600; ++i) {
      status = mis.Client().Get("/api/v1/feed", token).json();
      if (done(status)) return status;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "the feed did not get there: " << status.dump();
    return status;
  }
  Json WaitCaughtUp(const MisServer& mis, const std::string& token) {
    const std::int64_t head = HeadSeq(http());
    return WaitFeed(mis, token, [head](const Json& s) {
      return s.value("state", "") == "following" && s["cursor"].value("seq", -1) >= head;
    });
  }
  void Send(const Json& states, const Json& counts) {
    static int seq = 0;
    HttpReply r = http().Post(
        "/api/v1/equipment-data",
        Json{{"source", kFeedSource}, {"seq", ++seq}, {"states", states}, {"counts", counts}},
        key_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }
  static Json State(const std::string& time, const std::string& state,
                    const std::string& reason = "") {
    Json s{{"work_unit", kUnit}, {"time", time}, {"state", state}};
    if (!reason.empty()) s["reason"] = reason;
    return s;
  }
  static Json Count(const std::string& time, int total, int good, int scrap) {
    return Json{{"work_unit", kUnit}, {"time", time},   {"total", total},
                {"good", good},       {"scrap", scrap}, {"rework", 0}};
  }
  // The shift, imported into an MIS; the equipment hierarchy comes from the MES's master
  // data through the feed (WU-PRESS-01 in WC-OSD-COMP, AREA-OSD, SITE-BSL).
  void ImportPlant(const MisServer& mis, const std::string& token) {
    client::HttpReply r =
        mis.Client().Request("POST", "/api/v1/imports/calendar",
                             "scope,start,end,kind,label\nSITE-BSL," + std::string(kShift) + "," +
                                 kShiftEnd + ",shift,early\n",
                             token, {{"Content-Type", "text/csv"}});
    ASSERT_TRUE(r.ok()) << r.Describe();
    EXPECT_EQ(r.json()["rows"].value("refused", -1), 0) << r.body;
  }
  Json Kpi(const MisServer& mis, const std::string& token, const std::string& kpis) {
    client::HttpReply r =
        mis.Client().Get("/api/v1/kpi?kpi=" + kpis + "&scope=" + std::string(kUnit) +
                             "&from=" + kShift + "&to=" + kShiftEnd,
                         token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json();
  }
  static double Value(const Json& answer, const std::string& kpi) {
    for (const auto& f : answer["figures"])
      if (f.value("kpi", "") == kpi && f["value"].is_number()) return f["value"].get<double>();
    ADD_FAILURE() << "no value for " << kpi << " in " << answer.dump();
    return -1;
  }

  // The site's public key, as ledger entry 1 of the MES names it.
  std::string SitePublicKey() {
    HttpReply first = http().Get("/api/v1/ledger?after=0&limit=1", TokenFor("supervisor"));
    EXPECT_EQ(first.status, 200) << first.Describe();
    return first.json()["entries"][0]["payload"].value("public_key", "");
  }
  // POST /api/v1/ledger/checkpoint as admin: the seq of the MES's latest checkpoint.
  std::int64_t SignHead() {
    HttpReply cp = http().Request("POST", "/api/v1/ledger/checkpoint", "", TokenFor("admin"));
    EXPECT_EQ(cp.status, 200) << cp.Describe();
    return cp.json().value("checkpoint_seq", std::int64_t{-1});
  }

  std::string key_;
  MisSandbox mis_sandbox_;
  std::unique_ptr<MisServer> mis_, second_mis_;
};

}  // namespace ordo::testing
