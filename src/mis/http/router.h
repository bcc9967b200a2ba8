// The MIS router: a table of routes (method + path pattern -> permission, body rules,
// handler) that every MIS module fills through the composition root (src/mis/main.cc:
// one `router.Add(module::Routes())` line per module). For each request it finds the
// route (404 unknown path, 405 other method), refuses a body of another media type
// (415), checks the session (401) and the permission (403) for every route that names
// one, decodes a JSON body against the route's schema (400 naming the field), then calls
// the handler. Every refusal is problem+json with a stable `code` (server/problem.h), as
// the MES answers.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"
#include "mis/http/context.h"
#include "server/http_types.h"
#include "server/request_decoder.h"
#include "server/sessions.h"

namespace ordo::mis::http {

using server::HttpRequest;
using server::HttpResponse;

// A request that passed the router's checks.
struct Call {
  HttpRequest& request;  // request.body is the raw body (e.g. CSV of an import)
  Json body;             // the decoded JSON body of a route with a schema, else {}
  std::optional<server::Session> session;     // set on every route with a permission
  std::string token;                          // the session's bearer token
  std::map<std::string, std::string> params;  // path parameters, e.g. {"id": "3"}
  // The caller's role (sessions carry exactly one MIS role); "" when not signed in.
  std::string role() const {
    return session && !session->roles.empty() ? session->roles.front() : std::string();
  }
};

// A handler: a coroutine on the io thread. See the coroutine rule in context.h.
using Handler = std::function<Awaitable<HttpResponse>(Context& context, Call& call)>;

// Answers a request for a path outside /api/: the web UI's pages (mis/web/pages.h).
using PageHandler = std::function<HttpResponse(const HttpRequest& request)>;

struct Route {
  std::string method;      // "GET", "POST", "DELETE", ...
  std::string path;        // "/api/v1/users" or with parameters "/api/v1/imports/{id}"
  std::string permission;  // one of access/roles.h; "" = open (health, sign-in only)
  std::string summary;     // one line for docs
  Handler handler;
  // A JSON body checked against this schema (Content-Type application/json). Empty: the
  // route takes no JSON body.
  server::RequestSchema schema;
  // Other bodies, passed raw in call.request.body: the media types accepted (e.g.
  // "text/csv", "application/x-ndjson"). Empty and no schema: the route takes no body.
  std::vector<std::string> media_types;
};

// A GET route of `permission` (no body).
Route GetRoute(std::string path, std::string permission, std::string summary, Handler handler);

class Router {
 public:
  // Adds `routes`. internal (a bug of the build, the composition root stops) when a
  // route has no handler, a path not under /api/, a permission not in the table, both
  // a schema and raw media types, or the method and path of a route already added.
  // Start-up only: not thread-safe against Handle().
  Status Add(std::vector<Route> routes);
  const std::vector<Route>& routes() const { return routes_; }
  // Serves every path outside /api/ with `pages`, open (no session: the page signs in);
  // without it such paths are 404 problem+json. Start-up only, as Add.
  void SetPages(PageHandler pages) { pages_ = std::move(pages); }
  // Routes `request` as the header says. Io thread only.
  Awaitable<HttpResponse> Handle(Context& context, HttpRequest& request) const;

 private:
  std::vector<Route> routes_;
  PageHandler pages_;
};

}  // namespace ordo::mis::http
