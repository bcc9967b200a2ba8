// Handlers: re-authentication for electronic signatures, the signature policy, site
// settings, security events, printed names and personnel qualifications.

#include "app/masterdata_commands.h"
#include "core/crypto.h"
#include "server/api.h"
#include "server/legacy_handlers.h"
#include "server/query_params.h"
#include "store/ledger_store.h"
#include "store/masterdata_queries.h"
#include "store/queries.h"

namespace ordo::server {

namespace {

// Checks the fields of a signature object; returns the first problem.
Status CheckSignatureFields(const Json& sig, const std::string& meaning) {
  for (const auto& [key, value] : sig.items()) {
    const bool is_string = value.is_string();
    const std::size_t size = is_string ? value.get_ref<const std::string&>().size() : 0;
    if (key == "user" || key == "password" || key == "meaning" || key == "comment") {
      if (!is_string)
        return Error::Invalid("signature." + key, "signature." + key + " must be a string",
                              "wrong_type");
      if ((key == "password" && size > 1024) || (key == "comment" && size > 1000) ||
          ((key == "user" || key == "meaning") && size > 64))
        return Error::Invalid("signature." + key, "signature." + key + " is too long", "too_long");
      continue;
    }
    return Error::Invalid(
        "signature." + key,
        "unknown field 'signature." + key + "'; expected only: user, password, meaning, comment",
        "unknown_field");
  }
  if (!sig.contains("password") || sig["password"].get<std::string>().empty())
    return Error::Invalid("signature.password", "signing needs your password", "missing_field");
  if (sig.contains("meaning") && sig["meaning"].get<std::string>() != meaning)
    return Error::Invalid("signature.meaning",
                          "this action is signed with meaning '" + meaning + "'", "wrong_meaning");
  return Ok();
}

}  // namespace

Awaitable<bool> CheckPassword(Api& api, std::int64_t user_id, std::string password) {
  std::string hash = api.sign_in_gate().dummy_hash;
  auto stored = store::GetPasswordHash(api.reader(), user_id);
  if (stored.ok() && *stored) hash = **stored;
  std::function<Json()> work = [hash, password] { return Json(VerifyPassword(hash, password)); };
  auto hashing = api.OffThread(std::move(work));
  Json verified = co_await std::move(hashing);
  co_return verified.get<bool>();
}

Awaitable<std::variant<app::SignerIdentity, HttpResponse>> AuthenticateSigner(Api& api, Call& call,
                                                                              std::string meaning) {
  const Json sig = call.body["signature"];
  if (Status s = CheckSignatureFields(sig, meaning); !s.ok()) co_return ProblemResponse(s.error());
  const Session& session = *call.session;
  const std::string address = AddressOnly(call.request.client);
  auto settings = store::GetSiteSettings(api.reader());
  if (!settings.ok()) co_return ProblemResponse(settings.error());
  const std::string typed = sig.value("user", std::string());
  if (typed.empty()) {
    const bool password_only =
        settings->signing_password_only && session.signed_once && session.client == address;
    if (!password_only)
      co_return ProblemResponse(Error::Invalid(
          "signature.user",
          "enter your user id and password (both are needed at the first signing of a session)",
          "missing_field"));
  }
  const std::string key = "sign:" + session.user_name;
  const TimeMicros now = api.clock().NowMicros();
  if (std::int64_t wait = api.sign_throttle().RetryAfterSeconds(key, address, now); wait > 0)
    co_return ThrottledResponse(
        "too many failed signings; wait " + std::to_string(wait) + " s before signing again", wait);
  if (api.sign_in_gate().accounts_in_flight.count(key))
    co_return ThrottledResponse("another signing of this account is being checked", 1);
  struct InFlight {
    std::unordered_set<std::string>& set;
    std::string name;
    ~InFlight() { set.erase(name); }
  };
  api.sign_in_gate().accounts_in_flight.insert(key);
  InFlight in_flight{api.sign_in_gate().accounts_in_flight, key};
  auto checking = CheckPassword(api, session.user_id, sig["password"].get<std::string>());
  bool ok = co_await std::move(checking);
  std::string detail = "wrong password";
  if (!typed.empty() && typed != session.user_name) {
    ok = false;
    detail = "user id does not match the signed-in user";
  }
  if (!ok) {
    const bool admin =
        std::find(session.roles.begin(), session.roles.end(), "admin") != session.roles.end();
    api.sign_throttle().RecordFailure(key, address, admin, api.clock().NowMicros());
    engine::Command record = app::SignatureFailed(api.ActorOf(call), typed, address, detail);
    auto pending = api.Submit(std::move(record));
    (void)co_await std::move(pending);
    co_return ProblemResponse(Error{ErrorCode::kPermissionDenied,
                                    "signature refused: the user id or password is wrong (the "
                                    "attempt is recorded)",
                                    "signature.password", "signature_failed"});
  }
  api.sign_throttle().RecordSuccess(key, address);
  app::SignerIdentity identity{session.user_id, session.user_name, meaning, std::nullopt};
  if (sig.contains("comment") && !sig["comment"].get<std::string>().empty())
    identity.comment = sig["comment"].get<std::string>();
  co_return identity;
}

Awaitable<HttpResponse> GetSignaturePolicy(Api& api, Call& call) {
  auto policy = store::CurrentPolicy(api.reader());
  if (!policy.ok()) co_return ProblemResponse(policy.error());
  if (!*policy) co_return JsonResponse(200, Json{{"policy", nullptr}});
  auto ack = store::HasAcknowledged(api.reader(), call.session->user_id, (*policy)->version);
  if (!ack.ok()) co_return ProblemResponse(ack.error());
  co_return JsonResponse(200, Json{{"policy",
                                    {{"version", (*policy)->version},
                                     {"text", (*policy)->text},
                                     {"published_us", (*policy)->published_us},
                                     {"acknowledged", *ack}}}});
}

Awaitable<HttpResponse> PublishSignaturePolicy(Api& api, Call& call) {
  engine::Command command =
      app::PublishSignaturePolicy(api.ActorOf(call), call.body["text"].get<std::string>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> AcknowledgeSignaturePolicy(Api& api, Call& call) {
  // The same re-authentication as a signature: throttled, failures recorded.
  call.body["signature"] = Json{{"user", call.session->user_name},
                                {"password", call.body["password"].get<std::string>()}};
  call.body.erase("password");
  std::string meaning = "acknowledged";
  auto authenticating = AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  call.body.erase("signature");
  if (auto* refused = std::get_if<HttpResponse>(&signer)) {
    Json problem = Json::parse(refused->body, nullptr, false);
    if (problem.is_object() && problem.value("field", "") == "signature.password") {
      problem["field"] = "password";
      refused->body = problem.dump();
    }
    co_return std::move(*refused);
  }
  engine::Command command =
      app::AcknowledgeSignaturePolicy(api.ActorOf(call), call.body["version"].get<std::int64_t>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> GetSiteSettings(Api& api, Call&) {
  auto settings = store::GetSiteSettings(api.reader());
  if (!settings.ok()) co_return ProblemResponse(settings.error());
  co_return JsonResponse(200, Json{{"settings", store::ToJson(*settings)}});
}

Awaitable<HttpResponse> ChangeSiteSettings(Api& api, Call& call) {
  Json settings = Json::object();
  if (call.body.contains("approvals_required")) {
    auto n = call.body["approvals_required"].get<std::int64_t>();
    if (n < 1 || n > 5)
      co_return ProblemResponse(
          Error::Invalid("approvals_required", "approvals_required must be from 1 to 5"));
    settings["approvals_required"] = n;
  }
  if (call.body.contains("signing_password_only"))
    settings["signing_password_only"] = call.body["signing_password_only"].get<bool>();
  if (settings.empty())
    co_return ProblemResponse(Error::Invalid(
        "body", "name at least one setting: approvals_required, signing_password_only"));
  if (!call.body.contains("reason") || call.body["reason"].get<std::string>().empty())
    co_return ProblemResponse(Error::Invalid("reason", "a settings change needs a reason"));
  engine::Command command =
      app::ChangeSiteSettings(api.ActorOf(call), settings, call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> SecurityEvents(Api& api, Call& call) {
  auto before = IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  Json events = Json::array();
  for (const char* type : {"session.login_failed", "signature.failed"}) {
    store::LedgerQuery query;
    query.type = type;
    query.newest_first = true;
    query.before = *before;
    query.limit = *limit;
    auto rows = store::QueryEntries(api.reader(), query);
    if (!rows.ok()) co_return ProblemResponse(rows.error());
    for (const auto& e : *rows)
      events.push_back({{"seq", e.seq},
                        {"time_us", e.time_us},
                        {"time", FormatUtcMicros(e.time_us)},
                        {"type", e.type},
                        {"actor", e.actor},
                        {"payload", e.payload}});
  }
  std::sort(events.begin(), events.end(),
            [](const Json& a, const Json& b) { return a["seq"] > b["seq"]; });
  if (events.size() > static_cast<std::size_t>(*limit))
    events.erase(events.begin() + *limit, events.end());
  co_return JsonResponse(200, Json{{"events", events}});
}

Awaitable<HttpResponse> GrantQualification(Api& api, Call& call) {
  engine::Command command = app::GrantQualification(
      api.ActorOf(call), call.body["user_id"].get<std::int64_t>(),
      call.body["qualification"].get<std::string>(), call.body.value("expires", std::string()));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> ListQualificationGrants(Api& api, Call& call) {
  auto user = IntParam(call.request.query, "user_id", 0, 0, INT64_MAX);
  if (!user.ok()) co_return ProblemResponse(user.error());
  auto rows = store::ListGrants(api.reader(), *user);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  const std::string today = FormatUtcMicros(api.clock().NowMicros()).substr(0, 10);
  Json out = Json::array();
  for (const auto& g : *rows) {
    const char* status = g.revoked                         ? "revoked"
                         : g.expires && *g.expires < today ? "expired"
                                                           : "valid";
    out.push_back({{"seq", g.seq},
                   {"user_id", g.user_id},
                   {"qualification", g.qualification},
                   {"expires", g.expires ? Json(*g.expires) : Json(nullptr)},
                   {"granted_by", g.granted_by},
                   {"time_us", g.time_us},
                   {"status", status}});
  }
  co_return JsonResponse(200, Json{{"grants", out}});
}

Awaitable<HttpResponse> RecordTraining(Api& api, Call& call) {
  engine::Command command = app::RecordTraining(
      api.ActorOf(call), call.body["user_id"].get<std::int64_t>(),
      call.body["course"].get<std::string>(), call.body["completed"].get<std::string>(),
      call.body.value("trainer", std::string()));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> ListTraining(Api& api, Call& call) {
  auto user = IntParam(call.request.query, "user_id", 0, 0, INT64_MAX);
  if (!user.ok()) co_return ProblemResponse(user.error());
  auto rows = store::ListTraining(api.reader(), *user);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json out = Json::array();
  for (const auto& t : *rows)
    out.push_back({{"seq", t.seq},
                   {"user_id", t.user_id},
                   {"course", t.course},
                   {"completed", t.completed},
                   {"trainer", t.trainer ? Json(*t.trainer) : Json(nullptr)},
                   {"recorded_by", t.recorded_by}});
  co_return JsonResponse(200, Json{{"training", out}});
}

Awaitable<HttpResponse> RenameUser(Api& api, Call& call) {
  auto id = IntParam(call.params, "id", 0, 1, INT64_MAX);
  if (!id.ok()) co_return ProblemResponse(id.error());
  engine::Command command =
      app::RenameUser(api.ActorOf(call), *id, call.body["display_name"].get<std::string>(),
                      call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

}  // namespace ordo::server
