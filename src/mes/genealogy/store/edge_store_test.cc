// gen_edge through the real engine and store: lots.material_consumed entries become
// lot -> order edges, traces walk them both ways with what lots and orders know of each
// node, the cycle check refuses an edge that would close a loop, and an edge row edited
// behind the engine's back is refused by the seal check.
#include "mes/genealogy/store/edge_store.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "ledger/event_type.h"
#include "mes/access/users.h"
#include "mes/genealogy/genealogy.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::genealogy {
namespace {

class EdgeStoreTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_genealogy_store_test_", true);
    if (HasFatalFailure()) return;
    StartEngine();
    if (HasFatalFailure()) return;
    OpenReader();
    if (HasFatalFailure()) return;
    auto u = access::FindUserByName(*reader_, "supervisor");
    ASSERT_TRUE(u.ok() && *u);
    supervisor_ = engine::Actor{(*u)->id, "supervisor", "supervisor"};
  }

  // One lots.lot_received entry of 50 kg of RM-PCM-API (as lots' receipt writes it; the
  // command itself is lots' own, which this capability may not include).
  void Receive(const std::string& lot) {
    engine::Command c;
    c.actor = supervisor_;
    c.decide = [lot](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      lots::LotReceived e;
      e.lot = lot;
      e.material = "RM-PCM-API";
      e.supplier = "Acme";
      e.supplier_lot = "A-" + lot;
      e.quantity = e.base_quantity = 50;
      e.unit = e.base_unit = "kg";
      e.expiry = "2099-12-31";
      e.source = "api";
      return std::vector<ledger::Event>{ledger::MakeEvent(e, lots::kSubjectKind, lot)};
    };
    Run(std::move(c));
  }

  // One lots.material_consumed entry, as execution writes it.
  void Consume(const std::string& lot, double kg, const std::string& order) {
    engine::Command c;
    c.actor = supervisor_;
    c.decide = [lot, kg, order](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      lots::MaterialConsumed e;
      e.lot = lot;
      e.material = e.bom_material = "RM-PCM-API";
      e.quantity = e.base_quantity = kg;
      e.unit = e.base_unit = "kg";
      e.order_id = order;
      e.operation = "10";
      e.work_unit = "WU-1";
      return std::vector<ledger::Event>{ledger::MakeEvent(e, lots::kSubjectKind, lot)};
    };
    Run(std::move(c));
  }

  engine::Actor supervisor_;
};

TEST_F(EdgeStoreTest, ConsumptionsBecomeEdgesThatTracesWalkBothWays) {
  ORDO_VERIFIES("ORDO-GEN-05", "ORDO-GEN-06", "DI-10", "IND-10");
  Receive("L-G1");
  Receive("L-G2");
  Consume("L-G1", 20, "WO-DEMO-1003");
  Consume("L-G2", 5, "WO-DEMO-1003");
  Consume("L-G1", 1, "WO-DEMO-1003");  // a second consumption is a second edge

  auto forward = TraceForward(*reader_, "lot:L-G1");
  ASSERT_TRUE(forward.ok()) << forward.error().message;
  ASSERT_EQ(forward->nodes.size(), 2u);
  EXPECT_EQ(forward->nodes[0].id, "lot:L-G1");
  EXPECT_EQ(forward->nodes[0].material, "RM-PCM-API");
  EXPECT_DOUBLE_EQ(forward->nodes[0].quantity, 29);
  EXPECT_EQ(forward->nodes[0].status, "quarantined");
  EXPECT_EQ(forward->nodes[1].id, "order:WO-DEMO-1003");
  EXPECT_EQ(forward->nodes[1].depth, 1);
  EXPECT_TRUE(forward->nodes[1].known);
  ASSERT_EQ(forward->edges.size(), 2u);
  EXPECT_EQ(forward->edges[0].kind, EdgeKind::kConsumed);
  EXPECT_DOUBLE_EQ(forward->edges[0].quantity, 20);
  EXPECT_EQ(forward->edges[0].operation, "10");
  EXPECT_LT(forward->edges[0].seq, forward->edges[1].seq);

  auto backward = TraceBackward(*reader_, "order:WO-DEMO-1003");
  ASSERT_TRUE(backward.ok()) << backward.error().message;
  std::vector<std::string> ids;
  for (const auto& n : backward->nodes) ids.push_back(n.id);
  // The demo order WO-DEMO-1003 is released, nothing consumed or produced yet: ours are there.
  EXPECT_EQ(ids.front(), "order:WO-DEMO-1003");
  EXPECT_NE(std::find(ids.begin(), ids.end(), "lot:L-G1"), ids.end());
  EXPECT_NE(std::find(ids.begin(), ids.end(), "lot:L-G2"), ids.end());

  auto bare = ResolveNode(*reader_, "L-G2");
  ASSERT_TRUE(bare.ok());
  EXPECT_EQ(*bare, std::optional<std::string>("lot:L-G2"));
  auto unknown = ResolveNode(*reader_, "L-NONE");
  ASSERT_TRUE(unknown.ok());
  EXPECT_FALSE(unknown->has_value());
  auto no_order = ResolveNode(*reader_, "order:WO-NONE");
  ASSERT_TRUE(no_order.ok());
  EXPECT_FALSE(no_order->has_value());
}

TEST_F(EdgeStoreTest, WouldCycleRefusesAnEdgeThatClosesALoopThroughStoredEdges) {
  ORDO_VERIFIES("ORDO-GEN-02", "ORDO-GEN-07");
  Receive("L-G3");
  Consume("L-G3", 2, "WO-DEMO-1002");
  Edge back;
  back.parent = "order:WO-DEMO-1002";
  back.child = "lot:L-G3";
  back.kind = EdgeKind::kProduced;
  Status s = WouldCycle(*reader_, {back});
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().reason, "genealogy_cycle");
  EXPECT_EQ(s.error().code, ErrorCode::kFailedPrecondition);
  EXPECT_NE(s.error().message.find("lot:L-G3 -> order:WO-DEMO-1002"), std::string::npos)
      << s.error().message;
  back.child = "lot:L-NEW";
  EXPECT_TRUE(WouldCycle(*reader_, {back}).ok());
}

TEST_F(EdgeStoreTest, AnEdgeRowEditedBehindTheEnginesBackIsRefused) {
  ORDO_VERIFIES("ORDO-GEN-08", "P11-01");
  Receive("L-G4");
  Consume("L-G4", 3, "WO-DEMO-1003");
  ASSERT_TRUE(TraceForward(*reader_, "lot:L-G4").ok());
  auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE((*db)->Exec("UPDATE gen_edge SET quantity = '0.5' WHERE parent = 'lot:L-G4'").ok());
  auto trace = TraceForward(*reader_, "lot:L-G4");
  ASSERT_FALSE(trace.ok());
  EXPECT_EQ(trace.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(trace.error().message.find("gen_edge"), std::string::npos) << trace.error().message;
}

TEST_F(EdgeStoreTest, TheUpgradeBackfillWritesTheRowsTheProjectorWrote) {
  ORDO_VERIFIES("ORDO-GEN-16");
  Receive("L-G5");
  Consume("L-G5", 4, "WO-DEMO-1004");
  Consume("L-G5", 0.25, "WO-DEMO-1004");
  auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.error().message;
  auto rows = [&] {
    auto r = storage::Rows<std::string>(
        **db,
        "SELECT seq || '|' || parent || '|' || child || '|' || kind || '|' || quantity || '|' "
        "|| base_unit || '|' || order_id || '|' || operation FROM gen_edge "
        "WHERE kind = 'consumed' AND parent LIKE 'lot:%' ORDER BY seq",
        storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
    EXPECT_TRUE(r.ok());
    return r.ok() ? *r : std::vector<std::string>{};
  };
  const std::vector<std::string> projected = rows();
  ASSERT_GE(projected.size(), 2u);
  // A store of the release before genealogy: the consumptions are in lot_consumption
  // only; migration 1 of gen_edge makes them edges, the same rows. (That release had no
  // production or serials: the demo's serial edges are not what the backfill is for.)
  ASSERT_TRUE((*db)->Exec("DELETE FROM gen_edge").ok());
  ASSERT_TRUE((*db)->Exec(Tables().migrations.at(0).sql).ok());
  EXPECT_EQ(rows(), projected);
  ASSERT_TRUE((*db)->Exec(Tables().migrations.at(0).sql).ok());  // idempotent
  EXPECT_EQ(rows(), projected);
}

}  // namespace
}  // namespace ordo::genealogy
