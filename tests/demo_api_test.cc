// The demo works on whatever day it is started (issue 10, section 6): after `ordo init
// --demo`, every calibration and cleaning due date of the demo plant and every
// qualification expiry lies ahead of the server's clock, by the offsets the demo files
// give, so their spacing is the same on any day. Also: the demo's GTINs and dispatch
// rules are loaded. And the demo's production content: released lots for both demo
// products and orders in four states, made through the engine's own commands.
#include <map>
#include <regex>
#include <set>

#include "admin/demo_dates.h"
#include "admin/demo_plant.h"
#include "admin/demo_production.h"
#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

class DemoDatesTest : public ApiTest {
 protected:
  // The UTC day of the server's clock: the time it stamps on a logbook entry now.
  std::string ServerToday() {
    HttpReply r = http().Post("/api/v1/logbook", LogbookEntry("clock check"), TokenFor("operator"));
    EXPECT_EQ(r.status, 201) << r.Describe();
    return r.json()["entry"].value("time", std::string()).substr(0, 10);
  }
  Json Content(const std::string& kind, const std::string& id, const std::string& token) {
    HttpReply r = http().Get("/api/v1/masterdata/" + kind + "/" + id + "/versions/1", token);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json()["version"]["content"];
  }
};

struct Due {
  std::string id, field;
  int days;
};

// The relative dates of the embedded demo equipment files.
std::vector<Due> DemoDues() {
  std::vector<Due> out;
  const std::regex id_re(R"re(\nid: ([A-Z0-9-]+)\n)re");
  const std::regex due_re(R"re((calibration_due|cleaning_due): "([+-]P\d+D)")re");
  for (const auto& f : admin::DemoFiles()) {
    if (f.path.rfind("plant/equipment/", 0) != 0) continue;
    const std::string data(f.data);
    std::smatch id;
    if (!std::regex_search(data, id, id_re)) continue;
    for (std::sregex_iterator it(data.begin(), data.end(), due_re), end; it != end; ++it)
      out.push_back({id[1].str(), (*it)[1].str(), *admin::RelativeDemoDays((*it)[2].str())});
  }
  return out;
}

// True when `date` is `days` after `today`, or `days - 1` after it (the init ran the day
// before: the test crossed midnight UTC).
bool DaysAfter(const std::string& date, const std::string& today, int days) {
  return date == admin::AddDays(today, days) || date == admin::AddDays(today, days - 1);
}

TEST_F(DemoDatesTest, DueDatesAndQualificationExpiryLieAheadOfTheServerClock) {
  ORDO_VERIFIES("ORDO-DEMO-01", "ORDO-DEMO-02", "ORDO-DEMO-03");
  const std::string token = TokenFor("engineer");
  const std::string today = ServerToday();
  ASSERT_EQ(today.size(), 10u);

  const std::vector<Due> dues = DemoDues();
  ASSERT_GE(dues.size(), 25u);
  std::string first_date;
  for (const Due& d : dues) {
    const Json content = Content("equipment", d.id, token);
    ASSERT_TRUE(content.contains(d.field)) << d.id << " has no " << d.field << ": " << content;
    const std::string date = content[d.field].get<std::string>();
    EXPECT_GT(date, today) << d.id << " " << d.field << " is not in the future";
    EXPECT_TRUE(DaysAfter(date, today, d.days))
        << d.id << " " << d.field << " = " << date << ", expected " << d.days << " days after "
        << today;
    // The spacing: each date is the first one moved by the difference of their offsets.
    if (first_date.empty()) first_date = date;
    EXPECT_EQ(admin::AddDays(first_date, d.days - dues.front().days), date)
        << d.id << " " << d.field;
  }
  // The issue's example: cleaning of WU-DISP-BOOTH1 was due 2027-01-08 for a demo made
  // on 2026-11-29, 40 days later.
  EXPECT_TRUE(DaysAfter(Content("equipment", "WU-DISP-BOOTH1", token)["cleaning_due"], today, 40));

  HttpReply grants = http().Get("/api/v1/personnel/qualifications", token);
  ASSERT_EQ(grants.status, 200) << grants.Describe();
  const Json list = grants.json()["grants"];
  ASSERT_GE(list.size(), 20u) << list;
  for (const Json& g : list) {
    ASSERT_TRUE(g["expires"].is_string()) << g;
    const std::string expires = g["expires"].get<std::string>();
    EXPECT_GT(expires, today) << g;
    EXPECT_TRUE(DaysAfter(expires, today, 336)) << g;
    EXPECT_EQ(g["status"], "valid") << g;
  }
}

// The relative notation exists only in the demo files: a plant (master data) and a
// qualification grant refuse it, so it never passes unresolved into a real site.
TEST_F(DemoDatesTest, TheRelativeNotationIsRefusedOutsideTheDemoFiles) {
  ORDO_VERIFIES("ORDO-DEMO-01");
  const std::string engineer = TokenFor("engineer");
  Json booth = Content("equipment", "WU-DISP-BOOTH1", engineer);
  booth["cleaning_due"] = "+P40D";
  HttpReply checked = http().Post("/api/v1/masterdata/validate",
                                  Json{{"kind", "equipment"}, {"content", booth}}, engineer);
  ASSERT_EQ(checked.status, 200) << checked.Describe();
  const Json errors = checked.json()["errors"];
  ASSERT_EQ(errors.size(), 1u) << errors;
  EXPECT_NE(errors[0].dump().find("cleaning_due"), std::string::npos) << errors;

  HttpReply people = http().Get("/api/v1/personnel/people", TokenFor("quality"));
  ASSERT_EQ(people.status, 200) << people.Describe();
  std::int64_t op = 0;
  const Json list = people.json()["people"];
  for (const Json& p : list)
    if (p.value("name", "") == "operator") op = p["id"].get<std::int64_t>();
  ASSERT_NE(op, 0) << people.Describe();
  const std::string quality = TokenFor("quality");
  const std::int64_t head = HeadSeq(http());
  ExpectProblem(
      http().Post("/api/v1/personnel/qualifications",
                  Json{{"user_id", op}, {"qualification", "LEAK-TEST"}, {"expires", "+P336D"}},
                  quality),
      400, "invalid_argument", "expires");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(DemoDatesTest, DemoCarriesGtinsAndDispatchRules) {
  ORDO_VERIFIES("ORDO-DEMO-04", "ORDO-DEMO-05");
  const std::string token = TokenFor("engineer");
  for (const char* id : {"RM-PCM-API", "RM-MCC-101", "DV-HOUSING", "DV-SPRING"}) {
    const Json content = Content("material", id, token);
    ASSERT_TRUE(content.contains("gtin")) << id << ": " << content;
    EXPECT_TRUE(std::regex_match(content["gtin"].get<std::string>(), std::regex("4[0-9]{12}")))
        << content;
  }
  EXPECT_EQ(Content("equipment", "WC-OSD-PACK", token)["dispatch_rule"],
            "shortest_processing_time");
  EXPECT_EQ(Content("equipment", "WC-MDA-CELL1", token)["dispatch_rule"], "critical_ratio");
  EXPECT_FALSE(Content("equipment", "WC-OSD-GRAN", token).contains("dispatch_rule"));
}

class DemoProductionTest : public ApiTest {
 protected:
  Json Get(const std::string& path, const std::string& token) {
    HttpReply r = http().Get(path, token);
    EXPECT_EQ(r.status, 200) << path << ": " << r.Describe();
    return r.json();
  }
};

// The operations of an order (GET /orders/{id}) as {operation: state}.
std::map<std::string, std::string> OperationStates(const Json& order) {
  std::map<std::string, std::string> out;
  for (const Json& op : order["operations"]) out[op["operation"]] = op["state"];
  return out;
}

TEST_F(DemoProductionTest, OrdersExistInEveryStateWithTheirRecords) {
  ORDO_VERIFIES("ORDO-DEMO-07", "ORDO-DEMO-08", "P11-09", "P11-06");
  const std::string token = TokenFor("supervisor");
  const Json completed = Get(std::string("/api/v1/orders/") + admin::kDemoOrderCompleted, token);
  EXPECT_EQ(completed["order"]["state"], "completed") << completed["order"];
  const auto done = OperationStates(completed);
  ASSERT_GE(done.size(), 6u) << completed["operations"];
  int verified = 0;
  for (const auto& [op, state] : done) {
    EXPECT_TRUE(state == "completed" || state == "verified") << op << " " << state;
    const Json view =
        Get(std::string("/api/v1/orders/") + admin::kDemoOrderCompleted + "/operations/" + op,
            token)["operation"];
    EXPECT_EQ(view["good"], 500.0) << view;
    EXPECT_TRUE(view["exceptions"].empty()) << view["exceptions"];
    for (const Json& p : view["parameters"]) {
      EXPECT_EQ(p["actor"], "operator") << p;
      EXPECT_EQ(p["in_limits"], true) << p;
    }
    for (const Json& c : view["characteristics"]) {
      EXPECT_EQ(c["in_spec"], true) << c;
      EXPECT_EQ(c["values"].size(), c["sample_size"].get<std::size_t>()) << c;
    }
    if (view["spec"].value("second_person_verification", false)) {
      EXPECT_EQ(state, "verified") << op;
      EXPECT_EQ(view["verified_by"], "supervisor") << view;
      ++verified;
    }
  }
  EXPECT_GE(verified, 1);
  // The operation with parameters and characteristics recorded them all.
  const Json test_op =
      Get(std::string("/api/v1/orders/") + admin::kDemoOrderCompleted + "/operations/40",
          token)["operation"];
  EXPECT_EQ(test_op["parameters"].size(), 2u) << test_op["parameters"];
  EXPECT_EQ(test_op["characteristics"].size(), 5u) << test_op["characteristics"];
  for (const Json& m : test_op["materials"]) EXPECT_EQ(m["consumed"], m["planned"]) << m;

  const Json running = Get(std::string("/api/v1/orders/") + admin::kDemoOrderInProgress, token);
  EXPECT_EQ(running["order"]["state"], "in_progress") << running["order"];
  const auto states = OperationStates(running);
  EXPECT_EQ(states.at("10"), "verified");
  EXPECT_EQ(states.at("20"), "in_progress");
  for (const auto& [op, state] : states)
    if (op != "10" && op != "20") EXPECT_EQ(state, "pending") << op;

  EXPECT_EQ(
      Get(std::string("/api/v1/orders/") + admin::kDemoOrderReleased, token)["order"]["state"],
      "released");
  const Json held = Get(std::string("/api/v1/orders/") + admin::kDemoOrderOnHold, token)["order"];
  EXPECT_EQ(held["state"], "on_hold") << held;

  // Every signer of the demo acknowledged the signature policy.
  for (const char* role : {"operator", "supervisor", "quality", "engineer"})
    EXPECT_EQ(Get("/api/v1/signature-policy", TokenFor(role))["policy"]["acknowledged"], true)
        << role;
}

TEST_F(DemoProductionTest, LotsAreReleasedAndTheirQuantitiesReflectTheConsumptions) {
  ORDO_VERIFIES("ORDO-DEMO-06", "ORDO-DEMO-09", "P11-06", "DI-05");
  const std::string token = TokenFor("supervisor");
  // A lot for every lot-tracked line of both bills of materials.
  std::set<std::string> materials;
  for (const char* order : {admin::kDemoOrderCompleted, admin::kDemoOrderInProgress}) {
    const Json bom = Get(std::string("/api/v1/orders/") + order, token)["bom"];
    for (const Json& line : bom) materials.insert(line["material"].get<std::string>());
  }
  ASSERT_GE(materials.size(), 20u);
  int lots = 0;
  double consumed_total = 0;
  for (const std::string& material : materials) {
    if (material == "RM-PW") continue;  // purified water is not tracked by lot
    const Json lot = Get("/api/v1/lots/" + admin::DemoLotOf(material), token)["lot"];
    ++lots;
    EXPECT_EQ(lot["material"], material);
    EXPECT_EQ(lot["status"], "released") << lot;
    ASSERT_EQ(lot["signatures"].size(), 1u) << lot;
    EXPECT_EQ(lot["signatures"][0]["signer"], "quality");
    EXPECT_EQ(lot["signatures"][0]["meaning"], "released");
    EXPECT_EQ(lot["signatures"][0]["status"], "valid");
    EXPECT_GT(lot["expiry"].get<std::string>(), lot["received_at"].get<std::string>());
    // received minus every consumption in the history equals the quantity on hand
    double consumed = 0;
    for (const Json& h : lot["history"])
      if (h["event"] == "consumed") consumed -= h["change"].get<double>();
    EXPECT_NEAR(lot["received_quantity"].get<double>() - consumed, lot["quantity"].get<double>(),
                1e-9)
        << lot;
    consumed_total += consumed;
  }
  EXPECT_EQ(lots, 21);
  EXPECT_GT(consumed_total, 0);
  // The orders' consumptions by the bill of materials: 500 pens; the paracetamol API of
  // three orders of 1500 (in progress, the released batch and the deviation batch), and
  // the cartons of the two batches run to the end.
  const Json housing = Get("/api/v1/lots/L-DV-HOUSING-01", token)["lot"];
  EXPECT_DOUBLE_EQ(housing["received_quantity"].get<double>() - housing["quantity"].get<double>(),
                   500);
  const Json api = Get("/api/v1/lots/L-RM-PCM-API-01", token)["lot"];
  EXPECT_NEAR(api["received_quantity"].get<double>() - api["quantity"].get<double>(), 45, 1e-9);
  const Json carton = Get("/api/v1/lots/L-PK-CTN-PCM20-01", token)["lot"];
  EXPECT_NEAR(carton["received_quantity"].get<double>() - carton["quantity"].get<double>(), 3000,
              1e-9);
  // The ledger replay check (TearDown) rebuilds these balances from the ledger and finds
  // them equal to the stored ones.
}

// The demo's data directory, straight from `ordo init --demo`: the replay check rebuilds
// every projection (the lots' balances, the orders' and operations' states) from the
// ledger and finds it equal to the stored one.
TEST(DemoProductionReplay, TheReplayCheckPassesAfterInit) {
  ORDO_VERIFIES("ORDO-DEMO-09", "DI-05");
  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
  RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
}

}  // namespace
}  // namespace ordo::testing
