// The lots commands and projectors through the real engine and store with an injected
// clock: a lot received, released and consumed by material_consumed entries down to
// exactly zero (consumed), the expired status as the clock passes the expiry day, and a
// lot row edited behind the engine's back refused by the seal check.
#include "mes/lots/commands/lot_commands.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/access/users.h"
#include "mes/lots/events.h"
#include "mes/lots/lots.h"
#include "mes/lots/store/lots_store.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::lots {
namespace {

constexpr TimeMicros kT0 = engine::testing::EngineFixture::kT0;  // 2026-11-25T09:04:05Z
constexpr TimeMicros kDay = 86'400'000'000;

class LotCommandsTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_lot_commands_test_", true);
    if (HasFatalFailure()) return;
    StartEngine();
    if (HasFatalFailure()) return;
    OpenReader();
    if (HasFatalFailure()) return;
    supervisor_ = ActorNamed("supervisor");
    quality_ = ActorNamed("quality");
  }

  engine::Actor ActorNamed(const std::string& name) {
    auto u = access::FindUserByName(*reader_, name);
    EXPECT_TRUE(u.ok() && *u);
    return engine::Actor{u.ok() && *u ? (*u)->id : 0, name, name};
  }

  // Receives `lot`: 2 drums (50 kg) of RM-PCM-API expiring on `expiry`, then releases it.
  void ReceiveAndRelease(const std::string& lot, const std::string& expiry = "2099-12-31") {
    ReceiveLot r{lot, "RM-PCM-API", "Acme", "A-1", 2, "drum", expiry, "", "api"};
    Json received = Run(ReceiveLotCommand(supervisor_, r));
    ASSERT_EQ(received["outcome"], "created") << received.dump();
    signatures::SignerIdentity signer{quality_.user_id, "quality", "released", std::nullopt};
    Json released = Run(DispositionCommand(quality_, lot, LotAction::kRelease, "", signer));
    ASSERT_EQ(released["lot"]["state"], "released") << released.dump();
  }

  // Writes one lots.material_consumed entry (as execution will).
  void Consume(const std::string& lot, double kg) {
    engine::Command c;
    c.actor = supervisor_;
    c.decide = [lot, kg](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      MaterialConsumed e;
      e.lot = lot;
      e.material = e.bom_material = "RM-PCM-API";
      e.quantity = e.base_quantity = kg;
      e.unit = e.base_unit = "kg";
      e.order_id = "WO-1";
      e.operation = "10";
      e.work_unit = "WU-1";
      return std::vector<ledger::Event>{ledger::MakeEvent(e, kSubjectKind, lot)};
    };
    Run(std::move(c));
  }

  Lot Find(const std::string& lot) {
    auto found = FindLot(*reader_, lot);
    EXPECT_TRUE(found.ok() && *found) << (found.ok() ? "none" : found.error().message);
    return found.ok() && *found ? **found : Lot{};
  }

  engine::Actor supervisor_, quality_;
};

TEST_F(LotCommandsTest, ConsumptionLowersTheQuantityToExactlyZeroAndTheLotIsConsumed) {
  ORDO_VERIFIES("ORDO-LOT-09", "ORDO-LOT-08", "IND-01", "DI-05");
  ReceiveAndRelease("L-1");
  Consume("L-1", 20);
  Lot l = Find("L-1");
  EXPECT_DOUBLE_EQ(l.quantity, 30);
  EXPECT_EQ(l.state, "released");
  // 30 kg in steps of 0.1 kg: binary fractions do not add up exactly, the lot still
  // ends at exactly zero.
  for (int i = 0; i < 300; ++i) {
    ASSERT_GT(Find("L-1").quantity, 0.0) << i;
    Consume("L-1", 0.1);
  }
  l = Find("L-1");
  EXPECT_EQ(l.quantity, 0.0);
  EXPECT_EQ(l.state, "consumed");
  auto history = HistoryOf(*reader_, "L-1");
  ASSERT_TRUE(history.ok());
  ASSERT_EQ(history->size(), 303u);
  EXPECT_EQ(history->front().event, "consumed");
  EXPECT_EQ(history->front().state, "consumed");
  EXPECT_EQ(history->front().detail["order_id"], "WO-1");
  EXPECT_EQ(history->back().event, "received");
}

TEST_F(LotCommandsTest, TheLotExpiresWhenTheClockPassesItsExpiryDay) {
  ORDO_VERIFIES("ORDO-LOT-07", "DI-03");
  ReceiveAndRelease("L-2", "2026-11-26");  // kT0 is 2026-11-25
  EXPECT_EQ(EffectiveLotStatus(Find("L-2"), clock_.NowMicros()), "released");
  clock_.Advance(kDay);  // 2026-11-26: the expiry day is still usable
  EXPECT_EQ(EffectiveLotStatus(Find("L-2"), clock_.NowMicros()), "released");
  clock_.Advance(kDay);  // 2026-11-27
  const Lot l = Find("L-2");
  EXPECT_EQ(l.state, "released");  // stored state unchanged: expired is derived
  EXPECT_EQ(EffectiveLotStatus(l, clock_.NowMicros()), "expired");
  auto listed = ListLots(*reader_, "RM-PCM-API", "expired", UtcDay(clock_.NowMicros()), 10);
  ASSERT_TRUE(listed.ok());
  ASSERT_EQ(listed->size(), 1u);
  EXPECT_EQ(listed->front().lot.lot, "L-2");
}

TEST_F(LotCommandsTest, ALotRowEditedBehindTheEnginesBackIsRefused) {
  ORDO_VERIFIES("ORDO-LOT-19", "P11-01");
  ReceiveAndRelease("L-3");
  auto db = storage::OpenSqlite(dir_.DatabasePath(), storage::OpenMode::kReadWrite);
  ASSERT_TRUE(db.ok()) << db.error().message;
  ASSERT_TRUE((*db)->Exec("UPDATE lot SET quantity = '5000.0' WHERE lot = 'L-3'").ok());
  auto found = FindLot(*reader_, "L-3");
  ASSERT_FALSE(found.ok());
  EXPECT_EQ(found.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(found.error().message.find("lot"), std::string::npos) << found.error().message;
  ASSERT_TRUE((*db)->Exec("UPDATE lot SET quantity = '50.0' WHERE lot = 'L-3'").ok());
  EXPECT_TRUE(FindLot(*reader_, "L-3").ok());
}

}  // namespace
}  // namespace ordo::lots
