// The endpoint registry: the platform's own endpoints (health, the OpenAPI document, the
// problem types) first, then every capability's, in registration order. The OpenAPI
// document derived from it is in openapi.cc.
#include "core/assert.h"
#include "core/version.h"
#include "server/api.h"
#include "server/response_schema.h"

namespace ordo::server {

namespace {

Awaitable<HttpResponse> Health(Api& api, Call&) {
  Json body{{"status", api.shutting_down() ? "stopping" : "ok"},
            {"version", Version()},
            {"commit", GitCommit()},
            {"head_seq", api.engine().head_seq()}};
  // The background services of `ordo serve` (server/background_service.h), by name.
  if (!api.options().services.empty()) {
    Json services = Json::object();
    for (const auto& s : api.options().services) services[s->name()] = s->Health();
    body["services"] = std::move(services);
  }
  co_return JsonResponse(200, body);
}

Awaitable<HttpResponse> OpenApi(Api&, Call&) {
  co_return JsonResponse(200, Api::OpenApiDocument());
}

Json ProblemTypeJson(const ProblemType& p) {
  return Json{{"type", ProblemTypeUri(p.code)},  {"code", ErrorCodeName(p.code)},
              {"status", HttpStatusFor(p.code)}, {"title", p.title},
              {"description", p.description},    {"what_to_do", p.what_to_do}};
}

Awaitable<HttpResponse> DescribeProblemType(Api&, Call& call) {
  const std::string& code = call.params.at("code");
  for (const auto& p : ProblemTypes())
    if (code == ErrorCodeName(p.code)) co_return JsonResponse(200, ProblemTypeJson(p));
  co_return ProblemResponse(
      Error::Make(ErrorCode::kNotFound,
                  "no problem type '" + code + "' (the codes are listed in /api/v1/openapi.json)"));
}

Json HealthSchema() {
  using namespace schema;
  Json status = String("stopping during a graceful shutdown");
  status["enum"] = {"ok", "stopping"};
  return Object({{"status", status},
                 {"version", String("the release, e.g. 0.1.0 (as ordo --version)")},
                 {"commit", String("the git commit built")},
                 {"head_seq", Integer("sequence number of the ledger head")}},
                {{"services", AnyObject("the background services of `ordo serve` by name (e.g. "
                                        "`mqtt`: connected, broker, counters); absent when "
                                        "none runs")}});
}

// The document OpenApiDocument() builds: its paths, tags and components come from the
// registered endpoints, so only its frame is spelled out.
Json OpenApiSchema() {
  using namespace schema;
  Json version = String("the OpenAPI version");
  version["pattern"] = "^3\\.0\\.";
  return Object(
      {{"openapi", version},
       {"info", Object({{"title", String()}, {"version", String("the release")}},
                       {{"description", String()}, {"contact", AnyObject()}})},
       {"paths", AnyObject("every operation, by path and method")}},
      {{"servers", Array(AnyObject())},
       {"tags", Array(Object({{"name", String("a capability")}}, {{"description", String()}}))},
       {"components", AnyObject("security schemes, shared responses and schemas")}});
}

Json ProblemTypeSchema() {
  using namespace schema;
  Json codes = Json::array();
  for (const auto& p : ProblemTypes()) codes.push_back(ErrorCodeName(p.code));
  Json code = String("the stable code problems of this type carry");
  code["enum"] = codes;
  return Object({{"type", String("this resource's own URI")},
                 {"code", code},
                 {"status", Integer("the HTTP status it comes with")},
                 {"title", String()},
                 {"description", String("what the problem means")},
                 {"what_to_do", String("what a client should do about it")}});
}

std::vector<Endpoint>& Table() {
  static std::vector<Endpoint> table = [] {
    std::vector<Endpoint> platform = {
        {"GET",
         "/api/v1/health",
         "",
         {},
         "public",
         "Liveness, build version and ledger head",
         &Health},
        {"GET", "/api/v1/openapi.json", "", {}, "public", "This API as OpenAPI 3", &OpenApi},
        {"GET",
         "/api/v1/problems/{code}",
         "",
         {},
         "public",
         "What a problem type means and what to do about it (the `type` of every problem)",
         &DescribeProblemType},
    };
    platform[0].response_schema = HealthSchema();
    platform[1].response_schema = OpenApiSchema();
    platform[2].response_schema = ProblemTypeSchema();
    for (auto& e : platform) e.tag = "platform";
    return platform;
  }();
  return table;
}

}  // namespace

const std::vector<ProblemType>& ProblemTypes() {
  static const std::vector<ProblemType> types = {
      {ErrorCode::kInvalidArgument, "Invalid argument",
       "The request itself is wrong: a field is missing, unknown, of the wrong type or out of "
       "range, the body is not a JSON object, or the method is not allowed on the path. "
       "`field` names the offending input and `reason` gives a finer cause (e.g. "
       "unknown_field) when there is one.",
       "Correct the request and send it again; sent unchanged it fails the same way."},
      {ErrorCode::kUnauthenticated, "Not signed in",
       "No bearer token was sent, the token is unknown or expired (sessions end after 15 "
       "idle minutes, 12 hours or a server restart), or a user name or password given to "
       "sign in or to sign electronically is wrong.",
       "Sign in again with POST /api/v1/session and repeat the request with the new token; "
       "for a wrong password, ask the person to enter it again."},
      {ErrorCode::kPermissionDenied, "Permission denied",
       "The caller is signed in, but none of their roles grants the permission the endpoint "
       "needs (`x-ordo-permission` in /api/v1/openapi.json), or a rule forbids this person "
       "doing it (for example approving their own change: reason four_eyes).",
       "Do not retry: have someone who holds the permission do it, or ask an administrator "
       "for a role that grants it."},
      {ErrorCode::kNotFound, "Not found",
       "The thing named in the path or the body (a user, a record, a change request, a "
       "master data object or version, an attachment, an API path) does not exist.",
       "Check the identifier or the path; sent unchanged the request fails the same way."},
      {ErrorCode::kConflict, "Conflict",
       "The request clashes with the current state or with an earlier request: a name "
       "already taken, something already done (e.g. a user already disabled), or an "
       "Idempotency-Key reused for a different request.",
       "Read the current state, then send a request that fits it; use a new Idempotency-Key "
       "for a different request."},
      {ErrorCode::kFailedPrecondition, "Failed precondition",
       "The request is well-formed, but the record's state does not allow it yet or any "
       "more: for example a change request not in the state this step needs, or a "
       "signature policy not yet acknowledged. `reason` names the missing precondition when "
       "there is one.",
       "Read the record's current state and do the steps that must come first."},
      {ErrorCode::kResourceExhausted, "Too many requests",
       "Too many attempts or too much at once: sign-in or signing is throttled after "
       "failures, or too many sign-ins are being checked. `retry_after_seconds` and the "
       "Retry-After header say how long to wait.",
       "Wait at least Retry-After seconds before trying again; never retry in a tight loop."},
      {ErrorCode::kUnavailable, "Unavailable",
       "The server cannot do this now, for example because it is shutting down or could "
       "not sign a ledger checkpoint.",
       "Try again later; repeat a command with the same Idempotency-Key so that it cannot "
       "be recorded twice."},
      {ErrorCode::kInternal, "Internal error",
       "A bug or an I/O failure on the server (for example a full disk). The server's log "
       "has the details under the response's X-Request-Id.",
       "Tell the site's administrator, quoting the X-Request-Id. Repeat a command only with "
       "the same Idempotency-Key, so that it cannot be recorded twice."},
      {ErrorCode::kIntegrityViolation, "Integrity violation",
       "A stored record this request relies on (named in `detail` by table and key) does not "
       "match the seal the ledger writer gave it: it was changed outside ordo, for example "
       "directly in the database file. The record was not used and nothing was recorded "
       "but the security event `security.integrity_violation`.",
       "Do not retry. Tell the site's administrator: the procedure is in docs/operations.md "
       "(\"An integrity violation\")."},
      {ErrorCode::kUnsupportedMediaType, "Unsupported media type",
       "The request has a body whose Content-Type the endpoint does not take (JSON "
       "endpoints take only application/json). Nothing was done: the request was refused "
       "before authentication, decoding or any record.",
       "Send the body with a Content-Type the endpoint lists in /api/v1/openapi.json "
       "(requestBody.content), normally 'Content-Type: application/json'."},
  };
  return types;
}

void RegisterEndpoints(const std::string& capability, std::vector<Endpoint> endpoints) {
  for (auto& e : endpoints) {
    ORDO_ASSERT(e.handler != nullptr);
    for (const auto& known : Table()) {
      ORDO_ASSERT(known.method != e.method || known.path != e.path);
      // operationIds are derived from method and path and must stay unique.
      ORDO_ASSERT(OperationId(known.method, known.path) != OperationId(e.method, e.path));
    }
    e.tag = capability;
    Table().push_back(std::move(e));
  }
}

const std::vector<Endpoint>& RegisteredEndpoints() { return Table(); }

const std::vector<Endpoint>& Api::Endpoints() { return Table(); }

}  // namespace ordo::server
