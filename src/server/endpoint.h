// The endpoint table: each capability registers its endpoints (method, path,
// permission, request schema, signature meaning, success status, response schema and
// handler) once at start-up; routing, permission checks, request decoding and the
// OpenAPI document all derive from these entries.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "server/http_types.h"
#include "server/request_decoder.h"
#include "server/sessions.h"

namespace ordo::server {

class Api;

// A caller that is a registered device (a machine data source), not a user: it
// authenticates with its own API key instead of a session (Endpoint::device_auth).
struct DeviceCaller {
  std::string source;  // the registered source's name
};

// A request that passed authentication, permission and schema checks.
struct Call {
  HttpRequest& request;
  Json body;  // decoded body (empty object for GET)
  std::optional<Session> session;
  std::string token;
  std::string role;                           // the caller's role that grants the permission
  std::map<std::string, std::string> params;  // path parameters, e.g. {"id": "3"}
  std::string terminal;  // the `Ordo-Terminal` header (a shared station's name), or ""
  std::optional<DeviceCaller> device;  // set instead of `session` on a device endpoint
};

// A capability's handler: a coroutine on the io thread. Coroutine rule (g++ 12): never
// put a temporary with a destructor inside a co_await expression; build awaitables as
// named locals first: `auto pending = api.Submit(std::move(c)); co_await std::move(pending);`
using Handler = Awaitable<HttpResponse> (*)(Api& api, Call& call);
// Checks the bearer key of a device endpoint's call (`call.token`, never a session token):
// the caller, or the error to answer (unauthenticated, or throttled). It may record the
// refused attempt. Runs on the io thread before the body is decoded.
using DeviceAuthenticator = Awaitable<Result<DeviceCaller>> (*)(Api& api, Call& call);

struct Endpoint {
  std::string method;
  std::string path;        // e.g. "/api/v1/users/{id}/disable"
  std::string permission;  // "" = no authentication (health, sign-in, OpenAPI)
  RequestSchema schema;    // request body; empty for GET
  std::string audit;       // audit category: "command", "read", "auth", "public"
  std::string summary;
  Handler handler = nullptr;
  int success_status = 200;       // the status of a successful answer
  std::string signature_meaning;  // "" = not signed; else the meaning the signer states
  Json response_schema;           // OpenAPI schema of the success body; null = any object
  std::string tag;                // the capability (set by registration)
  // The media types the request body may have (its Content-Type without parameters,
  // lower case). A request with a body of any other type, or with none, is refused with
  // 415 unsupported_media_type before anything else happens (server dispatch). The
  // OpenAPI requestBody lists one content entry per type.
  std::vector<std::string> media_types = {"application/json"};
  // Set for an endpoint that devices call (machine data): the bearer token is then a
  // device's API key checked by this function, a user's session token is refused, and
  // `permission` only names the right for the docs (no role holds it).
  DeviceAuthenticator device_auth = nullptr;
};

// Adds `endpoints` of `capability` (their tag) to the table. Called at start-up by the
// composition root, before the server runs; not thread-safe against Handle().
void RegisterEndpoints(const std::string& capability, std::vector<Endpoint> endpoints);
// Every registered endpoint, in registration order.
const std::vector<Endpoint>& RegisteredEndpoints();

}  // namespace ordo::server
