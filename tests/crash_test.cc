// THE crash test: the server is SIGKILLed at random moments while four clients write
// logbook entries and three operator terminals run execution commands (issue 10, section
// 7), a quality user receives, splits, releases, merges and moves lots, and a batch
// releaser runs orders of a one-operation product to completion, reviews their exceptions
// and releases their batch records with a signature (issue 11; clients in
// crash_clients.h). Every write the server acknowledged (2xx) must survive, exactly once,
// with the seq it was acknowledged with; every acknowledged consumption, split, release,
// merge and move must be in the ledger exactly once; every lot's quantity must be what its
// receipt, splits, merges and consumptions in the ledger leave; every acknowledged batch
// release must be in the ledger exactly once with the content hash and checkpoint it was
// answered with, sealed in br_version, its checkpoint signed, and no order released twice;
// the hash chain and checkpoints must verify and the projections must equal a replay of
// the ledger after every kill.
//
// Environment: ORDO_CRASH_SEED (default: random, printed), ORDO_CRASH_ITERATIONS
// (default 50).
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <map>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <thread>

#include "core/testing/verifies.h"
#include "crash_clients.h"
#include "storage/rows.h"
#include "storage/sqlite/sqlite_database.h"
#include "support/ordo.h"

namespace ordo::testing {
namespace {

struct LedgerText {
  std::int64_t seq = 0;
  int copies = 0;
};

// text -> (seq, copies) of every logbook.entry_recorded in the ledger, and the
// logbook projection's text -> seq, read straight from the (offline) SQLite store.
bool ReadStore(const std::string& db_path, std::map<std::string, LedgerText>* ledger,
               std::map<std::string, std::int64_t>* projection, std::string* error) {
  auto db = storage::OpenSqlite(db_path, storage::OpenMode::kReadOnly);
  if (!db.ok()) {
    *error = db.error().message;
    return false;
  }
  auto query = [&](const char* sql, auto&& row) {
    auto rows = storage::Rows<std::pair<std::int64_t, std::string>>(
        **db, sql, storage::NoBind,
        [](const storage::Statement& s) { return std::pair(s.Int(0), s.Text(1)); });
    if (!rows.ok()) {
      *error = rows.error().message;
      return false;
    }
    for (const auto& [seq, text] : *rows) row(seq, text);
    return true;
  };
  return query("SELECT seq, payload FROM ledger WHERE type = 'logbook.entry_recorded'",
               [&](std::int64_t seq, const std::string& payload) {
                 Json p = Json::parse(payload, nullptr, false);
                 std::string text = p.is_object() ? p.value("text", "") : "";
                 LedgerText& t = (*ledger)[text];
                 t.seq = seq;
                 ++t.copies;
               }) &&
         query("SELECT seq, text FROM logbook_entry",
               [&](std::int64_t seq, const std::string& text) { (*projection)[text] = seq; });
}

// What the ledger says about lots, read straight from the (offline) store: the
// lots.material_consumed entries of the terminals' orders ("CR-...") as (order, quantity
// in g) -> copies; the lot handler's steps ("CRL-..." lots) as "step:lot" -> copies; and
// every lot whose stored quantity differs from what its receipt, production, splits,
// merges and consumptions in the ledger leave (as "lot: expected X, stored Y").
struct LotLedger {
  std::map<std::pair<std::string, int>, int> consumptions;
  std::map<std::string, int> handling;
  std::vector<std::string> unbalanced;
};

bool ReadLots(const std::string& db_path, LotLedger* out, std::string* error) {
  auto db = storage::OpenSqlite(db_path, storage::OpenMode::kReadOnly);
  if (!db.ok()) {
    *error = db.error().message;
    return false;
  }
  using Row = std::pair<std::string, std::string>;
  auto rows = [&](const char* sql) -> std::optional<std::vector<Row>> {
    auto r = storage::Rows<Row>(**db, sql, storage::NoBind, [](const storage::Statement& s) {
      return std::pair(s.Text(0), s.Text(1));
    });
    if (!r.ok()) {
      *error = r.error().message;
      return std::nullopt;
    }
    return *r;
  };
  auto ledger = rows(
      "SELECT type, payload FROM ledger WHERE type IN ('lots.material_consumed', "
      "'lots.lot_received', 'lots.lot_produced', 'lots.lot_split', 'lots.lots_merged', "
      "'lots.lot_released', 'lots.lot_moved') ORDER BY seq");
  auto stored = rows("SELECT lot, quantity FROM lot");
  if (!ledger || !stored) return false;
  std::map<std::string, double> balance;
  auto handled = [&](const std::string& step, const std::string& lot) {
    if (lot.rfind("CRL-", 0) == 0) ++out->handling[step + ":" + lot];
  };
  for (const auto& [type, payload] : *ledger) {
    Json p = Json::parse(payload, nullptr, false);
    if (!p.is_object()) continue;
    const std::string lot = p.value("lot", "");
    if (type == "lots.lot_received" || type == "lots.lot_produced") {
      balance[lot] += p.value("base_quantity", 0.0);
      handled("received", lot);
    } else if (type == "lots.lot_split") {
      const std::string sublot = p.value("sublot", "");
      balance[lot] -= p.value("base_quantity", 0.0);
      balance[sublot] += p.value("base_quantity", 0.0);
      handled("split", sublot);
    } else if (type == "lots.lots_merged") {
      const std::string into = p.value("into", "");
      for (const Json& from : p.value("from", Json::array())) {
        balance[from.value("lot", "")] -= from.value("base_quantity", 0.0);
        balance[into] += from.value("base_quantity", 0.0);
      }
      handled("merged", into);
    } else if (type == "lots.lot_released") {
      handled("released", lot);
    } else if (type == "lots.lot_moved") {
      handled("moved", lot);
    } else {
      balance[lot] -= p.value("base_quantity", 0.0);
      const std::string order = p.value("order_id", "");
      if (order.rfind("CR-", 0) == 0)
        ++out->consumptions[{order, static_cast<int>(std::lround(p.value("quantity", 0.0)))}];
    }
  }
  for (const auto& [lot, quantity] : *stored) {
    const double expected = balance[lot], found = std::stod(quantity);
    if (std::fabs(expected - found) > 1e-6)
      out->unbalanced.push_back(lot + ": expected " + std::to_string(expected) + ", stored " +
                                quantity);
  }
  return true;
}

// What the store says about batch releases, read straight from the (offline) store:
// every batchrecord.released entry (order, version, content hash, checkpoint seq), the
// br_version rows (order, version) -> content hash, and the checkpoint seqs.
struct ReleaseEntry {
  std::int64_t version = 0, checkpoint_seq = 0;
  std::string content_hash;
};
struct ReleaseLedger {
  std::map<std::string, std::vector<ReleaseEntry>> released;  // order -> its releases
  std::map<std::pair<std::string, std::int64_t>, std::string> versions;
  std::set<std::int64_t> checkpoints;
};

bool ReadReleases(const std::string& db_path, ReleaseLedger* out, std::string* error) {
  auto db = storage::OpenSqlite(db_path, storage::OpenMode::kReadOnly);
  if (!db.ok()) {
    *error = db.error().message;
    return false;
  }
  auto ledger = storage::Rows<std::string>(
      **db, "SELECT payload FROM ledger WHERE type = 'batchrecord.released' ORDER BY seq",
      storage::NoBind, [](const storage::Statement& s) { return s.Text(0); });
  using Version = std::pair<std::pair<std::string, std::int64_t>, std::string>;
  auto versions =
      storage::Rows<Version>(**db, "SELECT order_id, version, content_hash FROM br_version",
                             storage::NoBind, [](const storage::Statement& s) {
                               return Version({s.Text(0), s.Int(1)}, s.Text(2));
                             });
  auto checkpoints =
      storage::Rows<std::int64_t>(**db, "SELECT seq FROM checkpoint", storage::NoBind,
                                  [](const storage::Statement& s) { return s.Int(0); });
  if (!ledger.ok() || !versions.ok() || !checkpoints.ok()) {
    *error = !ledger.ok()     ? ledger.error().message
             : !versions.ok() ? versions.error().message
                              : checkpoints.error().message;
    return false;
  }
  for (const auto& payload : *ledger) {
    Json p = Json::parse(payload, nullptr, false);
    if (!p.is_object()) continue;
    out->released[p.value("order_id", "")].push_back({p.value("version", std::int64_t{0}),
                                                      p.value("checkpoint_seq", std::int64_t{0}),
                                                      p.value("content_hash", "")});
  }
  out->versions.insert(versions->begin(), versions->end());
  out->checkpoints.insert(checkpoints->begin(), checkpoints->end());
  return true;
}

struct Writer {
  Credentials user;
  std::vector<std::pair<std::string, std::int64_t>> acked;  // this iteration: text, seq
  // An idempotent write that got no answer when the server died: retried next time.
  bool pending = false;
  std::string pending_key, pending_text;
  int replays = 0;
  std::string failure;  // unexpected behaviour, reported by the main thread
};

int EnvInt(const char* name, int fallback) {
  const char* v = std::getenv(name);
  return v && *v ? std::atoi(v) : fallback;
}

TEST(CrashTest, AcknowledgedWritesSurviveSigkill) {
  ORDO_VERIFIES("A11-14", "DI-08", "ORDO-ENGINE-01", "ORDO-EXEC-31", "ORDO-EXEC-32", "ORDO-LOT-40",
                "ORDO-EXEC-33", "ORDO-BR-34");
  const int iterations = EnvInt("ORDO_CRASH_ITERATIONS", 50);
  std::uint64_t seed = std::random_device{}();
  if (const char* s = std::getenv("ORDO_CRASH_SEED"); s && *s) seed = std::strtoull(s, nullptr, 10);
  std::printf("crash test: seed %llu (rerun with ORDO_CRASH_SEED=%llu), %d iterations\n",
              static_cast<unsigned long long>(seed), static_cast<unsigned long long>(seed),
              iterations);
  std::fflush(stdout);
  ::testing::Test::RecordProperty("seed", std::to_string(seed));
  std::mt19937_64 rng(seed);

  Sandbox sandbox;
  std::string error;
  ASSERT_TRUE(sandbox.Init(&error)) << error;
  // Checkpoints often, so kills also land between a commit and its checkpoint.
  OrdoServer server(sandbox.data(), sandbox.root(), {"--checkpoint-every", "25"});
  const std::string db_path = sandbox.data() + "/ordo.db";

  std::vector<Writer> writers(4);
  const char* roles[] = {"operator", "supervisor", "quality", "engineer"};
  for (int t = 0; t < 4; ++t) writers[t].user = sandbox.user(roles[t]);
  std::map<std::string, std::int64_t> acknowledged;  // every acknowledged text -> seq
  std::size_t total_replays = 0, kills_with_pending = 0;
  // The operator terminals, one per dispensing work unit (a unit runs one operation).
  std::vector<Terminal> terminals(3);
  const char* units[] = {"WU-DISP-BOOTH1", "WU-BAL-6KG", "WU-BAL-150KG"};
  for (int t = 0; t < 3; ++t) terminals[t].work_unit = units[t];
  const std::uint64_t terminal_salt = rng();
  std::set<std::pair<std::string, int>> consumed;  // every acknowledged consumption
  LotHandler handler;
  std::set<std::string> handled;  // every acknowledged lot handling step, "step:lot"
  const Credentials& quality = sandbox.user("quality");
  const Json signature{{"signature", {{"user", quality.name}, {"password", quality.password}}}};
  BatchReleaser releaser;
  std::map<std::string, AckedRelease> releases;  // every acknowledged batch release
  const int clients = 4 + 3 + 1 + 1;
  // The releaser's one-operation product, approved through change control before the loop.
  ASSERT_TRUE(server.Start(&error)) << error;
  Credentials reviewer;
  error = SetUpReleaseProduct(server.Client(), sandbox.user("engineer"), quality,
                              sandbox.user("admin"), &reviewer);
  ASSERT_EQ(error, "") << server.Logs();
  const Json reviewer_signature{
      {"signature", {{"user", reviewer.name}, {"password", reviewer.password}}}};
  ASSERT_TRUE(server.Stop().has_value()) << server.Logs();

  for (int it = 0; it < iterations; ++it) {
    SCOPED_TRACE("iteration " + std::to_string(it) + ", seed " + std::to_string(seed));
    ASSERT_TRUE(server.Start(&error)) << error;
    const int delay_ms = std::uniform_int_distribution<int>(50, 400)(rng);
    const std::uint64_t idem_salt = rng();
    std::atomic<int> ready{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        Writer& w = writers[t];
        w.acked.clear();
        HttpClient c = server.Client();
        c.set_timeout_seconds(30);
        HttpReply r;
        const std::string token = Login(c, w.user.name, w.user.password, &r);
        if (token.empty()) {
          w.failure = "login: " + r.Describe();
          ++ready;
          return;
        }
        if (w.pending) {  // the retry a client would make after the crash
          r = c.Post("/api/v1/logbook", LogbookEntry(w.pending_text, "CRASH-" + std::to_string(t)),
                     token, {{"Idempotency-Key", w.pending_key}});
          if (r.status != 201) {
            w.failure = "retry of " + w.pending_key + ": " + r.Describe();
            ++ready;
            return;
          }
          if (r.Header("idempotent-replayed") == "true") ++w.replays;
          w.acked.emplace_back(w.pending_text, r.json()["entry"]["seq"].get<std::int64_t>());
          w.pending = false;
        }
        ++ready;
        for (int n = 0;; ++n) {
          const std::string text =
              "crash i" + std::to_string(it) + " t" + std::to_string(t) + " n" + std::to_string(n);
          const bool idempotent = n % 3 == 0;
          const std::string key =
              "k" + std::to_string(idem_salt) + "-" + std::to_string(t) + "-" + std::to_string(n);
          Headers h;
          if (idempotent) h.emplace_back("Idempotency-Key", key);
          r = c.Post("/api/v1/logbook", LogbookEntry(text, "CRASH-" + std::to_string(t)), token, h);
          if (r.status == 201) {
            w.acked.emplace_back(text, r.json()["entry"]["seq"].get<std::int64_t>());
            continue;
          }
          if (r.status != 0) w.failure = text + ": unexpected " + r.Describe();
          if (idempotent) {
            w.pending = true;
            w.pending_key = key;
            w.pending_text = text;
          }
          return;
        }
      });
    }
    for (int t = 0; t < 3; ++t) {
      threads.emplace_back([&, t] {
        Terminal& term = terminals[t];
        term.acked.clear();
        HttpClient c = server.Client();
        c.set_timeout_seconds(30);
        HttpReply r;
        const std::string op =
            Login(c, sandbox.user("operator").name, sandbox.user("operator").password, &r);
        const std::string sup =
            Login(c, sandbox.user("supervisor").name, sandbox.user("supervisor").password, &r);
        ++ready;
        if (op.empty() || sup.empty()) {
          term.failure = "login: " + r.Describe();
          return;
        }
        RunTerminal(term, t, terminal_salt, c, op, sup);
      });
    }
    threads.emplace_back([&] {
      handler.acked.clear();
      HttpClient c = server.Client();
      c.set_timeout_seconds(30);
      HttpReply r;
      const std::string q = Login(c, quality.name, quality.password, &r);
      const std::string sup =
          Login(c, sandbox.user("supervisor").name, sandbox.user("supervisor").password, &r);
      ++ready;
      if (q.empty() || sup.empty()) {
        handler.failure = "login: " + r.Describe();
        return;
      }
      RunLotHandler(handler, terminal_salt, c, q, sup, signature);
    });
    threads.emplace_back([&] {
      releaser.acked.clear();
      HttpClient c = server.Client();
      c.set_timeout_seconds(30);
      HttpReply r;
      const std::string q = Login(c, reviewer.name, reviewer.password, &r);
      const std::string sup =
          Login(c, sandbox.user("supervisor").name, sandbox.user("supervisor").password, &r);
      const std::string op =
          Login(c, sandbox.user("operator").name, sandbox.user("operator").password, &r);
      ++ready;
      if (q.empty() || sup.empty() || op.empty()) {
        releaser.failure = "login: " + r.Describe();
        return;
      }
      RunBatchReleaser(releaser, terminal_salt, c, op, sup, q, reviewer_signature);
    });
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (ready < clients && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    server.Kill();
    for (auto& th : threads) th.join();
    ASSERT_EQ(ready.load(), clients) << "clients did not sign in within 60 s\n" << server.Logs();
    for (auto& term : terminals) {
      EXPECT_EQ(term.failure, "") << term.work_unit;
      term.failure.clear();
      for (const auto& c : term.acked)
        EXPECT_TRUE(consumed.insert(c).second)
            << "acknowledged twice: " << c.first << " " << c.second;
    }

    EXPECT_EQ(handler.failure, "") << "lot handler";
    handler.failure.clear();
    for (const auto& step : handler.acked)
      EXPECT_TRUE(handled.insert(step).second) << "acknowledged twice: " << step;

    EXPECT_EQ(releaser.failure, "") << "batch releaser";
    releaser.failure.clear();
    for (const auto& [order, release] : releaser.acked)
      EXPECT_TRUE(releases.emplace(order, release).second) << "released twice: " << order;

    std::size_t acked_now = 0;
    for (auto& w : writers) {
      EXPECT_EQ(w.failure, "") << w.user.name;
      w.failure.clear();
      if (w.pending) ++kills_with_pending;
      for (const auto& [text, seq] : w.acked) {
        auto [pos, inserted] = acknowledged.emplace(text, seq);
        EXPECT_TRUE(inserted || pos->second == seq)
            << "one text acknowledged with two seqs: " << text;
        ++acked_now;
      }
    }

    // Offline checks on the killed server's data directory.
    RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
    ASSERT_EQ(verify.status.code, 0) << verify.Describe();
    RunResult replay = sandbox.Ordo({"ledger", "replay", "--check", "--data", sandbox.data()});
    ASSERT_EQ(replay.status.code, 0) << replay.Describe();
    std::map<std::string, LedgerText> ledger;
    std::map<std::string, std::int64_t> projection;
    ASSERT_TRUE(ReadStore(db_path, &ledger, &projection, &error)) << error;
    std::size_t lost = 0;
    for (const auto& [text, seq] : acknowledged) {
      auto it_l = ledger.find(text);
      if (it_l == ledger.end()) {
        if (++lost <= 5) ADD_FAILURE() << "acknowledged write lost: '" << text << "' seq " << seq;
        continue;
      }
      EXPECT_EQ(it_l->second.seq, seq) << text;
      EXPECT_EQ(projection.count(text) ? projection[text] : -1, seq) << text;
    }
    ASSERT_EQ(lost, 0u) << "acknowledged writes lost after kill " << it;
    for (const auto& [text, t] : ledger)
      EXPECT_EQ(t.copies, 1) << "duplicate ledger entry: " << text;
    // Execution and lot handling: every acknowledged consumption and handling step exactly
    // once; none twice; every lot's quantity is what the ledger says (the replay check
    // above rebuilt it too).
    LotLedger lots;
    ASSERT_TRUE(ReadLots(db_path, &lots, &error)) << error;
    const auto& consumptions = lots.consumptions;
    const auto& unbalanced = lots.unbalanced;
    for (const auto& step : handled)
      EXPECT_EQ(lots.handling.count(step) ? lots.handling.at(step) : 0, 1)
          << "acknowledged lot handling step in the ledger the wrong number of times: " << step;
    for (const auto& [step, copies] : lots.handling)
      EXPECT_EQ(copies, 1) << "lot handling step in the ledger " << copies << " times: " << step;
    std::size_t missing = 0;
    for (const auto& c : consumed) {
      auto found = consumptions.find(c);
      if (found == consumptions.end() && ++missing <= 5)
        ADD_FAILURE() << "acknowledged consumption lost: " << c.first << " " << c.second << " g";
    }
    ASSERT_EQ(missing, 0u) << "acknowledged consumptions lost after kill " << it;
    for (const auto& [c, copies] : consumptions)
      EXPECT_EQ(copies, 1) << "consumption in the ledger " << copies << " times: " << c.first << " "
                           << c.second << " g";
    EXPECT_TRUE(unbalanced.empty()) << ::testing::PrintToString(unbalanced);
    // Batch releases: every acknowledged one in the ledger exactly once, as answered; every
    // release in the ledger sealed in br_version with its hash and its checkpoint signed;
    // no version released twice, and none of the releaser's orders twice (none is amended).
    ReleaseLedger sealed;
    ASSERT_TRUE(ReadReleases(db_path, &sealed, &error)) << error;
    for (const auto& [order, acked] : releases) {
      auto found = sealed.released.find(order);
      ASSERT_TRUE(found != sealed.released.end()) << "acknowledged batch release lost: " << order;
      ASSERT_EQ(found->second.size(), 1u) << order;
      EXPECT_EQ(found->second[0].content_hash, acked.content_hash) << order;
      EXPECT_EQ(found->second[0].checkpoint_seq, acked.checkpoint_seq) << order;
    }
    for (const auto& [order, entries] : sealed.released) {
      std::set<std::int64_t> numbers;  // the demo's orders may hold amended versions
      for (const auto& e : entries)
        EXPECT_TRUE(numbers.insert(e.version).second) << order << " v" << e.version << " twice";
      if (order.rfind("CRB-", 0) == 0)
        EXPECT_EQ(entries.size(), 1u)
            << "batch record released " << entries.size() << " times: " << order;
      for (const auto& e : entries) {
        auto row = sealed.versions.find({order, e.version});
        EXPECT_TRUE(row != sealed.versions.end() && row->second == e.content_hash)
            << "no br_version row with the released hash: " << order << " v" << e.version;
        EXPECT_EQ(sealed.checkpoints.count(e.checkpoint_seq), 1u)
            << "the checkpoint the release of " << order
            << " signed is missing: " << e.checkpoint_seq;
      }
    }
    std::printf(
        "iteration %2d: delay %3d ms, %3zu acknowledged (%zu total), %zu consumptions, %zu lot "
        "handling steps, %zu batch releases, verify: %s",
        it, delay_ms, acked_now, acknowledged.size(), consumed.size(), handled.size(),
        releases.size(), verify.out.c_str());
    std::fflush(stdout);
    if (HasFatalFailure()) return;
  }
  for (auto& w : writers) total_replays += w.replays;

  // Finally: through the API after a clean restart, and a clean stop.
  ASSERT_TRUE(server.Start(&error)) << error;
  const std::string token =
      Login(server.Client(), sandbox.user("operator").name, sandbox.user("operator").password);
  ASSERT_FALSE(token.empty());
  std::vector<Json> rows = AllLogbook(server.Client(), token, &error);
  ASSERT_EQ(error, "");
  std::map<std::string, std::int64_t> listed;
  for (const auto& row : rows)
    listed[row["text"].get<std::string>()] = row["seq"].get<std::int64_t>();
  for (const auto& [text, seq] : acknowledged)
    EXPECT_EQ(listed.count(text) ? listed[text] : -1, seq) << text;
  auto stopped = server.Stop();
  ASSERT_TRUE(stopped.has_value()) << server.Logs();
  EXPECT_EQ(stopped->code, 0) << server.Logs();
  RunResult verify = sandbox.Ordo({"ledger", "verify", "--data", sandbox.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
  int terminal_replays = 0, cycles = 0;
  for (const auto& term : terminals) {
    terminal_replays += term.replays;
    cycles += term.cycle;
  }
  std::printf(
      "crash test: %zu acknowledged writes survived %d kills; %zu idempotent retries after a kill "
      "(%zu answered as replays); %zu acknowledged consumptions in %d execution cycles (%d "
      "execution requests answered as replays); %zu lot handling steps (%d answered as replays); "
      "%zu batch releases in %d release cycles (%d reviews, %d requests answered as replays)\n",
      acknowledged.size(), iterations, kills_with_pending, total_replays, consumed.size(), cycles,
      terminal_replays, handled.size(), handler.replays, releases.size(), releaser.cycle,
      releaser.reviews, releaser.replays);
  EXPECT_GT(consumed.size(), static_cast<std::size_t>(iterations / 2))
      << "the terminals hardly consumed anything";
  EXPECT_GT(handled.size(), static_cast<std::size_t>(iterations / 2))
      << "the lot handler hardly did anything (" << handler.replays << " replays)";
  EXPECT_GT(releases.size(), static_cast<std::size_t>(iterations / 10))
      << "the batch releaser hardly released anything (" << releaser.replays << " replays)";
  EXPECT_GT(acknowledged.size(), static_cast<std::size_t>(iterations))
      << "the clients hardly wrote anything";
}

}  // namespace
}  // namespace ordo::testing
