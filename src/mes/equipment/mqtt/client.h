// A small MQTT 3.1.1 client on libmosquitto, with a loop thread of its own: it connects,
// keeps the connection (keepalive), and after any loss reconnects with exponential
// backoff (1 s doubling to 30 s by default) for as long as it runs, so it survives broker
// restarts. The session is persistent by default (clean_session false): the broker keeps
// the subscriptions and queues QoS 1 messages while the client is away.
//
// Acknowledgement (docs/mqtt.md, "the guarantee"): libmosquitto 2.0 queues the PUBACK of
// an incoming QoS 1 message just before it calls on_message, and in threaded mode (set
// here) a queued packet is written only when the loop thread writes. The loop thread is
// ours: it reads a burst of packets (every packet waiting on the socket, up to
// kMaxBurstPackets), calling the message handler for each, then calls the burst handler,
// and only then writes what was queued, the burst's PUBACKs among it. So a PUBACK cannot
// leave before both handlers returned. A handler that returns false (its work is not
// durable) makes the client cut the connection at once, so the queued PUBACKs are never
// written and the broker delivers those messages again after the reconnect.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/canonical_json.h"
#include "core/result.h"

struct mosquitto;
struct mosquitto_message;

namespace ordo::equipment::mqtt {

struct Will {
  std::string topic, payload;
  int qos = 1;
  bool retain = false;
};

struct ClientOptions {
  std::string host;
  int port = 1883;
  std::string client_id = "ordo";
  std::string username, password;  // password only with username
  std::string cafile;              // non-empty: TLS, the broker's certificate checked against it
  bool clean_session = false;
  int keepalive_seconds = 30;
  int min_backoff_seconds = 1, max_backoff_seconds = 30;
  std::optional<Will> will;
  // Published just before a clean DISCONNECT (Stop), e.g. a retained "offline" state:
  // the broker drops the will on a clean disconnect.
  std::optional<Will> farewell;
  // Called on the loop thread after each burst of messages, before their PUBACKs are
  // written; false: not all of them are durable (the connection is cut). Optional.
  std::function<bool()> on_burst_end;
};

// The most packets read in one burst before the queued packets are written. The engine
// takes commands in submission order, so a person's command waits behind the burst's
// ingest commands: 64 keeps that to tens of milliseconds and still shares group commits.
inline constexpr int kMaxBurstPackets = 64;

// "host:port" (port 1..65535; IPv6 as [addr]:port) into host and port.
Result<std::pair<std::string, int>> ParseBroker(const std::string& text);

class Client {
 public:
  // Called on the loop thread for every message. Return false when what it did with the
  // message is not durable: the message is then not acknowledged (see above).
  using MessageHandler = std::function<bool(const std::string& topic, const std::string& payload)>;
  // Called on the loop thread after each successful connect (subscribe here).
  using ConnectHandler = std::function<void(Client&)>;

  // Checks the options (TLS files readable, ...); does not connect yet.
  static Result<std::unique_ptr<Client>> Create(ClientOptions options, MessageHandler on_message,
                                                ConnectHandler on_connect);
  ~Client();
  Client(const Client&) = delete;
  Client& operator=(const Client&) = delete;

  // Starts the loop thread (it connects, and keeps reconnecting).
  void Start();
  // Disconnects cleanly and joins the loop thread. Idempotent.
  void Stop();

  // Loop thread (ConnectHandler) or any thread.
  Status Subscribe(const std::string& filter, int qos);
  Status Publish(const std::string& topic, const std::string& payload, int qos, bool retain);

  bool connected() const { return connected_; }
  // True once the broker granted a subscription on the current connection.
  bool subscribed() const { return subscribed_; }
  // {"connected", "subscribed", "broker", "client_id", "tls", "connects", "last_error",
  // "last_error_at"}.
  Json StatusJson() const;

 private:
  Client(ClientOptions options, MessageHandler on_message, ConnectHandler on_connect);
  void Run();
  // One turn of the loop: wait up to 100 ms for the socket, read a burst, call the burst
  // handler, write what is queued, keepalive. A MOSQ_ERR_* code (success or why the
  // connection is gone).
  int LoopOnce();
  void CutConnection(const std::string& why);
  void Backoff(int* seconds);
  void SetError(const std::string& error);
  static void OnConnect(struct mosquitto*, void* self, int rc);
  static void OnDisconnect(struct mosquitto*, void* self, int rc);
  static void OnSubscribe(struct mosquitto*, void* self, int mid, int count, const int* granted);
  static void OnMessage(struct mosquitto*, void* self, const struct mosquitto_message* m);

  ClientOptions options_;
  MessageHandler on_message_;
  ConnectHandler on_connect_;
  struct mosquitto* mosq_ = nullptr;
  std::thread thread_;
  std::atomic<bool> stop_{false}, connected_{false}, subscribed_{false};
  std::atomic<std::int64_t> connects_{0};
  bool reset_backoff_ = false;  // loop thread only
  // Loop thread only: nothing more is handled on this connection (CutConnection, or the
  // clean disconnect of Stop).
  bool cut_ = false;
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::string last_error_;  // guarded by mutex_
  std::string last_error_at_;
};

}  // namespace ordo::equipment::mqtt
