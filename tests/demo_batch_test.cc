// The demo's batches (issue 11, section 5), against the server of `ordo init --demo`: a
// released paracetamol batch whose record is complete and sealed (its export verifies
// against the ledger), a batch whose critical parameter excursion opened a deviation that
// two quality signers dispositioned, and the genealogy from a finished lot back to the
// supplier lots.
#include <fstream>
#include <regex>
#include <set>

#include "admin/demo_production.h"
#include "api_fixture.h"
#include "core/testing/verifies.h"

namespace ordo::testing {
namespace {

class DemoBatchTest : public ApiTest {
 protected:
  Json Get(const std::string& path, const std::string& token) {
    HttpReply r = http().Get(path, token);
    EXPECT_EQ(r.status, 200) << path << ": " << r.Describe();
    return r.json();
  }
  Json Record(const std::string& order, const std::string& token) {
    return Get("/api/v1/orders/" + order + "/batch-record", token)["batch_record"];
  }
  // Runs the CLI against the server as the demo quality user.
  RunResult Cli(std::vector<std::string> args) {
    const Credentials& qa = sandbox_.user("quality");
    const std::string pw = sandbox_.file("qa.pw");
    {
      std::ofstream out(pw);
      out << qa.password << "\n";
    }
    const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
    for (const std::string& a : {std::string("--server"), url, std::string("--user"), qa.name,
                                 std::string("--password-file"), pw})
      args.push_back(a);
    return sandbox_.Ordo(args);
  }
};

TEST_F(DemoBatchTest, TheReleasedBatchRecordIsCompleteSealedAndItsExportVerifies) {
  ORDO_VERIFIES("ORDO-DEMO-10", "ORDO-DEMO-11", "IND-01", "A11-13", "DI-08");
  const std::string token = TokenFor("quality");
  const std::string order = admin::kDemoOrderBatchReleased;
  EXPECT_EQ(Get("/api/v1/orders/" + order, token)["order"]["state"], "completed");
  const Json r = Record(order, token);
  EXPECT_EQ(r["state"], "released") << r["completeness"];
  EXPECT_TRUE(r["completeness"]["complete"].get<bool>()) << r["completeness"];
  EXPECT_TRUE(r["exceptions"].empty()) << r["exceptions"];
  EXPECT_TRUE(r["deviations"].empty()) << r["deviations"];
  // Every operation of the routing ran, each acknowledged and completed, with its values.
  ASSERT_EQ(r["operations"].size(), 7u);
  for (const Json& op : r["operations"]) {
    EXPECT_TRUE(op["completed"].is_object()) << op["operation"];
    EXPECT_FALSE(op["instructions_acknowledged"].empty()) << op["operation"];
  }
  // Raw materials and packaging consumed from released lots; the finished lot produced.
  EXPECT_EQ(r["consumed_lots"].size(), 11u) << r["consumed_lots"];
  ASSERT_EQ(r["produced_lots"].size(), 1u);
  EXPECT_EQ(r["produced_lots"][0]["lot"], admin::kDemoBatchLot);
  // Sealed once, by quality's signature meaning released, at a signed checkpoint.
  ASSERT_EQ(r["release"]["versions"].size(), 1u);
  const Json& v1 = r["release"]["versions"][0];
  EXPECT_EQ(v1["version"], 1);
  EXPECT_EQ(v1["content_hash"], r["content_hash"]);
  EXPECT_EQ(v1["signature"]["meaning"], "released");
  EXPECT_EQ(v1["released_by"], "quality");
  EXPECT_GT(v1["checkpoint_seq"].get<std::int64_t>(), 0);
  const Json lot = Get(std::string("/api/v1/lots/") + admin::kDemoBatchLot, token)["lot"];
  EXPECT_EQ(lot["status"], "released") << lot;
  EXPECT_EQ(lot["order_id"], order);

  // The export verifies against the sealed record; an edited one does not.
  const std::string file = sandbox_.file("demo-br.json");
  RunResult exported = Cli({"batch-record", "export", order, "--to", file});
  ASSERT_EQ(exported.status.code, 0) << exported.Describe();
  RunResult ok = Cli({"ledger", "verify", "--record", file});
  EXPECT_EQ(ok.status.code, 0) << ok.Describe();
  EXPECT_NE(ok.out.find("OK: the file is sealed version 1"), std::string::npos) << ok.Describe();
  Json edited = Json::parse(ReadFile(file));
  edited["quantities"]["actual"] = 1499;
  WriteFile(file, edited.dump());
  EXPECT_EQ(Cli({"ledger", "verify", "--record", file}).status.code, 1);
}

TEST_F(DemoBatchTest, TheDeviationBatchShowsItsDispositionedDeviationAndAwaitsReview) {
  ORDO_VERIFIES("ORDO-DEMO-12", "ORDO-DEMO-13", "IND-04", "IND-05", "P11-10");
  const std::string token = TokenFor("quality");
  const std::string order = admin::kDemoOrderDeviation;
  const Json d =
      Get(std::string("/api/v1/deviations/") + admin::kDemoDeviation, token)["deviation"];
  EXPECT_EQ(d["state"], "closed") << d;
  EXPECT_EQ(d["order_id"], order);
  EXPECT_EQ(d["source"], "parameter_out_of_limits");
  EXPECT_EQ(d["classification"], "critical");
  EXPECT_EQ(d["root_cause"], "DEV-CPP-EXCURSION");
  EXPECT_FALSE(d["notes"].empty());
  EXPECT_FALSE(d["capa"].get<std::string>().empty());
  // Two quality signers, neither of them its author.
  ASSERT_EQ(d["dispositions"].size(), 2u) << d;
  std::set<std::string> signers;
  for (const Json& s : d["dispositions"]) {
    signers.insert(s["signer"].get<std::string>());
    EXPECT_EQ(s["disposition"], "use_as_is");
    EXPECT_NE(s["signer"], d["author"]);
  }
  EXPECT_EQ(signers, (std::set<std::string>{"quality", admin::kDemoQaLead}));

  // The record: complete, the deviation exception cleared by its disposition, the limit
  // violation left for the reviewer; not released.
  const Json r = Record(order, token);
  EXPECT_EQ(r["state"], "awaiting_review");
  EXPECT_TRUE(r["completeness"]["complete"].get<bool>()) << r["completeness"];
  EXPECT_FALSE(r["release"]["released"].get<bool>());
  std::string deviation_exception, violation;
  for (const Json& e : r["exceptions"]) {
    if (e["kind"] == "deviation" && e["deviation"] == admin::kDemoDeviation)
      deviation_exception = e["id"];
    if (e["kind"] == "limit_violation" && e["subject"] == admin::kDemoExcursionParameter)
      violation = e["id"];
  }
  ASSERT_FALSE(deviation_exception.empty()) << r["exceptions"];
  ASSERT_FALSE(violation.empty()) << r["exceptions"];
  for (const Json& e : r["review"]["exceptions"]) {
    if (e["exception_id"] == deviation_exception) EXPECT_EQ(e["status"], "cleared_by_disposition");
    if (e["exception_id"] == violation) EXPECT_EQ(e["status"], "open");
  }
  EXPECT_TRUE(r["review"]["open_deviations"].empty());
  ASSERT_EQ(r["deviations"].size(), 1u);
  EXPECT_EQ(r["deviations"][0]["dispositions"].size(), 2u);
  // The drying operation completed after the second disposition closed the deviation.
  const std::int64_t closed = d["dispositions"][1]["signature_seq"].get<std::int64_t>();
  bool found = false;
  for (const Json& op : r["operations"])
    if (op["operation"] == d["operation"]) {
      found = true;
      EXPECT_GT(op["completed"]["seq"].get<std::int64_t>(), closed);
    }
  EXPECT_TRUE(found);
  // Its finished lot exists; quality's worklist offers the record for review.
  EXPECT_EQ(Get(std::string("/api/v1/lots/") + admin::kDemoDeviationLot, token)["lot"]["order_id"],
            order);
  HttpReply work = http().Get("/api/v1/worklist", token);
  EXPECT_NE(work.body.find(order), std::string::npos) << work.Describe();
}

TEST_F(DemoBatchTest, ABackwardTraceFromTheReleasedLotReachesTheSupplierLots) {
  ORDO_VERIFIES("ORDO-DEMO-17", "IND-02", "IND-03");
  const std::string token = TokenFor("quality");
  const Json trace =
      Get(std::string("/api/v1/genealogy/") + admin::kDemoBatchLot + "?direction=backward", token);
  std::set<std::string> reached;
  for (const Json& n : trace["nodes"]) reached.insert(n["id"].get<std::string>());
  EXPECT_TRUE(reached.count(std::string("order:") + admin::kDemoOrderBatchReleased));
  // Every lot the record consumed is in the trace, each received from a supplier.
  const Json r = Record(admin::kDemoOrderBatchReleased, token);
  ASSERT_EQ(r["consumed_lots"].size(), 11u);
  for (const Json& c : r["consumed_lots"]) {
    const std::string lot = c["lot"];
    EXPECT_TRUE(reached.count("lot:" + lot)) << lot << " not in the trace " << trace["nodes"];
    const Json l = Get("/api/v1/lots/" + lot, token)["lot"];
    EXPECT_FALSE(l["supplier"].get<std::string>().empty()) << l;
    EXPECT_FALSE(l["supplier_lot"].get<std::string>().empty()) << l;
  }
  // The CLI prints the same tree.
  RunResult tree = Cli({"trace", "back", admin::kDemoBatchLot});
  ASSERT_EQ(tree.status.code, 0) << tree.Describe();
  EXPECT_NE(tree.out.find("lot:L-RM-PCM-API-01"), std::string::npos) << tree.out;
  EXPECT_NE(tree.out.find("lot:L-PK-CTN-PCM20-01"), std::string::npos) << tree.out;
}

// Straight from `ordo init --demo`: the chain (with the checkpoint the batch release
// signed) verifies and the projections equal a replay; the second quality signer exists
// but the printed credentials stay one user per role.
TEST(DemoBatchStore, TheLedgerVerifiesAndReplaysAndOneUserPerRoleIsPrinted) {
  ORDO_VERIFIES("ORDO-DEMO-18", "ORDO-DEMO-19", "DI-05");
  Sandbox sandbox;
  RunResult init = sandbox.Ordo({"init", "--data", sandbox.data(), "--demo", "--site", "t"});
  ASSERT_EQ(init.status.code, 0) << init.Describe();
  const std::regex line(R"(demo user: (\S+) role: (\S+) password:)");
  std::multiset<std::string> roles;
  for (std::sregex_iterator it(init.out.begin(), init.out.end(), line), end; it != end; ++it) {
    EXPECT_EQ((*it)[1].str(), (*it)[2].str());
    roles.insert((*it)[2].str());
  }
  EXPECT_EQ(roles,
            (std::multiset<std::string>{"admin", "engineer", "operator", "quality", "supervisor"}));
  EXPECT_EQ(init.out.find(admin::kDemoQaLead), std::string::npos) << init.out;
  RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(verify.out, m, std::regex(R"((\d+) signed checkpoints)")))
      << verify.Describe();
  EXPECT_GE(std::stoi(m[1]), 2) << "init's and the batch release's";
  RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
  EXPECT_EQ(replay.status.code, 0) << replay.Describe();
}

TEST_F(DemoBatchTest, TheSecondQualitySignerIsAQualityUser) {
  ORDO_VERIFIES("ORDO-DEMO-19");
  const Json users = Get("/api/v1/users", TokenFor("admin"))["users"];
  bool found = false;
  for (const Json& u : users)
    if (u["name"] == admin::kDemoQaLead) {
      found = true;
      EXPECT_EQ(u["roles"], Json::array({"quality"})) << u;
      EXPECT_EQ(u["display_name"], "Demo QA Lead") << u;
    }
  EXPECT_TRUE(found) << users;
}

}  // namespace
}  // namespace ordo::testing
