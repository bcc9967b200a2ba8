// Unit tests for the command engine on a real data dir: seqs, rejection, idempotency, checkpoints.
#include "engine/engine.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <future>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "admin/data_dir_ops.h"
#include "core/crypto.h"
#include "core/testing/verifies.h"
#include "engine/testing/engine_fixture.h"
#include "mes/access/commands/sessions.h"
#include "mes/access/commands/users.h"
#include "mes/logbook/commands/record_entry.h"
#include "store/ledger_store.h"

namespace ordo::engine {
namespace {

class EngineTest : public testing::EngineFixture {
 protected:
  void SetUp() override { InitDataDir("ordo_engine_test_", false); }

  void Start(std::int64_t checkpoint_every = 1000) { StartEngine(checkpoint_every); }

  static Command Log(const std::string& subject, const std::string& text,
                     std::optional<std::int64_t> corrects = {}) {
    logbook::RecordEntry entry{subject, "use", text, corrects, {}};
    if (corrects) entry.reason = "correction";
    return logbook::RecordLogbookEntry(Actor{7, "op", "operator"}, entry);
  }

  std::vector<ledger::Checkpoint> StoredCheckpoints() {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadOnly);
    EXPECT_TRUE(db.ok());
    auto c = store::ReadCheckpoints(**db);
    EXPECT_TRUE(c.ok());
    return c.ok() ? *c : std::vector<ledger::Checkpoint>{};
  }
};

TEST_F(EngineTest, ConcurrentCommandsGetGapFreeSeqsAndAVerifyingChain) {
  ORDO_VERIFIES("DI-07", "ORDO-ENGINE-03");
  Start();
  const std::int64_t start = engine_->head_seq();
  ASSERT_GT(start, 0);  // init wrote the first entries
  constexpr int kThreads = 4, kPerThread = 15;
  std::vector<std::vector<std::int64_t>> seqs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        clock_.Advance(1);
        auto r = engine_->SubmitAndWait(Log("LINE-" + std::to_string(t), std::to_string(i)));
        if (r.ok() && r->entries.size() == 1) seqs[t].push_back(r->entries[0].seq);
      }
    });
  }
  for (auto& th : threads) th.join();
  std::vector<std::int64_t> all;
  for (const auto& s : seqs) {
    EXPECT_EQ(s.size(), static_cast<std::size_t>(kPerThread));
    EXPECT_TRUE(std::is_sorted(s.begin(), s.end()));  // each thread's own order is kept
    all.insert(all.end(), s.begin(), s.end());
  }
  std::sort(all.begin(), all.end());
  ASSERT_EQ(all.size(), static_cast<std::size_t>(kThreads * kPerThread));
  for (std::size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(all[i], start + 1 + static_cast<std::int64_t>(i));
  EXPECT_EQ(engine_->head_seq(), start + kThreads * kPerThread);
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(report.entries, start + kThreads * kPerThread);
  EXPECT_EQ(report.head_seq, report.entries);
}

TEST_F(EngineTest, RejectedCommandChangesNothing) {
  ORDO_VERIFIES("ORDO-ENGINE-03");
  Start();
  auto first = engine_->SubmitAndWait(Log("GRAN-01", "first"));
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_EQ(first->status, 201);
  EXPECT_EQ(first->body["entry"]["text"], "first");
  const std::int64_t head = engine_->head_seq();

  auto missing = engine_->SubmitAndWait(Log("GRAN-01", "fix", head + 50));
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::kNotFound);
  auto invalid = engine_->SubmitAndWait(Log("GRAN 01", "bad subject"));
  ASSERT_FALSE(invalid.ok());
  EXPECT_EQ(invalid.error().field, "subject");
  // Events appended, then a later step fails: the appended entry is rolled back too.
  Command late = Log("GRAN-01", "never recorded");
  late.after_append = [](WriteContext&, const std::vector<ledger::LedgerEntry>&) -> Status {
    return Error::Make(ErrorCode::kFailedPrecondition, "refused after append");
  };
  auto rolled_back = engine_->SubmitAndWait(std::move(late));
  ASSERT_FALSE(rolled_back.ok());
  EXPECT_EQ(rolled_back.error().message, "refused after append");
  EXPECT_EQ(engine_->head_seq(), head);

  auto next = engine_->SubmitAndWait(Log("GRAN-01", "fix", first->entries[0].seq));
  ASSERT_TRUE(next.ok()) << next.error().message;
  ASSERT_EQ(next->entries.size(), 1u);
  EXPECT_EQ(next->entries[0].seq, head + 1);
  EXPECT_EQ(next->entries[0].prev_hash, first->entries[0].hash);
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(report.entries, head + 1);
  auto diffs = admin::ReplayCheck(dir_.DatabasePath());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty());
}

TEST_F(EngineTest, AFailedWriteInAGroupFailsOnlyThatCommand) {
  ORDO_VERIFIES("ORDO-ENGINE-03");
  Start();
  const std::int64_t head = engine_->head_seq();
  std::mutex mutex;
  std::condition_variable done;
  int finished = 0, failed = 0;
  std::set<std::int64_t> seqs;
  for (int i = 0; i < 12; ++i) {
    Command c = Log("GROUP-1", "entry " + std::to_string(i));
    if (i == 5) {  // this one fails after its events were appended
      c.after_append = [](WriteContext&, const std::vector<ledger::LedgerEntry>&) -> Status {
        return Error::Make(ErrorCode::kInternal, "simulated write failure");
      };
    }
    engine_->Submit(std::move(c), [&](Result<CommandReply> r) {
      std::lock_guard lock(mutex);
      if (r.ok()) {
        seqs.insert(r->entries.at(0).seq);
      } else {
        ++failed;
      }
      ++finished;
      done.notify_all();
    });
  }
  std::unique_lock lock(mutex);
  done.wait(lock, [&] { return finished == 12; });
  EXPECT_EQ(failed, 1);
  EXPECT_EQ(engine_->head_seq(), head + 11);
  ASSERT_EQ(seqs.size(), 11u);
  EXPECT_EQ(*seqs.begin(), head + 1);  // gap-free: the failed command took no seq
  EXPECT_EQ(*seqs.rbegin(), head + 11);
  lock.unlock();
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
  auto diffs = admin::ReplayCheck(dir_.DatabasePath());
  ASSERT_TRUE(diffs.ok());
  EXPECT_TRUE(diffs->empty());
}

// A group participant that records what the engine asked of it, and fails its commit
// when told to. Registered once for this binary; idle unless a test arms it.
struct ParticipantProbe {
  std::mutex mutex;
  bool armed = false, fail_next_commit = false;
  int commits = 0, failed_commits = 0, rollbacks = 0;
  std::vector<bool> guarded_seen;  // WriteContext::guarded of each run of the probe command
  void Reset() {                   // with `mutex` held
    armed = fail_next_commit = false;
    commits = failed_commits = rollbacks = 0;
    guarded_seen.clear();
  }
  // Clears the counts and arms the probe (its commit fails once when `fail_commit`).
  void Arm(bool fail_commit = false) {
    std::lock_guard lock(mutex);
    Reset();
    armed = true;
    fail_next_commit = fail_commit;
  }
};

ParticipantProbe& Probe() {
  static ParticipantProbe* probe = [] {
    auto* p = new ParticipantProbe();
    RegisterGroupParticipant({"the test probe",
                              [p](storage::Database&) -> Status {
                                std::lock_guard lock(p->mutex);
                                if (!p->armed) return Ok();
                                if (p->fail_next_commit) {
                                  p->fail_next_commit = false;
                                  ++p->failed_commits;
                                  return Error::Make(ErrorCode::kUnavailable,
                                                     "simulated commit failure");
                                }
                                ++p->commits;
                                return Ok();
                              },
                              [p](storage::Database&) {
                                std::lock_guard lock(p->mutex);
                                if (p->armed) ++p->rollbacks;
                              }});
    return p;
  }();
  return *probe;
}

TEST_F(EngineTest, AFailedParticipantCommitReRunsTheGroupCommandByCommand) {
  ORDO_VERIFIES("ORDO-ENGINE-05");
  ParticipantProbe& probe = Probe();
  Start();
  const std::int64_t head = engine_->head_seq();
  probe.Arm(/*fail_commit=*/true);
  Command c = Log("GROUP-2", "held by a participant");
  c.after_append = [&probe](WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) -> Status {
    std::lock_guard lock(probe.mutex);
    probe.guarded_seen.push_back(ctx.guarded);
    return Ok();
  };
  auto r = engine_->SubmitAndWait(std::move(c));
  ASSERT_TRUE(r.ok()) << r.error().message;
  EXPECT_EQ(r->entries.at(0).seq, head + 1);
  {
    std::lock_guard lock(probe.mutex);
    // First run held for the group; its commit failed; the group was rolled back and run
    // again command by command (guarded), then committed.
    EXPECT_EQ(probe.guarded_seen, (std::vector<bool>{false, true}));
    EXPECT_EQ(probe.failed_commits, 1);
    EXPECT_EQ(probe.rollbacks, 1);
    EXPECT_EQ(probe.commits, 1);
    probe.armed = false;
  }
  // A group without a failure: one commit, no re-run.
  probe.Arm();
  Command d = Log("GROUP-2", "second");
  d.after_append = [&probe](WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) -> Status {
    std::lock_guard lock(probe.mutex);
    probe.guarded_seen.push_back(ctx.guarded);
    return Ok();
  };
  ASSERT_TRUE(engine_->SubmitAndWait(std::move(d)).ok());
  {
    std::lock_guard lock(probe.mutex);
    EXPECT_EQ(probe.guarded_seen, (std::vector<bool>{false}));
    EXPECT_EQ(probe.commits, 1);
    EXPECT_EQ(probe.rollbacks, 0);
    probe.armed = false;
  }
  EXPECT_EQ(engine_->head_seq(), head + 2);
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
}

TEST_F(EngineTest, APersonPassingARunningBulkGroupRollsBackItsHeldWritesWhichRunAgain) {
  ORDO_VERIFIES("ORDO-ENGINE-06");
  ParticipantProbe& probe = Probe();
  Start();
  const std::int64_t head = engine_->head_seq();
  probe.Arm();
  // A bulk command whose first run submits a person's command of another work unit: the
  // person passes the group, which is rolled back (the participant's held writes too) and
  // runs again after the person's group committed.
  std::promise<Result<CommandReply>> person;
  auto person_answer = person.get_future();
  int bulk_runs = 0;  // writer thread only
  Command bulk = Log("WU-A", "machine data");
  bulk.bulk = true;
  bulk.work_units = std::set<std::string>{"WU-A"};
  bulk.after_append = [&](WriteContext& ctx, const std::vector<ledger::LedgerEntry>&) -> Status {
    if (bulk_runs++ == 0) {
      Command p = Log("WU-C", "a person's entry");
      p.work_units = std::set<std::string>{"WU-C"};
      engine_->Submit(std::move(p),
                      [&person](Result<CommandReply> r) { person.set_value(std::move(r)); });
    }
    std::lock_guard lock(probe.mutex);
    probe.guarded_seen.push_back(ctx.guarded);
    return Ok();
  };
  auto b = engine_->SubmitAndWait(std::move(bulk));
  ASSERT_TRUE(b.ok()) << b.error().message;
  auto p = person_answer.get();
  ASSERT_TRUE(p.ok()) << p.error().message;
  EXPECT_EQ(p->entries.at(0).seq, head + 1);
  EXPECT_EQ(b->entries.at(0).seq, head + 2);
  EXPECT_EQ(bulk_runs, 2);
  {
    std::lock_guard lock(probe.mutex);
    EXPECT_EQ(probe.guarded_seen, (std::vector<bool>{false, false}));
    EXPECT_EQ(probe.rollbacks, 1);
    EXPECT_EQ(probe.commits, 2);  // the person's group, then the bulk command's
    probe.armed = false;
  }
  EXPECT_EQ(engine_->head_seq(), head + 2);
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
}

TEST_F(EngineTest, LoginOfADisabledUserIsRejectedByTheWriter) {
  ORDO_VERIFIES("P11-20");
  Start();
  auto created = engine_->SubmitAndWait(access::CreateUserCommand(
      Actor{1, "admin", "admin"}, access::CreateUser{"eve", "Eve", {"operator"}}, "hash",
      /*one_time=*/false));
  ASSERT_TRUE(created.ok()) << created.error().message;
  const std::int64_t id = created->body["user"]["id"].get<std::int64_t>();
  ASSERT_TRUE(
      engine_
          ->SubmitAndWait(access::LoginSucceededCommand(Actor{id, "eve", "operator"}, "10.0.0.9"))
          .ok());
  ASSERT_TRUE(engine_
                  ->SubmitAndWait(access::DisableUserCommand(Actor{1, "admin", "admin"},
                                                             {id, "left the company"}))
                  .ok());
  const std::int64_t head = engine_->head_seq();
  auto login = engine_->SubmitAndWait(
      access::LoginSucceededCommand(Actor{id, "eve", "operator"}, "10.0.0.9"));
  ASSERT_FALSE(login.ok());
  EXPECT_EQ(login.error().code, ErrorCode::kUnauthenticated);
  EXPECT_EQ(engine_->head_seq(), head);
}

TEST_F(EngineTest, IdempotencyKeyReplaysTheFirstReply) {
  ORDO_VERIFIES("ORDO-API-02");
  Start();
  Command c = Log("GRAN-01", "once");
  c.idempotency_key = "key-1";
  c.request_hash = "hash-1";
  auto first = engine_->SubmitAndWait(c);
  ASSERT_TRUE(first.ok()) << first.error().message;
  EXPECT_FALSE(first->replayed);
  const std::int64_t head = engine_->head_seq();

  Command again = Log("GRAN-01", "once");
  again.idempotency_key = "key-1";
  again.request_hash = "hash-1";
  auto replay = engine_->SubmitAndWait(again);
  ASSERT_TRUE(replay.ok()) << replay.error().message;
  EXPECT_TRUE(replay->replayed);
  EXPECT_EQ(replay->status, first->status);
  EXPECT_EQ(replay->body, first->body);
  EXPECT_TRUE(replay->entries.empty());
  EXPECT_EQ(engine_->head_seq(), head);  // nothing recorded twice

  Command other = Log("GRAN-01", "something else");
  other.idempotency_key = "key-1";
  other.request_hash = "hash-2";
  auto conflict = engine_->SubmitAndWait(other);
  ASSERT_FALSE(conflict.ok());
  EXPECT_EQ(conflict.error().code, ErrorCode::kConflict);
  EXPECT_EQ(conflict.error().reason, "idempotency_key_reused");
  EXPECT_EQ(engine_->head_seq(), head);

  // Keys are per actor: another actor's "key-1" is a new request.
  Command stranger = logbook::RecordLogbookEntry(
      Actor{8, "op2", "operator"}, logbook::RecordEntry{"GRAN-01", "use", "x", {}, {}});
  stranger.idempotency_key = "key-1";
  stranger.request_hash = "hash-1";
  auto fresh = engine_->SubmitAndWait(stranger);
  ASSERT_TRUE(fresh.ok());
  EXPECT_FALSE(fresh->replayed);
  EXPECT_EQ(engine_->head_seq(), head + 1);
}

TEST_F(EngineTest, CheckpointsEveryNEntriesInStoreAndLog) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  constexpr std::int64_t kEvery = 3;
  Start(kEvery);
  const std::int64_t start = engine_->head_seq();
  const std::int64_t start_checkpoint = StoredCheckpoints().back().seq;
  for (int i = 0; i < 8; ++i) ASSERT_TRUE(engine_->SubmitAndWait(Log("MIX-02", "r")).ok());
  const std::int64_t head = engine_->head_seq();
  EXPECT_EQ(head, start + 8);
  engine_->Stop();  // signs the head if it moved since the last checkpoint

  const auto stored = StoredCheckpoints();
  auto log = store::ReadCheckpointLog(dir_);
  ASSERT_TRUE(log.ok()) << log.error().message;
  EXPECT_EQ(*log, stored);
  std::set<std::int64_t> seqs;
  for (const auto& c : stored) seqs.insert(c.seq);
  for (std::int64_t s = start_checkpoint + kEvery; s <= head; s += kEvery)
    EXPECT_TRUE(seqs.count(s)) << "no checkpoint at " << s;
  EXPECT_EQ(*seqs.rbegin(), head);
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(report.checkpoints, static_cast<std::int64_t>(stored.size()));
}

TEST_F(EngineTest, CheckpointNowSignsTheHead) {
  ORDO_VERIFIES("ORDO-LEDGER-03");
  Start();
  ASSERT_TRUE(engine_->SubmitAndWait(Log("MIX-02", "r")).ok());
  auto cp = engine_->CheckpointNow();
  ASSERT_TRUE(cp.ok()) << cp.error().message;
  EXPECT_EQ(cp->body["checkpoint_seq"], engine_->head_seq());
  EXPECT_EQ(StoredCheckpoints().back().seq, engine_->head_seq());
  engine_->Stop();
  auto after = engine_->SubmitAndWait(Log("MIX-02", "late"));
  ASSERT_FALSE(after.ok());
  EXPECT_EQ(after.error().code, ErrorCode::kUnavailable);
}

TEST_F(EngineTest, ACommandThatSignsACheckpointSignsItsOwnLastEntry) {
  ORDO_VERIFIES("ORDO-LEDGER-03", "ORDO-BR-18", "A11-13");
  Start();
  ASSERT_TRUE(engine_->SubmitAndWait(Log("MIX-02", "before")).ok());
  Command sealing = Log("MIX-02", "sealed");
  sealing.sign_checkpoint = true;
  auto sealed = engine_->SubmitAndWait(std::move(sealing));
  ASSERT_TRUE(sealed.ok()) << sealed.error().message;
  const std::int64_t seq = sealed->entries.back().seq;
  EXPECT_EQ(StoredCheckpoints().back().seq, seq);
  EXPECT_EQ(StoredCheckpoints().back().head_hash, sealed->entries.back().hash);
  auto logged = store::ReadCheckpointLog(dir_);
  ASSERT_TRUE(logged.ok());
  ASSERT_FALSE(logged->empty());
  EXPECT_EQ(logged->back().seq, seq);
  // A refused sealing command signs nothing.
  Command refused;
  refused.actor = Actor{1, "admin", "admin"};
  refused.sign_checkpoint = true;
  refused.decide = [](WriteContext&) -> Result<std::vector<ledger::Event>> {
    return Error::Make(ErrorCode::kFailedPrecondition, "no");
  };
  const std::size_t before = StoredCheckpoints().size();
  EXPECT_FALSE(engine_->SubmitAndWait(std::move(refused)).ok());
  EXPECT_EQ(StoredCheckpoints().size(), before);
  engine_->Stop();
  ledger::VerifyReport report = admin::VerifyDataDir(dir_);
  EXPECT_TRUE(report.ok) << report.message;
}

TEST_F(EngineTest, ReplayCheckAfterAMixOfCommands) {
  ORDO_VERIFIES("P11-01", "ORDO-LEDGER-05");
  Start();
  const Actor admin{1, "admin", "admin"};
  auto user = engine_->SubmitAndWait(
      access::CreateUserCommand(admin, access::CreateUser{"ann", "Ann", {"operator"}},
                                "not-a-real-hash", /*one_time=*/false));
  ASSERT_TRUE(user.ok()) << user.error().message;
  const std::int64_t ann_id = user->body["user"]["id"].get<std::int64_t>();
  auto dup = engine_->SubmitAndWait(access::CreateUserCommand(
      admin, access::CreateUser{"ann", "Ann 2", {"operator"}}, "h", /*one_time=*/false));
  ASSERT_FALSE(dup.ok());
  EXPECT_EQ(dup.error().code, ErrorCode::kConflict);
  auto e1 = engine_->SubmitAndWait(Log("GRAN-01", "one"));
  ASSERT_TRUE(e1.ok());
  ASSERT_TRUE(engine_->SubmitAndWait(Log("GRAN-01", "one, corrected", e1->entries[0].seq)).ok());
  ASSERT_TRUE(engine_
                  ->SubmitAndWait(
                      access::LoginSucceededCommand(Actor{ann_id, "ann", "operator"}, "10.0.0.1"))
                  .ok());
  ASSERT_TRUE(
      engine_->SubmitAndWait(access::LoginFailedCommand("bob", "10.0.0.2", "unknown user")).ok());
  auto disabled = engine_->SubmitAndWait(
      access::DisableUserCommand(admin, access::DisableUser{ann_id, "left"}));
  ASSERT_TRUE(disabled.ok()) << disabled.error().message;
  EXPECT_EQ(disabled->body["user"]["disabled"], true);
  engine_->Stop();

  auto diffs = admin::ReplayCheck(dir_.DatabasePath());
  ASSERT_TRUE(diffs.ok()) << diffs.error().message;
  EXPECT_TRUE(diffs->empty()) << (*diffs)[0];

  // A projection edited behind the ledger's back is reported.
  {
    auto db = store::OpenStore(dir_, storage::OpenMode::kReadWrite);
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Exec("UPDATE logbook_entry SET text = 'edited'").ok());
  }
  auto edited = admin::ReplayCheck(dir_.DatabasePath());
  ASSERT_TRUE(edited.ok());
  ASSERT_FALSE(edited->empty());
  EXPECT_NE((*edited)[0].find("logbook_entry"), std::string::npos) << (*edited)[0];
}

TEST_F(EngineTest, BackupCopyVerifies) {
  ORDO_VERIFIES("A11-05", "ORDO-STORE-03");
  Start();
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(engine_->SubmitAndWait(Log("GRAN-01", "b")).ok());
  const std::int64_t head = engine_->head_seq();
  const std::string copy = root_ + "/backup.db";
  ASSERT_TRUE(admin::Backup(dir_, copy).ok());  // while the engine runs
  Status again = admin::Backup(dir_, copy);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  engine_->Stop();

  auto key = store::ReadSigningKey(dir_);
  ASSERT_TRUE(key.ok());
  ledger::VerifyReport report = admin::VerifyDatabaseFile(copy, PublicKeyOf(*key));
  EXPECT_TRUE(report.ok) << report.message;
  EXPECT_EQ(report.entries, head);
  ledger::VerifyReport wrong =
      admin::VerifyDatabaseFile(copy, GenerateSigningKeyPair().public_key_hex);
  EXPECT_FALSE(wrong.ok);
}

}  // namespace
}  // namespace ordo::engine
