// Work orders through the real server (issue 10, section 1): create, import from CSV and
// JSON with every bad row reported by line, idempotent imports, release pinning the
// product definition against later master data changes, the state machine, permissions,
// bad input that leaves the ledger head where it was, Idempotency-Key, the CLI, and the
// seals of what release and the readers rely on.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include "core/testing/verifies.h"
#include "masterdata_fixture.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::testing {
namespace {

const std::string kProduct = "PD-PCM500-20";
const std::string kHeader = "order_id,product,quantity,unit,due_date,priority,customer_order\n";

class OrdersTest : public MasterdataTest {
 protected:
  void SetUp() override {
    MasterdataTest::SetUp();
    if (HasFatalFailure()) return;
    supervisor_ = TokenFor("supervisor");
    operator_ = TokenFor("operator");
  }

  static Json Order(const std::string& id, double quantity = 30000) {
    return Json{{"order_id", id},           {"product", kProduct},
                {"quantity", quantity},     {"unit", "ea"},
                {"due_date", "2026-12-15"}, {"priority", 3},
                {"customer_order", "CO-1"}};
  }

  HttpReply Create(const Json& body, const Headers& headers = {}) {
    return http().Post("/api/v1/orders", body, supervisor_, headers);
  }

  HttpReply Import(const std::string& format, const std::string& content) {
    return http().Post("/api/v1/orders/import", Json{{"format", format}, {"content", content}},
                       supervisor_);
  }

  HttpReply Act(const std::string& id, const std::string& verb, const Json& body = Json::object()) {
    return http().Post("/api/v1/orders/" + id + "/" + verb, body, supervisor_);
  }

  Json Detail(const std::string& id) {
    HttpReply r = http().Get("/api/v1/orders/" + id, operator_);
    EXPECT_EQ(r.status, 200) << r.Describe();
    return r.json();
  }

  // The row of the import report with `line`.
  static Json Row(const Json& report, int line) {
    for (const auto& r : report["rows"])
      if (r["line"] == line) return r;
    ADD_FAILURE() << "no row with line " << line << ": " << report.dump();
    return Json::object();
  }

  void Sql(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok()) << db.error().message;
    Status s = (*db)->Exec(sql);
    ASSERT_TRUE(s.ok()) << sql << ": " << s.error().message;
  }

  std::string Text(const std::string& sql) {
    auto db = storage::OpenSqlite(sandbox_.data() + "/ordo.db", storage::OpenMode::kReadOnly);
    if (!db.ok()) return "";
    auto row = storage::FirstRow<std::string>(
        **db, sql, storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
    return row.ok() && *row ? **row : "";
  }

  std::string supervisor_, operator_;
};

TEST_F(OrdersTest, ACreatedOrderIsShownWithItsQuantityInTheBaseUnit) {
  ORDO_VERIFIES("ORDO-ORDER-01", "ORDO-ORDER-13");
  Json body = Order("PO-100", 1500);
  body["unit"] = "shipper";
  body["product"] = "PD-DOSEPEN-3ML";
  HttpReply r = Create(body);
  ASSERT_EQ(r.status, 201) << r.Describe();
  Json order = r.json()["order"];
  EXPECT_EQ(order["state"], "created");
  EXPECT_EQ(order["source"], "api");
  EXPECT_EQ(order["unit"], "shipper");
  EXPECT_EQ(order["base_unit"], "ea");
  EXPECT_GT(order["base_quantity"].get<double>(), 1500) << order.dump();
  EXPECT_EQ(order["due"], "2026-12-16T00:00:00.000000Z");
  EXPECT_EQ(Detail("PO-100")["order"], order);
  EXPECT_TRUE(Detail("PO-100")["operations"].empty()) << "no operations before the release";
  ASSERT_EQ(Create(Order("PO-101")).status, 201);
  HttpReply list = http().Get("/api/v1/orders?product=" + kProduct, operator_);
  ASSERT_EQ(list.status, 200) << list.Describe();
  // The filter: PO-101 (and the demo's orders of the same product), never PO-100.
  std::vector<std::string> ids;
  const Json listed = list.json()["orders"];
  for (const Json& o : listed) {
    EXPECT_EQ(o["product"], kProduct) << o;
    ids.push_back(o["order_id"].get<std::string>());
  }
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "PO-101"), 1) << list.Describe();
  EXPECT_EQ(std::count(ids.begin(), ids.end(), "PO-100"), 0) << list.Describe();
  HttpReply created = http().Get("/api/v1/orders?state=created", operator_);
  EXPECT_EQ(created.json()["orders"].size(), 2u);
  // Released: only the demo's orders (init --demo), none of these.
  const Json released = http().Get("/api/v1/orders?state=released", operator_).json()["orders"];
  for (const Json& o : released)
    EXPECT_EQ(o["order_id"].get<std::string>().rfind("WO-DEMO-", 0), 0u) << o;
  // An order id is used once.
  HttpReply again = Create(Order("PO-101", 10));
  ExpectProblem(again, 409, "conflict", "order_id");
  EXPECT_EQ(again.json().value("reason", ""), "order_exists");
}

TEST_F(OrdersTest, ImportReportsEveryBadRowByLineAndImportsTheGoodOnes) {
  ORDO_VERIFIES("ORDO-ORDER-02", "A11-04");
  const std::string csv =
      kHeader +
      "PO-1,PD-PCM500-20,15000,ea,2026-12-15,2,CO-1\r\n"
      "PO-2,PD-PCM500-20,-5,ea,2026-12-15,2,CO-2\r\n"
      "PO-3,PD-NOPE,10,ea,2026-12-15,2,CO-3\r\n"
      "PO-4,PD-DOSEPEN-3ML,10,kg,15.12.2026,2,CO-4\r\n"
      "\"PO-5\",PD-DOSEPEN-3ML,5000,ea,2026-12-20T06:00:00+01:00,,\"ACME, Ltd\"\r\n";
  const std::int64_t head = HeadSeq(http());
  HttpReply r = Import("csv", csv);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json report = r.json();
  EXPECT_EQ(report["created"], 2);
  EXPECT_EQ(report["unchanged"], 0);
  EXPECT_EQ(report["refused"], 3);
  EXPECT_EQ(HeadSeq(http()), head + 2) << "one order_created per good row";
  EXPECT_EQ(Row(report, 2)["outcome"], "created");
  Json bad_quantity = Row(report, 3);
  EXPECT_EQ(bad_quantity["order_id"], "PO-2");
  EXPECT_EQ(bad_quantity["outcome"], "refused");
  EXPECT_EQ(bad_quantity["errors"][0]["field"], "quantity");
  EXPECT_EQ(Row(report, 4)["errors"][0]["field"], "product");
  EXPECT_EQ(Row(report, 4)["errors"][0]["reason"], "unknown_product");
  Json two_errors = Row(report, 5);
  ASSERT_EQ(two_errors["errors"].size(), 2u) << two_errors.dump();
  EXPECT_EQ(two_errors["errors"][0]["field"], "due_date");
  EXPECT_EQ(two_errors["errors"][1]["field"], "unit");
  EXPECT_EQ(two_errors["errors"][1]["reason"], "unknown_unit");
  EXPECT_EQ(Row(report, 6)["outcome"], "created");
  Json po5 = Detail("PO-5")["order"];
  EXPECT_EQ(po5["customer_order"], "ACME, Ltd");
  EXPECT_EQ(po5["priority"], 5);
  EXPECT_EQ(po5["source"], "import");
  EXPECT_EQ(po5["due"], "2026-12-20T05:00:00.000000Z");
  EXPECT_EQ(http().Get("/api/v1/orders/PO-2", operator_).status, 404);
}

TEST_F(OrdersTest, JsonImportUsesTheSameNamesAndReportsElementsByPosition) {
  ORDO_VERIFIES("ORDO-ORDER-03");
  const std::string json = R"([
    {"order_id":"PO-J1","product":"PD-PCM500-20","quantity":15000,"unit":"ea",
     "due_date":"2026-12-15","priority":1,"customer_order":"C"},
    {"order_id":"PO-J2","product":"PD-PCM500-20","quantity":15000,"unit":"ea",
     "due_date":"2026-12-15","priority":11}
  ])";
  HttpReply r = Import("json", json);
  ASSERT_EQ(r.status, 200) << r.Describe();
  Json report = r.json();
  EXPECT_EQ(report["created"], 1);
  EXPECT_EQ(report["refused"], 1);
  EXPECT_EQ(Row(report, 2)["errors"][0]["field"], "priority");
  EXPECT_EQ(Detail("PO-J1")["order"]["priority"], 1);
}

TEST_F(OrdersTest, ImportIsIdempotentAndAChangedRowIsAConflictNeverApplied) {
  ORDO_VERIFIES("ORDO-ORDER-04", "ORDO-ORDER-05");
  const std::string csv = kHeader +
                          "PO-1,PD-PCM500-20,15000,ea,2026-12-15,2,CO-1\n"
                          "PO-2,PD-DOSEPEN-3ML,5000,ea,2026-12-16,4,CO-2\n";
  HttpReply first = Import("csv", csv);
  ASSERT_EQ(first.status, 200) << first.Describe();
  EXPECT_EQ(first.json()["created"], 2);
  const std::int64_t head = HeadSeq(http());
  HttpReply second = Import("csv", csv);
  ASSERT_EQ(second.status, 200) << second.Describe();
  EXPECT_EQ(second.json()["created"], 0);
  EXPECT_EQ(second.json()["unchanged"], 2);
  EXPECT_EQ(second.json()["refused"], 0);
  EXPECT_EQ(HeadSeq(http()), head) << "the same file twice creates nothing new";

  HttpReply changed = Import("csv", kHeader +
                                        "PO-1,PD-PCM500-20,15000,ea,2026-12-15,2,CO-1\n"
                                        "PO-2,PD-DOSEPEN-3ML,6000,ea,2026-12-16,4,CO-2\n"
                                        "PO-3,PD-DOSEPEN-3ML,100,ea,2026-12-16,4,\n"
                                        "PO-3,PD-DOSEPEN-3ML,200,ea,2026-12-16,4,\n");
  ASSERT_EQ(changed.status, 200) << changed.Describe();
  Json report = changed.json();
  EXPECT_EQ(report["created"], 1);
  EXPECT_EQ(report["unchanged"], 1);
  EXPECT_EQ(report["refused"], 2) << "conflicts count as refused";
  Json conflict = Row(report, 3);
  EXPECT_EQ(conflict["outcome"], "conflict");
  ASSERT_EQ(conflict["errors"].size(), 1u);
  EXPECT_EQ(conflict["errors"][0]["field"], "quantity");
  EXPECT_EQ(Row(report, 5)["outcome"], "conflict") << "a second, different row in the same file";
  EXPECT_EQ(Detail("PO-2")["order"]["quantity"], 5000) << "never applied silently";
  EXPECT_EQ(Detail("PO-3")["order"]["quantity"], 100);
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

TEST_F(OrdersTest, ReleasePinsTheDefinitionAndLaterMasterDataChangesNeverAlterIt) {
  ORDO_VERIFIES("IND-02", "DI-05", "ORDO-ORDER-06", "ORDO-ORDER-07", "ORDO-ORDER-13");
  ASSERT_EQ(Create(Order("PO-R1")).status, 201);
  HttpReply released = Act("PO-R1", "release");
  ASSERT_EQ(released.status, 200) << released.Describe();
  Json detail = released.json();
  EXPECT_EQ(detail, Detail("PO-R1"));
  Json order = detail["order"];
  EXPECT_EQ(order["state"], "released");
  EXPECT_EQ(order["routing"], kRouting);
  EXPECT_EQ(order["batch_size"], 15000);
  EXPECT_EQ(order["scale"], 2);
  EXPECT_FALSE(order["product_hash"].get<std::string>().empty());
  const Json routing = Effective("routing", kRouting);
  ASSERT_EQ(detail["operations"].size(), routing["operations"].size());
  for (std::size_t i = 0; i < routing["operations"].size(); ++i) {
    const Json& op = detail["operations"][i];
    const Json& def = routing["operations"][i];
    EXPECT_EQ(op["operation"], def["id"]);
    EXPECT_EQ(op["state"], "pending");
    EXPECT_EQ(op["planned_quantity"], 30000);
    EXPECT_EQ(op["spec"], def) << "the whole routing operation is pinned";
    if (def.contains("run_minutes"))
      EXPECT_DOUBLE_EQ(op["run_minutes"].get<double>(), def["run_minutes"].get<double>() * 2);
    if (i > 0) EXPECT_EQ(op["predecessors"], Json::array({routing["operations"][i - 1]["id"]}));
  }
  bool api = false;
  for (const auto& line : detail["bom"])
    if (line["material"] == "RM-PCM-API") {
      api = true;
      EXPECT_EQ(line["quantity"], 300) << "0.01 kg per carton x 30000 cartons";
      EXPECT_EQ(line["base_unit"], "kg");
    }
  EXPECT_TRUE(api) << detail["bom"].dump();

  // The routing changes through change control after the release.
  SubmitAndApprove(CrWithChangedLimit(175));
  ASSERT_NE(Effective("routing", kRouting), routing);
  EXPECT_EQ(Detail("PO-R1"), detail) << "a released order keeps its pinned definition";
  // A restart rebuilds nothing differently (the teardown's replay check compares all).
  ASSERT_EQ(Create(Order("PO-R2")).status, 201);
  Json later = Act("PO-R2", "release").json();
  EXPECT_NE(later["order"]["routing_version"], order["routing_version"]);
  EXPECT_NE(later["operations"], detail["operations"]) << "a new release pins the new version";
}

TEST_F(OrdersTest, IllegalTransitionsAreRefusedNamingTheCurrentState) {
  ORDO_VERIFIES("P11-06", "ORDO-ORDER-10", "ORDO-ORDER-11");
  ASSERT_EQ(Create(Order("PO-T1")).status, 201);
  auto expect_invalid = [&](const HttpReply& r, const std::string& state) {
    ExpectProblem(r, 422, "failed_precondition", "state");
    EXPECT_EQ(r.json().value("reason", ""), "invalid_transition");
    EXPECT_NE(r.json().value("detail", "").find("is " + state), std::string::npos) << r.Describe();
  };
  const std::int64_t head = HeadSeq(http());
  expect_invalid(Act("PO-T1", "close"), "created");
  expect_invalid(Act("PO-T1", "hold", Json{{"reason", "wait"}}), "created");
  expect_invalid(Act("PO-T1", "resume"), "created");
  EXPECT_EQ(HeadSeq(http()), head);
  ASSERT_EQ(Act("PO-T1", "release").status, 200);
  expect_invalid(Act("PO-T1", "release"), "released");
  // Hold needs a reason; resume returns to the state it was held from.
  ExpectProblem(Act("PO-T1", "hold"), 400, "invalid_argument", "reason");
  ExpectProblem(Act("PO-T1", "hold", Json{{"reason", "  "}}), 400, "invalid_argument", "reason");
  HttpReply held = Act("PO-T1", "hold", Json{{"reason", "granulator down"}});
  ASSERT_EQ(held.status, 200) << held.Describe();
  EXPECT_EQ(held.json()["order"]["state"], "on_hold");
  EXPECT_EQ(held.json()["order"]["held_from"], "released");
  EXPECT_EQ(held.json()["order"]["state_reason"], "granulator down");
  expect_invalid(Act("PO-T1", "release"), "on_hold");
  HttpReply resumed = Act("PO-T1", "resume", Json{{"reason", "repaired"}});
  ASSERT_EQ(resumed.status, 200) << resumed.Describe();
  EXPECT_EQ(resumed.json()["order"]["state"], "released");
  EXPECT_EQ(resumed.json()["order"]["held_from"], nullptr);
  // Cancel needs a reason, from created, released or on_hold; then nothing more.
  ExpectProblem(Act("PO-T1", "cancel"), 400, "invalid_argument", "reason");
  ASSERT_EQ(Act("PO-T1", "hold", Json{{"reason", "quality hold"}}).status, 200);
  HttpReply cancelled = Act("PO-T1", "cancel", Json{{"reason", "customer withdrew"}});
  ASSERT_EQ(cancelled.status, 200) << cancelled.Describe();
  EXPECT_EQ(cancelled.json()["order"]["state"], "cancelled");
  for (const char* verb : {"release", "resume", "close"})
    expect_invalid(Act("PO-T1", verb), "cancelled");
  expect_invalid(Act("PO-T1", "cancel", Json{{"reason", "again"}}), "cancelled");
  ExpectProblem(Act("PO-NONE", "release"), 404, "not_found", "id");
}

TEST_F(OrdersTest, EveryEndpointRefusesAnonymousCallersAndWrongRoles) {
  ORDO_VERIFIES("P11-07", "ORDO-ORDER-14");
  ASSERT_EQ(Create(Order("PO-P1")).status, 201);
  struct Call {
    std::string method, path;
    Json body;
    bool manage;
  };
  const std::vector<Call> calls = {
      {"POST", "/api/v1/orders", Order("PO-P2"), true},
      {"POST", "/api/v1/orders/import", Json{{"format", "csv"}, {"content", kHeader}}, true},
      {"GET", "/api/v1/orders", Json(), false},
      {"GET", "/api/v1/orders/PO-P1", Json(), false},
      {"POST", "/api/v1/orders/PO-P1/release", Json::object(), true},
      {"POST", "/api/v1/orders/PO-P1/hold", Json{{"reason", "r"}}, true},
      {"POST", "/api/v1/orders/PO-P1/resume", Json::object(), true},
      {"POST", "/api/v1/orders/PO-P1/cancel", Json{{"reason", "r"}}, true},
      {"POST", "/api/v1/orders/PO-P1/close", Json::object(), true}};
  const std::int64_t head = HeadSeq(http());
  for (const auto& c : calls) {
    auto send = [&](const std::string& token) {
      return c.method == "GET" ? http().Get(c.path, token) : http().Post(c.path, c.body, token);
    };
    ExpectProblem(send(""), 401, "unauthenticated");
    if (c.manage) {
      for (const std::string& token : {operator_, quality_, engineer_, admin_})
        ExpectProblem(send(token), 403, "permission_denied");
    } else {
      for (const std::string& token : {operator_, quality_, engineer_, admin_})
        EXPECT_EQ(send(token).status, 200) << c.path;
    }
  }
  EXPECT_EQ(HeadSeq(http()), head) << "no refused call wrote anything";
}

TEST_F(OrdersTest, BadInputGetsA4xxNamingTheFieldAndTheLedgerHeadDoesNotMove) {
  ORDO_VERIFIES("A11-04", "ORDO-ORDER-15");
  const std::int64_t head = HeadSeq(http());
  auto with = [](const std::string& field, const Json& value) {
    Json body = Order("PO-B1");
    if (value.is_null())
      body.erase(field);
    else
      body[field] = value;
    return body;
  };
  struct Case {
    Json body;
    std::string field;
  };
  const std::vector<Case> cases = {{with("order_id", Json()), "order_id"},
                                   {with("order_id", "bad id"), "order_id"},
                                   {with("quantity", "100"), "quantity"},
                                   {with("quantity", 0), "quantity"},
                                   {with("quantity", -1.5), "quantity"},
                                   {with("unit", "kg"), "unit"},
                                   {with("due_date", "next week"), "due_date"},
                                   {with("due_date", "2026-12-15T08:00:00"), "due_date"},
                                   {with("priority", 0), "priority"},
                                   {with("priority", 99999999999), "priority"},
                                   {with("priority", "1"), "priority"},
                                   {with("product", "PD-NONE"), "product"},
                                   {with("customer_order", std::string(65, 'x')), "customer_order"},
                                   {with("colour", "red"), "colour"}};
  for (const auto& c : cases) {
    HttpReply r = Create(c.body);
    ExpectProblem(r, 400, "invalid_argument", c.field);
  }
  ExpectProblem(Import("xml", "<orders/>"), 400, "invalid_argument", "format");
  ExpectProblem(Import("csv", "order_id,product\nPO-1,PD\n"), 400, "invalid_argument", "content");
  ExpectProblem(Import("json", "{\"order_id\":1}"), 400, "invalid_argument", "content");
  ExpectProblem(Import("csv", ""), 400, "invalid_argument", "content");
  ExpectProblem(http().Get("/api/v1/orders?state=done", operator_), 400, "invalid_argument",
                "state");
  ExpectProblem(http().Get("/api/v1/orders?limit=0", operator_), 400, "invalid_argument", "limit");
  ExpectProblem(http().Get("/api/v1/orders/PO-NONE", operator_), 404, "not_found", "id");
  ExpectProblem(Act("PO-NONE", "hold", Json{{"reason", std::string(1001, 'r')}}), 400,
                "invalid_argument", "reason");
  EXPECT_EQ(HeadSeq(http()), head);
}

TEST_F(OrdersTest, ARetriedCreateWithTheSameIdempotencyKeyCreatesOnce) {
  ORDO_VERIFIES("ORDO-ORDER-16");
  const std::int64_t head = HeadSeq(http());
  HttpReply first = Create(Order("PO-I1"), {{"Idempotency-Key", "create-PO-I1"}});
  ASSERT_EQ(first.status, 201) << first.Describe();
  HttpReply retry = Create(Order("PO-I1"), {{"Idempotency-Key", "create-PO-I1"}});
  EXPECT_EQ(retry.status, 201) << retry.Describe();
  EXPECT_EQ(retry.json(), first.json());
  EXPECT_EQ(HeadSeq(http()), head + 1) << "one order_created";
  HttpReply other = Create(Order("PO-I1", 1), {{"Idempotency-Key", "create-PO-I1"}});
  ExpectProblem(other, 409, "conflict", "Idempotency-Key");
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

TEST_F(OrdersTest, TheCliImportPrintsTheSummaryAndExitsOneWhenARowWasRefused) {
  ORDO_VERIFIES("ORDO-ORDER-17");
  const Credentials& sup = sandbox_.user("supervisor");
  {
    std::ofstream(sandbox_.file("sup.pw")) << sup.password << "\n";
    std::ofstream(sandbox_.file("orders.csv"))
        << kHeader << "PO-C1,PD-PCM500-20,15000,ea,2026-12-15,2,CO-1\n"
        << "PO-C2,PD-PCM500-20,0,ea,2026-12-15,2,CO-2\n";
    std::ofstream(sandbox_.file("orders.json"))
        << R"([{"order_id":"PO-C1","product":"PD-PCM500-20","quantity":15000,"unit":"ea",)"
        << R"("due_date":"2026-12-15","priority":2,"customer_order":"CO-1"}])";
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  auto import = [&](const std::string& file) {
    return sandbox_.Ordo({"orders", "import", sandbox_.file(file), "--server", url, "--user",
                          sup.name, "--password-file", sandbox_.file("sup.pw")});
  };
  RunResult csv = import("orders.csv");
  EXPECT_EQ(csv.status.code, 1) << csv.Describe();
  EXPECT_NE(csv.out.find("1 created, 0 unchanged, 1 refused"), std::string::npos) << csv.Describe();
  EXPECT_NE(csv.out.find("line 3 (PO-C2): refused: quantity:"), std::string::npos)
      << csv.Describe();
  RunResult json = import("orders.json");
  EXPECT_EQ(json.status.code, 0) << json.Describe();
  EXPECT_NE(json.out.find("0 created, 1 unchanged, 0 refused"), std::string::npos)
      << json.Describe();
  RunResult missing = import("no-such-file.csv");
  EXPECT_EQ(missing.status.code, 2) << missing.Describe();
  RunResult usage = sandbox_.Ordo({"orders", "import", sandbox_.file("orders.csv")});
  EXPECT_EQ(usage.status.code, 2) << usage.Describe();
}

TEST_F(OrdersTest, ReleaseRefusesAnEditedRoutingAndReadersRefuseAnEditedOrder) {
  ORDO_VERIFIES("P11-01", "ORDO-ORDER-09", "ORDO-ORDER-18");
  ASSERT_EQ(Create(Order("PO-S1")).status, 201);
  const std::string where = " WHERE kind = 'routing' AND id = '" + kRouting + "'";
  const std::string version = Text("SELECT MAX(version) FROM md_version" + where);
  const std::string routing =
      Text("SELECT content FROM md_version" + where + " AND version = " + version);
  ASSERT_FALSE(routing.empty());
  const std::int64_t head = HeadSeq(http());
  Sql("UPDATE md_version SET content = replace(content, '\"Dispensing\"', '\"Edited\"')" + where +
      " AND version = " + version);
  ASSERT_NE(Text("SELECT content FROM md_version" + where + " AND version = " + version), routing);
  HttpReply refused = Act("PO-S1", "release");
  EXPECT_EQ(refused.status, 500) << refused.Describe();
  EXPECT_EQ(refused.json().value("code", ""), "integrity_violation") << refused.Describe();
  EXPECT_NE(refused.json().value("detail", "").find("md_version"), std::string::npos);
  EXPECT_EQ(Detail("PO-S1")["order"]["state"], "created");
  std::string quoted = "'";
  for (char c : routing) quoted += c == '\'' ? std::string("''") : std::string(1, c);
  Sql("UPDATE md_version SET content = " + quoted + "'" + where + " AND version = " + version);
  ASSERT_EQ(Act("PO-S1", "release").status, 200);
  // The refused release wrote nothing of its own (the server records the violation).
  std::string error;
  int releases = 0;
  for (const auto& e : AllLedger(http(), admin_, &error, head)) {
    EXPECT_TRUE(e["type"] == "orders.order_released" || e["type"] == "security.integrity_violation")
        << e.dump();
    releases += e["type"] == "orders.order_released" ? 1 : 0;
  }
  EXPECT_TRUE(error.empty()) << error;
  EXPECT_EQ(releases, 1);

  // The order row edited in place: its readers refuse it, and the release never used it.
  const std::string quantity = Text("SELECT quantity FROM ord_order WHERE order_id = 'PO-S1'");
  ASSERT_FALSE(quantity.empty());
  Sql("UPDATE ord_order SET quantity = '99' WHERE order_id = 'PO-S1'");
  HttpReply edited = http().Get("/api/v1/orders/PO-S1", operator_);
  EXPECT_EQ(edited.status, 500) << edited.Describe();
  EXPECT_NE(edited.json().value("detail", "").find("ord_order"), std::string::npos)
      << edited.Describe();
  EXPECT_EQ(Act("PO-S1", "hold", Json{{"reason", "check"}}).status, 500);
  Sql("UPDATE ord_order SET quantity = '" + quantity + "' WHERE order_id = 'PO-S1'");
  EXPECT_EQ(http().Get("/api/v1/orders/PO-S1", operator_).status, 200);
}

}  // namespace
}  // namespace ordo::testing
