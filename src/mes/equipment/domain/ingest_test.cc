// The ingest decision, and the generative test: a recorded stream of batches shuffled,
// duplicated and delayed gives the same intervals and totals as the clean stream.
#include "mes/equipment/domain/ingest.h"

#include <gtest/gtest.h>

#include <map>
#include <random>

#include "core/testing/verifies.h"
#include "ledger/event_type.h"
#include "mes/equipment/domain/counter.h"
#include "mes/equipment/events.h"

namespace ordo::equipment {
namespace {

constexpr TimeMicros kNow = 1796025600LL * 1'000'000;  // 2026-11-30T08:00:00Z
constexpr TimeMicros kS = 1'000'000;

SourceFacts Press(bool cumulative = false) {
  return SourceFacts{"press-1", "rest", true, {"WU-A", "WU-B"}, cumulative};
}

IngestFacts Facts() {
  IngestFacts f;
  f.source = Press();
  f.work_units = {"WU-A", "WU-B"};
  f.codes.version = 2;
  f.codes.unplanned = {"UNP-JAM"};
  f.context["WU-A"] = Context{"WO-1", "20", "L-1", "PD-1", "op.anna"};
  f.received_us = kNow;
  return f;
}

Batch OneState(std::string wu = "WU-A", State s = State::kRunning) {
  Batch b;
  b.source = "press-1";
  b.seq = 4;
  b.states.push_back(StateItem{std::move(wu), kNow - 10 * kS, s, std::nullopt});
  return b;
}

std::string RefusalReason(const Result<IngestDecision>& d) {
  if (!d.ok()) return "error:" + d.error().reason;
  return d->refusal ? d->refusal->reason : "";
}

TEST(Ingest, UnknownDisabledAndUnauthorisedSourcesAreRefusedAndRecorded) {
  ORDO_VERIFIES("ORDO-EQ-11");
  IngestFacts unknown = Facts();
  unknown.source.reset();
  IngestFacts disabled = Facts();
  disabled.source->enabled = false;
  Batch foreign = OneState();
  foreign.counts.push_back(CountItem{"WU-Z", kNow, 1, 1, 0, 0});
  struct Case {
    Batch batch;
    IngestFacts facts;
    std::string reason;
  };
  for (const auto& c :
       {Case{OneState(), unknown, "unknown_source"}, Case{OneState(), disabled, "source_disabled"},
        Case{foreign, Facts(), "work_unit_not_allowed"}}) {
    auto d = DecideIngest(c.batch, "h", c.facts);
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE(d->refusal.has_value()) << c.reason;
    EXPECT_EQ(d->refusal->reason, c.reason);
    ASSERT_EQ(d->events.size(), 1u);  // only the record of the refusal: nothing applied
    EXPECT_EQ(d->events[0].type, DataRefused::kType);
    EXPECT_EQ(d->events[0].payload["reason_code"], c.reason);
    EXPECT_EQ(d->events[0].payload["source_seq"], 4);
  }
  auto d = DecideIngest(foreign, "h", Facts());
  EXPECT_EQ(d->refusal->field, "counts[0].work_unit");
}

TEST(Ingest, TheSameBatchIsADuplicateAndAReusedSeqIsRefused) {
  ORDO_VERIFIES("ORDO-EQ-10");
  IngestFacts seen = Facts();
  seen.seen_hash = "h1";
  auto same = DecideIngest(OneState(), "h1", seen);
  ASSERT_TRUE(same.ok());
  EXPECT_TRUE(same->duplicate);
  EXPECT_TRUE(same->events.empty());
  EXPECT_EQ(RefusalReason(DecideIngest(OneState(), "h2", seen)), "error:seq_reused");
}

TEST(Ingest, SamplesUnknownWorkUnitsAndBadReasonsChangeNothing) {
  ORDO_VERIFIES("ORDO-EQ-07", "ORDO-EQ-12");
  Batch samples = OneState();
  samples.samples.push_back(SampleItem{"T-1", kNow, 1.5});
  EXPECT_EQ(RefusalReason(DecideIngest(samples, "h", Facts())), "error:not_supported");
  IngestFacts gone = Facts();
  gone.work_units = {"WU-A"};
  auto b = DecideIngest(OneState("WU-B"), "h", gone);
  EXPECT_EQ(RefusalReason(b), "error:unknown_work_unit");
  EXPECT_EQ(b.error().field, "states[0].work_unit");
  EXPECT_EQ(RefusalReason(DecideIngest(OneState("WU-A", State::kIdle), "h", Facts())),
            "error:invalid_reason");
}

TEST(Ingest, SamplesNeedDefinedTagsOfTheSourcesWorkUnits) {
  ORDO_VERIFIES("ORDO-TEL-02", "ORDO-TEL-03");
  IngestFacts facts = Facts();
  facts.samples_accepted = true;
  facts.tag_work_units = {{"T-A", "WU-A"}, {"T-Z", "WU-Z"}};
  Batch b = OneState();
  b.samples.push_back(SampleItem{"T-A", kNow, 1.5});
  auto ok = DecideIngest(b, "h", facts);
  ASSERT_TRUE(ok.ok());
  EXPECT_FALSE(ok->refusal.has_value());
  ASSERT_EQ(ok->events.size(), 2u);  // batch_accepted + the state: samples are no events
  EXPECT_EQ(ok->events[0].type, BatchAccepted::kType);
  Batch unknown = b;
  unknown.samples.push_back(SampleItem{"T-NONE", kNow, 2});
  auto u = DecideIngest(unknown, "h", facts);
  EXPECT_EQ(RefusalReason(u), "error:unknown_tag");
  EXPECT_EQ(u.error().field, "samples[1].tag");
  Batch foreign = b;
  foreign.samples.push_back(SampleItem{"T-Z", kNow, 2});
  auto f = DecideIngest(foreign, "h", facts);
  ASSERT_TRUE(f.ok());
  ASSERT_TRUE(f->refusal.has_value());
  EXPECT_EQ(f->refusal->reason, "work_unit_not_allowed");
  EXPECT_EQ(f->refusal->field, "samples[1].tag");
  ASSERT_EQ(f->events.size(), 1u);
  EXPECT_EQ(f->events[0].type, DataRefused::kType);
}

TEST(Ingest, EachItemIsStampedWithContextDeviceAndReceiveTime) {
  ORDO_VERIFIES("ORDO-EQ-13", "ORDO-EQ-09");
  Batch b = OneState();
  b.states[0].state = State::kDown;
  b.states[0].reason = "UNP-JAM";
  b.counts.push_back(CountItem{"WU-A", kNow + 3600 * kS, 5, 4, 1, 0});
  auto d = DecideIngest(b, "hash", Facts());
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(d->events.size(), 3u);
  EXPECT_EQ(d->events[0].type, BatchAccepted::kType);
  EXPECT_EQ(d->events[0].payload["batch_hash"], "hash");
  auto s = ledger::ReadPayload<StateChanged>(d->events[1].payload);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(d->events[1].subject_id, "WU-A");
  EXPECT_EQ(s->reason_code, "UNP-JAM");
  EXPECT_EQ(s->reason_list_version, 2);
  EXPECT_EQ(s->device_time_us, kNow - 10 * kS);
  EXPECT_EQ(s->received_us, kNow);
  EXPECT_EQ(s->context.order_id, "WO-1");
  EXPECT_EQ(s->context.operator_name, "op.anna");
  EXPECT_FALSE(s->skew_us.has_value());
  auto c = ledger::ReadPayload<Counted>(d->events[2].payload);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->counts, (Counts{5, 4, 1, 0}));
  EXPECT_EQ(c->skew_us, 3600 * kS);  // an hour ahead: flagged
  EXPECT_EQ(d->events[2].payload["total"], 5);
}

// --- The generative test ---

// A recorded stream: `batches` batches of a source over two work units, each with a few
// state changes and counts at increasing device times.
std::vector<Batch> RecordedStream(std::mt19937& rng, int batches, bool cumulative) {
  std::vector<Batch> out;
  TimeMicros t = kNow - 10 * 3600 * kS;
  std::map<std::string, Counts> counter;
  const State states[] = {State::kRunning, State::kDown, State::kSetup, State::kIdle,
                          State::kPlannedStop};
  for (int i = 0; i < batches; ++i) {
    Batch b;
    b.source = "press-1";
    b.seq = i + 1;
    const int items = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < items; ++k) {
      t += static_cast<TimeMicros>(rng() % 400) * kS;  // some stops shorter than 120 s
      const std::string wu = rng() % 2 ? "WU-A" : "WU-B";
      State s = states[rng() % 5];
      std::optional<std::string> reason;
      if (s == State::kIdle) reason = "starved";
      if (s == State::kPlannedStop) reason = "break";
      if (s == State::kDown && rng() % 2) reason = "UNP-JAM";
      b.states.push_back(StateItem{wu, t, s, reason});
      Counts inc{static_cast<std::int64_t>(rng() % 50), 0, static_cast<std::int64_t>(rng() % 3), 0};
      inc.good = inc.total - inc.scrap < 0 ? 0 : inc.total - inc.scrap;
      if (inc.good + inc.scrap > inc.total) inc.total = inc.good + inc.scrap;
      Counts& c = counter[wu];
      c += inc;
      if (cumulative && rng() % 10 == 0) c = Counts{};  // the machine's counter reset
      const Counts& sent = cumulative ? c : inc;
      b.counts.push_back(CountItem{wu, t, sent.total, sent.good, sent.scrap, sent.rework});
    }
    out.push_back(std::move(b));
  }
  return out;
}

struct Outcome {
  std::map<std::string, std::vector<StateInterval>> intervals;
  std::map<std::string, Counts> totals;
  std::size_t accepted = 0;
};

// Delivers `batches` in order through DecideIngest, keeping the (source, seq) record as
// the store does, and derives intervals and totals from the events it appends.
Outcome Deliver(const std::vector<Batch>& batches, bool cumulative) {
  std::map<std::int64_t, std::string> seen;
  std::map<std::string, std::vector<StateChange>> changes;
  std::map<std::string, std::vector<CountReading>> readings;
  Outcome out;
  for (const auto& b : batches) {
    IngestFacts f = Facts();
    f.source = Press(cumulative);
    f.context.clear();  // context is what ran at receipt: the same for every delivery here
    if (auto it = seen.find(b.seq); it != seen.end()) f.seen_hash = it->second;
    const std::string hash = "h" + std::to_string(b.seq);
    auto d = DecideIngest(b, hash, f);
    EXPECT_TRUE(d.ok() && !d->refusal);
    if (!d.ok() || d->duplicate) continue;
    seen[b.seq] = hash;
    ++out.accepted;
    for (const auto& e : d->events) {
      if (e.type == StateChanged::kType) {
        auto p = ledger::ReadPayload<StateChanged>(e.payload).value();
        StateChange c;
        c.device_time_us = p.device_time_us;
        c.state = *ParseState(p.state);
        c.sub_reason = p.sub_reason;
        c.reason_code = p.reason_code;
        c.source = p.source;
        c.source_seq = p.source_seq;
        c.index = static_cast<int>(p.index);
        changes[p.work_unit].push_back(c);
      } else if (e.type == Counted::kType) {
        auto p = ledger::ReadPayload<Counted>(e.payload).value();
        readings[p.work_unit].push_back(
            CountReading{p.device_time_us, p.source_seq, static_cast<int>(p.index), p.counts});
      }
    }
  }
  for (auto& [wu, list] : changes)
    out.intervals[wu] = DeriveIntervals(list, kDefaultMicroStopMicros);
  for (auto& [wu, list] : readings)
    out.totals[wu] = Sum(cumulative ? IncrementsFromCumulative(list, 0) : DistinctInOrder(list));
  return out;
}

TEST(Ingest, AShuffledDuplicatedAndDelayedStreamEqualsTheCleanStream) {
  ORDO_VERIFIES("ORDO-EQ-06", "ORDO-EQ-10", "ORDO-EQ-05");
  for (bool cumulative : {false, true}) {
    for (unsigned seed = 1; seed <= 40; ++seed) {
      std::mt19937 rng(seed);
      const std::vector<Batch> clean = RecordedStream(rng, 30, cumulative);
      const Outcome expected = Deliver(clean, cumulative);
      ASSERT_EQ(expected.accepted, clean.size());
      // Duplicate about a third of the batches, delay some to the end, shuffle the rest.
      std::vector<Batch> messy;
      std::vector<Batch> delayed;
      for (const auto& b : clean) {
        (rng() % 5 == 0 ? delayed : messy).push_back(b);
        if (rng() % 3 == 0) messy.push_back(b);
      }
      std::shuffle(messy.begin(), messy.end(), rng);
      for (const auto& b : delayed) messy.push_back(b);
      if (!delayed.empty()) messy.push_back(delayed.front());
      const Outcome got = Deliver(messy, cumulative);
      EXPECT_EQ(got.accepted, clean.size()) << "seed " << seed;
      EXPECT_EQ(got.totals, expected.totals) << "seed " << seed;
      EXPECT_EQ(got.intervals, expected.intervals) << "seed " << seed;
      bool any_micro = false;
      for (const auto& [wu, list] : expected.intervals)
        for (const auto& i : list) any_micro = any_micro || i.micro_stop;
      if (seed == 1) {
        EXPECT_TRUE(any_micro) << "the stream should hold micro-stops";
      }
    }
  }
}

}  // namespace
}  // namespace ordo::equipment
