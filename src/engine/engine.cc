// The single writer: queue, group commit, hash chaining, idempotency, checkpoints.
#include "engine/engine.h"

#include <spdlog/spdlog.h>
#include <unistd.h>

#include <algorithm>
#include <future>

#include "core/crypto.h"
#include "core/thread_scheduling.h"
#include "ledger/event_schema.h"
#include "store/ledger_store.h"
#include "store/projector.h"
#include "store/schema.h"

namespace ordo::engine {

namespace {

// Runs a statement from the connection's prepared-statement cache.
Status RunPrepared(storage::Database& db, const std::string& sql) {
  auto st = db.Prepare(sql);
  if (!st.ok()) return st.error();
  return (*st)->Run();
}

std::vector<GroupParticipant>& Participants() {
  static std::vector<GroupParticipant> participants;
  return participants;
}

}  // namespace

void RegisterGroupParticipant(GroupParticipant participant) {
  Participants().push_back(std::move(participant));
}

ledger::Origin LocalOrigin() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) host[0] = 0;
  ledger::Origin origin;
  origin.address = "local";
  origin.terminal = host;
  return origin;
}

// After people's commands passed bulk ones, this many bulk commands run (in order) before
// people may pass again: under a steady stream of people's commands machine data still
// runs at least this many commands per commit.
constexpr std::size_t kBulkBeforePassingAgain = 16;

struct Engine::Pending {
  Command command;
  Completion done;
  bool checkpoint = false;  // a checkpoint request instead of a command
  std::optional<ledger::Checkpoint> signed_checkpoint{};  // Command::sign_checkpoint's
  Result<CommandReply> result = Error::Make(ErrorCode::kInternal, "not run");
  // A person's command (or a system one that is not bulk): counted in people_waiting_.
  bool person() const { return !checkpoint && !command.bulk; }
};

Engine::Engine(EngineOptions options) : options_(std::move(options)) {}

Result<std::unique_ptr<Engine>> Engine::Start(EngineOptions options) {
  if (!options.clock) return Error::Make(ErrorCode::kInternal, "engine needs a clock");
  std::unique_ptr<Engine> engine(new Engine(std::move(options)));
  auto key = store::ReadSigningKey(engine->options_.data_dir);
  if (!key.ok()) return key.error();
  engine->secret_key_ = *key;
  {
    // The writer only runs on a store of exactly this release's schema; checked on a
    // read-only connection, so a refused store is not written to at all.
    auto reader = store::OpenStore(engine->options_.data_dir, storage::OpenMode::kReadOnly);
    if (!reader.ok()) return reader.error();
    auto plan = store::PlanSchemaUpgrade(**reader);
    if (!plan.ok()) return plan.error();
    if (!plan->newer.empty()) return Error::Make(ErrorCode::kFailedPrecondition, plan->newer);
    if (!plan->pending.empty())
      return Error::Make(ErrorCode::kFailedPrecondition,
                         "the store needs a schema upgrade (" + plan->Describe() +
                             "): run `ordo upgrade --data " + engine->options_.data_dir.root +
                             "` (ordo serve does it by itself)");
  }
  auto db = store::OpenStore(engine->options_.data_dir, storage::OpenMode::kReadWrite);
  if (!db.ok()) return db.error();
  engine->db_ = std::move(*db);
  // The writer leaves checkpoints to checkpointer_ (a safety net: its own at this size).
  ORDO_TRY(engine->db_->Exec("PRAGMA wal_autocheckpoint=" +
                             std::to_string(storage::kWriterAutoCheckpointPages)));
  auto head = store::ReadHead(*engine->db_);
  if (!head.ok()) return head.error();
  engine->head_seq_ = head->seq;
  engine->head_hash_ = head->hash;
  engine->head_time_ = head->time_us;
  auto checkpoints = store::ReadCheckpoints(*engine->db_);
  if (!checkpoints.ok()) return checkpoints.error();
  if (!checkpoints->empty()) {
    engine->last_checkpoint_seq_ = checkpoints->back().seq;
    engine->last_checkpoint_time_ = checkpoints->back().time_us;
  } else {
    engine->last_checkpoint_time_ = engine->options_.clock->NowMicros();
  }
  engine->published_head_ = head->seq;
  ORDO_TRY(engine->PrepareSeals());
  engine->checkpointer_ = std::make_unique<storage::WalCheckpointer>(
      [store = engine->options_.data_dir.DatabasePath()] {
        std::vector<std::string> files{store};
        for (const auto& participant : Participants())
          if (participant.wal_file) files.push_back(participant.wal_file(store));
        return files;
      });
  engine->writer_ = std::thread([e = engine.get()] { e->Run(); });
  return engine;
}

Status Engine::PrepareSeals() {
  auto read = store::ReadSealState(options_.data_dir);
  if (!read.ok()) return read.error();
  store::SealState state;
  if (*read) {
    state = **read;
  } else if (!FromHex(RandomHex(32), &state.key)) {
    return Error::Make(ErrorCode::kInternal, "cannot make a row seal key");
  }
  std::vector<const store::GuardedTable*> unsealed;
  for (const auto& t : store::GuardedTables()) {
    auto recorded = state.sealed.find(t.table);
    if (recorded != state.sealed.end() && recorded->second == store::TableSpec(t)) continue;
    // A release that changed the table's columns: its rows carry seals over the recorded
    // columns. They are sealed afresh only when every one still matches; a row changed
    // before the upgrade refuses the start and leaves the seals as they were.
    if (recorded != state.sealed.end())
      ORDO_TRY(store::CheckRecordedSeals(*db_, state.key, t.table, recorded->second));
    unsealed.push_back(&t);
  }
  if (!*read || !unsealed.empty()) {
    // The first start of a release with seals (or with a new guarded table): the rows are
    // sealed as they are. Only someone who can write keys/ can make this happen again.
    {
      storage::Transaction tx(*db_);
      ORDO_TRY(tx.begin_status());
      for (const auto* t : unsealed) ORDO_TRY(store::SealAllRows(*db_, state.key, *t, head_seq_));
      ORDO_TRY(tx.Commit());
    }
    for (const auto* t : unsealed) {
      state.sealed[t->table] = store::TableSpec(*t);
      if (head_seq_ > 0)  // an existing store: say what was accepted as it is
        spdlog::info("row seals: sealed the rows of {} as they are at seq {}", t->table, head_seq_);
    }
    ORDO_TRY(store::WriteSealState(options_.data_dir, state));
  }
  sealer_ = std::make_unique<store::RowSealer>(state.key);
  db_->SetChangeHook([sealer = sealer_.get()](std::string_view table, std::int64_t rowid) {
    sealer->Note(table, rowid);
  });
  sealed_path_ = db_->path();
  store::InstallSealKey(sealed_path_, state.key);
  return Ok();
}

Engine::~Engine() { Stop(); }

std::int64_t Engine::head_seq() const { return published_head_.load(); }

void Engine::Submit(Command command, Completion done) {
  {
    std::lock_guard lock(mutex_);
    if (!stopping_) {
      queue_.push_back(Pending{std::move(command), std::move(done)});
      if (queue_.back().person()) ++people_waiting_;
      wake_.notify_one();
      return;
    }
  }
  done(Error::Make(ErrorCode::kUnavailable, "the server is shutting down; retry later"));
}

Result<CommandReply> Engine::SubmitAndWait(Command command) {
  std::promise<Result<CommandReply>> promise;
  auto future = promise.get_future();
  Submit(std::move(command),
         [&promise](Result<CommandReply> r) { promise.set_value(std::move(r)); });
  return future.get();
}

Result<CommandReply> Engine::CheckpointNow() {
  std::promise<Result<CommandReply>> promise;
  auto future = promise.get_future();
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return Error::Make(ErrorCode::kUnavailable, "the server is shutting down");
    Pending p{Command{}, [&promise](Result<CommandReply> r) { promise.set_value(std::move(r)); }};
    p.checkpoint = true;
    queue_.push_back(std::move(p));
    wake_.notify_one();
  }
  return future.get();
}

void Engine::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_ && !writer_.joinable()) return;
    stopping_ = true;
    wake_.notify_one();
  }
  if (writer_.joinable()) writer_.join();
  checkpointer_.reset();
  if (!sealed_path_.empty()) store::RemoveSealKey(sealed_path_);
  sealed_path_.clear();
}

void Engine::Run() {
  // People's commands commit here: the writer takes a core as soon as one is queued.
  (void)RequestThisThreadsSlice(kRequestPathSlice);
  while (true) {
    std::vector<Pending> group;
    {
      std::unique_lock lock(mutex_);
      wake_.wait_for(lock, std::chrono::seconds(1), [&] { return stopping_ || !queue_.empty(); });
      group = TakeGroup();
      if (group.empty() && stopping_) break;
    }
    if (!group.empty()) {
      ProcessGroup(group);
      bool idle = false;
      {
        std::lock_guard lock(mutex_);
        idle = queue_.empty();
      }
      if (idle) {
        bulk_owed_ = 0;  // every bulk command ran: nothing is owed
        checkpointer_->Poke();
      }
    }
    Status cp = MaybeCheckpoint(false);
    if (!cp.ok()) spdlog::error("checkpoint failed: {}", cp.error().message);
  }
  Status cp = MaybeCheckpoint(true);
  if (!cp.ok()) spdlog::error("final checkpoint failed: {}", cp.error().message);
  db_.reset();
}

std::vector<std::size_t> Engine::Overtakers(const std::vector<Pending>& also, std::size_t also_from,
                                            std::size_t limit) const {
  std::vector<std::size_t> taken;
  std::vector<const Command*> bulk_ahead;
  for (std::size_t i = also_from; i < also.size(); ++i) {
    if (also[i].checkpoint || !also[i].command.bulk) return taken;  // people keep their order
    bulk_ahead.push_back(&also[i].command);
  }
  for (std::size_t i = 0; i < queue_.size() && taken.size() < limit; ++i) {
    const Pending& p = queue_[i];
    if (p.checkpoint) break;
    if (p.command.bulk) {
      bulk_ahead.push_back(&p.command);
      continue;
    }
    if (!std::all_of(bulk_ahead.begin(), bulk_ahead.end(),
                     [&](const Command* b) { return Independent(*b, p.command); }))
      break;  // and every later person's command waits too
    taken.push_back(i);
  }
  return taken;
}

std::vector<Engine::Pending> Engine::TakeGroup() {
  std::vector<Pending> group;
  std::vector<std::size_t> overtakers;
  if (people_waiting_ > 0 && bulk_owed_ == 0 && !queue_.empty() && !queue_.front().person())
    overtakers = Overtakers({}, 0, options_.max_group);
  if (!overtakers.empty()) {
    bulk_owed_ = kBulkBeforePassingAgain;
    // Only these: their group commits without the machine data they overtook.
    for (std::size_t i : overtakers) group.push_back(std::move(queue_[i]));
    for (auto it = overtakers.rbegin(); it != overtakers.rend(); ++it)
      queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(*it));
  } else {
    // In order, the run of the front's kind: a person's command does not wait for the
    // machine data queued after it to run and commit too.
    const auto bulk = [](const Pending& p) { return !p.checkpoint && p.command.bulk; };
    const bool bulk_run = !queue_.empty() && bulk(queue_.front());
    while (!queue_.empty() && group.size() < options_.max_group &&
           bulk(queue_.front()) == bulk_run) {
      group.push_back(std::move(queue_.front()));
      queue_.pop_front();
    }
  }
  for (const auto& p : group)
    if (p.person()) --people_waiting_;
  return group;
}

void Engine::ProcessGroup(std::vector<Pending>& group) {
  // After a bulk command: when people's commands wait that may run before the rest of the
  // group (Overtakers), they pass it. In a group begun while no bulk commands were owed
  // (bulk_owed_ 0: people have not passed since the queue last emptied), the bulk commands
  // run so far are rolled back and the whole group goes back in front of the queue: the
  // people's commands then commit on their own, without the machine data's writes (a
  // participant's held rows and their sync, then the ledger's), which run again after
  // them. Otherwise (people passed a moment ago, and the 16 owed bulk commands ran) the
  // rest of the group goes back and the people run next in this group, which commits what
  // ran before them; so under a steady stream of people machine data still commits at
  // least 16 commands per group, and at most one group's work is ever run twice per pass.
  // Returns true when the group was rolled back for people (`group` is then them alone).
  const bool may_roll_back = bulk_owed_ == 0;
  auto let_people_in = [&](std::size_t i) {
    if (!group[i].command.bulk) return false;
    if (bulk_owed_ > 0) {
      --bulk_owed_;
      return false;
    }
    std::lock_guard lock(mutex_);
    if (people_waiting_ == 0 || i + 1 >= options_.max_group) return false;
    // Rolled back, the group runs after the people, its commands already run included:
    // the people must be independent of all of them.
    std::vector<std::size_t> overtakers;
    const bool roll_back =
        may_roll_back && !(overtakers = Overtakers(group, 0, options_.max_group)).empty();
    if (!roll_back) overtakers = Overtakers(group, i + 1, options_.max_group - (i + 1));
    if (overtakers.empty()) return false;
    bulk_owed_ = kBulkBeforePassingAgain;
    std::vector<Pending> people;
    for (std::size_t k : overtakers) people.push_back(std::move(queue_[k]));
    for (auto it = overtakers.rbegin(); it != overtakers.rend(); ++it)
      queue_.erase(queue_.begin() + static_cast<std::ptrdiff_t>(*it));
    people_waiting_ -= people.size();
    if (roll_back) {
      for (auto& p : group) {
        p.signed_checkpoint.reset();
        p.result = Error::Make(ErrorCode::kInternal, "not run");
      }
      queue_.insert(queue_.begin(), std::make_move_iterator(group.begin()),
                    std::make_move_iterator(group.end()));
      group = std::move(people);
      return true;
    }
    queue_.insert(queue_.begin(), std::make_move_iterator(group.begin() + (i + 1)),
                  std::make_move_iterator(group.end()));
    group.erase(group.begin() + static_cast<std::ptrdiff_t>(i + 1), group.end());
    for (auto& person : people) group.push_back(std::move(person));
    return false;
  };
  bool wants_checkpoint = false;
  auto begin = [&] {
    if (Status s = db_->Exec("BEGIN IMMEDIATE"); !s.ok()) {
      spdlog::critical("ledger writer cannot begin a transaction: {}; stopping", s.error().message);
      std::_Exit(3);
    }
  };
  // Fast path: no savepoints. Decisions only read, so a rejected command has written
  // nothing. If a write fails (rare: I/O, constraint), roll the whole group back and run
  // it again with a savepoint around each command, so only that command fails.
  const std::int64_t group_seq = head_seq_;
  const std::string group_hash = head_hash_;
  const TimeMicros group_time = head_time_;
  // Undoes everything the open group wrote (the ledger's transaction, the participants'
  // held writes, the head) and begins again.
  const auto roll_back_and_begin = [&] {
    (void)db_->Exec("ROLLBACK");
    for (const auto& participant : Participants()) participant.rollback(*db_);
    head_seq_ = group_seq;
    head_hash_ = group_hash;
    head_time_ = group_time;
    begin();
  };
  begin();
  bool write_failed = false;
  bool passed = false;  // people passed the group: it was rolled back, they run alone
  for (std::size_t i = 0; i < group.size(); ++i) {
    Pending& p = group[i];
    if (p.checkpoint) {
      wants_checkpoint = true;
      continue;
    }
    p.result = Execute(p, /*guarded=*/false, &write_failed);
    if (write_failed) break;
    if (let_people_in(i)) {
      passed = true;
      break;
    }
  }
  if (passed) {
    roll_back_and_begin();
    wants_checkpoint = false;  // a checkpoint request is never among people's commands
    for (auto& p : group) {
      p.result = Execute(p, /*guarded=*/false, &write_failed);
      if (write_failed) break;
    }
  }
  if (!write_failed) {
    for (const auto& participant : Participants()) {
      if (Status s = participant.prepare_commit(*db_); !s.ok()) {
        spdlog::warn(
            "{} could not commit the group's writes ({}); re-running the group command "
            "by command",
            participant.name, s.error().message);
        write_failed = true;
        break;
      }
    }
  }
  if (write_failed) {
    spdlog::warn("a write failed inside a group; re-running the group command by command");
    roll_back_and_begin();
    for (auto& p : group) {
      p.signed_checkpoint.reset();
      if (!p.checkpoint) p.result = Execute(p, /*guarded=*/true, nullptr);
    }
  }
  if (write_failed) {  // the guarded re-run holds nothing, but a participant may still hold
    for (const auto& participant : Participants()) {
      if (Status s = participant.prepare_commit(*db_); !s.ok()) {
        spdlog::critical(
            "{} commit failed after the command-by-command re-run: {}; the writer "
            "stops and ordo exits",
            participant.name, s.error().message);
        std::_Exit(3);
      }
    }
  }
  if (Status commit = db_->Exec("COMMIT"); !commit.ok()) {
    // The group is not durable: acknowledging anything now could lose it.
    spdlog::critical("ledger commit (flush) failed: {}; the writer stops and ordo exits",
                     commit.error().message);
    std::_Exit(3);
  }
  published_head_ = head_seq_;
  for (auto& p : group) {
    if (!p.signed_checkpoint || !p.result.ok()) continue;
    last_checkpoint_seq_ = std::max(last_checkpoint_seq_, p.signed_checkpoint->seq);
    last_checkpoint_time_ = p.signed_checkpoint->time_us;
    if (Status s = store::AppendCheckpointLog(options_.data_dir, *p.signed_checkpoint); !s.ok())
      spdlog::critical("checkpoint at seq {} is in the store but not in the checkpoint log: {}",
                       p.signed_checkpoint->seq, s.error().message);
  }
  if (options_.on_commit) options_.on_commit(head_seq_);
  for (auto& p : group) {
    if (p.checkpoint) continue;
    p.done(std::move(p.result));
  }
  if (wants_checkpoint) {
    Status s = MaybeCheckpoint(true);
    CommandReply reply{200, Json{{"checkpoint_seq", last_checkpoint_seq_}}, {}, false};
    for (auto& p : group)
      if (p.checkpoint)
        p.done(s.ok() ? Result<CommandReply>(reply) : Result<CommandReply>(s.error()));
  }
}

Result<CommandReply> Engine::Execute(Pending& p, bool guarded, bool* write_failed) {
  Command& c = p.command;
  storage::Database& db = *db_;
  if (!c.idempotency_key.empty()) {
    auto st = db.Prepare(
        "SELECT request_hash, status, response FROM idempotency WHERE actor_id = ? AND key = ?");
    if (!st.ok()) return st.error();
    (*st)->Bind(1, c.actor.user_id).Bind(2, c.idempotency_key);
    auto row = (*st)->Step();
    if (!row.ok()) return row.error();
    if (*row) {
      const bool same = (*st)->Text(0) == c.request_hash;
      CommandReply reply{static_cast<int>((*st)->Int(1)), Json::parse((*st)->Text(2)), {}, true};
      (*st)->Reset();
      if (!same)
        return Error{
            ErrorCode::kConflict,
            "Idempotency-Key '" + c.idempotency_key + "' was already used for a different request",
            "Idempotency-Key", "idempotency_key_reused"};
      return reply;
    }
    (*st)->Reset();
  }
  if (guarded) ORDO_TRY(RunPrepared(db, "SAVEPOINT command"));
  const std::int64_t saved_seq = head_seq_;
  const std::string saved_hash = head_hash_;
  const TimeMicros saved_time = head_time_;
  const TimeMicros now = std::max(options_.clock->NowMicros(), head_time_);
  WriteContext ctx{db, head_seq_ + 1, now, published_head_.load(), guarded, nullptr};
  // People may pass a bulk command as soon as it ends unless bulk commands are owed
  // (ProcessGroup's let_people_in).
  if (c.bulk && !guarded && bulk_owed_ == 0) ctx.people_queued = &people_waiting_;
  auto fail = [&](Error e) -> Result<CommandReply> {
    if (!db.InTransaction()) {
      // The driver rolled the whole group back (I/O error, full disk, out of memory):
      // continuing could commit later entries on top of vanished ones.
      spdlog::critical("the group transaction was rolled back by SQLite ({}); the writer stops",
                       e.message);
      std::_Exit(3);
    }
    if (guarded) {
      (void)RunPrepared(db, "ROLLBACK TO command");
      (void)RunPrepared(db, "RELEASE command");
    } else if (write_failed) {
      *write_failed = true;
    }
    head_seq_ = saved_seq;
    head_hash_ = saved_hash;
    head_time_ = saved_time;
    return e;
  };
  if (sealer_) sealer_->Forget();
  auto events = c.decide(ctx);
  if (!events.ok()) {
    // A rejection: the decision only read, so there is nothing to undo.
    if (guarded) {
      (void)RunPrepared(db, "ROLLBACK TO command");
      (void)RunPrepared(db, "RELEASE command");
    }
    return events.error();
  }
  std::vector<ledger::LedgerEntry> entries;
  for (auto& ev : *events) {
    ledger::LedgerEntry e;
    e.seq = head_seq_ + 1;
    e.time_us = now;
    e.actor = c.actor.name;
    e.role = c.actor.role;
    e.origin = c.actor.origin;
    e.type = ev.type;
    e.schema_version = ev.schema_version;
    e.subject = ledger::Subject{ev.subject_kind, ev.subject_id, ev.subject_version};
    e.payload = std::move(ev.payload);
    e.reason = std::move(ev.reason);
    e.signatures = std::move(ev.signatures);
    e.prev_hash = head_hash_;
    const std::string payload_text = CanonicalJson(e.payload);
    e.hash = ledger::ComputeHash(e, payload_text);
    if (Status s = store::AppendEntry(db, e, payload_text); !s.ok()) return fail(s.error());
    if (Status s = store::ApplyToProjections(db, e); !s.ok()) return fail(s.error());
    head_seq_ = e.seq;
    head_hash_ = e.hash;
    head_time_ = e.time_us;
    entries.push_back(std::move(e));
  }
  if (c.after_append) {
    if (Status s = c.after_append(ctx, entries); !s.ok()) return fail(s.error());
  }
  if (sealer_ && !entries.empty())
    if (Status s = sealer_->SealNoted(db, head_seq_); !s.ok()) return fail(s.error());
  if (c.sign_checkpoint && !entries.empty()) {
    ledger::Checkpoint cp = ledger::SignCheckpoint(head_seq_, head_hash_, now, secret_key_);
    if (Status s = store::AppendCheckpoint(db, cp); !s.ok()) return fail(s.error());
    p.signed_checkpoint = cp;
  }
  Json body = c.reply ? c.reply(ctx, entries) : Json::object();
  CommandReply reply{c.success_status, std::move(body), std::move(entries), false};
  if (!c.idempotency_key.empty()) {
    auto st = db.Prepare(
        "INSERT INTO idempotency(actor_id, key, request_hash, status, response, seq) "
        "VALUES(?,?,?,?,?,?)");
    if (!st.ok()) return fail(st.error());
    (*st)->Bind(1, c.actor.user_id).Bind(2, c.idempotency_key).Bind(3, c.request_hash);
    (*st)->Bind(4, static_cast<std::int64_t>(reply.status)).Bind(5, CanonicalJson(reply.body));
    (*st)->Bind(6, head_seq_);
    if (Status s = (*st)->Run(); !s.ok()) return fail(s.error());
  }
  if (guarded)
    if (Status s = RunPrepared(db, "RELEASE command"); !s.ok()) return fail(s.error());
  return reply;
}

Status Engine::MaybeCheckpoint(bool force) {
  if (head_seq_ == 0 || head_seq_ == last_checkpoint_seq_) return Ok();
  const TimeMicros now = options_.clock->NowMicros();
  const bool due = force || head_seq_ - last_checkpoint_seq_ >= options_.checkpoint_every_entries ||
                   now - last_checkpoint_time_ >= options_.checkpoint_every_micros;
  if (!due) return Ok();
  ledger::Checkpoint c = ledger::SignCheckpoint(head_seq_, head_hash_, now, secret_key_);
  {
    storage::Transaction tx(*db_);
    ORDO_TRY(tx.begin_status());
    ORDO_TRY(store::AppendCheckpoint(*db_, c));
    Status commit = tx.Commit();
    if (!commit.ok()) {
      spdlog::critical("checkpoint commit failed: {}; stopping", commit.error().message);
      std::_Exit(3);
    }
  }
  last_checkpoint_seq_ = c.seq;
  last_checkpoint_time_ = now;
  if (Status s = store::AppendCheckpointLog(options_.data_dir, c); !s.ok()) {
    // The checkpoint is durable in the store; only its copy outside is missing.
    spdlog::critical("checkpoint at seq {} is in the store but not in the checkpoint log: {}",
                     c.seq, s.error().message);
    return s;
  }
  return Ok();
}

}  // namespace ordo::engine
