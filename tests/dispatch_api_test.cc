// Integration tests of dispatching against the real server: the lists of the demo booth
// and granulator follow the work center's rule and the routing, a supervisor's move is
// recorded with its reason, the wrong callers are refused, and the list streams over
// server-sent events. The sequencing rules themselves are unit-tested in
// src/mes/dispatch/domain/sequencing_test.cc.
#include <gtest/gtest.h>

#include <thread>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"

namespace ordo::testing {
namespace {

const std::string kBooth = "/api/v1/work-units/WU-DISP-BOOTH1/dispatch";
const std::string kGranulator = "/api/v1/work-units/WU-HSG-300/dispatch";

// The frames' JSON data of a server-sent event stream, in order.
std::vector<Json> SseData(const std::string& body) {
  std::vector<Json> out;
  std::size_t pos = 0;
  while (true) {
    std::size_t end = body.find("\n\n", pos);
    if (end == std::string::npos) break;
    std::string frame = body.substr(pos, end - pos);
    pos = end + 2;
    std::size_t data = frame.find("data: ");
    if (data == std::string::npos) continue;  // a keep-alive comment
    std::size_t nl = frame.find('\n', data);
    out.push_back(Json::parse(
        frame.substr(data + 6, nl == std::string::npos ? std::string::npos : nl - data - 6),
        nullptr, false));
  }
  return out;
}

// The demo site has orders of its own (ordo init --demo: WO-DEMO-*); the lists these
// tests check are of their own orders.
bool IsDemoOrder(const Json& entry) {
  return entry["order_id"].get<std::string>().rfind("WO-DEMO-", 0) == 0;
}

std::vector<std::string> Orders(const Json& list) {
  std::vector<std::string> out;
  for (const auto& e : list["entries"])
    if (!IsDemoOrder(e))
      out.push_back(e["order_id"].get<std::string>() + "/" + e["operation"].get<std::string>());
  return out;
}

using V = std::vector<std::string>;

class DispatchApiTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  void CreateAndRelease(const std::string& id, int priority, const std::string& due) {
    HttpReply c = http().Post("/api/v1/orders",
                              Json{{"order_id", id},
                                   {"product", "PD-PCM500-20"},
                                   {"quantity", 1500},
                                   {"unit", "ea"},
                                   {"due_date", due},
                                   {"priority", priority}},
                              supervisor_);
    ASSERT_EQ(c.status, 201) << c.Describe();
    HttpReply r = http().Post("/api/v1/orders/" + id + "/release", Json::object(), supervisor_);
    ASSERT_EQ(r.status, 200) << r.Describe();
  }

  Json List(const std::string& target) {
    HttpReply r = http().Get(target, operator_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    Json list = r.json();
    if (list.contains("entries")) {
      Json own = Json::array();
      for (const auto& e : list["entries"])
        if (!IsDemoOrder(e)) own.push_back(e);
      list["entries"] = own;
    }
    return list;
  }

  // Runs dispensing (operation 10) of `order` on the booth as the operator, and the
  // supervisor verifies it (the routing asks for a second person).
  void RunDispensing(const std::string& order) {
    const std::string op = "/api/v1/orders/" + order + "/operations/10";
    HttpReply lot = http().Post("/api/v1/lots",
                                Json{{"lot", "L-DSP-1"},
                                     {"material", "RM-PCM-API"},
                                     {"supplier", "Acme"},
                                     {"supplier_lot", "S-DSP-1"},
                                     {"quantity", 50},
                                     {"unit", "kg"},
                                     {"expiry", "2099-01-31"}},
                                supervisor_);
    ASSERT_EQ(lot.status, 201) << lot.Describe();
    ASSERT_EQ(http().Post("/api/v1/lots/L-DSP-1/release", SigOf("quality"), quality_).status, 200);
    auto step = [&](const std::string& verb, const Json& body, const std::string& token) {
      HttpReply r = http().Post(op + "/" + verb, body, token);
      EXPECT_EQ(r.status, 200) << verb << ": " << r.Describe();
      return r.status == 200;
    };
    ASSERT_TRUE(step("start", Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_));
    ASSERT_TRUE(step("acknowledge-instructions", Json::object(), operator_));
    ASSERT_TRUE(
        step("consume", Json{{"lot", "L-DSP-1"}, {"quantity", 7.5}, {"unit", "kg"}}, operator_));
    ASSERT_TRUE(
        step("parameters", Json{{"name", "booth_downflow_velocity"}, {"value", 0.45}}, operator_));
    ASSERT_TRUE(
        step("parameters", Json{{"name", "room_relative_humidity"}, {"value", 45}}, operator_));
    ASSERT_TRUE(step("characteristics",
                     Json{{"name", "net_weight_deviation"}, {"values", Json::array({0.1})}},
                     operator_));
    ASSERT_TRUE(step("complete", Json{{"good", 1500}}, operator_));
    // The demo supervisor acknowledged the signature policy at init --demo.
    HttpReply policy = http().Get("/api/v1/signature-policy", supervisor_);
    ASSERT_EQ(policy.json()["policy"]["acknowledged"], true) << policy.Describe();
    Json sig = SigOf("supervisor");
    sig["signature"]["meaning"] = "verified";
    ASSERT_TRUE(step("verify", sig, supervisor_));
  }

  std::string supervisor_, operator_;
};

TEST_F(DispatchApiTest, TheBoothListsReleasedOrdersByPriorityThenDueDateWithReasons) {
  ORDO_VERIFIES("IND-02", "ORDO-DISPATCH-01", "ORDO-DISPATCH-06", "ORDO-DISPATCH-10");
  CreateAndRelease("WO-D-A", 3, "2099-03-20");
  CreateAndRelease("WO-D-B", 1, "2099-03-30");
  CreateAndRelease("WO-D-C", 3, "2099-03-10");
  // Created but not released: on no list.
  ASSERT_EQ(http()
                .Post("/api/v1/orders",
                      Json{{"order_id", "WO-D-X"},
                           {"product", "PD-PCM500-20"},
                           {"quantity", 1500},
                           {"unit", "ea"},
                           {"due_date", "2099-01-01"},
                           {"priority", 1}},
                      supervisor_)
                .status,
            201);
  Json list = List(kBooth);
  EXPECT_EQ(list["work_unit"], "WU-DISP-BOOTH1");
  EXPECT_EQ(list["work_center"], "WC-OSD-DISP");
  EXPECT_EQ(list["rule"], "priority_due_date");
  ASSERT_EQ(Orders(list), (V{"WO-D-B/10", "WO-D-C/10", "WO-D-A/10"})) << list.dump();
  const Json& first = list["entries"][0];
  EXPECT_EQ(first["position"], 1);
  EXPECT_EQ(first["name"], "Dispensing");
  EXPECT_EQ(first["product"], "PD-PCM500-20");
  EXPECT_EQ(first["state"], "pending");
  EXPECT_EQ(first["priority"], 1);
  EXPECT_EQ(first["due_date"], "2099-03-30");
  EXPECT_EQ(first["planned_quantity"], 1500);
  EXPECT_EQ(first["unit"], "ea");
  EXPECT_TRUE(first["work_unit"].is_null());
  EXPECT_EQ(first["keys"]["priority"], 1);
  EXPECT_EQ(first["reason"], "priority 1, due 2099-03-30: before WO-D-C/10 (priority 3)");
  EXPECT_EQ(list["entries"][1]["reason"],
            "priority 3, due 2099-03-10: before WO-D-A/10 (due 2099-03-20)");
  // The other balance of the same work center lists the same operations; a work unit
  // of another class (the granulator) lists none of them: granulation waits for
  // dispensing.
  EXPECT_EQ(Orders(List("/api/v1/work-units/WU-BAL-6KG/dispatch")),
            (V{"WO-D-B/10", "WO-D-C/10", "WO-D-A/10"}));
  EXPECT_TRUE(List(kGranulator)["entries"].empty());
  EXPECT_TRUE(List("/api/v1/work-units/WU-ASM-01/dispatch")["entries"].empty());
}

TEST_F(DispatchApiTest, AnUnknownWorkUnitIsNotFoundNamingTheField) {
  ORDO_VERIFIES("ORDO-DISPATCH-10");
  HttpReply r = http().Get("/api/v1/work-units/WU-NOPE/dispatch", operator_);
  EXPECT_EQ(r.status, 404) << r.Describe();
  EXPECT_EQ(r.json()["field"], "id") << r.Describe();
  // A work center is equipment, but no work unit.
  EXPECT_EQ(http().Get("/api/v1/work-units/WC-OSD-DISP/dispatch", operator_).status, 404);
  EXPECT_EQ(http().Get("/api/v1/work-units/WU-NOPE/dispatch/stream", operator_).status, 404);
}

TEST_F(DispatchApiTest, TheWorkUnitsShowTheirStateAndWhatRunsOnThem) {
  ORDO_VERIFIES("ORDO-DISPATCH-09");
  CreateAndRelease("WO-D-R", 5, "2099-03-20");
  ASSERT_EQ(http()
                .Post("/api/v1/orders/WO-D-R/operations/10/start",
                      Json{{"work_unit", "WU-DISP-BOOTH1"}}, operator_)
                .status,
            200);
  HttpReply r = http().Get("/api/v1/work-units", operator_);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json booth, granulator;
  const Json units = r.json();
  for (const auto& u : units["work_units"]) {
    EXPECT_NE(u["id"].get<std::string>().rfind("WC-", 0), 0u) << "a work center listed";
    if (u["id"] == "WU-DISP-BOOTH1") booth = u;
    if (u["id"] == "WU-HSG-300") granulator = u;
  }
  ASSERT_TRUE(booth.is_object() && granulator.is_object()) << r.body;
  EXPECT_EQ(booth["work_center"], "WC-OSD-DISP");
  EXPECT_EQ(booth["work_center_class"], "dispensary");
  EXPECT_TRUE(booth["capabilities"].is_array() && !booth["capabilities"].empty());
  EXPECT_EQ(booth["status"], "available");
  EXPECT_TRUE(booth["cleaning_due"].is_string());
  EXPECT_EQ(booth["running"],
            (Json{{"order_id", "WO-D-R"}, {"operation", "10"}, {"state", "in_progress"}}));
  EXPECT_TRUE(granulator["running"].is_null());
  EXPECT_EQ(granulator["work_center"], "WC-OSD-GRAN");
  // The started operation stays on the booth's list, and leaves the other balance's.
  Json booth_list = List(kBooth);
  EXPECT_EQ(Orders(booth_list), (V{"WO-D-R/10"}));
  EXPECT_EQ(booth_list["entries"][0]["state"], "in_progress");
  EXPECT_EQ(booth_list["entries"][0]["work_unit"], "WU-DISP-BOOTH1");
  EXPECT_TRUE(List("/api/v1/work-units/WU-BAL-6KG/dispatch")["entries"].empty());
}

TEST_F(DispatchApiTest, GranulationReachesTheGranulatorOnceDispensingIsDoneAndVerified) {
  ORDO_VERIFIES("IND-02", "ORDO-DISPATCH-06", "ORDO-DISPATCH-15");
  CreateAndRelease("WO-D-G", 5, "2099-03-20");
  RunDispensing("WO-D-G");
  if (HasFatalFailure()) return;
  Json granulator = List(kGranulator);
  ASSERT_EQ(Orders(granulator), (V{"WO-D-G/20"})) << granulator.dump();
  EXPECT_EQ(granulator["entries"][0]["name"], "High-shear wet granulation");
  EXPECT_TRUE(List(kBooth)["entries"].empty());
}

TEST_F(DispatchApiTest, ASupervisorMovesAnOperationWithAReasonThatIsRecorded) {
  ORDO_VERIFIES("A11-04", "ORDO-DISPATCH-04", "ORDO-DISPATCH-05", "ORDO-DISPATCH-07",
                "ORDO-DISPATCH-11");
  CreateAndRelease("WO-D-A", 3, "2099-03-20");
  CreateAndRelease("WO-D-B", 1, "2099-03-30");
  CreateAndRelease("WO-D-C", 3, "2099-03-10");
  const std::int64_t before = HeadSeq(http());
  HttpReply moved = http().Post(kBooth + "/moves",
                                Json{{"order_id", "WO-D-A"},
                                     {"operation", "10"},
                                     {"direction", "up"},
                                     {"reason", "material already staged"}},
                                supervisor_);
  ASSERT_EQ(moved.status, 200) << moved.Describe();
  EXPECT_EQ(Orders(moved.json()), (V{"WO-D-B/10", "WO-D-A/10", "WO-D-C/10"}));
  const Json moved_list = moved.json();
  const Json& entry = moved_list["entries"][1];
  EXPECT_TRUE(entry["moved"].get<bool>());
  EXPECT_EQ(entry["move"]["by"], "supervisor");
  EXPECT_EQ(entry["move"]["reason"], "material already staged");
  EXPECT_NE(entry["reason"].get<std::string>().find("by supervisor: material already staged"),
            std::string::npos)
      << entry.dump();
  // The list read afterwards is the same, and the move is in the ledger with its reason.
  EXPECT_EQ(Orders(List(kBooth)), (V{"WO-D-B/10", "WO-D-A/10", "WO-D-C/10"}));
  HttpReply ledger = http().Get("/api/v1/ledger?after=" + std::to_string(before), quality_);
  ASSERT_EQ(ledger.status, 200) << ledger.Describe();
  const Json page = ledger.json();
  const Json& entries = page["entries"];
  ASSERT_EQ(entries.size(), 1u) << ledger.body;
  EXPECT_EQ(entries[0]["type"], "dispatch.operation_moved");
  EXPECT_EQ(entries[0]["actor"], "supervisor");
  EXPECT_EQ(entries[0]["subject"]["kind"], "work_center");
  EXPECT_EQ(entries[0]["subject"]["id"], "WC-OSD-DISP");
  EXPECT_EQ(entries[0]["payload"]["reason"], "material already staged");
  EXPECT_EQ(entries[0]["payload"]["direction"], "up");
  // To a position: last.
  HttpReply last = http().Post(kBooth + "/moves",
                               Json{{"order_id", "WO-D-B"},
                                    {"operation", "10"},
                                    {"direction", "position"},
                                    {"to_position", 3},
                                    {"reason", "waiting for the tooling"}},
                               supervisor_);
  ASSERT_EQ(last.status, 200) << last.Describe();
  EXPECT_EQ(Orders(last.json()), (V{"WO-D-A/10", "WO-D-C/10", "WO-D-B/10"}));
}

TEST_F(DispatchApiTest, BadMovesAndTheWrongCallersAreRefusedAndChangeNothing) {
  ORDO_VERIFIES("P11-09", "ORDO-DISPATCH-05", "ORDO-DISPATCH-11", "ORDO-DISPATCH-12");
  CreateAndRelease("WO-D-A", 3, "2099-03-20");
  CreateAndRelease("WO-D-B", 1, "2099-03-30");
  const std::int64_t before = HeadSeq(http());
  const Json good{
      {"order_id", "WO-D-A"}, {"operation", "10"}, {"direction", "up"}, {"reason", "rush"}};
  auto refused = [&](const Json& body, const std::string& token, int status,
                     const std::string& field) {
    HttpReply r = http().Post(kBooth + "/moves", body, token);
    EXPECT_EQ(r.status, status) << body.dump() << " " << r.Describe();
    if (!field.empty()) EXPECT_EQ(r.json().value("field", ""), field) << r.Describe();
  };
  Json no_reason = good;
  no_reason.erase("reason");
  refused(no_reason, supervisor_, 400, "reason");
  Json blank = good;
  blank["reason"] = "   ";
  refused(blank, supervisor_, 400, "reason");
  Json sideways = good;
  sideways["direction"] = "sideways";
  refused(sideways, supervisor_, 400, "direction");
  Json nowhere = good;
  nowhere["direction"] = "position";
  refused(nowhere, supervisor_, 400, "to_position");
  Json absent = good;
  absent["operation"] = "20";  // granulation: not on the booth's list
  refused(absent, supervisor_, 404, "operation");
  HttpReply unknown = http().Post("/api/v1/work-units/WU-NOPE/dispatch/moves", good, supervisor_);
  EXPECT_EQ(unknown.status, 404) << unknown.Describe();
  refused(good, operator_, 403, "");
  refused(good, "", 401, "");
  EXPECT_EQ(http().Get(kBooth, "").status, 401);
  EXPECT_EQ(http().Get("/api/v1/work-units", "").status, 401);
  EXPECT_EQ(HeadSeq(http()), before) << "a refused move changed the ledger";
  EXPECT_EQ(Orders(List(kBooth)), (V{"WO-D-B/10", "WO-D-A/10"}));
}

TEST_F(DispatchApiTest, TheStreamSendsTheListThenTheListAfterAReleasedOrder) {
  ORDO_VERIFIES("ORDO-DISPATCH-13");
  CreateAndRelease("WO-D-A", 3, "2099-03-20");
  HttpReply stream;
  std::thread listener([&] {
    stream = server_->Client().Stream(
        kBooth + "/stream", operator_,
        [](const std::string& body) {
          return body.find("WO-D-S") != std::string::npos &&
                 body.find("\n\n", body.find("WO-D-S")) != std::string::npos;
        },
        30);
  });
  std::this_thread::sleep_for(std::chrono::milliseconds(500));  // let the stream start
  CreateAndRelease("WO-D-S", 1, "2099-03-25");
  listener.join();
  ASSERT_EQ(stream.status, 200) << stream.Describe();
  EXPECT_EQ(stream.error, "") << stream.Describe();
  EXPECT_EQ(stream.Header("content-type"), "text/event-stream");
  std::vector<Json> lists = SseData(stream.body);
  ASSERT_GE(lists.size(), 2u) << stream.body;
  EXPECT_EQ(Orders(lists.front()), (V{"WO-D-A/10"})) << stream.body;
  EXPECT_EQ(Orders(lists.back()), (V{"WO-D-S/10", "WO-D-A/10"})) << stream.body;
  // Only changed lists are sent: the order's creation alone changed nothing here.
  for (std::size_t i = 1; i < lists.size(); ++i)
    EXPECT_NE(lists[i].dump(), lists[i - 1].dump()) << "the same list sent twice";
}

}  // namespace
}  // namespace ordo::testing
