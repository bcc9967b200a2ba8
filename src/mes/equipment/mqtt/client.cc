// The MQTT client on libmosquitto (client.h).
#include "mes/equipment/mqtt/client.h"

#include <mosquitto.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstring>

#include "core/clock.h"
#include "core/thread_scheduling.h"

namespace ordo::equipment::mqtt {

namespace {

void InitLibraryOnce() {
  static const int init = mosquitto_lib_init();
  (void)init;
}

// True when TLS has decrypted bytes buffered that the socket no longer shows.
bool TlsPending(struct mosquitto* mosq) {
  auto* ssl = static_cast<SSL*>(mosquitto_ssl_get(mosq));
  return ssl != nullptr && SSL_pending(ssl) > 0;
}

// True when `fd` (or TLS above it) has bytes to read now.
bool Readable(struct mosquitto* mosq, int fd) {
  if (TlsPending(mosq)) return true;
  pollfd p{fd, POLLIN, 0};
  return ::poll(&p, 1, 0) > 0 && (p.revents & POLLIN) != 0;
}

std::string ErrorText(int rc) {
  if (rc == MOSQ_ERR_ERRNO) return std::strerror(errno);
  return mosquitto_strerror(rc);
}

}  // namespace

Result<std::pair<std::string, int>> ParseBroker(const std::string& text) {
  const auto colon = text.rfind(':');
  const auto bad = Error::Invalid("mqtt-broker", "--mqtt-broker must be HOST:PORT (port 1..65535)");
  if (colon == std::string::npos || colon == 0 || colon + 1 == text.size()) return bad;
  std::string host = text.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  const std::string port_text = text.substr(colon + 1);
  if (port_text.size() > 5 || port_text.find_first_not_of("0123456789") != std::string::npos)
    return bad;
  const int port = std::stoi(port_text);
  if (port < 1 || port > 65535) return bad;
  return std::make_pair(host, port);
}

Client::Client(ClientOptions options, MessageHandler on_message, ConnectHandler on_connect)
    : options_(std::move(options)),
      on_message_(std::move(on_message)),
      on_connect_(std::move(on_connect)) {}

Result<std::unique_ptr<Client>> Client::Create(ClientOptions options, MessageHandler on_message,
                                               ConnectHandler on_connect) {
  InitLibraryOnce();
  if (options.client_id.empty() || options.client_id.size() > 23 * 4)
    return Error::Invalid("mqtt-client-id", "the client id is 1 to 92 characters");
  std::unique_ptr<Client> c(
      new Client(std::move(options), std::move(on_message), std::move(on_connect)));
  const ClientOptions& o = c->options_;
  c->mosq_ = mosquitto_new(o.client_id.c_str(), o.clean_session, c.get());
  if (!c->mosq_) return Error::Make(ErrorCode::kInternal, "mosquitto_new failed");
  // Only our loop thread writes packets: a PUBACK queued before on_message leaves after it.
  mosquitto_threaded_set(c->mosq_, true);
  if (!o.username.empty()) {
    int rc = mosquitto_username_pw_set(c->mosq_, o.username.c_str(),
                                       o.password.empty() ? nullptr : o.password.c_str());
    if (rc != MOSQ_ERR_SUCCESS)
      return Error::Invalid("mqtt-username", "the MQTT user name is refused: " + ErrorText(rc));
  }
  if (!o.cafile.empty()) {
    int rc = mosquitto_tls_set(c->mosq_, o.cafile.c_str(), nullptr, nullptr, nullptr, nullptr);
    if (rc != MOSQ_ERR_SUCCESS)
      return Error::Invalid("mqtt-cafile", "--mqtt-cafile: TLS with CA file '" + o.cafile +
                                               "' cannot be set up: " + ErrorText(rc));
  }
  if (o.will) {
    int rc = mosquitto_will_set(c->mosq_, o.will->topic.c_str(),
                                static_cast<int>(o.will->payload.size()), o.will->payload.data(),
                                o.will->qos, o.will->retain);
    if (rc != MOSQ_ERR_SUCCESS)
      return Error::Invalid("will", "the MQTT will is refused: " + ErrorText(rc));
  }
  mosquitto_connect_callback_set(c->mosq_, &Client::OnConnect);
  mosquitto_disconnect_callback_set(c->mosq_, &Client::OnDisconnect);
  mosquitto_message_callback_set(c->mosq_, &Client::OnMessage);
  mosquitto_subscribe_callback_set(c->mosq_, &Client::OnSubscribe);
  return c;
}

Client::~Client() {
  Stop();
  if (mosq_) mosquitto_destroy(mosq_);
}

void Client::Start() {
  if (thread_.joinable()) return;
  thread_ = std::thread([this] { Run(); });
}

void Client::Stop() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

Status Client::Subscribe(const std::string& filter, int qos) {
  int rc = mosquitto_subscribe(mosq_, nullptr, filter.c_str(), qos);
  if (rc != MOSQ_ERR_SUCCESS)
    return Error::Make(ErrorCode::kUnavailable, "subscribe " + filter + ": " + ErrorText(rc));
  return Ok();
}

Status Client::Publish(const std::string& topic, const std::string& payload, int qos, bool retain) {
  int rc = mosquitto_publish(mosq_, nullptr, topic.c_str(), static_cast<int>(payload.size()),
                             payload.data(), qos, retain);
  if (rc != MOSQ_ERR_SUCCESS)
    return Error::Make(ErrorCode::kUnavailable, "publish " + topic + ": " + ErrorText(rc));
  return Ok();
}

Json Client::StatusJson() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return Json{{"connected", connected_.load()},
              {"subscribed", subscribed_.load()},
              {"broker", options_.host + ":" + std::to_string(options_.port)},
              {"client_id", options_.client_id},
              {"tls", !options_.cafile.empty()},
              {"connects", connects_.load()},
              {"last_error", last_error_.empty() ? Json(nullptr) : Json(last_error_)},
              {"last_error_at", last_error_at_.empty() ? Json(nullptr) : Json(last_error_at_)}};
}

void Client::SetError(const std::string& error) {
  std::lock_guard<std::mutex> lock(mutex_);
  last_error_ = error;
  last_error_at_ = FormatUtcMicros(SystemClock().NowMicros());
}

namespace {

// Machine data yields the CPU to people's requests: the loop thread (reading, decoding and
// submitting the messages) runs kLoopNiceIncrement above the process's nice value (Linux:
// nice is per thread; at most 19). Best effort.
constexpr int kLoopNiceIncrement = 10;

}  // namespace

void Client::Backoff(int* seconds) {
  std::unique_lock<std::mutex> lock(mutex_);
  wake_.wait_for(lock, std::chrono::seconds(*seconds), [this] { return stop_.load(); });
  *seconds = std::min(*seconds * 2, options_.max_backoff_seconds);
}

void Client::Run() {
  LowerThisThreadsPriority(kLoopNiceIncrement);
  int backoff = options_.min_backoff_seconds;
  while (!stop_) {
    cut_ = false;
    int rc =
        mosquitto_connect(mosq_, options_.host.c_str(), options_.port, options_.keepalive_seconds);
    if (rc != MOSQ_ERR_SUCCESS) {
      SetError("connect to " + options_.host + ":" + std::to_string(options_.port) + ": " +
               ErrorText(rc));
      Backoff(&backoff);
      continue;
    }
    while (!stop_) {
      rc = LoopOnce();
      if (reset_backoff_) {
        backoff = options_.min_backoff_seconds;
        reset_backoff_ = false;
      }
      if (rc != MOSQ_ERR_SUCCESS) break;
    }
    if (stop_) break;
    connected_ = false;
    subscribed_ = false;
    SetError("connection lost: " + ErrorText(rc));
    Backoff(&backoff);
  }
  if (connected_) {  // a clean DISCONNECT: the persistent session stays, no will
    cut_ = true;     // messages read from here on are not handled (OnMessage)
    if (options_.farewell) {
      const Will& f = *options_.farewell;
      mosquitto_publish(mosq_, nullptr, f.topic.c_str(), static_cast<int>(f.payload.size()),
                        f.payload.data(), f.qos, f.retain);
    }
    mosquitto_disconnect(mosq_);
    for (int i = 0; i < 20; ++i)
      if (mosquitto_loop(mosq_, 50, 1) != MOSQ_ERR_SUCCESS) break;
  }
  connected_ = false;
}

int Client::LoopOnce() {
  const int fd = mosquitto_socket(mosq_);
  if (fd < 0) return MOSQ_ERR_NO_CONN;
  pollfd p{fd, static_cast<short>(POLLIN | (mosquitto_want_write(mosq_) ? POLLOUT : 0)), 0};
  const bool tls_pending = TlsPending(mosq_);
  const int ready = ::poll(&p, 1, tls_pending ? 0 : 100);
  if (ready < 0 && errno != EINTR) return MOSQ_ERR_ERRNO;
  if (tls_pending || (ready > 0 && (p.revents & (POLLIN | POLLHUP | POLLERR)) != 0)) {
    int rc = MOSQ_ERR_SUCCESS;
    for (int packets = 0; packets < kMaxBurstPackets; ++packets) {
      rc = mosquitto_loop_read(mosq_, 1);
      // After a cut (a message not stored) nothing more of the burst is handled.
      if (rc != MOSQ_ERR_SUCCESS || cut_ || !Readable(mosq_, fd)) break;
    }
    // Even after a lost connection: the burst's commands were submitted and are waited for.
    if (options_.on_burst_end && !options_.on_burst_end()) {
      CutConnection(
          "a message could not be stored; the connection was cut so it is delivered again");
      return MOSQ_ERR_CONN_LOST;
    }
    if (rc != MOSQ_ERR_SUCCESS) return rc;
  }
  if (mosquitto_want_write(mosq_)) {
    const int rc = mosquitto_loop_write(mosq_, 1);
    if (rc != MOSQ_ERR_SUCCESS) return rc;
  }
  return mosquitto_loop_misc(mosq_);
}

void Client::CutConnection(const std::string& why) {
  cut_ = true;
  const int fd = mosquitto_socket(mosq_);
  if (fd >= 0) ::shutdown(fd, SHUT_RDWR);
  SetError(why);
}

void Client::OnConnect(struct mosquitto*, void* self, int rc) {
  auto* c = static_cast<Client*>(self);
  if (rc != 0) {
    c->SetError(std::string("the broker refused the connection: ") + mosquitto_connack_string(rc));
    return;
  }
  c->connected_ = true;
  ++c->connects_;
  c->reset_backoff_ = true;
  if (c->on_connect_) c->on_connect_(*c);
}

void Client::OnDisconnect(struct mosquitto*, void* self, int) {
  static_cast<Client*>(self)->connected_ = false;
  static_cast<Client*>(self)->subscribed_ = false;
}

void Client::OnSubscribe(struct mosquitto*, void* self, int, int count, const int* granted) {
  auto* c = static_cast<Client*>(self);
  for (int i = 0; i < count; ++i)
    if (granted[i] > 2) {  // 0x80: refused
      c->SetError("the broker refused a subscription");
      return;
    }
  c->subscribed_ = true;
}

void Client::OnMessage(struct mosquitto*, void* self, const struct mosquitto_message* m) {
  auto* c = static_cast<Client*>(self);
  // Once the connection was cut (an earlier message of the burst was not stored) or is
  // being closed by Stop, later messages are left to the broker's redelivery: their
  // PUBACKs are never written, or come after the DISCONNECT, which the broker ignores.
  if (c->cut_) return;
  const std::string topic = m->topic ? m->topic : "";
  const std::string payload = m->payload && m->payloadlen > 0
                                  ? std::string(static_cast<const char*>(m->payload),
                                                static_cast<std::size_t>(m->payloadlen))
                                  : std::string();
  if (c->on_message_ && !c->on_message_(topic, payload)) {
    // Not durable: cut the connection now, so the PUBACK queued for this message is never
    // written; the broker delivers it again after the reconnect.
    c->CutConnection(
        "a message could not be stored; the connection was cut so it is delivered again");
  }
}

}  // namespace ordo::equipment::mqtt
