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

// A request that passed authentication, permission and schema checks.
struct Call {
  HttpRequest& request;
  Json body;  // decoded body (empty object for GET)
  std::optional<Session> session;
  std::string token;
  std::string role;                           // the caller's role that grants the permission
  std::map<std::string, std::string> params;  // path parameters, e.g. {"id": "3"}
  std::string terminal;  // the `Ordo-Terminal` header (a shared station's name), or ""
};

// A capability's handler: a coroutine on the io thread. Coroutine rule (g++ 12): never
// put a temporary with a destructor inside a co_await expression; build awaitables as
// named locals first: `auto pending = api.Submit(std::move(c)); co_await std::move(pending);`
using Handler = Awaitable<HttpResponse> (*)(Api& api, Call& call);

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
};

// Adds `endpoints` of `capability` (their tag) to the table. Called at start-up by the
// composition root, before the server runs; not thread-safe against Handle().
void RegisterEndpoints(const std::string& capability, std::vector<Endpoint> endpoints);
// Every registered endpoint, in registration order.
const std::vector<Endpoint>& RegisteredEndpoints();

}  // namespace ordo::server
