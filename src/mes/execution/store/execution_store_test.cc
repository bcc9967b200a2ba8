// Tests of execution's store (every capability registered): the projectors give the rows
// the queries read, a replay of the ledger gives the same rows, and an edited guarded row
// is refused when a decision reads it.
#include "mes/execution/store/execution_store.h"

#include <gtest/gtest.h>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "mes/execution/domain/codes.h"
#include "store/row_seal.h"
#include "store/testing/store_fixture.h"

namespace ordo::execution {
namespace {

class ExecutionStoreTest : public store::testing::StoreFixture {
 protected:
  template <typename P>
  ledger::LedgerEntry Record(const P& payload, const std::string& actor = "olivia") {
    return Append(P::kType, actor, "PO-1", Json(payload));
  }

  ParameterRecorded Parameter(std::string name, double value, bool in_limits,
                              std::int64_t user_id = 7, std::string operation = "20") {
    ParameterRecorded p;
    p.order_id = "PO-1";
    p.operation = std::move(operation);
    p.name = std::move(name);
    p.unit = "rpm";
    p.value = value;
    p.low = 200;
    p.high = 300;
    p.in_limits = in_limits;
    p.source = "manual";
    p.spec_source = "manual";
    p.work_unit = "WU-GRAN-01";
    p.user_id = user_id;
    p.occurred_us = kT0;
    p.entered_us = kT0;
    return p;
  }

  // One operation's worth of records: two acknowledgements, parameters, a sample, a
  // blocking and a non-blocking exception, a refusal; and a record on another operation.
  void RecordOperation() {
    Record(InstructionsAcknowledged{"PO-1", "20", 7, "olivia", "hash-1", 3});
    Record(InstructionsAcknowledged{"PO-1", "20", 8, "omar", "hash-1", 3}, "omar");
    Record(Parameter("impeller_speed", 250, true));
    Record(Parameter("end_power", 6.5, false, 8), "omar");
    Record(ExceptionRecorded{"PO-1", "20", kParameterOutOfLimits, "end_power", "out",
                             Json{{"value", 6.5}}, true});
    Record(ExceptionRecorded{"PO-1", "20", kOverConsumption, "M-API", "over", Json{{"lot", "L1"}},
                             false});
    CharacteristicRecorded c;
    c.order_id = "PO-1";
    c.operation = "20";
    c.name = "lod";
    c.values = {2.0, 2.5, 3.5};
    c.sample_size = 3;
    c.upper_spec = 3.0;
    c.in_spec = false;
    c.out_of_spec = 1;
    c.user_id = 9;
    Record(c, "pia");
    Record(CommandRefused{"PO-1", "20", "consume", kWrongMaterial, "lot", "Wrong material",
                          Json{{"lot", "L9"}}});
    Record(Parameter("impeller_speed", 240, true, 7, "30"));
  }
};

TEST_F(ExecutionStoreTest, TheProjectorsGiveTheRowsTheDecisionsRead) {
  ORDO_VERIFIES("ORDO-EXEC-29", "ORDO-EXEC-12", "ORDO-EXEC-19", "ORDO-EXEC-22");
  RecordOperation();
  EXPECT_EQ(AcknowledgedHash(*db_, "PO-1", "20", 7).value(), std::optional<std::string>("hash-1"));
  EXPECT_FALSE(AcknowledgedHash(*db_, "PO-1", "20", 9).value().has_value());
  EXPECT_FALSE(AcknowledgedHash(*db_, "PO-1", "30", 7).value().has_value());
  EXPECT_FALSE(AcknowledgedHash(*db_, "PO-2", "20", 7).value().has_value());
  // The latest acknowledgement counts.
  Record(InstructionsAcknowledged{"PO-1", "20", 7, "olivia", "hash-2", 4});
  EXPECT_EQ(AcknowledgedHash(*db_, "PO-1", "20", 7).value(), std::optional<std::string>("hash-2"));

  auto blocking = OpenBlockingExceptions(*db_, "PO-1", "20");
  ASSERT_TRUE(blocking.ok()) << blocking.error().message;
  ASSERT_EQ(blocking->size(), 1u);
  EXPECT_EQ((*blocking)[0].event.subject, "end_power");
  EXPECT_EQ((*blocking)[0].event.kind, kParameterOutOfLimits);
  EXPECT_TRUE(OpenBlockingExceptions(*db_, "PO-1", "30").value().empty());

  EXPECT_EQ(RecordedParameters(*db_, "PO-1", "20").value(),
            (std::vector<std::string>{"end_power", "impeller_speed"}));
  EXPECT_EQ(RecordedCharacteristics(*db_, "PO-1", "20").value(), std::vector<std::string>{"lod"});
  EXPECT_TRUE(RecordedCharacteristics(*db_, "PO-1", "30").value().empty());
  auto data = RecordedDataOf(*db_, "PO-1", "20");
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->blocking, std::vector<std::string>{"end_power"});
  EXPECT_EQ(data->characteristics, std::vector<std::string>{"lod"});
  EXPECT_EQ(RecordersOf(*db_, "PO-1", "20").value(), (std::vector<std::int64_t>{7, 8, 9}));
  EXPECT_EQ(RecordersOf(*db_, "PO-1", "30").value(), (std::vector<std::int64_t>{7}));
}

TEST_F(ExecutionStoreTest, TheOrderViewReadsEveryRecordWithItsEntry) {
  ORDO_VERIFIES("ORDO-EXEC-29", "ORDO-EXEC-28", "DI-01", "DI-06");
  RecordOperation();
  auto parameters = ParametersOf(*db_, "PO-1", "");
  ASSERT_TRUE(parameters.ok()) << parameters.error().message;
  ASSERT_EQ(parameters->size(), 3u);
  EXPECT_EQ((*parameters)[1].event.name, "end_power");
  EXPECT_FALSE((*parameters)[1].event.in_limits);
  EXPECT_EQ((*parameters)[1].actor, "omar");
  EXPECT_GT((*parameters)[1].time_us, kT0);
  EXPECT_EQ(ParametersOf(*db_, "PO-1", "30").value().size(), 1u);
  auto samples = CharacteristicsOf(*db_, "PO-1", "20");
  ASSERT_TRUE(samples.ok());
  ASSERT_EQ(samples->size(), 1u);
  EXPECT_EQ((*samples)[0].event.values, (std::vector<double>{2.0, 2.5, 3.5}));
  EXPECT_EQ(ExceptionsOf(*db_, "PO-1", "").value().size(), 2u);
  EXPECT_EQ(AcknowledgementsOf(*db_, "PO-1", "20").value().size(), 2u);
  auto refusals = RefusalsOf(*db_, "PO-1", "");
  ASSERT_TRUE(refusals.ok());
  ASSERT_EQ(refusals->size(), 1u);
  EXPECT_EQ((*refusals)[0].event.code, "wrong_material");
  EXPECT_EQ((*refusals)[0].event.details.at("lot"), "L9");
  Json j = ToJson((*refusals)[0]);
  EXPECT_EQ(j.at("command"), "consume");
  EXPECT_EQ(j.at("actor"), "olivia");
  EXPECT_TRUE(j.at("time").is_string());
  EXPECT_TRUE(ExceptionsOf(*db_, "PO-2", "").value().empty());
}

TEST_F(ExecutionStoreTest, AReplayOfTheLedgerGivesTheSameRows) {
  ORDO_VERIFIES("ORDO-EXEC-29", "DI-04");
  RecordOperation();
  auto diffs = admin::ReplayCheck(root_ + "/ordo.db");
  ASSERT_TRUE(diffs.ok()) << diffs.error().message;
  EXPECT_TRUE(diffs->empty()) << (diffs->empty() ? "" : diffs->front());
  // The check sees an edited row of execution's tables.
  ASSERT_TRUE(db_->Exec("UPDATE exec_parameter SET in_limits = 1 WHERE name = 'end_power'").ok());
  auto edited = admin::ReplayCheck(root_ + "/ordo.db");
  ASSERT_TRUE(edited.ok());
  EXPECT_FALSE(edited->empty());
}

TEST_F(ExecutionStoreTest, AnEditedGuardedRowIsRefusedWhenADecisionReadsIt) {
  ORDO_VERIFIES("ORDO-EXEC-29", "P11-01", "ORDO-EXEC-19");
  RecordOperation();
  std::string key;
  ASSERT_TRUE(FromHex(RandomHex(32), &key));
  ASSERT_TRUE(db_->Exec("BEGIN").ok());
  for (const char* table :
       {"exec_acknowledgement", "exec_parameter", "exec_characteristic", "exec_exception"}) {
    const store::GuardedTable* guarded = store::FindGuardedTable(table);
    ASSERT_NE(guarded, nullptr) << table << " is guarded";
    ASSERT_TRUE(store::SealAllRows(*db_, key, *guarded, 9).ok());
  }
  ASSERT_TRUE(db_->Exec("COMMIT").ok());
  store::InstallSealKey(db_->path(), key);
  ASSERT_EQ(OpenBlockingExceptions(*db_, "PO-1", "20").value().size(), 1u);
  // Someone with the database file lifts the block: completion would pass. The read is
  // refused instead, naming the row.
  ASSERT_TRUE(db_->Exec("UPDATE exec_exception SET blocks_completion = 0, payload = "
                        "replace(payload, '\"blocks_completion\":true', "
                        "'\"blocks_completion\":false') WHERE subject = 'end_power'")
                  .ok());
  auto lifted = OpenBlockingExceptions(*db_, "PO-1", "20");
  ASSERT_FALSE(lifted.ok());
  EXPECT_EQ(lifted.error().code, ErrorCode::kIntegrityViolation);
  EXPECT_NE(lifted.error().message.find("exec_exception"), std::string::npos);
  // A forged acknowledgement is refused the same way.
  ASSERT_TRUE(
      db_->Exec("UPDATE exec_acknowledgement SET payload = replace(payload, 'hash-1', 'forged')")
          .ok());
  EXPECT_EQ(AcknowledgedHash(*db_, "PO-1", "20", 7).error().code, ErrorCode::kIntegrityViolation);
  store::RemoveSealKey(db_->path());
}

}  // namespace
}  // namespace ordo::execution
