// The MIS reading a real MES: `ordo serve` and `ordo-mis serve --mes` as child processes
// on loopback. The MIS signs in as a feed_reader account, follows the ledger, derives
// state intervals and counts, and computes KPIs from them with ledger lineage; it catches
// up exactly once after a stop, keeps serving while the MES is down, and stops with an
// alarm on a changed or missing ledger entry (issue 13 sections 1 and 7).
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <thread>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mis_feed_fixture.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

class MisFeedTest : public MisFeedFixture {
 protected:
  void ExpectAlarmAfter(const std::string& attack, const std::string& kind);
};

TEST_F(MisFeedTest, KpisComeFromTheMesLedgerWithTheEntriesBehindThem) {
  ORDO_VERIFIES("ORDO-MIS-96", "ORDO-MIS-95", "ORDO-MISFEED-34");
  Send(Json::array({State("2026-01-05T06:00:00Z", "running"),
                    State("2026-01-05T07:00:00Z", "down", ""),
                    State("2026-01-05T07:30:00Z", "running")}),
       Json::array({Count("2026-01-05T06:59:00Z", 100, 96, 4)}));
  mis_ = StartMis(mis_sandbox_.data());
  const std::string token = MisAdmin(*mis_);
  ImportPlant(*mis_, token);
  Json status = WaitCaughtUp(*mis_, token);
  EXPECT_TRUE(status["alarms"].empty()) << status.dump();
  // Without --mes-public-key the MES's checkpoints are not checked, and serve says so.
  EXPECT_EQ(status["checkpoints"], "not_checked") << status.dump();
  EXPECT_EQ(status["checkpoint_verified_seq"], 0) << status.dump();
  EXPECT_NE(mis_->Logs().find("checkpoints are not checked"), std::string::npos) << mis_->Logs();

  // 07:00-07:30 down in a 06:00-08:00 shift: availability 1.5 h / 2 h. 100 made, 96 good.
  Json figures = Kpi(*mis_, token, "availability,quality_ratio");
  EXPECT_DOUBLE_EQ(Value(figures, "availability"), 0.75) << figures.dump();
  EXPECT_DOUBLE_EQ(Value(figures, "quality_ratio"), 0.96) << figures.dump();

  // The hierarchy is the MES's master data, each node from its ledger entry.
  client::HttpReply scopes = mis_->Client().Get("/api/v1/scopes", token);
  ASSERT_EQ(scopes.status, 200) << scopes.Describe();
  bool press_seen = false;
  const Json listed = scopes.json();
  for (const auto& scope : listed["scopes"])
    if (scope["id"] == std::string(kUnit)) {
      press_seen = true;
      EXPECT_EQ(scope["parent"], std::string(kLine));
      EXPECT_EQ(scope["in_hierarchy"], true);
      EXPECT_EQ(scope["source"]["kind"], "ledger") << scope.dump();
    }
  EXPECT_TRUE(press_seen) << scopes.body;

  // Explain names the ledger entries behind the figure.
  client::HttpReply explain = mis_->Client().Get(
      std::string("/api/v1/kpi/explain?kpi=availability&scope=WU-PRESS-01&from=") + kShift +
          "&to=" + kShiftEnd + "&drilldown=true",
      token);
  ASSERT_EQ(explain.status, 200) << explain.Describe();
  const Json segments = explain.json()["drilldown"][0]["segments"];
  ASSERT_EQ(segments.size(), 3u) << explain.body;
  EXPECT_EQ(segments[1]["state"], "down");
  EXPECT_EQ(segments[1]["element"], "ADOT");
  EXPECT_EQ(segments[1]["source"]["kind"], "ledger");
  // The entry it names is the MES's state change, as the MES's own ledger says.
  const std::int64_t seq = segments[1]["source"]["first"];
  HttpReply entry = http().Get("/api/v1/ledger?after=" + std::to_string(seq - 1) + "&limit=1",
                               TokenFor("supervisor"));
  ASSERT_EQ(entry.status, 200) << entry.Describe();
  EXPECT_EQ(entry.json()["entries"][0]["type"], "equipment.state_changed");
  EXPECT_EQ(entry.json()["entries"][0]["payload"]["state"], "down");

  // The demo's work orders and operation completions (made by `ordo init --demo` today;
  // the window starts a day earlier, in case midnight passed since)
  // give first pass yield from the MES's own records.
  const ordo::TimeMicros now = ordo::SystemClock().NowMicros();
  const ordo::TimeMicros today = now - now % 86'400'000'000;
  client::HttpReply fpy = mis_->Client().Get(
      "/api/v1/kpi?kpi=fpy&scope=WC-MDA-CELL1&from=" + FormatUtcMicros(today - 86'400'000'000) +
          "&to=" + FormatUtcMicros(today + 86'400'000'000),
      token);
  ASSERT_EQ(fpy.status, 200) << fpy.Describe();
  const Json fpy_figure = fpy.json()["figures"][0];
  ASSERT_TRUE(fpy_figure["value"].is_number()) << fpy.body;
  EXPECT_GT(fpy_figure["value"].get<double>(), 0.0);
  ASSERT_FALSE(fpy_figure["sources"].empty()) << fpy.body;
  for (const auto& source : fpy_figure["sources"]) EXPECT_EQ(source["kind"], "ledger") << fpy.body;

  // A reason assigned afterwards on the MES reaches the MIS as well.
  HttpReply assigned = http().Post(
      std::string("/api/v1/work-units/") + kUnit + "/downtime/2026-01-05T07:00:00Z/reason",
      Json{{"reason_code", "UNP-JAM"}}, TokenFor("operator"));
  if (assigned.status == 200 || assigned.status == 201) {
    WaitCaughtUp(*mis_, token);
    client::HttpReply again = mis_->Client().Get(
        std::string("/api/v1/kpi/explain?kpi=availability&scope=WU-PRESS-01&from=") + kShift +
            "&to=" + kShiftEnd + "&drilldown=true",
        token);
    EXPECT_EQ(again.json()["drilldown"][0]["segments"][1]["reason"], "UNP-JAM") << again.body;
  } else {
    ADD_FAILURE() << "assigning a downtime reason on the MES: " << assigned.Describe();
  }
}

TEST_F(MisFeedTest, AStoppedMisCatchesUpExactlyOnceAndServesWhileTheMesIsDown) {
  ORDO_VERIFIES("ORDO-MIS-97");
  Send(Json::array({State("2026-01-05T06:00:00Z", "running")}),
       Json::array({Count("2026-01-05T06:10:00Z", 10, 10, 0)}));
  mis_ = StartMis(mis_sandbox_.data());
  const std::string token = MisAdmin(*mis_);
  ImportPlant(*mis_, token);
  WaitCaughtUp(*mis_, token);
  // A second MIS on its own store follows the same MES and never stops.
  MisSandbox steady;
  std::string error;
  ASSERT_TRUE(steady.Init(&error)) << error;
  second_mis_ = StartMis(steady.data(), steady.root());
  const std::string steady_token = MisAdmin(*second_mis_);
  ImportPlant(*second_mis_, steady_token);
  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());

  // While the MIS is stopped the plant goes on.
  Send(Json::array(
           {State("2026-01-05T06:40:00Z", "down"), State("2026-01-05T07:05:00Z", "running")}),
       Json::array(
           {Count("2026-01-05T06:30:00Z", 20, 18, 2), Count("2026-01-05T07:30:00Z", 30, 30, 0)}));
  mis_ = StartMis(mis_sandbox_.data());
  const std::string again = MisAdmin(*mis_);
  WaitCaughtUp(*mis_, again);
  Json caught_up = Kpi(*mis_, again, "availability,quality_ratio,scrap_ratio");
  // Each count once: 60 made, 58 good; down 06:40-07:05 of two hours.
  EXPECT_DOUBLE_EQ(Value(caught_up, "quality_ratio"), 58.0 / 60.0) << caught_up.dump();
  EXPECT_DOUBLE_EQ(Value(caught_up, "availability"), 95.0 / 120.0) << caught_up.dump();
  // Every figure equals the one of the MIS that never stopped.
  const std::string all =
      "availability,effectiveness,quality_ratio,oee_index,scrap_ratio,"
      "rework_ratio,mtbf,mttr,npt,npt_rate,utilization,teep";
  WaitCaughtUp(*second_mis_, steady_token);
  Json resumed = Kpi(*mis_, again, all), steady_figures = Kpi(*second_mis_, steady_token, all);
  ASSERT_EQ(resumed["figures"].size(), 12u) << resumed.dump();
  for (std::size_t i = 0; i < resumed["figures"].size(); ++i) {
    EXPECT_EQ(resumed["figures"][i]["value"], steady_figures["figures"][i]["value"])
        << resumed["figures"][i].dump() << "\n"
        << steady_figures["figures"][i].dump();
    EXPECT_EQ(resumed["figures"][i]["elements"], steady_figures["figures"][i]["elements"]);
  }

  // The MES stops: the MIS still answers with what it has, and says the MES is gone.
  ASSERT_TRUE(server_->Stop().has_value());
  Json down = WaitFeed(*mis_, again, [](const Json& s) { return s["state"] == "unreachable"; });
  EXPECT_EQ(down["state"], "unreachable") << down.dump();
  Json still = Kpi(*mis_, again, "availability,quality_ratio,scrap_ratio");
  EXPECT_EQ(still["figures"], caught_up["figures"]);
  ASSERT_TRUE(server_->Start(&error)) << error;  // the fixture's teardown verifies the MES
  client_ = std::make_unique<HttpClient>(server_->Client());
  EXPECT_TRUE(second_mis_->Stop(SIGTERM).has_value());  // before `steady` is removed
  second_mis_.reset();
}

TEST_F(MisFeedTest, TheDataQualityReportSetsErpOrdersAgainstTheMesAndListsUnassignedDowntime) {
  ORDO_VERIFIES("ORDO-MISDQ-28");
  Send(Json::array({State("2026-01-05T06:00:00Z", "running"), State("2026-01-05T07:00:00Z", "down"),
                    State("2026-01-05T07:30:00Z", "running")}),
       Json::array());
  mis_ = StartMis(mis_sandbox_.data());
  const std::string token = MisAdmin(*mis_);
  ImportPlant(*mis_, token);
  // The ERP's orders: the demo's WO-DEMO-1001 with another quantity (the MES has 500),
  // one the MES never saw, and a row the import refuses.
  client::HttpReply orders =
      mis_->Client().Request("POST", "/api/v1/imports/orders",
                             "order_id,customer,product,quantity,unit,due_date\n"
                             "WO-DEMO-1001,ACME,PD-DOSEPEN-3ML,600,ea,2026-12-31\n"
                             "WO-ERP-404,ACME,PD-DOSEPEN-3ML,10,ea,2026-12-31\n"
                             "WO-BAD,ACME,PD-DOSEPEN-3ML,many,ea,2026-12-31\n",
                             token, {{"Content-Type", "text/csv"}});
  ASSERT_EQ(orders.status, 201) << orders.Describe();
  ASSERT_EQ(orders.json()["rows"]["refused"], 1) << orders.body;
  WaitCaughtUp(*mis_, token);
  client::HttpReply report = mis_->Client().Get(
      std::string("/api/v1/data-quality?scope=") + kUnit + "&from=" + kShift + "&to=" + kShiftEnd,
      token);
  ASSERT_EQ(report.status, 200) << report.Describe();
  const Json body = report.json();
  std::map<std::string, std::vector<std::string>> subjects;
  for (const auto& issue : body["issues"])
    subjects[issue["kind"]].push_back(issue["subject"].get<std::string>());
  EXPECT_EQ(subjects["order_quantity_mismatch"], std::vector<std::string>{"WO-DEMO-1001"})
      << report.body;
  EXPECT_EQ(subjects["erp_order_not_in_mes"], std::vector<std::string>{"WO-ERP-404"});
  EXPECT_EQ(subjects["mes_order_not_in_erp"].size(), 5u);  // the demo's other orders
  EXPECT_EQ(subjects["unassigned_downtime"], std::vector<std::string>{kUnit});
  EXPECT_EQ(subjects["import_row_refused"], std::vector<std::string>{"orders"});
  EXPECT_EQ(body["counts"]["unassigned_downtime"], 1);
  // Bad input is refused as the KPI query's is.
  EXPECT_EQ(mis_->Client().Get("/api/v1/data-quality?scope=" + std::string(kUnit), token).status,
            400);
  EXPECT_EQ(
      mis_->Client()
          .Get(std::string("/api/v1/data-quality?scope=NOPE&from=") + kShift + "&to=" + kShiftEnd,
               token)
          .status,
      404);
}

// An MES work order due on 2026-03-01 (a date alone), shipped at 23:30 UTC that day (the
// shipments import): late in a site at +01:00 (the day ended at 23:00 UTC), on time at
// -05:00 (it ends at 05:00 UTC on March 2): the same store served with each --time-zone.
TEST_F(MisFeedTest, AnMesDueDateAloneEndsTheDayInTheSitesTimeZone) {
  ORDO_VERIFIES("ORDO-MISCT-02");
  HttpReply created = http().Post("/api/v1/orders",
                                  Json{{"order_id", "WO-TZ-1"},
                                       {"product", "PD-PCM500-20"},
                                       {"quantity", 10},
                                       {"unit", "ea"},
                                       {"due_date", "2026-03-01"},
                                       {"priority", 3}},
                                  TokenFor("supervisor"));
  ASSERT_EQ(created.status, 201) << created.Describe();
  bool imported = false;
  for (const auto& [zone, expected] : std::vector<std::pair<std::string, double>>{
           {"Europe/Paris", 0.0}, {"America/New_York", 1.0}}) {
    std::vector<std::string> flags = FeedFlags(server_->port(), mis_sandbox_.file("mes-password"));
    flags.insert(flags.end(), {"--time-zone", zone});
    mis_ = std::make_unique<MisServer>(mis_sandbox_.data(), mis_sandbox_.root(), flags);
    std::string error;
    ASSERT_TRUE(mis_->Start(&error)) << error;
    const std::string token = MisAdmin(*mis_);
    if (!imported) {
      client::HttpReply shipped =
          mis_->Client().Request("POST", "/api/v1/imports/shipments",
                                 "order_id,shipped_at,quantity\nWO-TZ-1,2026-03-01T23:30:00Z,10\n",
                                 token, {{"Content-Type", "text/csv"}});
      ASSERT_EQ(shipped.status, 201) << shipped.Describe();
      imported = true;
    }
    WaitCaughtUp(*mis_, token);
    client::HttpReply r = mis_->Client().Get(
        "/api/v1/kpi?kpi=otd,otif&from=2026-03-01T00:00:00Z&to=2026-03-03T00:00:00Z", token);
    ASSERT_EQ(r.status, 200) << r.Describe();
    const Json answer = r.json();  // kept: a range-for over r.json()[...] would dangle
    ASSERT_EQ(answer["figures"].size(), 2u) << r.body;
    for (const auto& f : answer["figures"]) {
      EXPECT_EQ(f["elements"].value("orders_due", -1.0), 1.0) << zone << ": " << f.dump();
      ASSERT_TRUE(f["value"].is_number()) << zone << ": " << f.dump();
      EXPECT_EQ(f["value"].get<double>(), expected) << zone << ": " << f.dump();
    }
    ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());
    mis_.reset();
  }
}

// The MIS takes the feed up to a point, stops; two more entries are written, and then
// `attack` (SQL on the MES's file, with the ledger's guard triggers dropped) changes or
// removes one. The restarted MIS takes what is before it and stops with alarm `kind`.
void MisFeedTest::ExpectAlarmAfter(const std::string& attack, const std::string& kind) {
  Send(Json::array({State("2026-01-05T06:00:00Z", "running")}), Json::array());
  mis_ = StartMis(mis_sandbox_.data());
  const std::string token = MisAdmin(*mis_);
  const Json before = WaitCaughtUp(*mis_, token);
  const std::int64_t taken = before["cursor"]["seq"];
  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());
  Send(Json::array({State("2026-01-05T06:20:00Z", "down")}), Json::array());
  Send(Json::array({State("2026-01-05T06:30:00Z", "running")}), Json::array());
  ASSERT_TRUE(server_->Stop().has_value());
  {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(
        "DROP TRIGGER ledger_no_update; DROP TRIGGER ledger_no_delete; DROP TRIGGER "
        "ledger_append_only; " +
        attack + " AND seq > " + std::to_string(taken));
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  std::string error;
  ASSERT_TRUE(server_->Start(&error)) << error;
  client_ = std::make_unique<HttpClient>(server_->Client());
  mis_ = StartMis(mis_sandbox_.data());
  const std::string again = MisAdmin(*mis_);
  Json stopped = WaitFeed(*mis_, again, [](const Json& s) { return s["state"] == "stopped"; });
  ASSERT_FALSE(stopped["alarms"].empty()) << stopped.dump();
  EXPECT_EQ(stopped["alarms"][0]["kind"], kind) << stopped.dump();
  const std::int64_t bad = stopped["alarms"][0]["seq"];
  EXPECT_GT(bad, taken);
  // Everything before the bad entry was taken, nothing from it on.
  EXPECT_EQ(stopped["cursor"]["seq"], bad - 1) << stopped.dump();
  EXPECT_NE(mis_->Logs().find("ALARM " + kind), std::string::npos) << mis_->Logs();
  server_.reset();  // the MES's own verify would fail by design
}

TEST_F(MisFeedTest, AChangedLedgerEntryStopsTheFeedWithAnAlarm) {
  ORDO_VERIFIES("ORDO-MIS-92", "ORDO-MIS-98");
  ExpectAlarmAfter(
      "UPDATE ledger SET payload = replace(payload, '\"down\"', '\"running\"') "
      "WHERE type = 'equipment.state_changed'",
      "hash_mismatch");
}

TEST_F(MisFeedTest, AMissingLedgerEntryStopsTheFeedWithAnAlarm) {
  ORDO_VERIFIES("ORDO-MIS-92", "ORDO-MIS-98");
  ExpectAlarmAfter(
      "DELETE FROM ledger WHERE type = 'equipment.state_changed' AND payload LIKE '%\"down\"%'",
      "gap");
}

// The MES restored from a backup older than what the MIS took (its data directory copied
// while it was stopped, copied back later): its ledger ends before the MIS's cursor. The
// MIS does not wait for it in silence: it stops with alarm mes_ledger_behind_cursor and
// keeps what it took.
TEST_F(MisFeedTest, AnMesLedgerShorterThanTheCursorStopsTheFeedWithAnAlarm) {
  ORDO_VERIFIES("ORDO-MISFEED-33", "ORDO-MIS-92");
  namespace fs = std::filesystem;
  const std::string backup = mis_sandbox_.file("mes-backup");
  std::string error;
  auto restart_mes = [&] {
    ASSERT_TRUE(server_->Start(&error)) << error;
    client_ = std::make_unique<HttpClient>(server_->Client());
  };
  ASSERT_TRUE(server_->Stop().has_value());
  fs::copy(sandbox_.data(), backup, fs::copy_options::recursive);
  ASSERT_NO_FATAL_FAILURE(restart_mes());
  const std::int64_t backup_head = HeadSeq(http());
  for (int i = 0; i < 8; ++i)
    Send(Json::array(
             {State("2026-01-05T06:0" + std::to_string(i) + ":00Z", i % 2 ? "down" : "running")}),
         Json::array());
  mis_ = StartMis(mis_sandbox_.data());
  const Json before = WaitCaughtUp(*mis_, MisAdmin(*mis_));
  const std::int64_t taken = before["cursor"]["seq"];
  ASSERT_GE(taken, backup_head + 8);
  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());

  ASSERT_TRUE(server_->Stop().has_value());
  fs::remove_all(sandbox_.data());
  fs::copy(backup, sandbox_.data(), fs::copy_options::recursive);
  ASSERT_NO_FATAL_FAILURE(restart_mes());
  const std::int64_t head = HeadSeq(http());
  ASSERT_LT(head, taken);
  mis_ = StartMis(mis_sandbox_.data());
  const std::string token = MisAdmin(*mis_);
  Json stopped = WaitFeed(*mis_, token, [](const Json& s) { return s["state"] == "stopped"; });
  ASSERT_FALSE(stopped["alarms"].empty()) << stopped.dump();
  const Json alarm = stopped["alarms"][0];
  EXPECT_EQ(alarm["kind"], "mes_ledger_behind_cursor") << stopped.dump();
  // The first entry taken that the MES lacks: after its head (its head plus the MIS's
  // sign-in at most), never after the cursor.
  EXPECT_GT(alarm["seq"].get<std::int64_t>(), head) << stopped.dump();
  EXPECT_LE(alarm["seq"].get<std::int64_t>(), taken) << stopped.dump();
  EXPECT_EQ(stopped["cursor"]["seq"], taken) << "what was taken is kept: " << stopped.dump();
  EXPECT_NE(mis_->Logs().find("ALARM mes_ledger_behind_cursor"), std::string::npos) << mis_->Logs();
  // Nothing more is taken: the entries the restored MES writes now are not the ones taken.
  EXPECT_EQ(mis_->Client().Get("/api/v1/feed", token).json()["cursor"]["seq"], taken);
}

// With the site's public key pinned, the MIS checks the MES's signed checkpoints before it
// stores the entries they sign: a checkpoint signed at the head after the MIS took it
// (POST /api/v1/ledger/checkpoint), and one signed at a seq the MIS has not read yet.
TEST_F(MisFeedTest, WithTheSitesKeyTheFeedVerifiesTheMesCheckpoints) {
  ORDO_VERIFIES("ORDO-MISFEED-34", "ORDO-MISFEED-35");
  const std::string key = SitePublicKey();
  ASSERT_EQ(key.size(), 64u);
  Send(Json::array({State("2026-01-05T06:00:00Z", "running")}), Json::array());
  mis_ = StartMis(mis_sandbox_.data(), "", {"--mes-public-key", key});
  const std::string token = MisAdmin(*mis_);
  const Json caught_up = WaitCaughtUp(*mis_, token);
  EXPECT_EQ(caught_up["checkpoints"], "checked") << caught_up.dump();
  EXPECT_EQ(mis_->Logs().find("checkpoints are not checked"), std::string::npos) << mis_->Logs();
  // Signed at the head, which the MIS has taken (then it is checked against the cursor's
  // hash) or is about to take (then in its page).
  const std::int64_t at_head = SignHead();
  ASSERT_GT(at_head, 0);
  Json verified = WaitFeed(*mis_, token, [at_head](const Json& s) {
    return s.value("checkpoint_verified_seq", std::int64_t{0}) >= at_head;
  });
  EXPECT_EQ(verified["checkpoint_verified_seq"], at_head) << verified.dump();
  // Signed while the MIS is stopped, at entries it has not read: checked in their page.
  ASSERT_TRUE(mis_->Stop(SIGTERM).has_value());
  Send(Json::array({State("2026-01-05T06:20:00Z", "down")}), Json::array());
  const std::int64_t later = SignHead();
  ASSERT_GT(later, at_head);
  Send(Json::array({State("2026-01-05T06:30:00Z", "running")}), Json::array());
  mis_ = StartMis(mis_sandbox_.data(), "", {"--mes-public-key", key});
  const std::string again = MisAdmin(*mis_);
  // The page is stored before the state is set to following: wait for both.
  Json status = WaitFeed(*mis_, again, [later](const Json& s) {
    return s.value("checkpoint_verified_seq", std::int64_t{0}) >= later &&
           s["cursor"].value("seq", std::int64_t{0}) > later &&
           s.value("state", "") == "following";
  });
  EXPECT_EQ(status["checkpoint_verified_seq"], later) << status.dump();
  EXPECT_EQ(status["state"], "following") << status.dump();
  EXPECT_TRUE(status["alarms"].empty()) << status.dump();
}

// A key that is not the site's: the first checkpoint the MIS meets stops consumption with
// checkpoint_signature, and nothing of that page is stored. A malformed key stops serve.
TEST_F(MisFeedTest, WithAnotherKeyTheFeedStopsAtTheFirstCheckpointAndStoresNothingOfItsPage) {
  ORDO_VERIFIES("ORDO-MISFEED-34", "ORDO-MISFEED-35");
  std::vector<std::string> malformed = {"serve", "--data", mis_sandbox_.data(), "--listen",
                                        "127.0.0.1:0"};
  for (const auto& flag : FeedFlags(server_->port(), mis_sandbox_.file("mes-password")))
    malformed.push_back(flag);
  malformed.insert(malformed.end(), {"--mes-public-key", "not-a-key"});
  RunResult refused = RunMis(malformed, mis_sandbox_.root());
  EXPECT_EQ(refused.status.code, 2) << refused.Describe();
  EXPECT_NE(refused.err.find("mes-public-key"), std::string::npos) << refused.Describe();

  std::string key = SitePublicKey();
  ASSERT_EQ(key.size(), 64u);
  key[0] = key[0] == '0' ? '1' : '0';  // well formed, not the site's
  HttpReply mes_checkpoints = http().Get("/api/v1/ledger/checkpoints", TokenFor("supervisor"));
  ASSERT_EQ(mes_checkpoints.status, 200) << mes_checkpoints.Describe();
  const std::int64_t first = mes_checkpoints.json()["checkpoints"][0]["seq"];
  mis_ = StartMis(mis_sandbox_.data(), "", {"--mes-public-key", key});
  const std::string token = MisAdmin(*mis_);
  Json stopped = WaitFeed(*mis_, token, [](const Json& s) { return s["state"] == "stopped"; });
  ASSERT_FALSE(stopped["alarms"].empty()) << stopped.dump();
  EXPECT_EQ(stopped["alarms"][0]["kind"], "checkpoint_signature") << stopped.dump();
  EXPECT_EQ(stopped["alarms"][0]["seq"], first) << stopped.dump();
  EXPECT_EQ(stopped["checkpoint_verified_seq"], 0) << stopped.dump();
  const std::int64_t cursor = stopped["cursor"]["seq"];
  EXPECT_LT(cursor, first) << "nothing of the checkpoint's page is stored: " << stopped.dump();
  client::HttpReply after =
      mis_->Client().Get("/api/v1/feed/entries?first=" + std::to_string(cursor + 1) +
                             "&last=" + std::to_string(cursor + 1000),
                         token);
  ASSERT_EQ(after.status, 200) << after.Describe();
  EXPECT_TRUE(after.json()["entries"].empty()) << after.body;
  EXPECT_NE(mis_->Logs().find("ALARM checkpoint_signature"), std::string::npos) << mis_->Logs();
  // It stays stopped: the cursor does not move while the MES writes on.
  Send(Json::array({State("2026-01-05T06:00:00Z", "running")}), Json::array());
  std::this_thread::sleep_for(std::chrono::seconds(1));
  EXPECT_EQ(mis_->Client().Get("/api/v1/feed", token).json()["cursor"]["seq"], cursor);
}

}  // namespace
}  // namespace ordo::testing
