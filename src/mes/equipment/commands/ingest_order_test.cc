// The ingest command's order declarations (equipment_commands.h, IngestCommand): it is
// bulk, declares the work units the caller read for its source, and refuses to run when
// it would touch a work unit outside them (the source was changed while it was queued),
// writing nothing; within them it is accepted as usual.
#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/equipment/commands/equipment_commands.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {
namespace {

class IngestOrderTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_ingest_order_test_", /*demo=*/true);
    StartEngine();
    SourceRegistered s;
    s.name = "press-line";
    s.kind = "rest";
    s.work_units = {"WU-PRESS-01", "WU-FBD-300"};
    s.key_hash = std::string(64, 'a');
    Record(s, kSourceSubject, s.name);
  }

  // A batch of one running state of WU-PRESS-01.
  static Batch Running(std::int64_t seq) {
    Batch b;
    b.source = "press-line";
    b.seq = seq;
    b.states.push_back(StateItem{"WU-PRESS-01", kT0 - 1'000'000, State::kRunning, std::nullopt});
    return b;
  }
  static engine::Command Ingest(std::int64_t seq, std::optional<std::set<std::string>> units) {
    return IngestCommand(engine::Actor{0, "source:press-line", "device", std::nullopt},
                         "press-line", Running(seq), "hash-" + std::to_string(seq), kT0,
                         std::move(units));
  }
};

TEST_F(IngestOrderTest, AnIngestIsBulkAndDeclaresTheSourcesWorkUnits) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  const engine::Command c = Ingest(1, std::set<std::string>{"WU-PRESS-01", "WU-FBD-300"});
  EXPECT_TRUE(c.bulk);
  ASSERT_TRUE(c.work_units.has_value());
  EXPECT_EQ(*c.work_units, (std::set<std::string>{"WU-PRESS-01", "WU-FBD-300"}));
  const engine::Command undeclared = Ingest(1, std::nullopt);
  EXPECT_TRUE(undeclared.bulk);
  EXPECT_FALSE(undeclared.work_units.has_value());
}

TEST_F(IngestOrderTest, AnIngestTouchingAWorkUnitItDidNotDeclareFailsAndWritesNothing) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  const std::int64_t head = engine_->head_seq();
  // The caller read the source when it spoke only for WU-FBD-300.
  auto stale = engine_->SubmitAndWait(Ingest(1, std::set<std::string>{"WU-FBD-300"}));
  ASSERT_FALSE(stale.ok());
  EXPECT_EQ(stale.error().code, ErrorCode::kUnavailable);
  EXPECT_NE(stale.error().message.find("send it again"), std::string::npos);
  EXPECT_EQ(engine_->head_seq(), head);
  // Sent again with the source as it is: accepted, seq 1 still free.
  Json accepted = Run(Ingest(1, std::set<std::string>{"WU-PRESS-01", "WU-FBD-300"}));
  EXPECT_EQ(accepted.value("duplicate", true), false);
  EXPECT_EQ(accepted.value("states", 0), 1);
  EXPECT_GT(engine_->head_seq(), head);
  // Undeclared: no check, accepted as before the order rules.
  Json undeclared = Run(Ingest(2, std::nullopt));
  EXPECT_EQ(undeclared.value("states", 0), 1);
}

}  // namespace
}  // namespace ordo::equipment
