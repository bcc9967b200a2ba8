// The Sparkplug B host ingest (sparkplug_ingest.h) on a real store and engine, without a
// broker: messages without a payload timestamp are refused, and a message whose ingest
// failed (not durable) after it asked for a rebirth does not ask again when delivered
// again. The paths through a real broker are in tests/sparkplug_host_test.cc.
#include "mes/equipment/mqtt/sparkplug_ingest.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <future>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/equipment/events.h"
#include "mes/equipment/mqtt/sparkplug_mapping.h"
#include "mes/equipment/sample_sink.h"
#include "storage/rows.h"
#include "store/data_dir.h"

namespace ordo::equipment::mqtt {
namespace {

namespace sp = ordo::sparkplug;

constexpr TimeMicros kStart = 1'796'025'600'000'000;  // 2026-11-30T08:00:00Z
constexpr std::uint64_t kT0Ms = kStart / 1000;

// A sample sink whose tag lookup fails (unavailable: not durable) while `fail` is set or
// when asked for a tag in `fail_for`, and otherwise knows the tags in `known` (tag -> work
// unit).
class FailingSink final : public SampleSink {
 public:
  bool fail = false;
  int lookups = 0;
  std::map<std::string, std::string> known;
  std::set<std::string> fail_for;
  Result<std::map<std::string, std::string>> TagWorkUnits(
      storage::Database&, const std::set<std::string>& tags) override {
    ++lookups;
    if (fail) return Error::Make(ErrorCode::kUnavailable, "simulated read failure");
    std::map<std::string, std::string> out;
    for (const auto& t : tags) {
      if (fail_for.count(t)) return Error::Make(ErrorCode::kUnavailable, "simulated failure");
      if (auto it = known.find(t); it != known.end()) out.insert(*it);
    }
    return out;
  }
  Status Store(storage::Database&, const AcceptedSamples&) override { return Ok(); }
};

sp::Metric Named(const std::string& name, sp::DataType type, sp::Value value) {
  sp::Metric m;
  m.name = name;
  m.datatype = type;
  m.value = std::move(value);
  return m;
}

std::string Encoded(std::optional<std::uint64_t> time, std::optional<std::uint64_t> seq,
                    std::vector<sp::Metric> metrics) {
  sp::Payload p;
  p.timestamp_ms = time;
  p.seq = seq;
  p.metrics = std::move(metrics);
  return sp::EncodePayload(p);
}

class SparkplugIngestTest : public engine::testing::EngineFixture {
 protected:
  void SetUp() override {
    clock_.Set(kStart);
    InitDataDir("ordo_sparkplug_ingest_", demo_);
    StartEngine();
    // The owner of plant/edge, recorded as its event (the decision is tested elsewhere).
    SourceRegistered source;
    source.name = "spb";
    source.kind = "sparkplug";
    source.work_units = source_units_;
    source.group_id = "plant";
    source.edge_node = "edge";
    Record(source, kSourceSubject, "spb");
    auto reader = store::OpenStore(dir_, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(reader.ok()) << reader.error().message;
    ingest_ = std::make_unique<SparkplugIngest>(
        *engine_, std::move(*reader), clock_, "broker:1883",
        [this](const std::string& topic, const std::string&) -> Status {
          published_.push_back(topic);
          return Ok();
        });
    previous_sink_ = InstalledSampleSink();
    SetSampleSink(&sink_);
  }
  void TearDown() override {
    SetSampleSink(previous_sink_);
    ingest_.reset();
    EngineFixture::TearDown();
  }
  Result<MessageOutcome> Handle(const std::string& topic, const std::string& bytes) {
    return ingest_->Handle("spBv1.0/plant/" + topic, bytes);
  }
  // The payloads of the ledger entries of `type`, in order.
  std::vector<Json> Entries(const std::string& type) {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    std::vector<Json> out;
    if (!db.ok()) return out;
    auto rows = storage::Rows<std::string>(
        **db, "SELECT payload FROM ledger WHERE type = ? ORDER BY seq",
        [&](storage::Statement& s) { s.Bind(1, type); },
        [](const storage::Statement& s) { return s.Text(0); });
    EXPECT_TRUE(rows.ok());
    if (rows.ok())
      for (const auto& p : *rows) out.push_back(Json::parse(p));
    return out;
  }
  std::string Birth(std::uint64_t bd_seq = 0) {
    return Encoded(kT0Ms, 0,
                   {Named("bdSeq", sp::DataType::kInt64, std::int64_t(bd_seq)),
                    Named("Speed", sp::DataType::kDouble, 0.0)});
  }

  // The store: the demo plant's master data or none; the work units of source spb.
  bool demo_ = false;
  std::vector<std::string> source_units_ = {"edge", "WU-1"};
  std::unique_ptr<SparkplugIngest> ingest_;
  std::vector<std::string> published_;
  FailingSink sink_;
  SampleSink* previous_sink_ = nullptr;
};

TEST_F(SparkplugIngestTest, AMessageWithoutItsPayloadTimestampIsRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-SPB-40");
  const auto state = Named("state", sp::DataType::kString, std::string("running"));
  // Each type that must carry one: refused missing_timestamp, naming the field.
  const std::vector<std::pair<std::string, std::string>> untimed{
      {"NBIRTH/edge",
       Encoded(std::nullopt, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{0})})},
      {"DBIRTH/edge/WU-1", Encoded(std::nullopt, 1, {state})},
      {"NDATA/edge", Encoded(std::nullopt, 1, {state})},
      {"DDATA/edge/WU-1", Encoded(std::nullopt, 1, {state})},
      {"DDEATH/edge/WU-1", Encoded(std::nullopt, 1, {})}};
  for (const auto& [topic, bytes] : untimed) {
    auto out = Handle(topic, bytes);
    ASSERT_TRUE(out.ok()) << topic << ": " << out.error().message;
    EXPECT_EQ(out->kind, MessageOutcome::kRefused) << topic;
    EXPECT_EQ(out->refusal.reason, "missing_timestamp") << topic;
    EXPECT_EQ(out->refusal.field, "timestamp") << topic;
    EXPECT_NE(out->refusal.message.find(topic.substr(0, topic.find('/'))), std::string::npos)
        << out->refusal.message;
  }
  // Besides them: the refused NBIRTH's offline batch (ORDO-SPB-47), itself refused here,
  // where the fixture's store has no work units in master data.
  std::size_t untimed_refusals = 0;
  for (const auto& r : Entries("equipment.data_refused")) {
    EXPECT_EQ(r.value("source", ""), "spb");
    if (r.value("reason_code", "") == "missing_timestamp")
      ++untimed_refusals;
    else
      EXPECT_EQ(r.value("reason_code", ""), "unknown_work_unit") << r.dump();
  }
  EXPECT_EQ(untimed_refusals, untimed.size());
  // Nothing of them reached the session: the node was never born, no rebirth was asked.
  EXPECT_EQ(ingest_->Health().value("online", -1), 0);
  EXPECT_TRUE(published_.empty());
  EXPECT_TRUE(Entries("equipment.sparkplug_rebirth_requested").empty());

  // The same messages with a timestamp are used; an NDEATH (the will) needs none.
  auto born = Handle("NBIRTH/edge", Birth(3));
  ASSERT_TRUE(born.ok());
  EXPECT_NE(born->kind, MessageOutcome::kRefused) << born->refusal.message;
  EXPECT_EQ(ingest_->Health().value("online", -1), 1);
  clock_.Advance(1'000'000);
  auto death = Handle(
      "NDEATH/edge",
      Encoded(std::nullopt, std::nullopt, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{3})}));
  ASSERT_TRUE(death.ok()) << death.error().message;
  EXPECT_NE(death->refusal.reason, "missing_timestamp");
  EXPECT_EQ(ingest_->Health().value("online", -1), 0);
  // The death's offline batch is refused here only for want of work units in master
  // data (unknown_work_unit), never for its timestamp.
  EXPECT_EQ(Entries("equipment.data_refused").size() - untimed.size() - 1,
            death->kind == MessageOutcome::kRefused ? 1u : 0u);
}

TEST_F(SparkplugIngestTest, AnNbirthRefusedForItsTimestampEndsThePreviousBirth) {
  ORDO_VERIFIES("ORDO-SPB-44");
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth(3)).ok());
  ASSERT_EQ(ingest_->Health().value("online", -1), 1);
  clock_.Advance(1'000'000);
  auto refused =
      Handle("NBIRTH/edge",
             Encoded(std::nullopt, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{4})}));
  ASSERT_TRUE(refused.ok()) << refused.error().message;
  EXPECT_EQ(refused->refusal.reason, "missing_timestamp");
  EXPECT_EQ(ingest_->Health().value("online", -1), 0);
  // The next data is not resolved against the old birth: it waits and asks for a rebirth.
  clock_.Advance(1'000'000);
  auto data =
      Handle("NDATA/edge", Encoded(kT0Ms + 2000, 1, {Named("Speed", sp::DataType::kDouble, 1.5)}));
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->kind, MessageOutcome::kIgnored);
  EXPECT_EQ(published_.size(), 1u);
  EXPECT_EQ(Entries("equipment.sparkplug_rebirth_requested").size(), 1u);
}

TEST_F(SparkplugIngestTest, AnNbirthThatCannotBeDecodedEndsThePreviousBirth) {
  ORDO_VERIFIES("ORDO-SPB-44");
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth(3)).ok());
  ASSERT_EQ(ingest_->Health().value("online", -1), 1);
  clock_.Advance(1'000'000);
  auto refused = Handle("NBIRTH/edge", std::string("\xff\xff\xff\xff not protobuf", 18));
  ASSERT_TRUE(refused.ok()) << refused.error().message;
  EXPECT_EQ(refused->kind, MessageOutcome::kRefused);
  EXPECT_EQ(ingest_->Health().value("online", -1), 0);
  clock_.Advance(1'000'000);
  auto data =
      Handle("NDATA/edge", Encoded(kT0Ms + 2000, 1, {Named("Speed", sp::DataType::kDouble, 1.5)}));
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->kind, MessageOutcome::kIgnored);
  EXPECT_EQ(Entries("equipment.sparkplug_rebirth_requested").size(), 1u);
}

TEST_F(SparkplugIngestTest, AMessageDeliveredAgainAfterAFailedIngestDoesNotAskForASecondRebirth) {
  ORDO_VERIFIES("ORDO-SPB-41");
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth()).ok());
  // seq 5 after 0: a gap. The request is recorded and published; then the ingest fails
  // (the tag lookup of the node's metric Speed): not durable.
  const std::string gap = Encoded(kT0Ms + 1000, 5, {Named("Speed", sp::DataType::kDouble, 12.5)});
  sink_.fail = true;
  clock_.Advance(1'000'000);
  auto first = Handle("NDATA/edge", gap);
  ASSERT_FALSE(first.ok());
  EXPECT_EQ(first.error().code, ErrorCode::kUnavailable);
  ASSERT_EQ(published_.size(), 1u);
  EXPECT_EQ(published_[0], "spBv1.0/plant/NCMD/edge");
  ASSERT_EQ(Entries("equipment.sparkplug_rebirth_requested").size(), 1u);

  // Not acknowledged: the client reconnects (every session Reset) and the broker delivers
  // the message again, within the interval. The session asks again; ordo does not.
  sink_.fail = false;
  ingest_->ConnectionLost();
  clock_.Advance(1'000'000);
  auto again = Handle("NDATA/edge", gap);
  ASSERT_TRUE(again.ok()) << again.error().message;
  // After the reset the session knows no birth: the data waits for the rebirth.
  EXPECT_EQ(again->kind, MessageOutcome::kIgnored);
  EXPECT_EQ(published_.size(), 1u);
  EXPECT_EQ(Entries("equipment.sparkplug_rebirth_requested").size(), 1u);
  EXPECT_EQ(ingest_->Health().value("rebirths_requested", -1), 1);

  // After the interval an unanswered request may be repeated (the limit is the interval,
  // not "never").
  clock_.Advance(kRebirthInterval);
  ASSERT_TRUE(
      Handle("NDATA/edge", Encoded(kT0Ms + 9000, 6, {Named("Speed", sp::DataType::kDouble, 1.0)}))
          .ok());
  EXPECT_EQ(published_.size(), 2u);
  EXPECT_EQ(Entries("equipment.sparkplug_rebirth_requested").size(), 2u);
}

// A message of the node's tag Speed at kT0Ms + `offset_ms` with Sparkplug `seq`.
std::string Speed(std::uint64_t offset_ms, std::uint64_t seq, double value) {
  return Encoded(kT0Ms + offset_ms, seq, {Named("Speed", sp::DataType::kDouble, value)});
}

// The source seqs of the accepted batches, in ledger order.
std::vector<std::int64_t> AcceptedSeqs(const std::vector<Json>& batches) {
  std::vector<std::int64_t> out;
  for (const Json& b : batches) out.push_back(b.value("seq", std::int64_t{-1}));
  return out;
}

TEST_F(SparkplugIngestTest, ABurstIsSubmittedTogetherAndFinishedInOrder) {
  ORDO_VERIFIES("ORDO-SPB-46");
  sink_.known = {{"edge.Speed", "edge"}};
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth()).ok());
  const std::size_t born = Entries("equipment.batch_accepted").size();
  // Three data messages begun before any is waited for; one of an unowned node among them.
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/edge", Speed(1000, 1, 2)));
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/edge", Speed(2000, 2, 3)));
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/other", Speed(2500, 1, 9)));
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/edge", Speed(3000, 3, 4)));
  auto finished = ingest_->Finish();
  ASSERT_EQ(finished.size(), 4u);
  const std::vector<std::string> topics{"spBv1.0/plant/NDATA/edge", "spBv1.0/plant/NDATA/edge",
                                        "spBv1.0/plant/NDATA/other", "spBv1.0/plant/NDATA/edge"};
  for (std::size_t i = 0; i < finished.size(); ++i) {
    EXPECT_EQ(finished[i].topic, topics[i]);
    ASSERT_TRUE(finished[i].outcome.ok()) << finished[i].outcome.error().message;
  }
  EXPECT_EQ(finished[0].outcome->kind, MessageOutcome::kAccepted);
  EXPECT_EQ(finished[1].outcome->kind, MessageOutcome::kAccepted);
  EXPECT_EQ(finished[2].outcome->kind, MessageOutcome::kRefused);
  EXPECT_EQ(finished[2].outcome->refusal.reason, "node_not_owned");
  EXPECT_EQ(finished[3].outcome->kind, MessageOutcome::kAccepted);
  auto batches = Entries("equipment.batch_accepted");
  ASSERT_EQ(batches.size(), born + 3);
  batches.erase(batches.begin(), batches.begin() + static_cast<std::ptrdiff_t>(born));
  EXPECT_EQ(AcceptedSeqs(batches),
            (std::vector<std::int64_t>{DerivedSeq(kT0Ms + 1000, 1), DerivedSeq(kT0Ms + 2000, 2),
                                       DerivedSeq(kT0Ms + 3000, 3)}));
  EXPECT_TRUE(published_.empty());  // seq 1, 2, 3 followed the birth: no gap
  EXPECT_TRUE(ingest_->Finish().empty());
}

TEST_F(SparkplugIngestTest, ABurstWithAMessageNotDurablePutsItsNodesBackAsBeforeTheBurst) {
  ORDO_VERIFIES("ORDO-SPB-46");
  sink_.known = {{"edge.Speed", "edge"}, {"edge.Torque", "edge"}};
  ASSERT_TRUE(Handle("NBIRTH/edge", Encoded(kT0Ms, 0,
                                            {Named("bdSeq", sp::DataType::kInt64, std::int64_t{0}),
                                             Named("Speed", sp::DataType::kDouble, 0.0),
                                             Named("Torque", sp::DataType::kDouble, 0.0)}))
                  .ok());
  const std::size_t born = Entries("equipment.batch_accepted").size();
  // seq 1 is stored; seq 2's tag lookup (Torque) fails: not durable, so nothing of the
  // burst is acknowledged and the whole burst is delivered again.
  const std::string one = Speed(1000, 1, 2.0);
  const std::string two = Encoded(kT0Ms + 2000, 2, {Named("Torque", sp::DataType::kDouble, 3.0)});
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/edge", one));
  sink_.fail_for = {"edge.Torque"};
  EXPECT_FALSE(ingest_->Begin("spBv1.0/plant/NDATA/edge", two));
  auto finished = ingest_->Finish();
  ASSERT_EQ(finished.size(), 2u);
  ASSERT_TRUE(finished[0].outcome.ok()) << finished[0].outcome.error().message;
  EXPECT_EQ(finished[0].outcome->kind, MessageOutcome::kAccepted);
  ASSERT_FALSE(finished[1].outcome.ok());
  EXPECT_EQ(finished[1].outcome.error().code, ErrorCode::kUnavailable);
  // Delivered again to the session as it was before the burst: seq 1 follows the birth
  // (no gap, no rebirth request) and is a duplicate; seq 2 is taken. (This is the ingest's
  // own guarantee; the MQTT service also resets every session at the reconnect that follows
  // a cut, as AMessageDeliveredAgainAfterAFailedIngestDoesNotAskForASecondRebirth does.)
  sink_.fail_for.clear();
  auto again = Handle("NDATA/edge", one);
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->kind, MessageOutcome::kDuplicate);
  auto second = Handle("NDATA/edge", two);
  ASSERT_TRUE(second.ok()) << second.error().message;
  EXPECT_EQ(second->kind, MessageOutcome::kAccepted);
  EXPECT_TRUE(published_.empty());
  EXPECT_TRUE(Entries("equipment.sparkplug_rebirth_requested").empty());
  EXPECT_EQ(Entries("equipment.batch_accepted").size(), born + 2);
}

TEST_F(SparkplugIngestTest, ABurstPutBackUndoesABirthThatFollowedItsDataToo) {
  ORDO_VERIFIES("ORDO-SPB-46");
  sink_.known = {{"edge.Speed", "edge"}, {"edge.Torque", "edge"}};
  ASSERT_TRUE(Handle("NBIRTH/edge", Encoded(kT0Ms, 0,
                                            {Named("bdSeq", sp::DataType::kInt64, std::int64_t{0}),
                                             Named("Speed", sp::DataType::kDouble, 0.0),
                                             Named("Torque", sp::DataType::kDouble, 0.0)}))
                  .ok());
  // The node's first touch is data (seq 1), then device WU-1 is born (seq 2), then seq 3
  // is not durable: the whole burst is put back, the birth with the data.
  EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/NDATA/edge", Speed(1000, 1, 2.0)));
  EXPECT_TRUE(
      ingest_->Begin("spBv1.0/plant/DBIRTH/edge/WU-1",
                     Encoded(kT0Ms + 1500, 2, {Named("Temp", sp::DataType::kDouble, 1.0)})));
  sink_.fail_for = {"edge.Torque"};
  EXPECT_FALSE(
      ingest_->Begin("spBv1.0/plant/NDATA/edge",
                     Encoded(kT0Ms + 2000, 3, {Named("Torque", sp::DataType::kDouble, 3.0)})));
  auto finished = ingest_->Finish();
  ASSERT_EQ(finished.size(), 3u);
  ASSERT_TRUE(finished[1].outcome.ok()) << finished[1].outcome.error().message;
  ASSERT_FALSE(finished[2].outcome.ok());
  sink_.fail_for.clear();
  // As before the burst: seq 1 follows the node's birth (no gap) and WU-1 is not born, so
  // its data asks for a rebirth as data before a birth does.
  auto data = Handle("DDATA/edge/WU-1",
                     Encoded(kT0Ms + 4000, 1, {Named("Temp", sp::DataType::kDouble, 2.0)}));
  ASSERT_TRUE(data.ok()) << data.error().message;
  EXPECT_EQ(data->kind, MessageOutcome::kIgnored);
  auto requests = Entries("equipment.sparkplug_rebirth_requested");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].value("reason", ""), "data_before_birth");
}

// Where a person's command declaring `person_units` lands against one Sparkplug message
// queued before it in the engine (the writer held meanwhile): the ledger seq of the
// person's entry and the last seq the message's ingest wrote.
struct Landed {
  std::int64_t person_at = -1, message_at = -1;
};
class SparkplugOrderTest : public SparkplugIngestTest {
 protected:
  Landed PersonAfterMessage(const std::string& topic, const std::string& payload,
                            std::set<std::string> person_units) {
    Landed out;
    const std::int64_t head = engine_->head_seq();
    // The writer held inside a command, so what follows waits in its queue.
    std::promise<void> running, go;
    std::shared_future<void> released = go.get_future().share();
    engine::Command hold;
    hold.actor = engine::Actor{0, "test", "admin", std::nullopt};
    hold.decide = [&running,
                   released](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      running.set_value();
      released.wait();
      return std::vector<ledger::Event>{};
    };
    hold.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
      return Json{};
    };
    engine_->Submit(std::move(hold), [](Result<engine::CommandReply>) {});
    running.get_future().wait();
    EXPECT_TRUE(ingest_->Begin("spBv1.0/plant/" + topic, payload));
    engine::Command person;
    person.actor = engine::Actor{7, "op", "operator", std::nullopt};
    person.work_units = std::move(person_units);
    SparkplugRebirthRequested noted{"spb", "plant", "edge", "test", "a person's entry"};
    person.decide = [noted](engine::WriteContext&) -> Result<std::vector<ledger::Event>> {
      return std::vector<ledger::Event>{ledger::MakeEvent(noted, kSourceSubject, noted.source)};
    };
    person.reply = [](engine::WriteContext&, const std::vector<ledger::LedgerEntry>&) {
      return Json{};
    };
    std::promise<std::int64_t> person_seq;
    engine_->Submit(std::move(person), [&person_seq](Result<engine::CommandReply> r) {
      person_seq.set_value(r.ok() && !r->entries.empty() ? r->entries.front().seq : -1);
    });
    go.set_value();
    auto finished = ingest_->Finish();
    EXPECT_EQ(finished.size(), 1u);
    if (finished.size() == 1)
      EXPECT_TRUE(finished[0].outcome.ok()) << finished[0].outcome.error().message;
    out.person_at = person_seq.get_future().get();
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    if (!db.ok()) return out;
    auto last = storage::FirstRow<std::int64_t>(
        **db, "SELECT MAX(seq) FROM ledger WHERE seq > ? AND seq != ?",
        [&](storage::Statement& st) { st.Bind(1, head).Bind(2, out.person_at); },
        [](const storage::Statement& st) { return st.IsNull(0) ? -1 : st.Int(0); });
    EXPECT_TRUE(last.ok() && *last);
    if (last.ok() && *last) out.message_at = **last;
    return out;
  }
};

TEST_F(SparkplugOrderTest, ADevicesDataDeclaresItsWorkUnitSoAPersonForAnotherMayPassIt) {
  ORDO_VERIFIES("ORDO-ENGINE-06", "ORDO-SPB-48");
  sink_.known = {{"edge.Speed", "edge"}, {"WU-1.Temp", "WU-1"}};
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth()).ok());
  ASSERT_TRUE(Handle("DBIRTH/edge/WU-1",
                     Encoded(kT0Ms + 500, 1, {Named("Temp", sp::DataType::kDouble, 1.0)}))
                  .ok());
  // Device WU-1's data (machine data, queued first), then a person's command that declares
  // only the source's other work unit: independent of WU-1's data, so it runs first.
  Landed other = PersonAfterMessage(
      "DDATA/edge/WU-1", Encoded(kT0Ms + 1000, 2, {Named("Temp", sp::DataType::kDouble, 2.0)}),
      {"edge"});
  EXPECT_GT(other.person_at, 0);
  EXPECT_LT(other.person_at, other.message_at);  // the person's entry came first
  // One that declares WU-1 waits behind WU-1's data.
  Landed same = PersonAfterMessage(
      "DDATA/edge/WU-1", Encoded(kT0Ms + 2000, 3, {Named("Temp", sp::DataType::kDouble, 3.0)}),
      {"WU-1"});
  EXPECT_GT(same.person_at, same.message_at);
}

// A source of two work units of the demo plant, so a node's death is accepted and its
// offline batch writes its own entries (a refused one is recorded only after the person's).
class SparkplugDeathOrderTest : public SparkplugOrderTest {
 protected:
  SparkplugDeathOrderTest() {
    demo_ = true;
    source_units_ = {"WU-PRESS-01", "WU-FBD-300"};
  }
};

TEST_F(SparkplugDeathOrderTest, ANodesDeathDeclaresEveryWorkUnitOfItsSourceSoNoneOfTheirsPassesIt) {
  ORDO_VERIFIES("ORDO-ENGINE-06", "ORDO-SPB-48");
  std::int64_t bd_seq = 3;
  // Born, then dead: the death's ingest queued first, then a person's command declaring
  // `units`.
  const auto person_after_death = [&](std::set<std::string> units) {
    clock_.Advance(1'000'000);
    EXPECT_TRUE(Handle("NBIRTH/edge", Birth(bd_seq)).ok());
    clock_.Advance(1'000'000);
    return PersonAfterMessage(
        "NDEATH/edge",
        Encoded(std::nullopt, std::nullopt, {Named("bdSeq", sp::DataType::kInt64, bd_seq++)}),
        std::move(units));
  };
  // First (while no bulk commands are owed after people passed, which would keep anyone
  // from passing): one for a work unit the source does not speak for passes the death.
  Landed passed = person_after_death({"WU-BLEND-01"});
  EXPECT_GT(passed.person_at, 0);
  EXPECT_LT(passed.person_at, passed.message_at);
  // The death speaks for each work unit of its source: a person's command for either
  // waits behind it.
  for (const char* unit : {"WU-PRESS-01", "WU-FBD-300"}) {
    Landed waited = person_after_death({unit});
    EXPECT_GT(waited.message_at, 0) << unit;
    EXPECT_GT(waited.person_at, waited.message_at) << unit;
  }
  EXPECT_EQ(Entries("equipment.data_refused").size(), 0u) << "the deaths were accepted";
}

TEST_F(SparkplugIngestTest, ARunOfRefusedBirthsMarksOfflineOnceEvenWhenTheThrottleHidesThem) {
  ORDO_VERIFIES("ORDO-SPB-47");
  // The fixture's store has no work units in master data: each offline batch is refused
  // unknown_work_unit and recorded, which makes every attempt visible.
  auto offline_attempts = [&] {
    std::size_t n = 0;
    for (const auto& r : Entries("equipment.data_refused"))
      if (r.value("reason_code", "") == "unknown_work_unit") ++n;
    return n;
  };
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth(1)).ok());
  // Five data messages without a timestamp use up the throttle of missing_timestamp.
  for (std::uint64_t i = 1; i <= 5; ++i)
    ASSERT_TRUE(Handle("NDATA/edge", Encoded(std::nullopt, i, {})).ok());
  const auto untimed_birth =
      Encoded(std::nullopt, 0, {Named("bdSeq", sp::DataType::kInt64, std::int64_t{2})});
  auto hidden = Handle("NBIRTH/edge", untimed_birth);
  ASSERT_TRUE(hidden.ok()) << hidden.error().message;
  EXPECT_EQ(hidden->kind, MessageOutcome::kRefused);
  EXPECT_FALSE(hidden->recorded);     // the throttle left it out of the ledger
  EXPECT_EQ(offline_attempts(), 1u);  // ... but the work units were marked offline
  // A second refused birth: already offline, nothing more.
  clock_.Advance(1'000'000);
  ASSERT_TRUE(Handle("NBIRTH/edge", untimed_birth).ok());
  EXPECT_EQ(offline_attempts(), 1u);
  // A valid birth ends the run; the next refused birth marks them again.
  clock_.Advance(1'000'000);
  ASSERT_TRUE(Handle("NBIRTH/edge", Birth(3)).ok());
  clock_.Advance(1'000'000);
  ASSERT_TRUE(Handle("NBIRTH/edge", untimed_birth).ok());
  EXPECT_EQ(offline_attempts(), 2u);
}

}  // namespace
}  // namespace ordo::equipment::mqtt
