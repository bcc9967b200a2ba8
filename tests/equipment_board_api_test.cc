// Integration tests of the equipment board against the real server: every work unit by
// line with its state, reason and since when, the operation running on it and its counts;
// the board as server-sent events after machine data commits; the downtime list with
// assigned and unassigned intervals; who may read; bad parameters refused.
#include <gtest/gtest.h>

#include <thread>

#include "api_fixture.h"
#include "core/clock.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

class EquipmentBoardApiTest : public ApiTest {
 protected:
  void SetUp() override {
    ApiTest::SetUp();
    if (HasFatalFailure()) return;
    operator_ = TokenFor("operator");
    supervisor_ = TokenFor("supervisor");
    HttpReply r = http().Post(
        "/api/v1/sources",
        Json{
            {"name", "booth"}, {"kind", "rest"}, {"work_units", {"WU-DISP-BOOTH1", "WU-PRESS-01"}}},
        TokenFor("engineer"));
    ASSERT_EQ(r.status, 201) << r.Describe();
    key_ = r.json().value("api_key", "");
  }
  HttpReply Send(const Json& states, const Json& counts = Json::array()) {
    Json batch{{"source", "booth"}, {"seq", ++seq_}, {"states", states}, {"counts", counts}};
    return http().Post("/api/v1/equipment-data", batch, key_);
  }
  // The card of `wu` on `board` (null when absent), and its line's id in `line`.
  static Json Card(const Json& board, const std::string& wu, std::string* line = nullptr) {
    for (const auto& l : board["lines"])
      for (const auto& c : l["work_units"])
        if (c.value("id", "") == wu) {
          if (line) *line = l.value("id", "");
          return c;
        }
    return Json();
  }

  std::string operator_, supervisor_, key_;
  int seq_ = 0;
};

Json St(const std::string& wu, const std::string& time, const std::string& state,
        const std::string& reason = "") {
  Json s{{"work_unit", wu}, {"time", time}, {"state", state}};
  if (!reason.empty()) s["reason"] = reason;
  return s;
}

TEST_F(EquipmentBoardApiTest, TheBoardShowsEachUnitByLineWithStateSinceOperationAndCounts) {
  ORDO_VERIFIES("ORDO-EQ-31", "ORDO-EQ-32");
  // Before any data: every work unit of the demo site is on the board, offline.
  HttpReply empty = http().Get("/api/v1/equipment/board", operator_);
  ASSERT_EQ(empty.status, 200) << empty.Describe();
  std::string line;
  Json press = Card(empty.json(), "WU-PRESS-01", &line);
  ASSERT_TRUE(press.is_object()) << empty.body;
  EXPECT_EQ(line, "WC-OSD-COMP");
  EXPECT_EQ(press.value("state", ""), "offline");
  EXPECT_TRUE(press["since"].is_null());
  EXPECT_EQ(press["counts"].value("basis", ""), "none");
  EXPECT_TRUE(Card(empty.json(), "WC-OSD-COMP").is_null()) << "a work center is no card";
  // An operation runs on the booth; the source reports states (out of order) and counts.
  HttpReply c = http().Post("/api/v1/orders",
                            Json{{"order_id", "WO-B-1"},
                                 {"product", "PD-PCM500-20"},
                                 {"quantity", 1500},
                                 {"unit", "ea"},
                                 {"due_date", "2099-03-20"}},
                            supervisor_);
  ASSERT_EQ(c.status, 201) << c.Describe();
  ASSERT_EQ(http().Post("/api/v1/orders/WO-B-1/release", Json::object(), supervisor_).status, 200);
  HttpReply started = http().Post("/api/v1/orders/WO-B-1/operations/10/start",
                                  Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_);
  ASSERT_EQ(started.status, 200) << started.Describe();
  // Times relative to now (device times far from the receive time are refused): the booth
  // counts after the operation started.
  const TimeMicros now = SystemClock().NowMicros();
  const auto at = [now](int seconds) { return FormatUtcMicros(now + seconds * 1'000'000LL); };
  ASSERT_EQ(Send({St("WU-DISP-BOOTH1", at(-60), "down", "UNP-JAM"),
                  St("WU-DISP-BOOTH1", at(-600), "running"),
                  St("WU-PRESS-01", at(-600), "idle", "starved"),
                  St("WU-PRESS-01", at(-300), "idle", "starved")},
                 {{{"work_unit", "WU-DISP-BOOTH1"},
                   {"time", at(2)},
                   {"total", 40},
                   {"good", 38},
                   {"scrap", 2}}})
                .status,
            200);
  HttpReply r = http().Get("/api/v1/equipment/board", operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json booth = Card(r.json(), "WU-DISP-BOOTH1", &line);
  EXPECT_EQ(line, "WC-OSD-DISP");
  EXPECT_EQ(booth.value("state", ""), "down");
  EXPECT_EQ(booth.value("reason_code", ""), "UNP-JAM");
  EXPECT_EQ(booth.value("since", ""), at(-60));
  EXPECT_EQ(booth.value("source", ""), "booth");
  ASSERT_TRUE(booth["running"].is_object()) << booth.dump();
  EXPECT_EQ(booth["running"].value("order_id", ""), "WO-B-1");
  EXPECT_EQ(booth["running"].value("operation", ""), "10");
  EXPECT_EQ(booth["running"].value("product", ""), "PD-PCM500-20");
  EXPECT_EQ(booth["counts"].value("basis", ""), "operation");
  EXPECT_EQ(booth["counts"].value("total", 0), 40);
  EXPECT_EQ(booth["counts"].value("good", 0), 38);
  EXPECT_EQ(booth["counts"].value("scrap", 0), 2);
  // A repeated state extends its interval: the press is idle since the first change.
  press = Card(r.json(), "WU-PRESS-01");
  EXPECT_EQ(press.value("state", ""), "idle");
  EXPECT_EQ(press.value("sub_reason", ""), "starved");
  EXPECT_EQ(press.value("since", ""), at(-600));
  EXPECT_TRUE(press["running"].is_null());
  // ?since= counts from a given time instead: after the count, nothing; before it, all.
  HttpReply later = http().Get("/api/v1/equipment/board?since=" + at(60), operator_);
  ASSERT_EQ(later.status, 200) << later.Describe();
  booth = Card(later.json(), "WU-DISP-BOOTH1");
  EXPECT_EQ(booth["counts"].value("basis", ""), "since");
  EXPECT_EQ(booth["counts"].value("total", -1), 0);
  HttpReply earlier =
      http().Get("/api/v1/equipment/board?since=" + std::to_string((now - 3'600'000'000LL) / 1000),
                 operator_);  // epoch ms
  ASSERT_EQ(earlier.status, 200) << earlier.Describe();
  EXPECT_EQ(Card(earlier.json(), "WU-DISP-BOOTH1")["counts"].value("total", 0), 40);
}

TEST_F(EquipmentBoardApiTest, EveryRoleReadsTheBoardAndBadParametersAreRefused) {
  ORDO_VERIFIES("ORDO-EQ-33");
  EXPECT_EQ(http().Get("/api/v1/equipment/board").status, 401);
  EXPECT_EQ(http().Get("/api/v1/equipment/board/stream").status, 401);
  EXPECT_EQ(http().Get("/api/v1/equipment/downtime").status, 401);
  for (const char* role : {"operator", "supervisor", "quality", "engineer", "admin"}) {
    const std::string token = TokenFor(role);
    EXPECT_EQ(http().Get("/api/v1/equipment/board", token).status, 200) << role;
    EXPECT_EQ(http().Get("/api/v1/equipment/downtime", token).status, 200) << role;
  }
  ExpectProblem(http().Get("/api/v1/equipment/board?since=yesterday", operator_), 400,
                "invalid_argument", "since");
  ExpectProblem(http().Get("/api/v1/equipment/board/stream?since=1e9", operator_), 400,
                "invalid_argument", "since");
  ExpectProblem(http().Get("/api/v1/equipment/downtime?unassigned=maybe", operator_), 400,
                "invalid_argument", "unassigned");
  ExpectProblem(http().Get("/api/v1/equipment/downtime?from=2099-01-02T00:00:00Z&to=2099-01-01T"
                           "00:00:00Z",
                           operator_),
                400, "invalid_argument", "from");
}

TEST_F(EquipmentBoardApiTest, TheDowntimeListShowsUnassignedAndAssignedWithWhoAndWhen) {
  ORDO_VERIFIES("ORDO-EQ-34");
  const std::string now_ish = "2026-11-30T06:00:00Z";
  ASSERT_EQ(Send({St("WU-PRESS-01", "2026-11-30T06:00:00Z", "down"),
                  St("WU-PRESS-01", "2026-11-30T06:30:00Z", "running"),
                  St("WU-PRESS-01", "2026-11-30T07:00:00Z", "down"),
                  St("WU-PRESS-01", "2026-11-30T07:00:30Z", "running")})
                .status,
            200);
  const std::string window = "from=2026-11-30T00:00:00Z&to=2026-12-01T00:00:00Z";
  HttpReply r = http().Get("/api/v1/equipment/downtime?" + window, operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  ASSERT_EQ(r.json()["downtime"].size(), 1u) << r.body;  // the 30 s stop is a micro-stop
  EXPECT_TRUE(r.json()["downtime"][0]["reason_code"].is_null());
  bool jam = false;
  const Json first = r.json();
  for (const auto& c : first["codes"]) {
    jam = jam || c.value("code", "") == "UNP-JAM";
    EXPECT_NE(c.value("code", "").rfind("PLN-", 0), 0u) << "a planned code: " << c.dump();
  }
  EXPECT_TRUE(jam) << r.body;
  ASSERT_EQ(http()
                .Post("/api/v1/work-units/WU-PRESS-01/downtime/" + now_ish + "/reason",
                      Json{{"reason_code", "UNP-JAM"}, {"comment", "hopper"}}, operator_)
                .status,
            200);
  r = http().Get("/api/v1/equipment/downtime?" + window, operator_);
  ASSERT_EQ(r.json()["downtime"].size(), 1u) << r.body;
  const Json list = r.json();
  const Json& row = list["downtime"][0];
  EXPECT_EQ(row.value("reason_code", ""), "UNP-JAM");
  ASSERT_TRUE(row["assigned"].is_object()) << row.dump();
  EXPECT_NE(row["assigned"].value("by", ""), "");
  EXPECT_NE(row["assigned"].value("at", ""), "");
  EXPECT_EQ(row["assigned"].value("comment", ""), "hopper");
  HttpReply open = http().Get("/api/v1/equipment/downtime?unassigned=true&" + window, operator_);
  ASSERT_EQ(open.status, 200);
  EXPECT_EQ(open.json()["downtime"].size(), 0u) << open.body;
}

// The frames' JSON data of a server-sent event stream, in order.
std::vector<Json> SseData(const std::string& body) {
  std::vector<Json> out;
  std::size_t pos = 0;
  for (std::size_t end = body.find("\n\n"); end != std::string::npos;
       end = body.find("\n\n", pos)) {
    std::string frame = body.substr(pos, end - pos);
    pos = end + 2;
    std::size_t data = frame.find("data: ");
    if (data == std::string::npos) continue;
    std::size_t nl = frame.find('\n', data);
    out.push_back(Json::parse(
        frame.substr(data + 6, nl == std::string::npos ? std::string::npos : nl - data - 6),
        nullptr, false));
  }
  return out;
}

TEST_F(EquipmentBoardApiTest, TheStreamSendsTheBoardThenTheBoardAfterMachineData) {
  ORDO_VERIFIES("ORDO-EQ-35");
  HttpReply stream;
  std::thread listener([&] {
    stream = server_->Client().Stream(
        "/api/v1/equipment/board/stream", operator_,
        [](const std::string& body) {
          auto at = body.find("\"setup\"");
          return at != std::string::npos && body.find("\n\n", at) != std::string::npos;
        },
        30);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the stream start
  HttpReply sent = Send(Json::array({St("WU-PRESS-01", "2026-11-30T06:00:00Z", "setup")}));
  EXPECT_EQ(sent.status, 200) << sent.Describe();
  listener.join();
  ASSERT_EQ(stream.status, 200) << stream.Describe();
  EXPECT_EQ(stream.Header("content-type"), "text/event-stream");
  EXPECT_NE(stream.body.find("event: board"), std::string::npos);
  std::vector<Json> boards = SseData(stream.body);
  ASSERT_GE(boards.size(), 2u) << stream.body;
  EXPECT_EQ(Card(boards.front(), "WU-PRESS-01").value("state", ""), "offline");
  EXPECT_EQ(Card(boards.back(), "WU-PRESS-01").value("state", ""), "setup");
  for (std::size_t i = 1; i < boards.size(); ++i) {
    Json a = boards[i], b = boards[i - 1];
    a.erase("at");
    b.erase("at");
    EXPECT_NE(a.dump(), b.dump()) << "the same board sent twice";
  }
}

}  // namespace
}  // namespace ordo::testing
