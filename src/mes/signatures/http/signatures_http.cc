// Handlers of the signature policy endpoints and their table.
#include "mes/signatures/http/signatures_http.h"

#include "mes/masterdata/permissions.h"
#include "mes/signatures/commands/policy_commands.h"
#include "mes/signatures/signing.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::signatures {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> GetPolicy(Api& api, Call& call) {
  auto policy = CurrentPolicy(api.reader(), api.clock().NowMicros());
  if (!policy.ok()) co_return server::ProblemResponse(policy.error());
  if (!*policy) co_return server::JsonResponse(200, Json{{"policy", nullptr}});
  auto ack = HasAcknowledged(api.reader(), call.session->user_id, (*policy)->version);
  if (!ack.ok()) co_return server::ProblemResponse(ack.error());
  co_return server::JsonResponse(200, Json{{"policy",
                                            {{"version", (*policy)->version},
                                             {"text", (*policy)->text},
                                             {"published_us", (*policy)->published_us},
                                             {"change_request", (*policy)->change_request},
                                             {"acknowledged", *ack}}}});
}

Awaitable<HttpResponse> AcknowledgePolicy(Api& api, Call& call) {
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
      AcknowledgeSignaturePolicy(api.ActorOf(call), call.body["version"].get<std::int64_t>());
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

// A signature policy version, as GetPolicy sends it.
Json PolicySchema() {
  using namespace server::schema;
  return Object(
      {{"version", Integer("the policy version, from 1")},
       {"text", String("the policy text")},
       {"acknowledged", Boolean("the caller acknowledged this version")},
       {"published_us", Integer("when it took effect (microseconds since 1970-01-01 UTC)")},
       {"change_request",
        String("the change request that approved it; empty for the policy ordo init published")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint get{"GET",
                       "/api/v1/signature-policy",
                       masterdata::kMasterdataRead,
                       {},
                       "read",
                       "The current signature policy",
                       &GetPolicy};
  server::Endpoint acknowledge{"POST",
                               "/api/v1/signature-policy/acknowledge",
                               masterdata::kMasterdataRead,
                               {{{"version", F::kInteger, true, 0, "the policy version read"},
                                 {"password", F::kString, true, 1024, "your password"}}},
                               "command",
                               "Acknowledge the signature policy (re-authenticated)",
                               &AcknowledgePolicy};
  {
    using namespace server::schema;
    get.response_schema =
        Object({{"policy", Nullable(PolicySchema())}});  // null: none published yet
    // The PolicyAcknowledged payload of the recorded entry.
    acknowledge.response_schema =
        Object({{"acknowledged", Object({{"user_id", Integer()},
                                         {"user", String("login name")},
                                         {"version", Integer("the policy version")}})}});
  }
  return {get, acknowledge};
}

}  // namespace ordo::signatures
