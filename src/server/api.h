// The ordo HTTP API: routes requests through the endpoint table (which names each
// endpoint's permission and request schema), authenticates bearer tokens, checks
// permissions (deny by default), submits commands to the engine and answers reads
// from a reader connection. Runs on the single io_context thread.
//
// Coroutine rule (g++ 12): never put a temporary with a destructor inside a co_await
// expression (g++ 12 can destroy it twice). Build arguments and awaitables as named
// locals first: `auto pending = Submit(std::move(command)); co_await std::move(pending);`
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <list>
#include <memory>
#include <string>
#include <unordered_set>
#include <variant>
#include <vector>

#include "core/clock.h"
#include "engine/engine.h"
#include "server/background_service.h"
#include "server/endpoint.h"
#include "server/http_types.h"
#include "server/problem.h"
#include "server/request_decoder.h"
#include "server/sessions.h"
#include "storage/database.h"

namespace ordo::server {

struct ApiOptions {
  std::string data_dir;
  std::string web_dir;  // "" = serve the embedded web assets
  TimeMicros session_idle = 15LL * 60 * 1'000'000;
  TimeMicros session_max = 12LL * 3600 * 1'000'000;
  LoginThrottle::Options throttle;
  int max_long_poll_seconds = 60;
  // The background services of `ordo serve`, reported by GET /api/v1/health.
  std::vector<std::shared_ptr<BackgroundService>> services;
};

// State of the sign-in gate (access capability), kept here because it lives as long
// as the server: io thread only.
struct SignInGate {
  static constexpr int kMaxLoginsInFlight = 64;  // queued Argon2id checks, all accounts
  int logins_in_flight = 0;
  std::unordered_set<std::string> accounts_in_flight;  // sign-ins being checked
  std::string dummy_hash;  // verified against for unknown users (equal timing)
  std::string name_key;    // key of the recorded unknown login names (loaded on first use)
};

// Where Api::OffThread runs work: the hashing pool (Argon2id, ledger verify and
// checkpoints; 2 threads) or the parsing pool (uploaded files such as plant YAML, and
// dispatch lists on a connection of their own; 1 thread, so one large upload at a time
// holds parse memory and sign-ins never wait behind a parse).
enum class WorkPool { kHashing, kParsing };

// The HTTP runtime. Endpoints come from the platform (health, OpenAPI, problem types)
// and from every registered capability (server/endpoint.h); their handlers use the
// services below. Everything here runs on the io thread unless it says otherwise.
class Api {
 public:
  Api(asio::io_context& io, engine::Engine& engine, std::unique_ptr<storage::Database> reader,
      const Clock& clock, ApiOptions options);
  ~Api();
  Awaitable<HttpResponse> Handle(HttpRequest& request);
  // Called (on the io thread) after each durable commit: wakes long-polls and streams.
  void OnCommit(std::int64_t head_seq);
  // Wakes all waiters and refuses new long-polls; used by graceful shutdown.
  void BeginShutdown();

  // The platform's endpoints followed by every registered capability's.
  static const std::vector<Endpoint>& Endpoints();
  // The OpenAPI 3 document of Endpoints() (openapi.cc): served at /api/v1/openapi.json,
  // printed by `ordo openapi`, linted by `make test`.
  static Json OpenApiDocument();

  // --- Services for handlers ---
  // The reader connection (io thread only): queries never block the writer.
  storage::Database& reader() { return *reader_; }
  const Clock& clock() const { return clock_; }
  engine::Engine& engine() { return engine_; }
  asio::io_context& io() { return io_; }
  const ApiOptions& options() const { return options_; }
  SessionStore& sessions() { return sessions_; }
  LoginThrottle& login_throttle() { return throttle_; }
  // Failed signings, per account (Part 11 11.300(d)).
  LoginThrottle& sign_throttle() { return sign_throttle_; }
  SignInGate& sign_in_gate() { return gate_; }
  bool shutting_down() const { return shutting_down_; }
  std::int64_t head_seq() const { return head_seq_; }
  engine::Actor ActorOf(const Call& call) const;
  // Runs a command on the writer; resumes on the io thread with its result. Honours
  // the request's Idempotency-Key header.
  Awaitable<HttpResponse> RunCommand(Call& call, engine::Command command);
  Awaitable<Result<engine::CommandReply>> Submit(engine::Command command);
  // Runs `work` on `pool` (capped concurrency) while the io thread goes on serving other
  // requests; resumes on the io thread with its result. `work` must not touch the io
  // thread's state (reader(), sessions()).
  Awaitable<Json> OffThread(std::function<Json()> work, WorkPool pool = WorkPool::kHashing);
  // Waits until the head passes `after` or `seconds` elapse.
  Awaitable<void> WaitForHead(std::int64_t after, int seconds);

 private:
  HttpResponse ServeWebAsset(const std::string& path);

  asio::io_context& io_;
  engine::Engine& engine_;
  std::unique_ptr<storage::Database> reader_;  // io thread only
  const Clock& clock_;
  ApiOptions options_;
  SessionStore sessions_;
  LoginThrottle throttle_;
  LoginThrottle sign_throttle_;
  asio::thread_pool hashing_{2};  // Argon2id work; 2 threads caps memory and CPU
  asio::thread_pool parsing_{1};  // parsing uploads (WorkPool::kParsing)
  std::list<asio::steady_timer*> waiters_;
  SignInGate gate_;
  std::int64_t head_seq_ = 0;
  bool shutting_down_ = false;
};

// Where a call came from, for the ledger entries it writes: the session (the seq of its
// `session.login_succeeded` entry), the client address and the `Ordo-Terminal` station name.
ledger::Origin OriginOf(const Call& call);

// The `Ordo-Terminal` header checked: at most 64 bytes, no control characters, outer
// spaces trimmed; "" when absent. invalid_argument naming the header otherwise.
Result<std::string> TerminalName(const std::string& header);

// A problem type as GET /api/v1/problems/{code} describes it.
struct ProblemType {
  ErrorCode code;
  const char* title;
  const char* description;  // what it means
  const char* what_to_do;   // what a client should do about it
};
// One per ErrorCode (endpoints.cc): a new ErrorCode gets its line there.
const std::vector<ProblemType>& ProblemTypes();
// The OpenAPI operationId of an endpoint, e.g. "postChangeRequestsByIdApprove" for
// POST /api/v1/change-requests/{id}/approve: derived from method and path only, so it is
// stable; registration refuses an endpoint whose operationId is already taken.
std::string OperationId(const std::string& method, const std::string& path);

}  // namespace ordo::server
