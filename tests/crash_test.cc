// THE crash test: the server is SIGKILLed at random moments while four clients write.
// Every write the server acknowledged (2xx) must survive, exactly once, with the seq it
// was acknowledged with; the hash chain and checkpoints must verify and the
// projections must equal a replay of the ledger after every kill.
//
// Environment: ORDO_CRASH_SEED (default: random, printed), ORDO_CRASH_ITERATIONS
// (default 50).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <map>
#include <mutex>
#include <random>
#include <thread>

#include "core/testing/verifies.h"
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
  ORDO_VERIFIES("A11-14", "DI-08", "ORDO-ENGINE-01");
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
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (ready < 4 && std::chrono::steady_clock::now() < deadline)
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    server.Kill();
    for (auto& th : threads) th.join();
    ASSERT_EQ(ready.load(), 4) << "writers did not sign in within 60 s\n" << server.Logs();

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
    std::printf("iteration %2d: delay %3d ms, %3zu acknowledged (%zu total), verify: %s", it,
                delay_ms, acked_now, acknowledged.size(), verify.out.c_str());
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
  std::printf(
      "crash test: %zu acknowledged writes survived %d kills; %zu idempotent retries after a kill "
      "(%zu answered as replays)\n",
      acknowledged.size(), iterations, kills_with_pending, total_replays);
  EXPECT_GT(acknowledged.size(), static_cast<std::size_t>(iterations))
      << "the clients hardly wrote anything";
}

}  // namespace
}  // namespace ordo::testing
