// The MIS feed benchmarks' code at a tiny size, in make test: a real MES with machine data
// written through REST, a real MIS started from an empty store catches up to the MES head
// and computes figures from what it took; the operator load and the KPI storm run
// together and every request of both succeeds. No timing.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <thread>

#include "core/testing/verifies.h"
#include "mis_feed_support.h"

namespace ordo::bench {
namespace {

namespace http = boost::beast::http;

class MisFeedBenchSmoke : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = ::testing::TempDir() + "/ordo_mis_feed_bench_smoke";
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_ + "/mes");
    std::filesystem::create_directories(dir_ + "/mis");
  }
  void TearDown() override {
    if (mis_.pid) StopServer(mis_.pid);
    if (mes_.server.pid) StopServer(mes_.server.pid);
    std::filesystem::remove_all(dir_);
  }
  std::string dir_;
  MesWithData mes_;
  MisProcess mis_;
};

TEST_F(MisFeedBenchSmoke, AnMisFromAnEmptyStoreReachesTheHeadAndBothLoadsSucceedTogether) {
  ORDO_VERIFIES("ORDO-MISBENCH-02", "ORDO-MISBENCH-03");
  mes_ = StartMesWithData(ORDO_BIN, dir_ + "/mes", 2, 6, 5);
  EXPECT_EQ(mes_.machine_batches, 12);
  EXPECT_GE(mes_.head, 12 * 10);  // an entry per state and per count
  // The catch-up as the bench runs it with the site's key pinned: the MIS checks the MES's
  // signed checkpoints (ordo init signed one).
  EXPECT_EQ(mes_.site_key.size(), 64u);
  mis_ = StartMis(ORDO_MIS_BIN, dir_ + "/mis", mes_, 0, /*pin_key=*/true);
  WaitForHead(mis_, mes_.head, 120);
  Client client(mis_.port);
  client.set_token(mis_.token);
  auto feed = client.Send(http::verb::get, "/api/v1/feed", "");
  ASSERT_EQ(feed.result_int(), 200) << feed.body();
  const auto status = nlohmann::json::parse(feed.body());
  EXPECT_EQ(status["checkpoints"], "checked");
  EXPECT_GT(status["checkpoint_verified_seq"].get<std::int64_t>(), 0) << feed.body();
  // What the MIS took is the machine data: availability of a unit over the span is a
  // number strictly between 0 and 1 (running, idle, down and setup states were sent).
  auto r = client.Send(http::verb::get,
                       "/api/v1/kpi?kpi=availability&scope=WU-PRESS-01&from=" + mes_.first_day +
                           "&to=" + mes_.last_day,
                       "");
  ASSERT_EQ(r.result_int(), 200) << r.body();
  const auto answer = nlohmann::json::parse(r.body());
  ASSERT_TRUE(answer["figures"][0]["value"].is_number()) << r.body();
  EXPECT_GT(answer["figures"][0]["value"].get<double>(), 0);
  EXPECT_LT(answer["figures"][0]["value"].get<double>(), 1);
  // The operator load alone, then under the storm: every write 201, every report 200.
  EXPECT_FALSE(OperatorLoad(mes_, 1, 0.3).empty());
  std::atomic<bool> stop{false};
  std::int64_t reports = 0;
  std::string storm_error;
  std::thread storm([&] {
    try {
      reports = KpiStorm(mis_, mes_, 2, stop);
    } catch (const std::exception& e) {
      storm_error = e.what();
    }
  });
  std::vector<double> busy;
  try {
    busy = OperatorLoad(mes_, 1, 0.5);
  } catch (const std::exception& e) {
    ADD_FAILURE() << e.what();
  }
  stop = true;
  storm.join();
  EXPECT_EQ(storm_error, "");
  EXPECT_FALSE(busy.empty());
  EXPECT_GT(reports, 0);
  // The operators' entries reached the MIS too: it follows the head as it moves.
  auto health = nlohmann::json::parse(
      Client(mes_.server.port).Send(http::verb::get, "/api/v1/health", "").body());
  EXPECT_GT(health["head_seq"].get<std::int64_t>(), mes_.head);
  WaitForHead(mis_, health["head_seq"].get<std::int64_t>(), 60);
}

}  // namespace
}  // namespace ordo::bench
