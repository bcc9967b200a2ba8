// Integration tests of a work unit's availability against the real server (issue 12,
// section 1, last bullet): a machine down for longer than its work unit's
// down_block_seconds blocks new operations (execution refuses the start equipment_down
// and records the refusal), running again lifts the block, a supervisor's override lets
// starts through until the unit leaves down; the dispatch list and the work unit picker
// carry the block. Also the sealed source registry and the states read's window fields.
// Device times are set relative to the server's clock by minutes to hours, far from the
// thresholds, so no assertion depends on how fast the test runs.
#include <gtest/gtest.h>

#include <chrono>

#include "core/clock.h"
#include "core/testing/verifies.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"
#include "support/production_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-AVAIL-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";
const std::string kUnit = "WU-DISP-BOOTH1";
const std::string kOverride = "/api/v1/work-units/" + kUnit + "/availability-override";
const std::string kDispatch = "/api/v1/work-units/" + kUnit + "/dispatch";

// An ISO 8601 time `seconds_ago` before now (the machine's clock agrees with the server's).
std::string Ago(std::int64_t seconds_ago) {
  const auto now = std::chrono::duration_cast<std::chrono::microseconds>(
                       std::chrono::system_clock::now().time_since_epoch())
                       .count();
  return FormatUtcMicros(now - seconds_ago * 1'000'000);
}

class AvailabilityApiTest : public ProductionTest {
 protected:
  void SetUp() override {
    ProductionTest::SetUp();
    if (HasFatalFailure()) return;
    ReleaseOrder(kOrder);
    if (HasFatalFailure()) return;
    HttpReply r = http().Post(
        "/api/v1/sources", Json{{"name", "booth-plc"}, {"kind", "rest"}, {"work_units", {kUnit}}},
        engineer_);
    ASSERT_EQ(r.status, 201) << r.Describe();
    key_ = r.json().value("api_key", "");
  }

  // Sends one state change of the booth, `seconds_ago` before now; returns its time.
  std::string Machine(const std::string& state, std::int64_t seconds_ago,
                      const std::string& reason = "") {
    const std::string time = Ago(seconds_ago);
    Json s{{"work_unit", kUnit}, {"time", time}, {"state", state}};
    if (!reason.empty()) s["reason"] = reason;
    HttpReply r =
        http().Post("/api/v1/equipment-data",
                    Json{{"source", "booth-plc"}, {"seq", ++seq_}, {"states", {s}}}, key_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return time;
  }

  HttpReply Start(const std::string& token) {
    return http().Post(kOp + "/start", Json{{"work_unit", kUnit}}, token);
  }

  // The booth's equipment_block as the dispatch list and the work unit picker show it
  // (both must agree).
  Json Block() {
    HttpReply list = http().Get(kDispatch, operator_);
    EXPECT_EQ(list.status, 200) << list.Describe();
    HttpReply units = http().Get("/api/v1/work-units", operator_);
    EXPECT_EQ(units.status, 200) << units.Describe();
    Json from_picker = Json(nullptr);
    const Json picker = units.json();
    for (const auto& u : picker["work_units"])
      if (u.value("id", "") == kUnit) from_picker = u["equipment_block"];
    EXPECT_EQ(list.json()["equipment_block"], from_picker);
    return list.json()["equipment_block"];
  }

  std::vector<Json> EntriesOf(const std::string& type, std::int64_t after) {
    std::string error;
    std::vector<Json> out;
    for (const auto& e : AllLedger(http(), admin_, &error, after))
      if (e.value("type", "") == type) out.push_back(e);
    EXPECT_EQ(error, "");
    return out;
  }

  std::string key_;
  std::int64_t seq_ = 0;
};

TEST_F(AvailabilityApiTest, AStartOnAUnitDownForLongerThanItsThresholdIsRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-EQ-23", "ORDO-EQ-24", "ORDO-EXEC-46", "ORDO-EXEC-47", "ORDO-EXEC-49");
  // Machine data running, then down an hour ago: longer than the default 600 s.
  Machine("running", 2 * 3600);
  EXPECT_TRUE(Block().is_null());
  const std::string since = Machine("down", 3600, "UNP-JAM");
  Json block = Block();
  ASSERT_TRUE(block.is_object()) << block.dump();
  EXPECT_EQ(block["state"], "down");
  EXPECT_EQ(block["reason_code"], "UNP-JAM");
  EXPECT_EQ(block["down_block_seconds"], 600);
  EXPECT_EQ(block["overridden"], false);
  EXPECT_EQ(block["since"], since);

  const std::int64_t head = HeadSeq(http());
  HttpReply r = Start(operator_);
  ExpectReason(r, 409, "conflict", "equipment_down", "work_unit");
  const std::string detail = r.json().value("detail", "");
  EXPECT_NE(detail.find(kUnit), std::string::npos) << r.Describe();
  EXPECT_NE(detail.find("UNP-JAM"), std::string::npos) << r.Describe();
  EXPECT_NE(detail.find(since), std::string::npos) << r.Describe();
  // Recorded like execution's other refused commands, and nothing started.
  EXPECT_EQ(HeadSeq(http()), head + 1);
  auto refused = EntriesOf("execution.command_refused", head);
  ASSERT_EQ(refused.size(), 1u);
  EXPECT_EQ(refused[0]["payload"].value("code", ""), "equipment_down") << refused[0].dump();
  EXPECT_EQ(refused[0].value("actor", ""), sandbox_.user("operator").name);
  HttpReply view = http().Get(kOp, operator_);
  EXPECT_EQ(view.json()["operation"]["state"], "pending") << view.Describe();

  // Running again lifts the block: the start goes through.
  Machine("running", 60);
  EXPECT_TRUE(Block().is_null());
  HttpReply started = Start(operator_);
  EXPECT_EQ(started.status, 200) << started.Describe();
}

TEST_F(AvailabilityApiTest, ADownSpellShorterThanTheThresholdOrNoMachineDataDoesNotBlock) {
  ORDO_VERIFIES("ORDO-EQ-23", "ORDO-EQ-24", "ORDO-EQ-29");
  // Down 2 minutes ago: within the default 600 s.
  Machine("down", 120);
  EXPECT_TRUE(Block().is_null());
  // The threshold is the work unit's: 60 s (master data) makes the same spell a block.
  std::string cr = OpenCr(engineer_, "Shorter down block on the booth");
  Json booth = Effective("equipment", kUnit);
  booth["down_block_seconds"] = 60;
  HttpReply put = PutDraft(engineer_, cr, "equipment", kUnit, booth);
  ASSERT_EQ(put.status, 200) << put.Describe();
  SubmitAndApprove(cr);
  if (HasFatalFailure()) return;
  Json block = Block();
  ASSERT_TRUE(block.is_object()) << block.dump();
  EXPECT_EQ(block["down_block_seconds"], 60);
  EXPECT_TRUE(block["reason_code"].is_null());
  ExpectReason(Start(operator_), 409, "conflict", "equipment_down", "work_unit");
  // Out-of-range settings are refused by master data.
  booth["down_block_seconds"] = 0;
  std::string bad = OpenCr(engineer_, "No block at all");
  EXPECT_EQ(PutDraft(engineer_, bad, "equipment", kUnit, booth).status, 400);
}

TEST_F(AvailabilityApiTest, ASupervisorOverrideLetsStartsThroughUntilTheUnitLeavesDown) {
  ORDO_VERIFIES("ORDO-EQ-25", "ORDO-EQ-26", "ORDO-EXEC-48");
  // Not blocked: nothing to override (no data, then running).
  ExpectReason(http().Post(kOverride, Json{{"reason", "why"}}, supervisor_), 409, "conflict",
               "not_blocked", "id");
  const std::string first_spell = Machine("down", 2 * 3600);
  EXPECT_EQ(Block().value("since", ""), first_spell);
  // Who may: a supervisor only; bad input changes nothing (the sign-ins come first: they
  // are recorded).
  std::vector<std::pair<std::string, std::string>> others;
  for (const char* role : {"operator", "quality", "engineer", "admin"})
    others.emplace_back(role, TokenFor(role));
  const std::int64_t head = HeadSeq(http());
  EXPECT_EQ(http().Post(kOverride, Json{{"reason", "why"}}).status, 401);
  for (const auto& [role, token] : others)
    EXPECT_EQ(http().Post(kOverride, Json{{"reason", "why"}}, token).status, 403) << role;
  ExpectReason(http().Post(kOverride, Json::object(), supervisor_), 400, "invalid_argument",
               "missing_field", "reason");
  ExpectReason(http().Post(kOverride, Json{{"reason", "   "}}, supervisor_), 400,
               "invalid_argument", "missing_field", "reason");
  EXPECT_EQ(http().Post(kOverride, Json{{"reason", 7}}, supervisor_).status, 400);
  EXPECT_EQ(http().Post(kOverride, Json{{"reason", std::string(1001, 'x')}}, supervisor_).status,
            400);
  HttpReply unknown = http().Post("/api/v1/work-units/WU-NOPE/availability-override",
                                  Json{{"reason", "why"}}, supervisor_);
  ExpectReason(unknown, 404, "not_found", "unknown_work_unit", "id");
  EXPECT_EQ(HeadSeq(http()), head);

  // The override: recorded with who, when and why; the block shows it; starts go through.
  const std::string why = "sensor stuck on down; the booth was checked and runs";
  HttpReply o = http().Post(kOverride, Json{{"reason", why}}, supervisor_);
  ASSERT_EQ(o.status, 200) << o.Describe();
  EXPECT_EQ(o.json()["override"]["down_since"], first_spell) << o.Describe();
  EXPECT_EQ(o.json()["override"]["by"], sandbox_.user("supervisor").name);
  auto recorded = EntriesOf("equipment.availability_overridden", head);
  ASSERT_EQ(recorded.size(), 1u);
  EXPECT_EQ(recorded[0].value("actor", ""), sandbox_.user("supervisor").name);
  EXPECT_EQ(recorded[0]["payload"].value("reason", ""), why);
  EXPECT_EQ(recorded[0].value("reason", ""), why) << recorded[0].dump();
  ExpectReason(http().Post(kOverride, Json{{"reason", "again"}}, supervisor_), 409, "conflict",
               "not_blocked", "id");
  Json block = Block();
  ASSERT_TRUE(block.is_object()) << block.dump();
  EXPECT_EQ(block["overridden"], true);
  HttpReply started = Start(operator_);
  EXPECT_EQ(started.status, 200) << started.Describe();

  // The override ends with its spell: running, then down again for long is a new block.
  Machine("running", 3600);
  EXPECT_TRUE(Block().is_null());
  Machine("down", 1800, "UNP-MECH-FAILURE");
  block = Block();
  ASSERT_TRUE(block.is_object()) << block.dump();
  EXPECT_EQ(block["overridden"], false);
  EXPECT_EQ(block["reason_code"], "UNP-MECH-FAILURE");
  EXPECT_NE(block.value("since", ""), first_spell);
  // A later down change of the same spell keeps the override: the spell did not end.
  HttpReply again = http().Post(kOverride, Json{{"reason", "second spell checked"}}, supervisor_);
  ASSERT_EQ(again.status, 200) << again.Describe();
  Machine("down", 900, "UNP-JAM");
  block = Block();
  ASSERT_TRUE(block.is_object()) << block.dump();
  EXPECT_EQ(block["overridden"], true) << block.dump();
  EXPECT_EQ(block["reason_code"], "UNP-JAM");
}

TEST_F(AvailabilityApiTest, TheStatesReadKeepsTheTrueStartOfAnIntervalThatBeganBeforeTheWindow) {
  ORDO_VERIFIES("ORDO-EQ-28");
  Machine("running", 4 * 3600);
  const std::string down_start = Machine("down", 3 * 3600, "UNP-JAM");
  Machine("down", 2 * 3600, "UNP-JAM");  // a repeat: the same interval goes on
  const std::string up = Machine("running", 3600);
  const std::string from = Ago(90 * 60);
  HttpReply r = http().Get("/api/v1/work-units/" + kUnit + "/states?from=" + from, operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json intervals = r.json()["intervals"];
  ASSERT_EQ(intervals.size(), 2u) << r.Describe();
  const Json& down = intervals[0];
  EXPECT_EQ(down["state"], "down");
  EXPECT_EQ(down["start"], down_start)
      << "the true start, not the repeat before the window: " << r.Describe();
  EXPECT_EQ(down["end"], up);
  EXPECT_EQ(down["window_start"], r.json()["from"]);
  EXPECT_EQ(down["window_end"], up);
  const Json& running = intervals[1];
  EXPECT_EQ(running["window_start"], running["start"]);
  EXPECT_TRUE(running["end"].is_null());
  EXPECT_EQ(running["window_end"], r.json()["to"]);
}

TEST_F(AvailabilityApiTest, AnEditedSourceRowIsRefusedAsAnIntegrityViolation) {
  ORDO_VERIFIES("ORDO-EQ-27");
  // Disable the source, then someone with write access to ordo.db enables it again.
  HttpReply off =
      http().Request("PATCH", "/api/v1/sources/booth-plc", Json{{"enabled", false}}.dump(),
                     engineer_, {{"Content-Type", "application/json"}});
  ASSERT_EQ(off.status, 200) << off.Describe();
  auto sql = [&](const std::string& text) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(text);
    ASSERT_TRUE(s.ok()) << text << ": " << s.error().message;
  };
  sql("UPDATE eq_source SET enabled = 1 WHERE name = 'booth-plc'");
  Json batch{{"source", "booth-plc"},
             {"seq", 1},
             {"states", {{{"work_unit", kUnit}, {"time", Ago(60)}, {"state", "running"}}}}};
  HttpReply r = http().Post("/api/v1/equipment-data", batch, key_);
  EXPECT_EQ(r.status, 500) << r.Describe();
  EXPECT_EQ(r.json().value("code", ""), "integrity_violation") << r.Describe();
  EXPECT_NE(r.json().value("detail", "").find("eq_source"), std::string::npos) << r.Describe();
  HttpReply list = http().Get("/api/v1/sources", engineer_);
  EXPECT_EQ(list.status, 500) << list.Describe();
  // Restored, the row matches its seal again and the disabled source is refused.
  sql("UPDATE eq_source SET enabled = 0 WHERE name = 'booth-plc'");
  HttpReply refused = http().Post("/api/v1/equipment-data", batch, key_);
  EXPECT_EQ(refused.status, 403) << refused.Describe();
  EXPECT_EQ(refused.json().value("reason", ""), "source_disabled") << refused.Describe();
}

}  // namespace
}  // namespace ordo::testing
