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

#include "app/masterdata_commands.h"
#include "core/clock.h"
#include "engine/engine.h"
#include "server/http_types.h"
#include "server/request_decoder.h"
#include "server/sessions.h"
#include "storage/database.h"

namespace ordo::server {

class Api;

// A request that passed authentication, permission and schema checks.
struct Call {
  HttpRequest& request;
  Json body;  // decoded body (empty object for GET)
  std::optional<Session> session;
  std::string token;
  std::string role;                           // the caller's role that grants the permission
  std::map<std::string, std::string> params;  // path parameters, e.g. {"id": "3"}
};

struct Endpoint {
  std::string method;
  std::string path;        // e.g. "/api/v1/users/{id}/disable"
  std::string permission;  // "" = no authentication (health, sign-in, OpenAPI)
  RequestSchema schema;    // request body; empty for GET
  std::string audit;       // audit category: "command", "read", "auth", "public"
  std::string summary;
  Awaitable<HttpResponse> (Api::*handler)(Call&);
};

struct ApiOptions {
  std::string data_dir;
  std::string web_dir;  // "" = serve the embedded web assets
  TimeMicros session_idle = 15LL * 60 * 1'000'000;
  TimeMicros session_max = 12LL * 3600 * 1'000'000;
  LoginThrottle::Options throttle;
  int max_long_poll_seconds = 60;
};

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

  static const std::vector<Endpoint>& Endpoints();
  static Json OpenApiDocument();

  // Handlers (one per endpoint; see endpoints.cc).
  Awaitable<HttpResponse> Health(Call&);
  Awaitable<HttpResponse> OpenApi(Call&);
  Awaitable<HttpResponse> Login(Call&);
  Awaitable<HttpResponse> CurrentSession(Call&);
  Awaitable<HttpResponse> Logout(Call&);
  Awaitable<HttpResponse> RecordLogbook(Call&);
  Awaitable<HttpResponse> ListLogbook(Call&);
  Awaitable<HttpResponse> ReadLedger(Call&);
  Awaitable<HttpResponse> StreamLedger(Call&);
  Awaitable<HttpResponse> VerifyLedger(Call&);
  Awaitable<HttpResponse> CheckpointLedger(Call&);
  Awaitable<HttpResponse> ListUsers(Call&);
  Awaitable<HttpResponse> CreateUser(Call&);
  Awaitable<HttpResponse> DisableUser(Call&);
  Awaitable<HttpResponse> RenameUser(Call&);
  // Master data and change control (handlers_masterdata.cc).
  Awaitable<HttpResponse> MasterdataKinds(Call&);
  Awaitable<HttpResponse> ListMasterdata(Call&);
  Awaitable<HttpResponse> GetMasterdataObject(Call&);
  Awaitable<HttpResponse> GetMasterdataVersion(Call&);
  Awaitable<HttpResponse> DiffMasterdata(Call&);
  Awaitable<HttpResponse> ValidateMasterdata(Call&);
  Awaitable<HttpResponse> ListChangeRequests(Call&);
  Awaitable<HttpResponse> OpenChangeRequest(Call&);
  Awaitable<HttpResponse> GetChangeRequest(Call&);
  Awaitable<HttpResponse> SaveDraft(Call&);
  Awaitable<HttpResponse> WithdrawDraft(Call&);
  Awaitable<HttpResponse> SubmitChangeRequest(Call&);
  Awaitable<HttpResponse> ReviewChangeRequest(Call&);
  Awaitable<HttpResponse> ApproveChangeRequest(Call&);
  Awaitable<HttpResponse> RejectChangeRequest(Call&);
  Awaitable<HttpResponse> WithdrawChangeRequest(Call&);
  // Signatures, policy, settings, personnel (handlers_signing.cc).
  Awaitable<HttpResponse> GetSignaturePolicy(Call&);
  Awaitable<HttpResponse> PublishSignaturePolicy(Call&);
  Awaitable<HttpResponse> AcknowledgeSignaturePolicy(Call&);
  Awaitable<HttpResponse> GetSiteSettings(Call&);
  Awaitable<HttpResponse> ChangeSiteSettings(Call&);
  Awaitable<HttpResponse> SecurityEvents(Call&);
  Awaitable<HttpResponse> GrantQualification(Call&);
  Awaitable<HttpResponse> ListQualificationGrants(Call&);
  Awaitable<HttpResponse> RecordTraining(Call&);
  Awaitable<HttpResponse> ListTraining(Call&);
  // Attachments of work instructions, by content hash (handlers_attachments.cc).
  Awaitable<HttpResponse> StoreAttachment(Call&);
  Awaitable<HttpResponse> GetAttachment(Call&);
  // Configuration as code (handlers_plant.cc).
  Awaitable<HttpResponse> ExportPlant(Call&);
  Awaitable<HttpResponse> ApplyPlant(Call&);

 private:
  // Runs a command on the writer; resumes on the io thread with its result. Honours
  // the request's Idempotency-Key header.
  Awaitable<HttpResponse> RunCommand(Call& call, engine::Command command);
  Awaitable<Result<engine::CommandReply>> Submit(engine::Command command);
  // Runs `work` on the hashing pool (capped concurrency); resumes on the io thread.
  Awaitable<Json> OffThread(std::function<Json()> work);
  // Waits until the head passes `after` or `seconds` elapse.
  Awaitable<void> WaitForHead(std::int64_t after, int seconds);
  HttpResponse ServeWebAsset(const std::string& path);
  engine::Actor ActorOf(const Call& call) const;
  // Re-authenticates call.body["signature"] for `meaning` (user id and password, or the
  // password alone where the site allows it within one session from one address).
  // Failures are throttled per account, recorded as signature.failed and answered as
  // an HTTP response in the error's place.
  Awaitable<std::variant<app::SignerIdentity, HttpResponse>> AuthenticateSigner(
      Call& call, std::string meaning);
  // Runs a signed change request command (submit/review/approve/reject).
  Awaitable<HttpResponse> SignedChangeRequestCommand(Call& call, std::string meaning);
  // Checks a password for `user_id` on the hashing pool.
  Awaitable<bool> CheckPassword(std::int64_t user_id, std::string password);

  asio::io_context& io_;
  engine::Engine& engine_;
  std::unique_ptr<storage::Database> reader_;  // io thread only
  const Clock& clock_;
  ApiOptions options_;
  SessionStore sessions_;
  LoginThrottle throttle_;
  LoginThrottle sign_throttle_;   // failed signings, per account (Part 11 11.300(d))
  asio::thread_pool hashing_{2};  // Argon2id work; 2 threads caps memory and CPU
  std::list<asio::steady_timer*> waiters_;
  std::string dummy_hash_;  // verified against for unknown users (equal timing)
  static constexpr int kMaxLoginsInFlight = 64;  // queued Argon2id checks, all accounts
  int logins_in_flight_ = 0;
  std::unordered_set<std::string> accounts_in_flight_;  // sign-ins being checked
  std::int64_t head_seq_ = 0;
  bool shutting_down_ = false;
};

// 429 problem+json with retry_after_seconds and a Retry-After header.
HttpResponse ThrottledResponse(const std::string& message, std::int64_t wait_seconds);
// "10.0.0.5" from "10.0.0.5:51234".
std::string AddressOnly(const std::string& client);
// Problem+json response for an error (RFC 9457).
HttpResponse ProblemResponse(const Error& error);
HttpResponse JsonResponse(int status, const Json& body);

}  // namespace ordo::server
