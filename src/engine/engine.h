// The command engine: one writer thread per site. Commands from any thread go into a
// queue; the writer takes every waiting command, runs each one's decision against the
// current projections, appends its events to the hash-chained ledger and updates the
// projections, all in one SQLite transaction, and commits once for the whole group
// (synchronous=FULL). Completions run only after that commit is durable. A failed
// commit stops the process: nothing is acknowledged that is not on disk.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/clock.h"
#include "core/result.h"
#include "ledger/entry.h"
#include "ledger/event_type.h"
#include "storage/database.h"
#include "storage/sqlite/wal_checkpointer.h"
#include "store/data_dir.h"
#include "store/row_seal.h"

namespace ordo::engine {

struct Actor {
  std::int64_t user_id = 0;  // 0 for the system itself
  std::string name;
  std::string role;
  // Where the command came from; every entry it writes records it (DI-01). Set by the
  // HTTP layer (Api::ActorOf) and by the offline commands (LocalOrigin).
  std::optional<ledger::Origin> origin;
};

// The origin of a command run on this host outside the server (ordo init, the CLI):
// address "local", terminal = the host name.
ledger::Origin LocalOrigin();

// Handed to a command's functions inside the writer transaction.
struct WriteContext {
  storage::Database& db;  // the writer connection (read projections, write side tables)
  std::int64_t next_seq;  // the seq the command's first event will get
  TimeMicros now;         // the server time the command's events will carry
  // The last seq committed (durable) before this command's group began: entries above it,
  // up to next_seq - 1, are earlier commands of the same group, not yet durable.
  std::int64_t durable_seq = 0;
  // True in the command-by-command re-run of a group (after a failed write): a store
  // beside the ledger must then commit each command's writes on their own, not hold them
  // for the group (GroupParticipant).
  bool guarded = false;
  // The engine's count of people's commands queued that may pass a bulk command as soon as
  // it ends (Command::bulk; Overtakers), read without its lock; nullptr when none may (not
  // a bulk command, or the bulk commands owed after people last passed still run). Read
  // through PeopleWaiting, by GiveWay.
  const std::atomic<std::size_t>* people_queued = nullptr;
  bool PeopleWaiting() const {
    return people_queued != nullptr && people_queued->load(std::memory_order_relaxed) > 0;
  }
};

// Turns at giving way to people, for housekeeping that holds the writer for milliseconds
// per command and runs again while its reply says "more" (a serve task: telemetry seals
// and compaction). Its decide asks Now between steps; on true it returns no events and a
// reply with "more": true, so a person's command queued meanwhile passes it instead of
// waiting for it to end (docs/architecture.md, "Order"). At most `limit` turns in a row,
// so a steady stream of people cannot starve the housekeeping; a command that ends
// without giving way calls Finished and the count starts again. One object per task,
// shared by its commands (they run on the writer thread).
class GiveWay {
 public:
  static constexpr int kDefaultLimit = 8;
  explicit GiveWay(int limit = kDefaultLimit) : limit_(limit) {}
  // True (and a turn is counted) when a person waits who may pass and turns are left.
  bool Now(const WriteContext& ctx);
  void Finished() { in_a_row_.store(0); }
  int in_a_row() const { return in_a_row_.load(); }

 private:
  int limit_;
  std::atomic<int> in_a_row_{0};
};

// A store beside the ledger (the telemetry file) whose writes of a group's commands are
// held in one transaction of its own and committed once, just before the ledger's commit,
// instead of once per command, on the writer thread. Contract: docs/architecture.md, 9.
struct GroupParticipant {
  std::string name;
  // Commits what the group's commands held. An error: the engine rolls the ledger group
  // back and runs it again command by command (WriteContext::guarded), so only a command
  // whose own write fails is refused.
  std::function<Status(storage::Database& writer)> prepare_commit;
  // Drops what the group's commands held (the ledger group was rolled back).
  std::function<void(storage::Database& writer)> rollback;
  // Optional: the participant's SQLite file beside the store at `store_path`. The engine
  // checkpoints its write-ahead log off the writer thread, as the store's
  // (storage::WalCheckpointer); the participant's writer connection then sets
  // storage::kWriterAutoCheckpointPages.
  std::function<std::string(const std::string& store_path)> wal_file;
};
// Registers `participant` (start-up, before any engine runs); every engine calls it.
void RegisterGroupParticipant(GroupParticipant participant);

struct Command {
  Actor actor;
  std::string idempotency_key;  // empty: none
  std::string request_hash;     // identifies the request body for idempotency checks
  // Decides the events from current state; must only read. An error rejects the
  // command; nothing changes.
  std::function<Result<std::vector<ledger::Event>>(WriteContext&)> decide;
  // Optional: non-ledger writes in the same transaction (e.g. a password hash).
  std::function<Status(WriteContext&, const std::vector<ledger::LedgerEntry>&)> after_append;
  // Builds the reply body from the appended entries (inside the transaction).
  std::function<Json(WriteContext&, const std::vector<ledger::LedgerEntry>&)> reply;
  int success_status = 201;
  // Sign a ledger checkpoint at this command's last entry, in the same transaction (a
  // sealing command, e.g. the batch release: its last event may name that seq). The
  // checkpoint log outside the store gets it after the commit.
  bool sign_checkpoint = false;
  // Order (docs/architecture.md, "Order"). Commands run in submission order, except that a
  // command that is not `bulk` runs before queued bulk commands it is independent of: both
  // declared `work_units` and the two sets are disjoint (after people passed, 16 bulk
  // commands run before they may pass again). So a person's command that declares its
  // work units does not wait behind a flood of machine data for other work units.
  // Machine data and housekeeping (equipment data batches, telemetry seals): may be
  // overtaken as above; a running group of them is rolled back (run again after it) or
  // committed early for such a command (docs/architecture.md, "Order").
  bool bulk = false;
  // The work units whose equipment data, state or execution context (running operation,
  // its lots and parameter values) the command reads or writes. nullopt (the default):
  // any, and the command is never reordered. Declaring a set is a promise: the command
  // reads nothing that a bulk command writes, and writes nothing that one reads, except
  // for these work units; a command whose decide finds the promise broken (e.g. the
  // source's work units changed while it was queued) must fail without writing. Machine
  // data also writes order-wide state (the parameter values and deviations of an
  // operation running on its work unit, deviation numbers): a command that reads orders,
  // lots or deviations must not declare (execution's commands do not).
  std::optional<std::set<std::string>> work_units;
};

// True when `a` and `b` may run in either order: both declared their work units and no
// work unit is in both.
bool Independent(const Command& a, const Command& b);

struct CommandReply {
  int status = 200;
  Json body;
  std::vector<ledger::LedgerEntry> entries;
  bool replayed = false;  // true when answered from the idempotency record
};

// Called exactly once per command, on the writer thread, after the commit is durable
// (or with the rejection). Must not block.
using Completion = std::function<void(Result<CommandReply>)>;

struct EngineOptions {
  store::DataDir data_dir;
  const Clock* clock = nullptr;                      // required
  std::int64_t checkpoint_every_entries = 1000;      // sign the head after this many entries
  TimeMicros checkpoint_every_micros = 600'000'000;  // ... or this much time with new entries
  std::size_t max_group = 1024;                      // commands per group commit
  // Called on the writer thread after each durable commit with the new head seq.
  std::function<void(std::int64_t)> on_commit;
};

class Engine {
 public:
  // Opens the store (which `ordo init` created) and starts the writer thread. Fails with
  // failed_precondition when the store's schema is not exactly this release's (an older
  // one needs `ordo upgrade`; a newer one is refused).
  static Result<std::unique_ptr<Engine>> Start(EngineOptions options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Queues a command. Thread-safe. After Stop(), completes at once with unavailable.
  void Submit(Command command, Completion done);
  // Submits and blocks until the completion ran. Never call it on the writer thread.
  Result<CommandReply> SubmitAndWait(Command command);
  // Signs the current head now (in the writer's order). Thread-safe.
  Result<CommandReply> CheckpointNow();
  // Drains the queue, signs the head if it moved since the last checkpoint, stops the
  // writer and closes the store. Idempotent.
  void Stop();
  std::int64_t head_seq() const;

 private:
  struct Pending;
  explicit Engine(EngineOptions options);
  void Run();
  // Takes the next group from the queue (mutex_ held): the non-bulk commands that may run
  // before the bulk commands queued ahead of them (Overtakers), else, in order, the run of
  // commands at the queue's front that are all bulk or all not (at most max_group).
  std::vector<Pending> TakeGroup();
  // The non-bulk commands, in order, that are independent of every bulk command queued
  // ahead of them and of `also` (commands taken out of the queue but not run); stops at
  // the first one that is not (and at a checkpoint request). Indexes into queue_.
  // At most `limit` commands.
  std::vector<std::size_t> Overtakers(const std::vector<Pending>& also, std::size_t also_from,
                                      std::size_t limit) const;
  void ProcessGroup(std::vector<Pending>& group);
  // Runs one command in the open group transaction. Unguarded: no savepoint, and a
  // failed write sets *write_failed (the caller rolls the group back). Guarded: inside
  // a savepoint, so a failure undoes only this command.
  Result<CommandReply> Execute(Pending& pending, bool guarded, bool* write_failed);
  Status MaybeCheckpoint(bool force);
  // Loads (or, on the first start, creates) the row seal file, seals the rows of guarded
  // tables it does not cover yet, installs the seal key for readers and the change hook
  // that seals what projectors write (store/row_seal.h).
  Status PrepareSeals();

  EngineOptions options_;
  std::unique_ptr<storage::Database> db_;  // writer thread only (after Start)
  std::string secret_key_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Pending> queue_;  // guarded by mutex_
  // Queued Pending::person(): changed under mutex_, read without it too (WriteContext).
  std::atomic<std::size_t> people_waiting_{0};
  // Writer thread: bulk commands still to run, in order, before people may pass bulk
  // commands again (kBulkBeforePassingAgain after people passed): machine data is never
  // starved by a steady stream of people's commands. Cleared when the queue empties.
  std::size_t bulk_owed_ = 0;
  bool stopping_ = false;  // guarded by mutex_
  std::thread writer_;
  // Writer-thread state:
  std::int64_t head_seq_ = 0;
  std::string head_hash_;
  TimeMicros head_time_ = 0;
  std::int64_t last_checkpoint_seq_ = 0;
  TimeMicros last_checkpoint_time_ = 0;
  std::atomic<std::int64_t> published_head_{0};
  std::unique_ptr<store::RowSealer> sealer_;  // writer thread only (after Start)
  // Checkpoints the store's and the participants' logs; poked when the queue is empty.
  std::unique_ptr<storage::WalCheckpointer> checkpointer_;
  std::string sealed_path_;  // the store whose seal key is installed
};

}  // namespace ordo::engine
