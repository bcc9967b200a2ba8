// Integration tests of `ordo sim --rest` against the real server: the states and counts
// read back equal what the plant model produced, delivery survives a server that is not
// there yet without skipping a seq, SIGTERM stops it cleanly, and bad flags are refused.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <map>
#include <regex>
#include <thread>

#include "api_fixture.h"
#include "core/clock.h"
#include "core/testing/verifies.h"
#include "sim/plant_model.h"

namespace ordo::testing {
namespace {

const std::vector<std::string> kUnits = {"WU-PRESS-01", "WU-COAT-01", "WU-BLISTER-01"};
const std::int64_t kTwoHours = 2 * 3600 * 1000;

std::string Join(const std::vector<std::string>& ids) {
  std::string out;
  for (const auto& id : ids) out += (out.empty() ? "" : ",") + id;
  return out;
}

// A start three hours ago on a whole minute: the whole run lies in the past.
std::int64_t StartMs() {
  SystemClock clock;
  return (clock.NowMicros() / 1000 - 3 * 3600 * 1000) / 60000 * 60000;
}

// What the model makes for `seed` from `start` over `duration`.
sim::Stream Expected(std::uint64_t seed, std::int64_t start, std::int64_t duration) {
  sim::PlantOptions o;
  o.work_units = kUnits;
  o.seed = seed;
  o.start_ms = start;
  sim::PlantModel model(o);
  return model.Advance(start + duration);
}

std::uint16_t FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  a.sin_port = 0;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  socklen_t len = sizeof a;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

class SimRestTest : public ApiTest {
 protected:
  // Registers a rest source for kUnits; writes its key to a file; returns the file.
  std::string Source(const std::string& name) {
    HttpReply r = http().Post("/api/v1/sources",
                              Json{{"name", name}, {"kind", "rest"}, {"work_units", kUnits}},
                              TokenFor("engineer"));
    EXPECT_EQ(r.status, 201) << r.Describe();
    const std::string file = sandbox_.file(name + ".key");
    WriteFile(file, r.json().value("api_key", "") + "\n");
    return file;
  }
  std::vector<std::string> SimArgs(std::uint16_t port, const std::string& name,
                                   const std::string& key_file, std::uint64_t seed,
                                   std::int64_t start) {
    return {"sim",
            "--ids",
            Join(kUnits),
            "--seed",
            std::to_string(seed),
            "--rest",
            "http://127.0.0.1:" + std::to_string(port),
            "--source",
            name,
            "--key-file",
            key_file,
            "--fast",
            "--duration",
            "7200",
            "--start",
            std::to_string(start),
            "--first-seq",
            "1"};
  }
  // Checks that the server's intervals and count totals of kUnits equal the model's.
  void ExpectServerHolds(const HttpClient& client, const sim::Stream& expected, std::int64_t start,
                         std::int64_t duration) {
    const std::string token = TokenFor("operator");
    const std::string window = "?from=" + FormatUtcMicros(start * 1000) +
                               "&to=" + FormatUtcMicros((start + duration) * 1000);
    std::size_t compared = 0;
    for (const auto& wu : kUnits) {
      std::vector<const sim::StateChange*> changes;
      std::int64_t total = 0, good = 0, scrap = 0;
      for (const auto& s : expected.states)
        if (s.work_unit == wu) changes.push_back(&s);
      for (const auto& c : expected.counts)
        if (c.work_unit == wu) {
          total += c.total;
          good += c.good;
          scrap += c.scrap;
        }
      HttpReply states = client.Get("/api/v1/work-units/" + wu + "/states" + window, token);
      ASSERT_EQ(states.status, 200) << states.Describe();
      const Json intervals = states.json()["intervals"];
      ASSERT_EQ(intervals.size(), changes.size()) << wu;
      for (std::size_t i = 0; i < changes.size(); ++i) {
        const Json& in = intervals[i];
        EXPECT_EQ(in.value("start", ""), FormatUtcMicros(changes[i]->time_ms * 1000)) << wu << i;
        EXPECT_EQ(in.value("state", ""), changes[i]->state) << wu << i;
        const std::string reason = changes[i]->state == "idle"     ? in.value("sub_reason", "")
                                   : in["reason_code"].is_string() ? in.value("reason_code", "")
                                                                   : "";
        EXPECT_EQ(reason, changes[i]->reason) << wu << i << in.dump();
        ++compared;
      }
      HttpReply counts = client.Get("/api/v1/work-units/" + wu + "/counts" + window, token);
      ASSERT_EQ(counts.status, 200) << counts.Describe();
      EXPECT_EQ(counts.json()["totals"].value("total", -1), total) << wu;
      EXPECT_EQ(counts.json()["totals"].value("good", -1), good) << wu;
      EXPECT_EQ(counts.json()["totals"].value("scrap", -1), scrap) << wu;
      EXPECT_GT(total, 0) << wu;
    }
    EXPECT_GT(compared, 10u);
  }
};

TEST_F(SimRestTest, TheServerHoldsTheStatesAndCountsTheModelProduced) {
  ORDO_VERIFIES("ORDO-SIM-06", "ORDO-SIM-05", "ORDO-SIM-03");
  const std::string key = Source("sim-line");
  const std::int64_t start = StartMs();
  RunResult run = sandbox_.Ordo(SimArgs(server_->port(), "sim-line", key, 7, start));
  ASSERT_EQ(run.status.code, 0) << run.Describe();
  EXPECT_NE(run.out.find("batches sent, next seq"), std::string::npos) << run.Describe();
  const sim::Stream expected = Expected(7, start, kTwoHours);
  ExpectServerHolds(http(), expected, start, kTwoHours);
  // Every batch of the run was accepted, with seqs 1, 2, ... and no gap.
  std::string error;
  std::vector<std::int64_t> seqs;
  for (const auto& e : AllLedger(http(), TokenFor("supervisor"), &error))
    if (e.value("type", "") == "equipment.batch_accepted")
      seqs.push_back(e["payload"]["seq"].get<std::int64_t>());
  ASSERT_FALSE(seqs.empty());
  for (std::size_t i = 0; i < seqs.size(); ++i)
    EXPECT_EQ(seqs[i], static_cast<std::int64_t>(i) + 1);
}

TEST_F(SimRestTest, SamplesGoInBatchesOfTheirOwnAndARefusalLeavesStatesAndCountsAlone) {
  ORDO_VERIFIES("ORDO-SIM-14");
  const std::string key = Source("sampled-line");
  const std::int64_t start = StartMs();
  auto args = SimArgs(server_->port(), "sampled-line", key, 21, start);
  args.push_back("--samples");
  RunResult run = sandbox_.Ordo(args);
  ASSERT_EQ(run.status.code, 0) << run.Describe();
  // A server without tag definitions for the simulated tags refuses the samples: the
  // simulator says so once and sends states and counts only.
  const auto first = run.err.find("the server refused samples");
  if (first != std::string::npos) {
    EXPECT_EQ(run.err.find("the server refused samples", first + 1), std::string::npos)
        << run.Describe();
  }
  ExpectServerHolds(http(), Expected(21, start, kTwoHours), start, kTwoHours);
}

TEST_F(SimRestTest, ItRetriesUntilTheServerIsThereWithoutSkippingASeq) {
  ORDO_VERIFIES("ORDO-SIM-07");
  const std::string key = Source("late-line");
  ASSERT_TRUE(server_->Stop().has_value());
  const std::uint16_t port = FreePort();
  const std::int64_t start = StartMs();
  auto args = SimArgs(port, "late-line", key, 11, start);
  args.insert(args.begin(), OrdoBinary());
  Process sim = Process::Spawn(args, sandbox_.file("sim.out"), sandbox_.file("sim.err"));
  // The sim finds nobody listening and says it retries.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (ReadFile(sandbox_.file("sim.err")).find("retrying with the same seq") ==
             std::string::npos &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  ASSERT_NE(ReadFile(sandbox_.file("sim.err")).find("seq 1 not delivered"), std::string::npos)
      << ReadFile(sandbox_.file("sim.err"));
  // Now the server comes up on that port.
  Process serve = Process::Spawn({OrdoBinary(), "serve", "--data", sandbox_.data(), "--listen",
                                  "127.0.0.1:" + std::to_string(port)},
                                 sandbox_.file("late.out"), sandbox_.file("late.err"));
  auto status = sim.Wait(std::chrono::seconds(120));
  ASSERT_TRUE(status.has_value()) << ReadFile(sandbox_.file("sim.err"));
  EXPECT_EQ(status->code, 0) << ReadFile(sandbox_.file("sim.err"));
  EXPECT_NE(ReadFile(sandbox_.file("sim.err")).find("delivered again from seq 1"),
            std::string::npos);
  HttpClient client(port);
  std::string error;
  std::vector<std::int64_t> seqs;
  // Sign in on the new server (the fixture's token helpers use its stopped one).
  const std::string supervisor =
      Login(client, sandbox_.user("supervisor").name, sandbox_.user("supervisor").password);
  for (const auto& e : AllLedger(client, supervisor, &error))
    if (e.value("type", "") == "equipment.batch_accepted")
      seqs.push_back(e["payload"]["seq"].get<std::int64_t>());
  ASSERT_FALSE(seqs.empty()) << error;
  for (std::size_t i = 0; i < seqs.size(); ++i)
    EXPECT_EQ(seqs[i], static_cast<std::int64_t>(i) + 1);
  const std::string token =
      Login(client, sandbox_.user("operator").name, sandbox_.user("operator").password);
  const sim::Stream expected = Expected(11, start, kTwoHours);
  std::int64_t total = 0;
  for (const auto& c : expected.counts)
    if (c.work_unit == "WU-COAT-01") total += c.total;
  HttpReply counts =
      client.Get("/api/v1/work-units/WU-COAT-01/counts?from=" + FormatUtcMicros(start * 1000) +
                     "&to=" + FormatUtcMicros((start + kTwoHours) * 1000),
                 token);
  EXPECT_EQ(counts.json()["totals"].value("total", -1), total) << counts.Describe();
  serve.Signal(SIGTERM);
  auto served = serve.Wait(std::chrono::seconds(30));
  ASSERT_TRUE(served.has_value());
  EXPECT_EQ(served->code, 0);
  // The fixture's server is stopped already: verify the ledger here instead of TearDown.
  server_.reset();
  RunResult verify = sandbox_.Ordo({"ledger", "verify", "--data", sandbox_.data()});
  EXPECT_EQ(verify.status.code, 0) << verify.Describe();
}

TEST_F(SimRestTest, SigtermStopsARealTimeRunCleanly) {
  ORDO_VERIFIES("ORDO-SIM-08", "ORDO-SIM-05");
  const std::string key = Source("rt-line");
  Process sim = Process::Spawn({OrdoBinary(), "sim", "--ids", Join(kUnits), "--seed", "3", "--rest",
                                "http://127.0.0.1:" + std::to_string(server_->port()), "--source",
                                "rt-line", "--key-file", key, "--speed", "60"},
                               sandbox_.file("rt.out"), sandbox_.file("rt.err"));
  // Wait until the first states are in (real time: the start is now).
  const std::string token = TokenFor("operator");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  std::size_t seen = 0;
  while (seen == 0 && std::chrono::steady_clock::now() < deadline) {
    HttpReply r = http().Get("/api/v1/work-units/WU-PRESS-01/states", token);
    if (r.status == 200) seen = r.json()["intervals"].size();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ASSERT_GT(seen, 0u) << ReadFile(sandbox_.file("rt.err"));
  sim.Signal(SIGTERM);
  auto status = sim.Wait(std::chrono::seconds(30));
  ASSERT_TRUE(status.has_value());
  EXPECT_EQ(status->code, 0) << ReadFile(sandbox_.file("rt.err"));
  EXPECT_EQ(status->signal, 0);
  EXPECT_NE(ReadFile(sandbox_.file("rt.out")).find("(stopped by a signal)"), std::string::npos)
      << ReadFile(sandbox_.file("rt.out"));
}

TEST_F(SimRestTest, BadFlagsAndRefusedBatchesStopTheSimWithAClearMessage) {
  ORDO_VERIFIES("ORDO-SIM-13");
  const std::string key = Source("bad-line");
  const std::string url = "http://127.0.0.1:" + std::to_string(server_->port());
  struct Case {
    std::vector<std::string> args;
    std::string says;
  };
  const std::vector<Case> cases = {
      {{"--work-units", "2"}, "exactly one of --rest"},
      {{"--work-units", "2", "--rest", url, "--mqtt", "127.0.0.1:1"}, "exactly one of --rest"},
      {{"--work-units", "0", "--rest", url}, "--work-units must be 1 or more"},
      {{"--ids", "A,B", "--work-units", "3", "--rest", url}, "does not match"},
      {{"--work-units", "2", "--rest", url, "--source", "x", "--key-file", key, "--fast"},
       "--fast needs --duration"},
      {{"--work-units", "2", "--rest", "ftp://x", "--source", "x", "--key-file", key}, "--rest"},
      {{"--work-units", "2", "--rest", url, "--key-file", key}, "--source"},
      {{"--work-units", "2", "--rest", url, "--source", "x"}, "--key-file"},
      {{"--work-units", "2", "--rest", url, "--source", "x", "--key-file",
        sandbox_.file("missing")},
       "cannot read an API key"},
      {{"--work-units", "2", "--mqtt", "nohostport"}, "HOST:PORT"},
      {{"--work-units", "2", "--rest", url, "--source", "x", "--key-file", key, "--start",
        "yesterday"},
       "--start"},
      {{"--work-units", "2", "--rest", url, "--source", "x", "--key-file", key, "--speed", "0"},
       "--speed"},
  };
  for (const auto& c : cases) {
    std::vector<std::string> argv{"sim"};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    RunResult r = sandbox_.Ordo(argv);
    EXPECT_EQ(r.status.code, 2) << r.Describe();
    EXPECT_NE(r.err.find(c.says), std::string::npos) << r.Describe();
  }
  // A work unit the source may not speak for: the first batch is refused, the sim says
  // why and exits 1; nothing was applied.
  const std::int64_t head = HeadSeq(http());
  RunResult refused =
      sandbox_.Ordo({"sim", "--ids", "WU-PRESS-01,WU-MILL-01", "--rest", url, "--source",
                     "bad-line", "--key-file", key, "--fast", "--duration", "600"});
  EXPECT_EQ(refused.status.code, 1) << refused.Describe();
  EXPECT_NE(refused.err.find("work_unit_not_allowed"), std::string::npos) << refused.Describe();
  // Only the refusal is recorded (equipment.data_refused).
  EXPECT_EQ(HeadSeq(http()), head + 1);
}

}  // namespace
}  // namespace ordo::testing
