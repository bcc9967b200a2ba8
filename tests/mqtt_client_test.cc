// The MQTT client wrapper (src/mes/equipment/mqtt/client.h) against a real mosquitto:
// the PUBACK of a QoS 1 message leaves only after the message handler returned, and a
// message whose handler says "not stored" is not acknowledged and arrives again.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "core/testing/verifies.h"
#include "mes/equipment/mqtt/client.h"
#include "support/mosquitto.h"
#include "support/wait.h"

namespace ordo::testing {
namespace {

using equipment::mqtt::Client;
using equipment::mqtt::ClientOptions;

class MqttClientTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(broker_.Start(&error)) << error;
  }
  ClientOptions Options(const std::string& id) {
    ClientOptions o;
    o.host = "127.0.0.1";
    o.port = broker_.port();
    o.client_id = id;
    return o;
  }
  // True when the broker logged a PUBACK from `client_id`.
  bool BrokerGotPuback(const std::string& client_id) {
    return ReadFile(dir_ / "mosquitto-1.err").find("Received PUBACK from " + client_id) !=
           std::string::npos;
  }
  TempDir dir_{"ordo-mqtt-client"};
  Mosquitto broker_{dir_.path()};
};

TEST_F(MqttClientTest, ThePubackLeavesOnlyAfterTheHandlerReturned) {
  ORDO_VERIFIES("ORDO-MQTT-04");
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> entered{0};
  std::atomic<bool> puback_seen_inside{false};
  auto client = Client::Create(
      Options("ack-order"),
      [&](const std::string&, const std::string&) {
        ++entered;
        std::unique_lock<std::mutex> lock(m);
        cv.wait(lock, [&] { return release; });
        // Still inside the handler: the broker has no PUBACK for this message yet.
        puback_seen_inside = BrokerGotPuback("ack-order");
        return true;
      },
      [](Client& c) { (void)c.Subscribe("t/#", 1); });
  ASSERT_TRUE(client.ok()) << client.error().message;
  (*client)->Start();
  ASSERT_TRUE(WaitFor([&] { return (*client)->subscribed(); }, std::chrono::seconds(20)));
  RunResult r = broker_.Publish("t/x", "hello");
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  ASSERT_TRUE(WaitFor([&] { return entered.load() == 1; }, std::chrono::seconds(20)));
  // The handler is blocked: give a PUBACK that left early every chance to be logged.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(BrokerGotPuback("ack-order")) << broker_.Logs();
  {
    std::lock_guard<std::mutex> lock(m);
    release = true;
  }
  cv.notify_all();
  EXPECT_TRUE(WaitFor([&] { return BrokerGotPuback("ack-order"); }, std::chrono::seconds(20)))
      << broker_.Logs();
  EXPECT_FALSE(puback_seen_inside.load());
  (*client)->Stop();
}

// The calling thread's nice value (Linux: per thread).
int ThisThreadsNice() {
  return ::getpriority(PRIO_PROCESS, static_cast<id_t>(::syscall(SYS_gettid)));
}

TEST_F(MqttClientTest, TheLoopThreadYieldsTheCpuToPeoplesRequests) {
  ORDO_VERIFIES("ORDO-MQTT-19");
  // Machine data is read, decoded and submitted on the loop thread: it runs 10 above the
  // process's nice value (at most 19), so the server's request threads come first.
  const int base = ThisThreadsNice();
  std::atomic<int> handler_nice{-100};
  auto client = Client::Create(
      Options("loop-nice"),
      [&](const std::string&, const std::string&) {
        handler_nice = ThisThreadsNice();
        return true;
      },
      [](Client& c) { (void)c.Subscribe("t/#", 1); });
  ASSERT_TRUE(client.ok()) << client.error().message;
  (*client)->Start();
  ASSERT_TRUE(WaitFor([&] { return (*client)->subscribed(); }, std::chrono::seconds(20)));
  RunResult r = broker_.Publish("t/x", "hello");
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  ASSERT_TRUE(WaitFor([&] { return handler_nice.load() != -100; }, std::chrono::seconds(20)));
  EXPECT_EQ(handler_nice.load(), std::min(19, base + 10));
  EXPECT_EQ(ThisThreadsNice(), base);  // the caller's own thread is left as it was
  (*client)->Stop();
}

TEST_F(MqttClientTest, AMessageNotStoredIsNotAcknowledgedAndArrivesAgain) {
  ORDO_VERIFIES("ORDO-MQTT-04");
  std::atomic<int> calls{0};
  auto client = Client::Create(
      Options("not-stored"),
      [&](const std::string&, const std::string& payload) {
        EXPECT_EQ(payload, "keep me");
        return ++calls > 1;  // the first delivery "fails to commit"
      },
      [](Client& c) { (void)c.Subscribe("t/#", 1); });
  ASSERT_TRUE(client.ok()) << client.error().message;
  (*client)->Start();
  ASSERT_TRUE(WaitFor([&] { return (*client)->subscribed(); }, std::chrono::seconds(20)));
  RunResult r = broker_.Publish("t/x", "keep me");
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  // Cut, reconnected after the backoff, delivered again, acknowledged the second time.
  ASSERT_TRUE(WaitFor([&] { return calls.load() == 2; }, std::chrono::seconds(30)))
      << broker_.Logs();
  EXPECT_TRUE(WaitFor([&] { return BrokerGotPuback("not-stored"); }, std::chrono::seconds(20)));
  EXPECT_GE((*client)->StatusJson().value("connects", 0), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(calls.load(), 2);
  (*client)->Stop();
}

TEST_F(MqttClientTest, TheBurstsPubacksLeaveOnlyAfterTheBurstHandlerReturned) {
  ORDO_VERIFIES("ORDO-MQTT-04", "ORDO-MQTT-18");
  std::mutex m;
  std::condition_variable cv;
  bool release = false;
  std::atomic<int> messages{0}, bursts{0};
  std::atomic<bool> puback_seen_inside{false};
  ClientOptions o = Options("burst-order");
  o.on_burst_end = [&] {
    if (messages.load() == 0) return true;  // e.g. the SUBACK's burst
    ++bursts;
    std::unique_lock<std::mutex> lock(m);
    cv.wait(lock, [&] { return release; });
    puback_seen_inside = BrokerGotPuback("burst-order");
    return true;
  };
  auto client = Client::Create(
      o, [&](const std::string&, const std::string&) { return ++messages, true; },
      [](Client& c) { (void)c.Subscribe("t/#", 1); });
  ASSERT_TRUE(client.ok()) << client.error().message;
  (*client)->Start();
  ASSERT_TRUE(WaitFor([&] { return (*client)->subscribed(); }, std::chrono::seconds(20)));
  RunResult r = broker_.Publish("t/x", "hello");
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  // The message handler returned; the burst handler holds the PUBACK back.
  ASSERT_TRUE(WaitFor([&] { return messages.load() == 1 && bursts.load() == 1; },
                      std::chrono::seconds(20)));
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  EXPECT_FALSE(BrokerGotPuback("burst-order")) << broker_.Logs();
  {
    std::lock_guard<std::mutex> lock(m);
    release = true;
  }
  cv.notify_all();
  EXPECT_TRUE(WaitFor([&] { return BrokerGotPuback("burst-order"); }, std::chrono::seconds(20)))
      << broker_.Logs();
  EXPECT_FALSE(puback_seen_inside.load());
  (*client)->Stop();
}

TEST_F(MqttClientTest, ABurstNotStoredIsNotAcknowledgedAndArrivesAgain) {
  ORDO_VERIFIES("ORDO-MQTT-04", "ORDO-MQTT-18");
  std::atomic<int> deliveries{0}, failing_bursts{0};
  std::atomic<bool> fail_next{false};
  ClientOptions o = Options("burst-not-stored");
  o.on_burst_end = [&] {
    if (fail_next.exchange(false)) {  // the burst's commands "failed to commit"
      ++failing_bursts;
      return false;
    }
    return true;
  };
  auto client = Client::Create(
      o,
      [&](const std::string&, const std::string& payload) {
        EXPECT_EQ(payload, "keep me");
        if (++deliveries == 1) fail_next = true;
        return true;
      },
      [](Client& c) { (void)c.Subscribe("t/#", 1); });
  ASSERT_TRUE(client.ok()) << client.error().message;
  (*client)->Start();
  ASSERT_TRUE(WaitFor([&] { return (*client)->subscribed(); }, std::chrono::seconds(20)));
  RunResult r = broker_.Publish("t/x", "keep me");
  ASSERT_EQ(r.status.code, 0) << r.Describe();
  // Cut at the burst's end, reconnected, delivered again, acknowledged the second time.
  ASSERT_TRUE(WaitFor([&] { return deliveries.load() == 2; }, std::chrono::seconds(30)))
      << broker_.Logs();
  EXPECT_TRUE(
      WaitFor([&] { return BrokerGotPuback("burst-not-stored"); }, std::chrono::seconds(20)));
  EXPECT_EQ(failing_bursts.load(), 1);
  EXPECT_GE((*client)->StatusJson().value("connects", 0), 2);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  EXPECT_EQ(deliveries.load(), 2);
  (*client)->Stop();
}

}  // namespace
}  // namespace ordo::testing
