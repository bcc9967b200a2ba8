// GET /api/v1/feed/entries on a real `ordo serve` and `ordo-mis serve --mes`: the rows the
// MIS took from the MES ledger entries a figure names (a source {"kind": "ledger"}) are
// the MES's own (seq, type, work unit, device time, state, counts), and bad ranges are
// refused naming the parameter.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <map>
#include <thread>

#include "api_fixture.h"
#include "core/clock.h"
#include "core/testing/verifies.h"
#include "mis_server.h"
#include "support/feed_account.h"

namespace ordo::testing {
namespace {

constexpr const char* kUnit = "WU-PRESS-01";

// An ISO 8601 time as microseconds (-1 when it does not parse).
TimeMicros Micros(const Json& text) {
  TimeMicros t = -1;
  if (!text.is_string() || !ParseIsoTime(text.get<std::string>(), &t)) return -1;
  return t;
}

class MisFeedEntriesTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    std::string key;
    ASSERT_TRUE(SetUpFeedAccount(http(), TokenFor("admin"), TokenFor("engineer"), kUnit, &key));
    HttpReply batch = http().Post(
        "/api/v1/equipment-data",
        Json{{"source", kFeedSource},
             {"seq", 1},
             {"states",
              {{{"work_unit", kUnit}, {"time", "2026-01-05T06:00:00Z"}, {"state", "running"}},
               {{"work_unit", kUnit}, {"time", "2026-01-05T07:00:00Z"}, {"state", "down"}},
               {{"work_unit", kUnit}, {"time", "2026-01-05T07:30:00Z"}, {"state", "running"}}}},
             {"counts",
              {{{"work_unit", kUnit},
                {"time", "2026-01-05T06:59:00Z"},
                {"total", 100},
                {"good", 96},
                {"scrap", 4},
                {"rework", 0}}}}},
        key);
    ASSERT_EQ(batch.status, 200) << batch.Describe();
    std::string error;
    ASSERT_TRUE(mis_sandbox_.Init(&error)) << error;
    std::ofstream(mis_sandbox_.file("mes-password")) << kFeedPassword << "\n";
    mis_ =
        std::make_unique<MisServer>(mis_sandbox_.data(), mis_sandbox_.root(),
                                    FeedFlags(server_->port(), mis_sandbox_.file("mes-password")));
    ASSERT_TRUE(mis_->Start(&error)) << error;
    client::HttpReply r = mis_->Client().Post(
        "/api/v1/session", Json{{"user", "admin"}, {"password", kMisAdminPassword}});
    ASSERT_EQ(r.status, 200) << r.Describe();
    token_ = r.json().value("token", "");
  }
  void TearDown() override {
    if (mis_) {
      if (HasFailure()) std::fprintf(stderr, "%s\n", mis_->Logs().c_str());
      mis_->Stop(SIGTERM);
    }
    ApiTest::TearDown();
  }
  // GET /api/v1/feed until the cursor is at the MES's head (60 s at most).
  void WaitCaughtUp() {
    const std::int64_t head = HeadSeq(http());
    Json status;
    for (int i = 0; i < 600; ++i) {
      status = mis_->Client().Get("/api/v1/feed", token_).json();
      if (status["cursor"].value("seq", -1) >= head) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    FAIL() << "the feed did not catch up with seq " << head << ": " << status.dump();
  }
  client::HttpReply Entries(const std::string& query) {
    return mis_->Client().Get("/api/v1/feed/entries" + query, token_);
  }

  MisSandbox mis_sandbox_;
  std::unique_ptr<MisServer> mis_;
  std::string token_;
};

TEST_F(MisFeedEntriesTest, TheEntriesBehindAFigureAreTheMesLedgerEntries) {
  ORDO_VERIFIES("ORDO-MISUI-10");
  ASSERT_NO_FATAL_FAILURE(WaitCaughtUp());
  // The shift; the equipment hierarchy comes from the MES's master data (WU-PRESS-01 in
  // WC-OSD-COMP, AREA-OSD, SITE-BSL).
  client::HttpReply calendar =
      mis_->Client().Request("POST", "/api/v1/imports/calendar",
                             "scope,start,end,kind,label\nSITE-BSL,2026-01-05T06:00:00Z,2026-01-"
                             "05T08:00:00Z,shift,early\n",
                             token_, {{"Content-Type", "text/csv"}});
  ASSERT_TRUE(calendar.ok()) << calendar.Describe();
  client::HttpReply explain = mis_->Client().Get(
      "/api/v1/kpi/explain?kpi=availability&scope=WU-PRESS-01&from=2026-01-05T06:00:00Z&to=2026-01-"
      "05T08:00:00Z&drilldown=true",
      token_);
  ASSERT_EQ(explain.status, 200) << explain.Describe();
  const Json down = explain.json()["drilldown"][0]["segments"][1];
  ASSERT_EQ(down["source"]["kind"], "ledger") << explain.body;
  const std::int64_t first = down["source"]["first"], last = down["source"]["last"];

  client::HttpReply behind =
      Entries("?first=" + std::to_string(first) + "&last=" + std::to_string(last));
  ASSERT_EQ(behind.status, 200) << behind.Describe();
  ASSERT_EQ(behind.json()["entries"].size(), 1u) << behind.body;
  const Json entry = behind.json()["entries"][0];
  EXPECT_EQ(entry["seq"], first);
  EXPECT_EQ(entry["type"], "equipment.state_changed");
  EXPECT_EQ(entry["work_unit"], kUnit);
  EXPECT_EQ(entry["state"], "down");
  EXPECT_EQ(Micros(entry["time"]), Micros("2026-01-05T07:00:00Z")) << entry.dump();
  EXPECT_EQ(entry["source"], "press-plc");
  EXPECT_EQ(entry["source_seq"], 1);
  // The MES's own ledger entry of that seq says the same.
  HttpReply mes = http().Get("/api/v1/ledger?after=" + std::to_string(first - 1) + "&limit=1",
                             TokenFor("supervisor"));
  ASSERT_EQ(mes.status, 200) << mes.Describe();
  const Json payload = mes.json()["entries"][0]["payload"];
  EXPECT_EQ(mes.json()["entries"][0]["type"], entry["type"]);
  EXPECT_EQ(payload["state"], entry["state"]);
  EXPECT_EQ(payload["work_unit"], entry["work_unit"]);
  EXPECT_EQ(payload["device_time_us"], Micros(entry["time"])) << payload.dump();
  EXPECT_EQ(payload["index"], entry["item"]);

  // The work unit's place in the hierarchy: its master data entry, as drafted in the MES.
  client::HttpReply scopes = mis_->Client().Get("/api/v1/scopes", token_);
  ASSERT_EQ(scopes.status, 200) << scopes.Describe();
  Json unit_source;
  const Json listed = scopes.json();
  for (const Json& scope : listed["scopes"])
    if (scope["id"] == kUnit) unit_source = scope["source"];
  ASSERT_TRUE(unit_source.is_object()) << scopes.body;
  ASSERT_EQ(unit_source.value("kind", ""), "ledger") << scopes.body;
  client::HttpReply drafted =
      Entries("?first=" + unit_source["first"].dump() + "&last=" + unit_source["last"].dump());
  ASSERT_EQ(drafted.status, 200) << drafted.Describe();
  bool draft_seen = false;
  const Json drafts = drafted.json();
  for (const Json& e : drafts["entries"])
    if (e["type"] == "masterdata.draft_saved" && e["equipment"] == kUnit) {
      draft_seen = true;
      EXPECT_EQ(e["action"], "define");
      EXPECT_EQ(e["content"]["parent"], "WC-OSD-COMP") << e.dump();
      HttpReply md =
          http().Get("/api/v1/ledger?after=" + std::to_string(e["seq"].get<int>() - 1) + "&limit=1",
                     TokenFor("supervisor"));
      ASSERT_EQ(md.status, 200) << md.Describe();
      EXPECT_EQ(md.json()["entries"][0]["type"], "masterdata.draft_saved");
      EXPECT_EQ(md.json()["entries"][0]["payload"]["content"], e["content"]);
    }
  EXPECT_TRUE(draft_seen) << drafted.body;

  // The last 1,000 entries: each machine-data row once, in seq order, the count with its
  // figures. (The supervisor's sign-ins above are ledger entries too: catch up with them.)
  WaitCaughtUp();
  const std::int64_t head = HeadSeq(http());
  client::HttpReply all =
      Entries("?first=" + std::to_string(std::max<std::int64_t>(1, head - 999)) +
              "&last=" + std::to_string(head));
  ASSERT_EQ(all.status, 200) << all.Describe();
  const Json whole = all.json();
  EXPECT_EQ(whole["cursor"], head);
  int states = 0, counts = 0;
  std::int64_t previous = 0;
  for (const Json& e : whole["entries"]) {
    EXPECT_GE(e["seq"].get<std::int64_t>(), previous);  // approvals: one per version
    previous = e["seq"];
    if (e["type"] == "equipment.state_changed") ++states;
    if (e["type"] == "equipment.counted") {
      ++counts;
      EXPECT_EQ(e["total"], 100);
      EXPECT_EQ(e["good"], 96);
      EXPECT_EQ(e["scrap"], 4);
      EXPECT_EQ(Micros(e["time"]), Micros("2026-01-05T06:59:00Z"));
    }
  }
  EXPECT_EQ(states, 3) << all.body;
  EXPECT_EQ(counts, 1) << all.body;
}

// The demo's work orders and operation completions (ordo init --demo) and an order the
// supervisor cancels: each of those MES ledger entries has its row, with its seq and type,
// equal to the entry's payload.
TEST_F(MisFeedEntriesTest, OrdersCancellationsAndCompletionsHaveTheirRows) {
  ORDO_VERIFIES("ORDO-MISFEED-32");
  HttpReply cancelled = http().Post("/api/v1/orders/WO-DEMO-1003/cancel",
                                    Json{{"reason", "not needed"}}, TokenFor("supervisor"));
  ASSERT_EQ(cancelled.status, 200) << cancelled.Describe();
  ASSERT_NO_FATAL_FAILURE(WaitCaughtUp());
  const std::string supervisor = TokenFor("supervisor");
  for (const std::string type :
       {"orders.order_created", "orders.order_cancelled", "orders.operation_completed"}) {
    HttpReply mes = http().Get("/api/v1/ledger?type=" + type + "&limit=1000", supervisor);
    ASSERT_EQ(mes.status, 200) << mes.Describe();
    const Json entries = mes.json()["entries"];
    ASSERT_FALSE(entries.empty()) << type;
    const std::int64_t first = entries.front()["seq"], last = entries.back()["seq"];
    ASSERT_LT(last - first, 1000) << type;
    client::HttpReply mis =
        Entries("?first=" + std::to_string(first) + "&last=" + std::to_string(last));
    ASSERT_EQ(mis.status, 200) << mis.Describe();
    std::map<std::int64_t, Json> rows;  // of this type, by seq
    const Json answer = mis.json();
    for (const Json& e : answer["entries"])
      if (e["type"] == type) rows[e["seq"].get<std::int64_t>()] = e;
    EXPECT_EQ(rows.size(), entries.size()) << type << ": " << mis.body;
    for (const Json& entry : entries) {
      const std::int64_t seq = entry["seq"];
      ASSERT_TRUE(rows.count(seq)) << type << " at " << seq << ": " << mis.body;
      const Json& row = rows[seq];
      const Json& payload = entry["payload"];
      EXPECT_EQ(row["order"], payload["order_id"]) << row.dump();
      if (type == "orders.order_created") {
        EXPECT_EQ(row["product"], payload["product"]) << row.dump();
        EXPECT_EQ(row["quantity"], payload["quantity"]) << row.dump();
        EXPECT_EQ(row["unit"], payload["unit"]) << row.dump();
        EXPECT_EQ(Micros(row["due"]), payload["due_us"]) << row.dump() << payload.dump();
        EXPECT_EQ(row["due_date"], payload["due_date"]) << row.dump() << payload.dump();
        EXPECT_EQ(row["customer_order"], payload.value("customer_order", "")) << row.dump();
      } else if (type == "orders.operation_completed") {
        EXPECT_EQ(row["operation"], payload["operation"]) << row.dump();
        EXPECT_EQ(row["work_unit"], payload["work_unit"]) << row.dump();
        EXPECT_EQ(row["good"], payload["good"]) << row.dump();
        EXPECT_EQ(row["scrap"], payload["scrap"]) << row.dump();
        EXPECT_EQ(row["rework"], payload["rework"]) << row.dump();
        EXPECT_EQ(Micros(row["time"]), entry["time_us"]) << row.dump();
      }
    }
    if (type == "orders.order_cancelled") EXPECT_EQ(rows.begin()->second["order"], "WO-DEMO-1003");
  }
}

TEST_F(MisFeedEntriesTest, BadRangesAreRefusedNamingTheParameter) {
  ORDO_VERIFIES("ORDO-MISUI-10");
  struct Case {
    std::string query, field, reason;
  } cases[] = {
      {"", "first", "missing_parameter"},
      {"?first=1", "last", "missing_parameter"},
      {"?first=abc&last=2", "first", ""},
      {"?first=0&last=2", "first", ""},
      {"?first=1&last=", "last", ""},
      {"?first=5&last=4", "last", "invalid_range"},
      {"?first=1&last=1000", "", ""},
      {"?first=1&last=1001", "last", "invalid_range"},
      {"?first=1&last=2&kind=x", "kind", "unknown_parameter"},
  };
  for (const Case& c : cases) {
    client::HttpReply r = Entries(c.query);
    if (c.field.empty()) {
      EXPECT_EQ(r.status, 200) << c.query << ": " << r.Describe();
      continue;
    }
    EXPECT_EQ(r.status, 400) << c.query << ": " << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << c.query << ": " << r.Describe();
    if (!c.reason.empty())
      EXPECT_EQ(r.json().value("reason", ""), c.reason) << c.query << ": " << r.Describe();
  }
  EXPECT_EQ(mis_->Client().Get("/api/v1/feed/entries?first=1&last=2", "").status, 401);
}

}  // namespace
}  // namespace ordo::testing
