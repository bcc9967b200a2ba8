// Who performed or verified a step of an order, and the independence of its batch
// release (independence.h; DecideRelease's same_person refusal).
#include "mes/batchrecord/domain/independence.h"

#include <gtest/gtest.h>

#include "core/testing/verifies.h"
#include "mes/batchrecord/domain/review.h"

namespace ordo::batchrecord {
namespace {

struct Steps {
  Facts f;
  std::int64_t seq = 0;
  void Add(const std::string& actor, const std::string& type, Json payload,
           const std::string& kind = "order") {
    Entry e;
    e.seq = ++seq;
    e.time_us = 1'764'500'000'000'000 + seq;
    e.actor = actor;
    e.type = type;
    e.subject_kind = kind;
    e.subject_id = "PO-1";
    payload["order_id"] = "PO-1";
    e.payload = std::move(payload);
    f.entries.push_back(std::move(e));
  }
};

std::vector<std::string> Users(const std::vector<Performer>& performers) {
  std::vector<std::string> users;
  for (const auto& p : performers) users.push_back(p.user);
  return users;
}

TEST(BatchReleaseIndependenceTest, PerformersAreEveryoneWhoDidOrVerifiedAStep) {
  ORDO_VERIFIES("ORDO-BR-51", "IND-01");
  Steps s;
  // Not steps: the order's creation and release, a refused attempt, the review.
  s.Add("planner", "orders.order_created", Json::object());
  s.Add("super", "orders.order_released", Json::object());
  s.Add("intruder", "execution.command_refused", Json{{"operation", "10"}});
  s.Add("starter", "orders.operation_started", Json{{"operation", "10"}});
  s.Add("reader", "execution.instructions_acknowledged",
        Json{{"operation", "10"}, {"user", "reader"}});
  s.Add("pauser", "orders.operation_paused", Json{{"operation", "10"}});
  s.Add("resumer", "orders.operation_resumed", Json{{"operation", "10"}});
  s.Add("measurer", "execution.parameter_recorded", Json{{"operation", "10"}, {"name", "temp"}});
  s.Add("sampler", "execution.characteristic_recorded",
        Json{{"operation", "10"}, {"name", "weight"}});
  s.Add("weigher", "lots.material_consumed", Json{{"operation", "10"}, {"lot", "L-API-01"}}, "lot");
  s.Add("maker", "lots.lot_produced", Json{{"operation", "10"}, {"lot", "L-TAB-01"}}, "lot");
  s.Add("serializer", "lots.serial_produced", Json{{"operation", "10"}, {"serial", "S1"}},
        "serial");
  s.Add("assembler", "lots.serial_consumed", Json{{"operation", "10"}, {"serial", "C1"}}, "serial");
  s.Add("finisher", "orders.operation_completed", Json{{"operation", "10"}});
  s.Add("checker", "signature.applied",
        Json{{"signer", "checker"}, {"meaning", "verified"}, {"record_id", "PO-1/10"}});
  s.Add("checker2", "orders.operation_verified",
        Json{{"operation", "10"}, {"verifier", "checker2"}});
  // A verifier's own signature comes first in its command: the step still names them.
  s.Add("checker2", "signature.applied",
        Json{{"signer", "checker2"}, {"meaning", "verified"}, {"record_id", "PO-1/10"}});
  s.Add("starter", "orders.operation_started", Json{{"operation", "20"}});  // again: once
  s.Add("super", "orders.order_completed", Json::object());
  s.Add("reviewer", "batchrecord.exceptions_reviewed", Json::object(), "batch_record");
  s.Add("reviewer", "signature.applied", Json{{"signer", "reviewer"}, {"meaning", "released"}},
        "batch_record");

  const auto performers = PerformersOf(s.f);
  EXPECT_EQ(Users(performers),
            (std::vector<std::string>{"starter", "reader", "pauser", "resumer", "measurer",
                                      "sampler", "weigher", "maker", "serializer", "assembler",
                                      "finisher", "checker2", "checker"}));
  EXPECT_EQ(performers[0].step, "started operation 10");
  EXPECT_EQ(performers[4].step, "recorded parameter temp of operation 10");
  EXPECT_EQ(performers[6].step, "consumed lot L-API-01 at operation 10");
  EXPECT_EQ(performers[7].step, "produced lot L-TAB-01 at operation 10");
  EXPECT_EQ(performers[11].step, "verified operation 10");
  EXPECT_EQ(performers[12].step, "signed PO-1/10 as verified");
}

TEST(BatchReleaseIndependenceTest, AVerifierNamedInThePayloadCountsToo) {
  ORDO_VERIFIES("ORDO-BR-51");
  Steps s;
  s.Add("system", "orders.operation_verified", Json{{"operation", "20"}, {"verifier", "qa.vera"}});
  EXPECT_EQ(Users(PerformersOf(s.f)), (std::vector<std::string>{"system", "qa.vera"}));
}

TEST(BatchReleaseIndependenceTest, APerformerMayNotSignTheRelease) {
  ORDO_VERIFIES("ORDO-BR-50", "A11-13", "IND-05");
  const std::vector<Performer> performers{{"op1", "started operation 10", 3},
                                          {"qa.vera", "verified operation 20", 9}};
  EXPECT_TRUE(CheckIndependentRelease(performers, "qa.lead", "PO-1").ok());
  EXPECT_TRUE(CheckIndependentRelease({}, "qa.vera", "PO-1").ok());
  auto refused = CheckIndependentRelease(performers, "qa.vera", "PO-1");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kPermissionDenied);
  EXPECT_EQ(refused.error().reason, "same_person");
  EXPECT_EQ(refused.error().field, "signature.user");
  const std::string& m = refused.error().message;
  EXPECT_NE(m.find("qa.vera"), std::string::npos) << m;
  EXPECT_NE(m.find("verified operation 20"), std::string::npos) << m;
  EXPECT_NE(m.find("PO-1"), std::string::npos) << m;
}

signatures::SignerState Quality(const std::string& name) {
  signatures::SignerState s;
  s.user_id = 7;
  s.name = name;
  s.printed_name = name;
  s.meaning = "released";
  s.active = true;
  s.policy_acknowledged = true;
  return s;
}

TEST(BatchReleaseIndependenceTest, DecideReleaseRefusesAPerformerAndNothingIsRecorded) {
  ORDO_VERIFIES("ORDO-BR-50", "A11-13");
  Steps s;
  s.f.order = Json{{"order_id", "PO-1"}, {"quantity", 1.0}, {"base_quantity", 1.0}};
  s.f.operations = Json::array({Json{{"operation", "10"},
                                     {"name", "Mix"},
                                     {"position", 1},
                                     {"state", "completed"},
                                     {"spec", Json::object()}}});
  s.Add("qa.anna", "orders.operation_started", Json{{"operation", "10"}});
  s.Add("op1", "orders.operation_completed",
        Json{{"operation", "10"}, {"good", 1.0}, {"unit", "pcs"}});
  s.Add("op1", "orders.order_completed", Json::object());
  const Assessed a = Assess(s.f);
  ASSERT_TRUE(a.missing.empty()) << a.missing.front().message;
  ReleaseInput in{"PO-1", std::nullopt, {}, {}, 0, 10};
  in.performers = PerformersOf(s.f);
  auto refused = DecideRelease(a, in, Quality("qa.anna"));
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().reason, "same_person");
  EXPECT_NE(refused.error().message.find("started operation 10"), std::string::npos);
  auto released = DecideRelease(a, in, Quality("qa.lead"));
  ASSERT_TRUE(released.ok()) << released.error().message;
  EXPECT_EQ(released->back().type, "batchrecord.released");
}

}  // namespace
}  // namespace ordo::batchrecord
