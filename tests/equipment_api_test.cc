// Integration tests of the equipment capability against the real server: the source
// registry (roles, the API key shown once and stored hashed, rotation), REST ingest
// (idempotency, refused-and-recorded sources, bad input of every kind changing nothing)
// and the read-back of state intervals and counts.
#include <gtest/gtest.h>

#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

const char* kData = "/api/v1/equipment-data";

class EquipmentApiTest : public ApiTest {
 protected:
  // Registers a rest source for `work_units` as the engineer; returns its API key.
  std::string RestSource(const std::string& name, const Json& work_units,
                         const std::string& counter = "increment") {
    HttpReply r = http().Post(
        "/api/v1/sources",
        Json{{"name", name}, {"kind", "rest"}, {"work_units", work_units}, {"counter", counter}},
        engineer());
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.json().value("api_key", "");
  }
  const std::string& engineer() {
    if (engineer_.empty()) engineer_ = TokenFor("engineer");
    return engineer_;
  }
  const std::string& supervisor() {
    if (supervisor_.empty()) supervisor_ = TokenFor("supervisor");
    return supervisor_;
  }
  HttpReply Send(const std::string& key, const Json& batch) {
    return http().Post(kData, batch, key);
  }
  // The ledger entries after `after` of event type `type`.
  std::vector<Json> EntriesOf(const std::string& type, std::int64_t after) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), supervisor(), &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    EXPECT_EQ(error, "");
    return out;
  }
  static std::string Reason(const HttpReply& r) { return r.json().value("reason", ""); }

  std::string engineer_, supervisor_;
};

Json State(const std::string& wu, const std::string& time, const std::string& state,
           const std::string& reason = "") {
  Json s{{"work_unit", wu}, {"time", time}, {"state", state}};
  if (!reason.empty()) s["reason"] = reason;
  return s;
}

TEST_F(EquipmentApiTest, AnEngineerRegistersASourceAndItsKeyIsShownOnceAndStoredHashed) {
  ORDO_VERIFIES("ORDO-EQ-14", "ORDO-EQ-15", "A11-03");
  const Json body{{"name", "press-line"}, {"kind", "rest"}, {"work_units", {"WU-PRESS-01"}}};
  EXPECT_EQ(http().Post("/api/v1/sources", body).status, 401);
  EXPECT_EQ(http().Post("/api/v1/sources", body, TokenFor("operator")).status, 403);
  const std::int64_t head = HeadSeq(http());
  HttpReply r = http().Post("/api/v1/sources", body, engineer());
  ASSERT_EQ(r.status, 201) << r.Describe();
  const std::string key = r.json().value("api_key", "");
  EXPECT_EQ(key.rfind("ordo_src_", 0), 0u) << r.Describe();
  EXPECT_EQ(key.size(), 9u + 64u);
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  EXPECT_TRUE(r.json()["source"].value("has_key", false));
  // Never shown again, nor stored: the ledger holds its SHA-256 only.
  HttpReply one = http().Get("/api/v1/sources/press-line", TokenFor("operator"));
  ASSERT_EQ(one.status, 200) << one.Describe();
  EXPECT_EQ(one.body.find(key), std::string::npos);
  auto registered = EntriesOf("equipment.source_registered", head);
  ASSERT_EQ(registered.size(), 1u);
  EXPECT_EQ(registered[0].dump().find(key), std::string::npos);
  EXPECT_EQ(registered[0]["payload"].value("key_hash", "").size(), 64u);
  // The same name again, an unknown work unit, a bad shape: refused, nothing written.
  const std::int64_t after = HeadSeq(http());
  EXPECT_EQ(Reason(http().Post("/api/v1/sources", body, engineer())), "source_exists");
  Json unknown = body;
  unknown["name"] = "other";
  unknown["work_units"] = {"WU-NOPE"};
  EXPECT_EQ(Reason(http().Post("/api/v1/sources", unknown, engineer())), "unknown_work_unit");
  Json area = unknown;
  area["work_units"] = {"AREA-OSD"};  // equipment, but no work unit
  EXPECT_EQ(Reason(http().Post("/api/v1/sources", area, engineer())), "unknown_work_unit");
  Json mqtt{{"name", "m"}, {"kind", "mqtt"}, {"work_units", {"WU-PRESS-01"}}, {"group_id", "g"}};
  EXPECT_EQ(http().Post("/api/v1/sources", mqtt, engineer()).json().value("field", ""), "group_id");
  EXPECT_EQ(HeadSeq(http()), after);
  // An mqtt source has no key.
  mqtt.erase("group_id");
  HttpReply m = http().Post("/api/v1/sources", mqtt, engineer());
  ASSERT_EQ(m.status, 201) << m.Describe();
  EXPECT_TRUE(m.json()["api_key"].is_null());
  HttpReply list = http().Get("/api/v1/sources", TokenFor("quality"));
  ASSERT_EQ(list.status, 200);
  // Two here and the demo's simulator sources (demo-sim, demo-sim-mqtt: ordo init --demo).
  EXPECT_EQ(list.json()["sources"].size(), 4u);
}

TEST_F(EquipmentApiTest, StatesAndCountsAreRecordedAndReadBackAsIntervals) {
  ORDO_VERIFIES("ORDO-EQ-03", "ORDO-EQ-04", "ORDO-EQ-16", "ORDO-EQ-17", "ORDO-EQ-18");
  const std::string key = RestSource("press", {"WU-PRESS-01"});
  const std::int64_t head = HeadSeq(http());
  // Out of order across two batches: the second batch holds the earlier changes.
  Json late{{"source", "press"},
            {"seq", 2},
            {"states",
             {State("WU-PRESS-01", "2026-11-30T06:10:00Z", "down", "UNP-JAM"),
              State("WU-PRESS-01", "2026-11-30T06:20:00Z", "running")}},
            {"counts",
             {{{"work_unit", "WU-PRESS-01"},
               {"time", "2026-11-30T06:30:00Z"},
               {"total", 50},
               {"good", 48},
               {"scrap", 2}}}}};
  Json early{{"source", "press"},
             {"seq", 1},
             {"states",
              {State("WU-PRESS-01", "2026-11-30T06:00:00Z", "running"),
               State("WU-PRESS-01", "2026-11-30T06:05:00Z", "down"),
               State("WU-PRESS-01", "2026-11-30T06:06:00Z", "running")}},
             {"counts",
              {{{"work_unit", "WU-PRESS-01"},
                {"time", 1796019000000LL},  // 2026-11-30T06:10:00Z in epoch ms
                {"total", 100},
                {"good", 100}}}}};
  HttpReply a = Send(key, late);
  ASSERT_EQ(a.status, 200) << a.Describe();
  EXPECT_FALSE(a.json().value("duplicate", true));
  EXPECT_EQ(a.json().value("states", 0), 2);
  HttpReply b = Send(key, early);
  ASSERT_EQ(b.status, 200) << b.Describe();
  EXPECT_EQ(EntriesOf("equipment.state_changed", head).size(), 5u);
  EXPECT_EQ(EntriesOf("equipment.counted", head).size(), 2u);
  auto changed = EntriesOf("equipment.state_changed", head);
  EXPECT_EQ(changed[0].value("actor", ""), "source:press") << changed[0].dump();
  EXPECT_EQ(changed[0]["subject"].value("id", ""), "WU-PRESS-01") << changed[0].dump();
  EXPECT_TRUE(changed[0]["payload"]["received_us"].is_number_integer());
  EXPECT_TRUE(changed[0]["payload"].contains("skew_us"));  // hours from the server's time

  const std::string window = "?from=2026-11-30T05:00:00Z&to=2026-11-30T07:00:00Z";
  HttpReply states =
      http().Get("/api/v1/work-units/WU-PRESS-01/states" + window, TokenFor("operator"));
  ASSERT_EQ(states.status, 200) << states.Describe();
  const Json intervals = states.json()["intervals"];
  ASSERT_EQ(intervals.size(), 5u) << states.Describe();
  EXPECT_EQ(intervals[0].value("state", ""), "running");
  EXPECT_EQ(intervals[1].value("state", ""), "down");
  EXPECT_TRUE(intervals[1].value("micro_stop", false));  // 60 s < 120 s
  EXPECT_TRUE(intervals[1]["reason_code"].is_null());
  EXPECT_EQ(intervals[3].value("reason_code", ""), "UNP-JAM");
  EXPECT_FALSE(intervals[3].value("micro_stop", true));  // 10 minutes: downtime
  EXPECT_EQ(intervals[3].value("start", ""), "2026-11-30T06:10:00.000000Z");
  EXPECT_EQ(intervals[3].value("end", ""), "2026-11-30T06:20:00.000000Z");
  EXPECT_TRUE(intervals[4]["end"].is_null());
  EXPECT_EQ(states.json().value("micro_stop_seconds", 0), 120);

  HttpReply counts = http().Get("/api/v1/work-units/WU-PRESS-01/counts" + window + "&step=1800",
                                TokenFor("operator"));
  ASSERT_EQ(counts.status, 200) << counts.Describe();
  const Json c = counts.json();
  EXPECT_EQ(c["totals"].value("total", 0), 150) << counts.Describe();
  EXPECT_EQ(c["totals"].value("good", 0), 148);
  EXPECT_EQ(c["totals"].value("scrap", 0), 2);
  ASSERT_EQ(c["steps"].size(), 4u) << counts.Describe();
  EXPECT_EQ(c["steps"][2].value("total", 0), 100);  // 06:00-06:30
  EXPECT_EQ(c["steps"][3].value("total", 0), 50);   // 06:30-07:00

  // The same batch again: a duplicate, nothing written. The same seq, other content:
  // seq_reused, nothing written.
  const std::int64_t before = HeadSeq(http());
  HttpReply again = Send(key, early);
  ASSERT_EQ(again.status, 200) << again.Describe();
  EXPECT_TRUE(again.json().value("duplicate", false));
  Json reused = early;
  reused["states"][0]["state"] = "setup";
  HttpReply clash = Send(key, reused);
  ExpectProblem(clash, 409, "conflict", "seq");
  EXPECT_EQ(Reason(clash), "seq_reused");
  EXPECT_EQ(HeadSeq(http()), before);
  // Unknown work unit ids in the read.
  EXPECT_EQ(Reason(http().Get("/api/v1/work-units/WU-NOPE/states", TokenFor("operator"))),
            "unknown_work_unit");
}

TEST_F(EquipmentApiTest, UnknownDisabledAndUnauthorisedSourcesAreRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-EQ-11", "ORDO-EQ-19", "A11-03");
  const std::string key = RestSource("press", {"WU-PRESS-01"});
  Json batch{{"source", "press"},
             {"seq", 1},
             {"states", {State("WU-PRESS-01", "2026-11-30T06:00:00Z", "running")}}};
  const std::int64_t head = HeadSeq(http());
  // No key, a user's session token, an unknown key.
  ExpectProblem(http().Post(kData, batch), 401, "unauthenticated");
  ExpectProblem(Send(TokenFor("admin"), batch), 401, "unauthenticated");
  HttpReply unknown = Send("ordo_src_" + std::string(64, '0'), batch);
  ExpectProblem(unknown, 401, "unauthenticated");
  EXPECT_EQ(Reason(unknown), "unknown_source");
  // A key for a work unit it may not speak for, or naming another source.
  Json foreign = batch;
  foreign["states"].push_back(State("WU-MILL-01", "2026-11-30T06:00:00Z", "running"));
  HttpReply not_allowed = Send(key, foreign);
  ExpectProblem(not_allowed, 403, "permission_denied", "states[1].work_unit");
  EXPECT_EQ(Reason(not_allowed), "work_unit_not_allowed");
  Json other = batch;
  other["source"] = "someone-else";
  EXPECT_EQ(Reason(Send(key, other)), "source_mismatch");
  // Disabled: refused; enabled again: accepted.
  HttpReply off = http().Request("PATCH", "/api/v1/sources/press", Json{{"enabled", false}}.dump(),
                                 engineer(), {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.Describe();
  EXPECT_FALSE(off.json()["source"].value("enabled", true));
  EXPECT_EQ(Reason(Send(key, batch)), "source_disabled");
  // Each refusal recorded; nothing applied.
  auto refused = EntriesOf("equipment.data_refused", head);
  std::vector<std::string> reasons;
  for (const auto& e : refused) reasons.push_back(e["payload"].value("reason_code", ""));
  // (The admin's session token is no key of a source: it is recorded as unknown too.)
  EXPECT_EQ(reasons,
            (std::vector<std::string>{"unknown_source", "unknown_source", "work_unit_not_allowed",
                                      "source_mismatch", "source_disabled"}));
  EXPECT_TRUE(EntriesOf("equipment.state_changed", head).empty());
  EXPECT_TRUE(EntriesOf("equipment.batch_accepted", head).empty());
  ASSERT_EQ(http()
                .Request("PATCH", "/api/v1/sources/press", Json{{"enabled", true}}.dump(),
                         engineer(), {{"Content-Type", "application/json"}})
                .status,
            200);
  EXPECT_EQ(Send(key, batch).status, 200);
  // A source key is no session: user endpoints refuse it.
  EXPECT_EQ(http().Get("/api/v1/sources", key).status, 401);
}

TEST_F(EquipmentApiTest, ARotatedKeyReplacesTheOldOne) {
  ORDO_VERIFIES("ORDO-EQ-15");
  const std::string old_key = RestSource("press", {"WU-PRESS-01"});
  HttpReply r = http().Request("POST", "/api/v1/sources/press/key", "", engineer());
  ASSERT_EQ(r.status, 200) << r.Describe();
  const std::string new_key = r.json().value("api_key", "");
  ASSERT_FALSE(new_key.empty());
  EXPECT_NE(new_key, old_key);
  Json batch{{"source", "press"},
             {"seq", 1},
             {"states", {State("WU-PRESS-01", "2026-11-30T06:00:00Z", "running")}}};
  EXPECT_EQ(Reason(Send(old_key, batch)), "unknown_source");
  EXPECT_EQ(Send(new_key, batch).status, 200);
  EXPECT_EQ(http().Request("POST", "/api/v1/sources/press/key", "", TokenFor("operator")).status,
            403);
}

TEST_F(EquipmentApiTest, BadBatchesAreRefusedClearlyAndApplyNothing) {
  ORDO_VERIFIES("ORDO-EQ-07", "ORDO-EQ-08", "ORDO-EQ-12", "A11-03");
  const std::string key = RestSource("press", {"WU-PRESS-01"});
  const Json ok_state = State("WU-PRESS-01", "2026-11-30T06:00:00Z", "running");
  Json oversized{{"source", "press"}, {"seq", 9}, {"states", Json::array()}};
  for (int i = 0; i < 5001; ++i) oversized["states"].push_back(ok_state);
  struct Case {
    std::string name, body;
    int status;
    std::string reason, field;
  };
  auto with = [&](const std::string& pointer, const Json& value) {
    Json b{{"source", "press"}, {"seq", 3}, {"states", {ok_state}}};
    b[Json::json_pointer(pointer)] = value;
    return b.dump();
  };
  const std::vector<Case> cases = {
      {"malformed JSON", R"({"source": "press", "seq": )", 400, "malformed_json", "body"},
      {"seq as text", with("/seq", "3"), 400, "wrong_type", "seq"},
      {"states not an array", with("/states", "running"), 400, "wrong_type", "states"},
      {"state unknown", with("/states/0/state", "sleeping"), 400, "invalid_state",
       "states[0].state"},
      {"time absurd", with("/states/0/time", "1970-01-01T00:00:00Z"), 400, "invalid_time",
       "states[0].time"},
      {"time in the far future", with("/states/0/time", "2100-01-01T00:00:00Z"), 400,
       "invalid_time", "states[0].time"},
      {"time not a time", with("/states/0/time", "soon"), 400, "invalid_time", "states[0].time"},
      {"count negative",
       with(
           "/counts",
           Json::array({{{"work_unit", "WU-PRESS-01"}, {"time", 1796019000000LL}, {"total", -3}}})),
       400, "invalid_count", "counts[0].total"},
      {"idle without its reason", with("/states/0/state", "idle"), 400, "invalid_reason",
       "states[0].reason"},
      {"down with a planned code",
       with("/states/0", State("WU-PRESS-01", "2026-11-30T06:00:00Z", "down", "PLN-CLEANING")), 400,
       "invalid_reason", "states[0].reason"},
      {"oversized batch", oversized.dump(), 400, "batch_too_large", "states"},
      {"sample of an undefined tag",
       with("/samples", Json::array({{{"tag", "t"}, {"time", 1796019000000LL}, {"value", 1}}})),
       404, "unknown_tag", "samples[0].tag"},
      {"sample value not a number",
       with("/samples", Json::array({{{"tag", "t"}, {"time", 1796019000000LL}, {"value", "1"}}})),
       400, "wrong_type", "samples[0].value"},
  };
  const std::int64_t head = HeadSeq(http());
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    HttpReply r =
        http().Request("POST", kData, c.body, key, {{"Content-Type", "application/json"}});
    EXPECT_EQ(r.status, c.status) << r.Describe();
    EXPECT_EQ(r.Header("content-type"), "application/problem+json");
    EXPECT_EQ(Reason(r), c.reason) << r.Describe();
    EXPECT_EQ(r.json().value("field", ""), c.field) << r.Describe();
  }
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(EquipmentApiTest, ACumulativeSourcesCountersBecomeIncrementsAcrossAReset) {
  ORDO_VERIFIES("ORDO-EQ-05", "ORDO-EQ-17");
  const std::string key = RestSource("counter", {"WU-PKG-01"}, "cumulative");
  auto count = [](const std::string& time, int total) {
    return Json{{"work_unit", "WU-PKG-01"}, {"time", time}, {"total", total}, {"good", total}};
  };
  // 1000 (baseline), 1040, reset to 15, 35: 40 + 15 + 20 = 75 parts; sent out of order.
  ASSERT_EQ(
      Send(key,
           Json{{"source", "counter"},
                {"seq", 2},
                {"counts", {count("2026-11-30T06:20:00Z", 15), count("2026-11-30T06:30:00Z", 35)}}})
          .status,
      200);
  ASSERT_EQ(
      Send(key, Json{{"source", "counter"},
                     {"seq", 1},
                     {"counts",
                      {count("2026-11-30T06:00:00Z", 1000), count("2026-11-30T06:10:00Z", 1040)}}})
          .status,
      200);
  HttpReply r = http().Get(
      "/api/v1/work-units/WU-PKG-01/counts?from=2026-11-30T06:00:00Z&to=2026-11-30T07:00:00Z",
      TokenFor("supervisor"));
  ASSERT_EQ(r.status, 200) << r.Describe();
  EXPECT_EQ(r.json()["totals"].value("total", 0), 75) << r.Describe();
  // A window that starts after the baseline still counts from the reading before it.
  HttpReply later = http().Get(
      "/api/v1/work-units/WU-PKG-01/counts?from=2026-11-30T06:05:00Z&to=2026-11-30T07:00:00Z",
      TokenFor("supervisor"));
  EXPECT_EQ(later.json()["totals"].value("total", 0), 75) << later.Describe();
  HttpReply end = http().Get(
      "/api/v1/work-units/WU-PKG-01/counts?from=2026-11-30T06:25:00Z&to=2026-11-30T07:00:00Z",
      TokenFor("supervisor"));
  EXPECT_EQ(end.json()["totals"].value("total", 0), 20) << end.Describe();
}

TEST_F(EquipmentApiTest, AnOperatorAssignsADowntimeReasonAfterTheFact) {
  ORDO_VERIFIES("ORDO-EQ-21", "ORDO-EQ-22");
  const std::string key = RestSource("press", {"WU-PRESS-01"});
  ASSERT_EQ(Send(key, Json{{"source", "press"},
                           {"seq", 1},
                           {"states",
                            {State("WU-PRESS-01", "2026-11-30T06:00:00Z", "running"),
                             State("WU-PRESS-01", "2026-11-30T06:10:00Z", "down"),
                             State("WU-PRESS-01", "2026-11-30T06:20:00Z", "running"),
                             State("WU-PRESS-01", "2026-11-30T06:30:00Z", "down"),
                             State("WU-PRESS-01", "2026-11-30T06:31:00Z", "running"),
                             State("WU-PRESS-01", "2026-11-30T06:40:00Z", "down", "UNP-JAM"),
                             State("WU-PRESS-01", "2026-11-30T06:50:00Z", "running")}}})
                .status,
            200);
  const std::string op = TokenFor("operator");
  const std::string window = "from=2026-11-30T05:00:00Z&to=2026-11-30T07:00:00Z";
  // Unassigned: the 10-minute stop only (not the micro-stop, not the coded one).
  HttpReply open = http().Get("/api/v1/downtime?unassigned=true&" + window, op);
  ASSERT_EQ(open.status, 200) << open.Describe();
  ASSERT_EQ(open.json()["downtime"].size(), 1u) << open.Describe();
  EXPECT_EQ(open.json()["downtime"][0].value("start", ""), "2026-11-30T06:10:00.000000Z");
  EXPECT_EQ(open.json()["downtime"][0].value("work_unit", ""), "WU-PRESS-01");
  // Refusals change nothing: no down interval there, a planned code, a role without it.
  const std::string path = "/api/v1/work-units/WU-PRESS-01/downtime/";
  const std::string quality = TokenFor("quality");  // signing in is recorded: before head
  const std::int64_t head = HeadSeq(http());
  HttpReply missing = http().Post(path + "2026-11-30T06:15:00Z/reason",
                                  Json{{"reason_code", "UNP-MECH-FAILURE"}}, op);
  ExpectProblem(missing, 404, "not_found", "start");
  EXPECT_EQ(Reason(missing), "interval_missing");
  HttpReply planned =
      http().Post(path + "2026-11-30T06:10:00Z/reason", Json{{"reason_code", "PLN-CLEANING"}}, op);
  ExpectProblem(planned, 400, "invalid_argument", "reason_code");
  EXPECT_EQ(
      http()
          .Post(path + "2026-11-30T06:10:00Z/reason", Json{{"reason_code", "UNP-JAM"}}, quality)
          .status,
      403);
  EXPECT_EQ(HeadSeq(http()), head);
  // The operator assigns it (the start also as epoch ms): who and when are recorded.
  HttpReply assigned =
      http().Post(path + "1796019000000/reason",
                  Json{{"reason_code", "UNP-MECH-FAILURE"}, {"comment", "feeder gearbox"}}, op);
  ASSERT_EQ(assigned.status, 200) << assigned.Describe();
  EXPECT_EQ(assigned.json()["assigned"].value("by", ""), sandbox_.user("operator").name);
  auto entries = EntriesOf("equipment.downtime_reason_assigned", head);
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0].value("actor", ""), sandbox_.user("operator").name);
  EXPECT_EQ(entries[0]["payload"].value("reason_code", ""), "UNP-MECH-FAILURE");
  // No longer unassigned; the interval shows the reason and who gave it.
  EXPECT_TRUE(
      http().Get("/api/v1/downtime?unassigned=true&" + window, op).json()["downtime"].empty());
  Json states = http().Get("/api/v1/work-units/WU-PRESS-01/states?" + window, op).json();
  ASSERT_EQ(states["intervals"].size(), 7u) << states.dump();
  EXPECT_EQ(states["intervals"][1].value("reason_code", ""), "UNP-MECH-FAILURE");
  EXPECT_EQ(states["intervals"][1]["assigned"].value("comment", ""), "feeder gearbox");
  EXPECT_TRUE(states["intervals"][5]["assigned"].is_null());
}

}  // namespace
}  // namespace ordo::testing
