// API plumbing: routing, authentication, permission checks, engine hand-off, waiting.
#include "server/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <utility>

#include "core/crypto.h"
#include "core/permissions.h"
#include "server/path_pattern.h"

namespace ordo::server {

Api::Api(asio::io_context& io, engine::Engine& engine, std::unique_ptr<storage::Database> reader,
         const Clock& clock, ApiOptions options)
    : io_(io),
      engine_(engine),
      reader_(std::move(reader)),
      clock_(clock),
      options_(std::move(options)),
      sessions_(options_.session_idle, options_.session_max),
      throttle_(options_.throttle),
      sign_throttle_(options_.throttle),
      head_seq_(engine.head_seq()) {
  // Once, before the io thread runs: never an Argon2id hash on the io thread.
  auto hash = HashPassword(RandomHex(16));
  gate_.dummy_hash = hash.ok() ? *hash : std::string();
}

Api::~Api() {
  hashing_.join();
  parsing_.join();
}

namespace {

// Well-formed UTF-8 (no overlong forms, no surrogates, at most U+10FFFF).
bool IsUtf8(const std::string& text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    int extra = c < 0x80           ? 0
                : (c >> 5) == 0x6  ? 1
                : (c >> 4) == 0xe  ? 2
                : (c >> 3) == 0x1e ? 3
                                   : -1;
    if (extra < 0 || (extra == 1 && c < 0xc2)) return false;
    if (i + static_cast<std::size_t>(extra) >= text.size() && extra > 0) return false;
    std::uint32_t cp = extra == 0 ? c : c & (0x3f >> extra);
    for (int k = 1; k <= extra; ++k) {
      const unsigned char d = static_cast<unsigned char>(text[i + k]);
      if ((d & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3f);
    }
    if ((extra == 2 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10ffff)))
      return false;
    i += extra + 1;
  }
  return true;
}

}  // namespace

Awaitable<HttpResponse> Api::Handle(HttpRequest& request) {
  if (request.path.rfind("/api/", 0) != 0) {
    if (request.method != "GET" && request.method != "HEAD")
      co_return ProblemResponse(Error::Make(ErrorCode::kNotFound, "no such page"));
    co_return ServeWebAsset(request.path);
  }
  const Endpoint* endpoint = nullptr;
  bool path_known = false;
  std::map<std::string, std::string> params;
  for (const auto& e : Endpoints()) {
    std::map<std::string, std::string> p;
    if (!MatchPath(e.path, request.path, &p)) continue;
    path_known = true;
    if (e.method == request.method) {
      endpoint = &e;
      params = std::move(p);
      break;
    }
  }
  if (!endpoint) {
    if (path_known)
      co_return ProblemResponse(
          Error{ErrorCode::kInvalidArgument,
                "method " + request.method + " is not allowed on " + request.path, "method",
                "method_not_allowed"});
    co_return ProblemResponse(
        Error::Make(ErrorCode::kNotFound,
                    "no API endpoint at " + request.path + " (see /api/v1/openapi.json)"));
  }
  // Before anything else (authentication, throttles, decoding): a body of a media type
  // the endpoint does not take is refused, so a cross-origin "simple" request (text/plain,
  // form data) can never reach a handler.
  if (!endpoint->schema.empty()) {
    const std::string type = MediaTypeOf(request.Header("content-type")).substr(0, 100);
    const bool has_body = !request.body.empty() || !type.empty();
    bool accepted = !has_body;
    for (const auto& t : endpoint->media_types) accepted = accepted || t == type;
    if (!accepted) {
      std::string expected;
      for (const auto& t : endpoint->media_types) expected += (expected.empty() ? "" : ", ") + t;
      co_return ProblemResponse(Error{ErrorCode::kUnsupportedMediaType,
                                      "this endpoint takes a body of type " + expected + ", not '" +
                                          (type.empty() ? std::string("(no Content-Type)") : type) +
                                          "'",
                                      "Content-Type", "unsupported_media_type"});
    }
  }
  Call call{request, Json::object(), std::nullopt, {}, {}, std::move(params), {}};
  auto terminal = TerminalName(request.Header("ordo-terminal"));
  if (!terminal.ok()) co_return ProblemResponse(terminal.error());
  call.terminal = std::move(*terminal);
  if (endpoint->device_auth) {
    // A device's API key, never a user's session: the key path grants only this endpoint.
    std::string auth = request.Header("authorization");
    if (auth.rfind("Bearer ", 0) != 0)
      co_return ProblemResponse(Error::Make(
          ErrorCode::kUnauthenticated, "send the source's API key: 'Authorization: Bearer <key>'"));
    call.token = auth.substr(7);
    auto checking = endpoint->device_auth(*this, call);
    auto device = co_await std::move(checking);
    if (!device.ok()) co_return ProblemResponse(device.error());
    request.authenticated = true;
    call.device = std::move(*device);
  } else if (!endpoint->permission.empty()) {
    std::string auth = request.Header("authorization");
    if (auth.rfind("Bearer ", 0) != 0)
      co_return ProblemResponse(Error::Make(ErrorCode::kUnauthenticated,
                                            "sign in first: send 'Authorization: Bearer <token>'"));
    call.token = auth.substr(7);
    call.session = sessions_.Use(call.token, clock_.NowMicros());
    if (!call.session)
      co_return ProblemResponse(Error::Make(
          ErrorCode::kUnauthenticated, "the session token is unknown or expired; sign in again"));
    request.authenticated = true;
    call.role = RoleFor(call.session->roles, endpoint->permission);
    if (call.role.empty())
      co_return ProblemResponse(
          Error::Make(ErrorCode::kPermissionDenied,
                      "your roles do not grant '" + endpoint->permission + "', which this needs"));
  }
  if (!endpoint->schema.empty()) {
    auto decoded = DecodeRequest(request.body, endpoint->schema);
    if (!decoded.ok()) co_return ProblemResponse(decoded.error());
    call.body = std::move(*decoded);
  } else if (!request.body.empty() && request.method != "GET" && request.method != "DELETE") {
    co_return ProblemResponse(Error::Invalid("body", "this endpoint takes no request body"));
  }
  auto handling = endpoint->handler(*this, call);
  co_return co_await std::move(handling);
}

engine::Actor Api::ActorOf(const Call& call) const {
  return engine::Actor{call.session->user_id, call.session->user_name, call.role, OriginOf(call)};
}

ledger::Origin OriginOf(const Call& call) {
  ledger::Origin origin;
  origin.session = call.session ? call.session->started_seq : 0;
  origin.address = AddressOnly(call.request.client);
  origin.terminal = call.terminal;
  return origin;
}

Result<std::string> TerminalName(const std::string& header) {
  constexpr std::size_t kMax = 64;
  if (header.size() > kMax)
    return Error::Invalid("Ordo-Terminal", "the Ordo-Terminal header names a station in at most " +
                                               std::to_string(kMax) + " bytes");
  for (unsigned char c : header)
    if (c < 0x20 || c == 0x7f)
      return Error::Invalid("Ordo-Terminal",
                            "the Ordo-Terminal header must not contain control characters");
  if (!IsUtf8(header))
    return Error::Invalid("Ordo-Terminal", "the Ordo-Terminal header must be UTF-8 text");
  std::size_t begin = header.find_first_not_of(' ');
  if (begin == std::string::npos) return std::string();
  return header.substr(begin, header.find_last_not_of(' ') - begin + 1);
}

namespace {

// Starts work elsewhere with `start(deliver)`; `deliver(value)` is called exactly once,
// from any thread. Resumes the calling coroutine on the io thread with the value.
template <typename T>
Awaitable<T> ResumeOnIo(asio::io_context& io, std::function<void(std::function<void(T)>)> start) {
  auto ex = co_await asio::this_coro::executor;
  auto slot = std::make_shared<std::optional<T>>();
  asio::steady_timer done(ex, asio::steady_timer::time_point::max());
  start([&io, slot, &done](T value) {
    asio::post(io, [slot, value = std::move(value), &done]() mutable {
      *slot = std::move(value);
      done.cancel();
    });
  });
  boost::system::error_code ec;
  while (!slot->has_value())
    co_await done.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  co_return std::move(**slot);
}

}  // namespace

Awaitable<Result<engine::CommandReply>> Api::Submit(engine::Command command) {
  using Reply = Result<engine::CommandReply>;
  std::function<void(std::function<void(Reply)>)> start =
      [this, command = std::move(command)](std::function<void(Reply)> deliver) mutable {
        engine_.Submit(std::move(command), std::move(deliver));  // completes on the writer
      };
  auto pending = ResumeOnIo<Reply>(io_, std::move(start));
  co_return co_await std::move(pending);
}

Awaitable<Json> Api::OffThread(std::function<Json()> work, WorkPool pool) {
  asio::thread_pool& threads = pool == WorkPool::kParsing ? parsing_ : hashing_;
  std::function<void(std::function<void(Json)>)> start =
      [&threads, work = std::move(work)](std::function<void(Json)> deliver) {
        asio::post(threads, [work, deliver] { deliver(work()); });
      };
  auto pending = ResumeOnIo<Json>(io_, std::move(start));
  co_return co_await std::move(pending);
}

Awaitable<HttpResponse> Api::RunCommand(Call& call, engine::Command command) {
  std::string key = call.request.Header("idempotency-key");
  if (key.size() > 200)
    co_return ProblemResponse(Error::Invalid("Idempotency-Key", "at most 200 characters"));
  command.idempotency_key = key;
  // Passwords never reach the idempotency record, not even hashed: a retry is the same
  // request whatever password it carries.
  Json hashed_body = call.body;
  if (hashed_body.is_object()) {
    hashed_body.erase("password");
    hashed_body.erase("new_password");
    if (hashed_body.contains("signature") && hashed_body["signature"].is_object())
      hashed_body["signature"].erase("password");
  }
  command.request_hash =
      Sha256Hex(call.request.method + " " + call.request.path + "\n" + CanonicalJson(hashed_body));
  Awaitable<Result<engine::CommandReply>> pending = Submit(std::move(command));
  auto result = co_await std::move(pending);
  if (!result.ok()) co_return ProblemResponse(result.error());
  HttpResponse r = JsonResponse(result->status, result->body);
  if (result->replayed) r.headers.emplace_back("Idempotent-Replayed", "true");
  co_return r;
}

void Api::OnCommit(std::int64_t head_seq) {
  head_seq_ = std::max(head_seq_, head_seq);
  for (auto* t : waiters_) t->cancel();
}

void Api::BeginShutdown() {
  shutting_down_ = true;
  for (auto* t : waiters_) t->cancel();
}

Awaitable<void> Api::WaitForHead(std::int64_t after, int seconds) {
  if (head_seq_ > after || seconds <= 0 || shutting_down_) co_return;
  asio::steady_timer timer(io_, std::chrono::seconds(seconds));
  auto it = waiters_.insert(waiters_.end(), &timer);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(seconds);
  boost::system::error_code ec;
  while (head_seq_ <= after && !shutting_down_ && std::chrono::steady_clock::now() < deadline) {
    timer.expires_at(deadline);
    co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
  waiters_.erase(it);
}

}  // namespace ordo::server
