// Integration tests of genealogy against the real server: lots received and consumed by an
// order through execution's API become edges; a forward trace from a supplier lot reaches
// the order, a backward trace from the order reaches the lots, through the API and through
// `ordo trace` (tree and --json); every role may read, anonymous callers may not; an
// unknown id is 404 and a bad direction 400 naming the field, changing nothing.
#include <gtest/gtest.h>

#include <fstream>

#include "core/testing/verifies.h"
#include "support/production_fixture.h"

namespace ordo::testing {
namespace {

const std::string kOrder = "WO-GEN-1";
const std::string kOp = "/api/v1/orders/" + kOrder + "/operations/10";

class GenealogyApiTest : public ProductionTest {
 protected:
  void SetUp() override {
    ProductionTest::SetUp();
    if (HasFatalFailure()) return;
    for (const char* lot : {"L-GEN-A", "L-GEN-B"}) {
      ReceiveReleasedLot(lot);
      if (HasFatalFailure()) return;
    }
    StartOrder(kOrder);
    if (HasFatalFailure()) return;
    Consume(kOrder, "L-GEN-A", 2);
    Consume(kOrder, "L-GEN-B", 1.5);
  }

  std::int64_t Head() {
    return http().Get("/api/v1/ledger?before=0&limit=1", quality_).json()["entries"][0]["seq"];
  }
};

const Json* NodeOf(const Json& trace, const std::string& id) {
  for (const Json& n : trace["nodes"])
    if (n["id"] == id) return &n;
  return nullptr;
}

TEST_F(GenealogyApiTest, ForwardFromALotReachesTheOrderAndBackwardFromTheOrderTheLots) {
  ORDO_VERIFIES("ORDO-GEN-11", "ORDO-GEN-05", "DI-10", "IND-10");
  HttpReply forward = http().Get("/api/v1/genealogy/L-GEN-A?direction=forward", operator_);
  ASSERT_EQ(forward.status, 200) << forward.Describe();
  Json f = forward.json();
  EXPECT_EQ(f["start"], "lot:L-GEN-A");
  EXPECT_EQ(f["direction"], "forward");
  ASSERT_EQ(f["nodes"].size(), 2u) << f.dump();
  EXPECT_EQ(f["nodes"][0]["id"], "lot:L-GEN-A");
  EXPECT_EQ(f["nodes"][0]["material"], "RM-PCM-API");
  EXPECT_EQ(f["nodes"][0]["status"], "released");
  EXPECT_DOUBLE_EQ(f["nodes"][0]["quantity"].get<double>(), 8);
  EXPECT_EQ(f["nodes"][1]["id"], "order:" + kOrder);
  EXPECT_EQ(f["nodes"][1]["depth"], 1);
  EXPECT_EQ(f["nodes"][1]["status"], "in_progress");
  ASSERT_EQ(f["edges"].size(), 1u);
  EXPECT_EQ(f["edges"][0]["kind"], "consumed");
  EXPECT_DOUBLE_EQ(f["edges"][0]["quantity"].get<double>(), 2);
  EXPECT_EQ(f["edges"][0]["operation"], "10");

  HttpReply backward =
      http().Get("/api/v1/genealogy/order:" + kOrder + "?direction=backward", quality_);
  ASSERT_EQ(backward.status, 200) << backward.Describe();
  Json b = backward.json();
  ASSERT_EQ(b["nodes"].size(), 3u) << b.dump();
  EXPECT_NE(NodeOf(b, "lot:L-GEN-A"), nullptr);
  ASSERT_NE(NodeOf(b, "lot:L-GEN-B"), nullptr);
  EXPECT_EQ((*NodeOf(b, "lot:L-GEN-B"))["depth"], 1);
  EXPECT_EQ(b["edges"].size(), 2u);
  // The default direction is backward; the prefix lot: names the same node.
  HttpReply plain = http().Get("/api/v1/genealogy/lot:L-GEN-B", supervisor_);
  ASSERT_EQ(plain.status, 200) << plain.Describe();
  EXPECT_EQ(plain.json()["direction"], "backward");
  EXPECT_EQ(plain.json()["nodes"].size(), 1u);
}

TEST_F(GenealogyApiTest, TheCliPrintsTheTraceAsATreeOrAsJson) {
  ORDO_VERIFIES("ORDO-GEN-10", "ORDO-GEN-12");
  const Credentials& op = sandbox_.user("operator");
  const std::string pw = sandbox_.file("op.pw");
  {
    std::ofstream out(pw);
    out << op.password << "\n";
  }
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  auto run = [&](std::vector<std::string> args) {
    for (const std::string& a : {std::string("--server"), url, std::string("--user"), op.name,
                                 std::string("--password-file"), pw})
      args.push_back(a);
    return sandbox_.Ordo(args);
  };
  RunResult tree = run({"trace", "back", "order:" + kOrder});
  ASSERT_EQ(tree.status.code, 0) << tree.Describe();
  EXPECT_NE(tree.out.find("order:" + kOrder), std::string::npos) << tree.out;
  EXPECT_NE(tree.out.find("├─ lot:L-GEN-A  [consumed 2 kg at operation 10]  RM-PCM-API, "
                          "released, 8 kg"),
            std::string::npos)
      << tree.out;
  EXPECT_NE(tree.out.find("└─ lot:L-GEN-B  [consumed 1.5 kg"), std::string::npos) << tree.out;
  RunResult json = run({"trace", "forward", "L-GEN-B", "--json"});
  ASSERT_EQ(json.status.code, 0) << json.Describe();
  Json parsed = Json::parse(json.out, nullptr, false);
  ASSERT_TRUE(parsed.is_object()) << json.out;
  EXPECT_EQ(parsed["nodes"][1]["id"], "order:" + kOrder);
  RunResult unknown = run({"trace", "back", "L-NO-SUCH"});
  EXPECT_EQ(unknown.status.code, 1) << unknown.Describe();
  EXPECT_NE(unknown.err.find("HTTP 404"), std::string::npos) << unknown.Describe();
  RunResult usage = sandbox_.Ordo({"trace", "sideways", "L-GEN-A"});
  EXPECT_EQ(usage.status.code, 2) << usage.Describe();
}

TEST_F(GenealogyApiTest, EveryRoleMayTraceAnonymousCallersMayNot) {
  ORDO_VERIFIES("ORDO-GEN-13", "P11-04");
  for (const char* role : {"operator", "supervisor", "quality", "engineer", "admin"}) {
    HttpReply r = http().Get("/api/v1/genealogy/L-GEN-A", TokenFor(role));
    EXPECT_EQ(r.status, 200) << role << ": " << r.Describe();
  }
  EXPECT_EQ(http().Get("/api/v1/genealogy/L-GEN-A").status, 401);
}

TEST_F(GenealogyApiTest, BadInputGetsAClearErrorAndChangesNothing) {
  ORDO_VERIFIES("ORDO-GEN-14");
  const std::int64_t head = Head();
  struct Case {
    std::string target;
    int status;
    std::string field, reason;
  };
  for (const Case& c : std::vector<Case>{
           {"/api/v1/genealogy/L-NO-SUCH", 404, "id", "node_missing"},
           {"/api/v1/genealogy/order:WO-NO-SUCH", 404, "id", "node_missing"},
           {"/api/v1/genealogy/batch:L-GEN-A", 404, "id", "node_missing"},
           {"/api/v1/genealogy/L-GEN-A?direction=up", 400, "direction", "unknown_direction"},
           {"/api/v1/genealogy/L-GEN-A?direction=", 400, "direction", "unknown_direction"},
           {"/api/v1/genealogy/L-GEN-A?depth=0", 400, "depth", ""},
           {"/api/v1/genealogy/L-GEN-A?depth=x", 400, "depth", ""}}) {
    HttpReply r = http().Get(c.target, supervisor_);
    EXPECT_EQ(r.status, c.status) << c.target << ": " << r.Describe();
    Json body = r.json();
    EXPECT_EQ(body.value("field", ""), c.field) << c.target << ": " << r.body;
    if (!c.reason.empty()) {
      EXPECT_EQ(body.value("reason", ""), c.reason) << c.target << ": " << r.body;
    }
  }
  EXPECT_EQ(Head(), head);
}

}  // namespace
}  // namespace ordo::testing
