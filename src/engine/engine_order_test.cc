// The engine's order (engine.h, Command::bulk and Command::work_units): a person's command
// runs before queued bulk commands only when both declared disjoint work units; otherwise
// submission order is kept. Each test holds the writer inside a first command until the
// queue is as it wants, then reads the order from the entries' seqs.
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <future>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/testing/verifies.h"
#include "engine/engine.h"
#include "engine/testing/engine_fixture.h"
#include "mes/logbook/commands/record_entry.h"
#include "storage/sqlite/sqlite_database.h"

namespace ordo::engine {
namespace {

using Units = std::optional<std::set<std::string>>;

class EngineOrderTest : public testing::EngineFixture {
 protected:
  void SetUp() override {
    InitDataDir("ordo_engine_order_test_", false);
    StartEngine();
  }

  // A command appending one entry, with the given order declarations.
  static Command Make(const std::string& text, bool bulk, Units units) {
    Command c = logbook::RecordLogbookEntry(Actor{7, "op", bulk ? "device" : "operator"},
                                            logbook::RecordEntry{"WU-1", "use", text, {}, {}});
    c.bulk = bulk;
    c.work_units = std::move(units);
    return c;
  }

  // Submits `c`; its entry's seq lands in seqs_[name] when it completes.
  void Submit(const std::string& name, Command c) { SubmitTracked(name, std::move(c), Track()); }
  // A completion to wait for in Order(); made on the test's thread, so a command may be
  // submitted from inside another's decide (the writer thread) with SubmitTracked.
  std::shared_ptr<std::promise<void>> Track() {
    auto promise = std::make_shared<std::promise<void>>();
    done_.push_back(promise->get_future());
    return promise;
  }
  void SubmitTracked(const std::string& name, Command c,
                     std::shared_ptr<std::promise<void>> promise) {
    engine_->Submit(std::move(c), [this, name, promise](Result<CommandReply> r) {
      {
        std::lock_guard lock(mutex_);
        seqs_[name] = r.ok() && r->entries.size() == 1 ? r->entries[0].seq : -1;
      }
      promise->set_value();
    });
  }

  // Submits a command (a person's, declaring nothing) that holds the writer until
  // Release(); returns once it runs.
  void HoldWriter() {
    Command c = Make("holds the writer", false, std::nullopt);
    auto started = std::make_shared<std::promise<void>>();
    std::shared_future<void> go = go_.get_future().share();
    c.decide = [inner = c.decide, started, go](WriteContext& ctx) {
      started->set_value();
      go.wait();
      return inner(ctx);
    };
    auto running = started->get_future();
    Submit("hold", std::move(c));
    running.wait();
  }
  void Release() { go_.set_value(); }

  // Waits for every command; returns the names in the order of their entries.
  std::vector<std::string> Order() {
    for (auto& f : done_) f.wait();
    std::lock_guard lock(mutex_);
    std::vector<std::pair<std::int64_t, std::string>> by_seq;
    for (const auto& [name, seq] : seqs_) {
      EXPECT_GT(seq, 0) << name << " failed";
      by_seq.emplace_back(seq, name);
    }
    std::sort(by_seq.begin(), by_seq.end());
    std::vector<std::string> out;
    for (const auto& [seq, name] : by_seq) out.push_back(name);
    return out;
  }

  std::promise<void> go_;
  std::mutex mutex_;
  std::map<std::string, std::int64_t> seqs_;
  std::vector<std::future<void>> done_;
};

using Names = std::vector<std::string>;

TEST_F(EngineOrderTest, APersonsCommandRunsBeforeQueuedBulkCommandsOfOtherWorkUnits) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  HoldWriter();
  Submit("b1", Make("machine 1", true, std::set<std::string>{"WU-A"}));
  Submit("b2", Make("machine 2", true, std::set<std::string>{"WU-B"}));
  Submit("p", Make("person", false, std::set<std::string>{"WU-C"}));
  Submit("q", Make("person, no work unit", false, std::set<std::string>{}));
  Release();
  EXPECT_EQ(Order(), (Names{"hold", "p", "q", "b1", "b2"}));
}

TEST_F(EngineOrderTest, APersonsCommandWaitsForQueuedBulkCommandsOfItsWorkUnit) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  HoldWriter();
  Submit("b1", Make("machine 1", true, std::set<std::string>{"WU-A"}));
  Submit("b2", Make("machine 2", true, std::set<std::string>{"WU-B", "WU-C"}));
  Submit("b3", Make("machine 3", true, std::set<std::string>{"WU-D"}));
  // Conflicts with b2 (WU-C): waits for it, so it keeps its place behind b1 and b2.
  Submit("p", Make("person", false, std::set<std::string>{"WU-C"}));
  Release();
  const Names order = Order();
  ASSERT_EQ(order.size(), 5u);
  const auto at = [&](const std::string& n) { return std::find(order.begin(), order.end(), n); };
  EXPECT_LT(at("b1"), at("b2"));
  EXPECT_LT(at("b2"), at("p"));
  EXPECT_LT(at("b2"), at("b3"));  // bulk commands keep their order among themselves
}

TEST_F(EngineOrderTest, UndeclaredCommandsKeepSubmissionOrder) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  HoldWriter();
  Submit("b1", Make("machine, undeclared", true, std::nullopt));
  Submit("p1", Make("person", false, std::set<std::string>{"WU-C"}));  // blocked by b1
  Submit("b2", Make("machine 2", true, std::set<std::string>{"WU-B"}));
  Submit("p2", Make("person, undeclared", false, std::nullopt));
  Release();
  EXPECT_EQ(Order(), (Names{"hold", "b1", "p1", "b2", "p2"}));
}

TEST_F(EngineOrderTest, PeoplesCommandsNeverOvertakeEachOther) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  HoldWriter();
  Submit("b1", Make("machine 1", true, std::set<std::string>{"WU-A"}));
  Submit("p1", Make("person on WU-A", false, std::set<std::string>{"WU-A"}));  // waits for b1
  Submit("p2", Make("person on WU-C", false, std::set<std::string>{"WU-C"}));  // so waits too
  Release();
  EXPECT_EQ(Order(), (Names{"hold", "b1", "p1", "p2"}));
}

TEST_F(EngineOrderTest, APersonPassesARunningGroupOfBulkCommandsWhichRunsAgainAfterIt) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  // Queue b1..b20 behind the held writer; b1's decide submits the person's command (the
  // first time it runs), so it arrives while their group runs. No bulk commands are owed:
  // the group is rolled back, the person commits alone, and b1..b20 run again after it.
  HoldWriter();
  const std::int64_t before = engine_->head_seq();
  auto b1_runs = std::make_shared<std::atomic<int>>(0);
  for (int i = 1; i <= 20; ++i) {
    Command c = Make("machine " + std::to_string(i), true, std::set<std::string>{"WU-A"});
    if (i == 1) {
      c.decide = [this, inner = c.decide, b1_runs, tracked = Track()](WriteContext& ctx) {
        if (b1_runs->fetch_add(1) == 0)
          SubmitTracked("p", Make("person", false, std::set<std::string>{"WU-C"}), tracked);
        return inner(ctx);
      };
    }
    Submit("b" + std::to_string(i), std::move(c));
  }
  Release();
  const Names order = Order();
  ASSERT_EQ(order.size(), 22u);
  EXPECT_EQ(order[0], "hold");
  EXPECT_EQ(order[1], "p");
  for (int i = 1; i <= 20; ++i)
    EXPECT_EQ(order[static_cast<std::size_t>(i + 1)], "b" + std::to_string(i));
  // b1 was decided twice, and its first run left nothing: one entry per command.
  EXPECT_EQ(b1_runs->load(), 2);
  EXPECT_EQ(engine_->head_seq(), before + 22);  // the held command's, the person's, b1..b20
}

TEST_F(EngineOrderTest, APersonWhoSharesAWorkUnitWithTheBulkRunSoFarPassesOnlyTheRest) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  // The person declares WU-A, which b1 (already run) touches and b2..b5 do not: rolling the
  // group back would put the person before b1, so the person takes the rest's place
  // instead and commits with b1.
  HoldWriter();
  for (int i = 1; i <= 5; ++i) {
    Command c =
        Make("machine " + std::to_string(i), true, std::set<std::string>{i == 1 ? "WU-A" : "WU-B"});
    if (i == 1) {
      c.decide = [this, inner = c.decide, tracked = Track()](WriteContext& ctx) {
        SubmitTracked("p", Make("person", false, std::set<std::string>{"WU-A"}), tracked);
        return inner(ctx);
      };
    }
    Submit("b" + std::to_string(i), std::move(c));
  }
  Release();
  EXPECT_EQ(Order(), (Names{"hold", "b1", "p", "b2", "b3", "b4", "b5"}));
}

TEST_F(EngineOrderTest, ABulkCommandSeesAPersonWaitingWhoMayPassIt) {
  ORDO_VERIFIES("ORDO-ENGINE-09");
  // b1 submits a person's command from inside its decide: from then on it sees a person
  // waiting who may pass it (WriteContext::PeopleWaiting, what GiveWay asks). The person's
  // command (not bulk) never sees one; b1, run again after the person passed, sees none
  // either, as 16 bulk commands are owed then.
  HoldWriter();
  auto seen = std::make_shared<std::vector<std::pair<bool, bool>>>();  // per run of b1
  auto person_saw = std::make_shared<std::atomic<int>>(-1);
  Command b1 = Make("machine 1", true, std::set<std::string>{"WU-A"});
  b1.decide = [this, inner = b1.decide, seen, person_saw, tracked = Track()](WriteContext& ctx) {
    const bool before = ctx.PeopleWaiting();
    if (seen->empty()) {
      Command p = Make("person", false, std::set<std::string>{"WU-C"});
      p.decide = [inner_p = p.decide, person_saw](WriteContext& pc) {
        person_saw->store(pc.people_queued != nullptr ? 1 : 0);
        return inner_p(pc);
      };
      SubmitTracked("p", std::move(p), tracked);
    }
    seen->emplace_back(before, ctx.PeopleWaiting());
    return inner(ctx);
  };
  Submit("b1", std::move(b1));
  Release();
  EXPECT_EQ(Order(), (Names{"hold", "p", "b1"}));
  ASSERT_EQ(seen->size(), 2u);
  EXPECT_EQ((*seen)[0], std::make_pair(false, true));
  EXPECT_EQ((*seen)[1], std::make_pair(false, false));
  EXPECT_EQ(person_saw->load(), 0);
}

TEST_F(EngineOrderTest, GiveWayGivesWayOnlyWhileAPersonWaitsAndAtMostItsLimitInARow) {
  ORDO_VERIFIES("ORDO-ENGINE-09");
  auto db = storage::OpenSqlite(root_ + "/give_way.sqlite", storage::OpenMode::kCreate);
  ASSERT_TRUE(db.ok());
  std::atomic<std::size_t> waiting{0};
  WriteContext ctx{**db, 1, 0, 0, false, nullptr};
  GiveWay turns(3);
  EXPECT_FALSE(turns.Now(ctx));  // no count to read: not a bulk command
  ctx.people_queued = &waiting;
  EXPECT_FALSE(turns.Now(ctx));  // nobody waits
  waiting = 2;
  EXPECT_TRUE(turns.Now(ctx));
  EXPECT_TRUE(turns.Now(ctx));
  EXPECT_TRUE(turns.Now(ctx));
  EXPECT_FALSE(turns.Now(ctx));  // three in a row: the housekeeping runs to its end
  EXPECT_EQ(turns.in_a_row(), 3);
  turns.Finished();
  EXPECT_EQ(turns.in_a_row(), 0);
  EXPECT_TRUE(turns.Now(ctx));
}

TEST_F(EngineOrderTest, APersonsCommandIsAnsweredBeforeTheMachineDataQueuedAfterItRuns) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  // The person's command is first in the queue, machine data behind it: it commits in a
  // group of its own, so its answer comes before the machine data's decisions run.
  HoldWriter();
  auto answered = std::make_shared<std::atomic<bool>>(false);
  auto seen_by_b1 = std::make_shared<std::atomic<int>>(-1);
  auto person_done = std::make_shared<std::promise<void>>();
  done_.push_back(person_done->get_future());
  engine_->Submit(Make("person", false, std::nullopt),
                  [answered, person_done](Result<CommandReply> r) {
                    EXPECT_TRUE(r.ok());
                    answered->store(true);
                    person_done->set_value();
                  });
  Command b1 = Make("machine 1", true, std::set<std::string>{"WU-A"});
  b1.decide = [inner = b1.decide, answered, seen_by_b1](WriteContext& ctx) {
    seen_by_b1->store(answered->load() ? 1 : 0);
    return inner(ctx);
  };
  Submit("b1", std::move(b1));
  Submit("b2", Make("machine 2", true, std::set<std::string>{"WU-A"}));
  Release();
  (void)Order();
  EXPECT_EQ(seen_by_b1->load(), 1);
}

TEST_F(EngineOrderTest, MachineDataIsNotStarvedByAStreamOfPeoplesCommands) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  // Every bulk command's decide (the first time it runs) submits a person's command that
  // may pass the rest, so a person always waits: still, after people passed, 16 bulk
  // commands run before people pass again, and only the first pass rolls a group back.
  HoldWriter();
  constexpr int kBulk = 60;
  auto decided = std::make_shared<std::vector<std::atomic<int>>>(kBulk + 1);
  for (int i = 1; i <= kBulk; ++i) {
    const std::string n = std::to_string(i);
    Command c = Make("machine " + n, true, std::set<std::string>{"WU-A"});
    c.decide = [this, n, i, decided, inner = c.decide, tracked = Track()](WriteContext& ctx) {
      if ((*decided)[static_cast<std::size_t>(i)].fetch_add(1) == 0)
        SubmitTracked("p" + n, Make("person " + n, false, std::set<std::string>{"WU-C"}), tracked);
      return inner(ctx);
    };
    Submit("b" + n, std::move(c));
  }
  Release();
  const Names order = Order();
  ASSERT_EQ(order.size(), static_cast<std::size_t>(2 * kBulk + 1));
  // The runs of bulk commands between runs of people: each but the first and the last at
  // least 16 long; and people did pass (more than one run).
  std::vector<int> runs;
  bool in_bulk = false;
  for (std::size_t k = 1; k < order.size(); ++k) {
    const bool bulk = order[k][0] == 'b';
    if (bulk && !in_bulk) runs.push_back(0);
    if (bulk) ++runs.back();
    in_bulk = bulk;
  }
  ASSERT_GE(runs.size(), 3u);
  // The first person passed the first group while its first command ran: that group was
  // rolled back and ran again after the person.
  EXPECT_EQ(order[1], "p1");
  for (std::size_t k = 0; k + 1 < runs.size(); ++k) EXPECT_GE(runs[k], 16) << "run " << k;
  EXPECT_EQ((*decided)[1].load(), 2);
  int decided_twice = 0;
  for (int i = 1; i <= kBulk; ++i) decided_twice += (*decided)[static_cast<std::size_t>(i)] > 1;
  EXPECT_EQ(decided_twice, 1);
}

TEST_F(EngineOrderTest, IndependentNeedsBothDeclaredAndDisjoint) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  const Command a = Make("a", true, std::set<std::string>{"WU-A", "WU-B"});
  const Command b = Make("b", false, std::set<std::string>{"WU-C"});
  const Command c = Make("c", false, std::set<std::string>{"WU-B"});
  const Command none = Make("none", false, std::set<std::string>{});
  const Command any = Make("any", false, std::nullopt);
  EXPECT_TRUE(Independent(a, b));
  EXPECT_TRUE(Independent(b, a));
  EXPECT_FALSE(Independent(a, c));
  EXPECT_TRUE(Independent(a, none));
  EXPECT_FALSE(Independent(a, any));
  EXPECT_FALSE(Independent(any, none));
}

}  // namespace
}  // namespace ordo::engine
