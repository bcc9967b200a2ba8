// Re-authentication of a signer (signing.h): the field checks, the password-only rule of
// the site settings, the per-account throttle and the record of every failed attempt.
#include <algorithm>
#include <unordered_set>

#include "mes/access/attempts.h"
#include "mes/access/passwords.h"
#include "mes/signatures/commands/policy_commands.h"
#include "mes/signatures/domain/reauthentication.h"
#include "mes/signatures/signing.h"
#include "mes/site/settings.h"
#include "server/api.h"

namespace ordo::signatures {

server::Awaitable<std::variant<SignerIdentity, server::HttpResponse>> AuthenticateSigner(
    server::Api& api, server::Call& call, std::string meaning) {
  using server::ProblemResponse;
  using server::ThrottledResponse;
  const Json sig = call.body["signature"];
  if (Status s = CheckSignatureFields(sig, meaning); !s.ok()) co_return ProblemResponse(s.error());
  const server::Session& session = *call.session;
  const std::string address = server::AddressOnly(call.request.client);
  auto settings = site::GetSiteSettings(api.reader(), api.clock().NowMicros());
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
  auto checking = access::CheckPassword(api, session.user_id, sig["password"].get<std::string>());
  bool ok = co_await std::move(checking);
  std::string detail = "wrong password";
  if (!typed.empty() && typed != session.user_name) {
    ok = false;
    detail = "user id does not match the signed-in user";
  }
  if (!ok) {
    const bool admin =
        std::find(session.roles.begin(), session.roles.end(), "admin") != session.roles.end();
    const TimeMicros failed_at = api.clock().NowMicros();
    const int failures = api.sign_throttle().RecordFailure(key, address, failed_at);
    // An admin's signing locks after admin_lockout_after failures (the signer is signed
    // in, so this tells nobody anything new).
    const auto& limits = api.sign_throttle().options();
    if (admin && limits.admin_lockout_after > 0 && failures >= limits.admin_lockout_after)
      api.sign_throttle().Block(key, failed_at + limits.admin_lockout);
    // A typed name that is no user's is recorded only as a keyed hash (it may be a
    // password typed into the wrong field).
    const std::string recorded = access::RecordableLoginName(api, typed);
    engine::Command record = RecordSignatureFailure(api.ActorOf(call), recorded, address, detail);
    auto pending = api.Submit(std::move(record));
    (void)co_await std::move(pending);
    co_return ProblemResponse(Error{ErrorCode::kPermissionDenied,
                                    "signature refused: the user id or password is wrong (the "
                                    "attempt is recorded)",
                                    "signature.password", "signature_failed"});
  }
  api.sign_throttle().RecordSuccess(key);
  SignerIdentity identity{session.user_id, session.user_name, meaning, std::nullopt};
  identity.password_only = typed.empty();
  if (sig.contains("comment") && !sig["comment"].get<std::string>().empty())
    identity.comment = sig["comment"].get<std::string>();
  co_return identity;
}

}  // namespace ordo::signatures
