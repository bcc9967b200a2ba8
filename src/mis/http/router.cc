// Routing, authentication, permission checks and body decoding of the MIS API.
#include "mis/http/router.h"

#include <utility>

#include "mis/access/roles.h"
#include "server/path_pattern.h"
#include "server/problem.h"

namespace ordo::mis::http {

using server::ProblemResponse;

Status Router::Add(std::vector<Route> routes) {
  for (Route& route : routes) {
    const std::string id = route.method + " " + route.path;
    auto bug = [&](const std::string& why) {
      return Error::Make(ErrorCode::kInternal, "MIS route " + id + ": " + why);
    };
    if (!route.handler) return bug("has no handler");
    if (route.method.empty() || route.path.rfind("/api/", 0) != 0)
      return bug("needs a method and a path under /api/");
    if (!route.permission.empty() && !access::IsPermission(route.permission))
      return bug("names the unknown permission '" + route.permission + "'");
    if (!route.schema.empty() && !route.media_types.empty())
      return bug("takes either a JSON body (schema) or raw media types, not both");
    for (const Route& other : routes_)
      if (other.method == route.method && other.path == route.path)
        return bug("is registered twice");
    routes_.push_back(std::move(route));
  }
  return Ok();
}

namespace {

// 415 unless the body's media type is one of `accepted` (a request without a body and
// without a Content-Type passes: the handler or the decoder then refuses it).
std::optional<HttpResponse> RefuseMediaType(const HttpRequest& request,
                                            const std::vector<std::string>& accepted) {
  const std::string type = server::MediaTypeOf(request.Header("content-type")).substr(0, 100);
  if (request.body.empty() && type.empty()) return std::nullopt;
  for (const std::string& t : accepted)
    if (t == type) return std::nullopt;
  std::string expected;
  for (const std::string& t : accepted) expected += (expected.empty() ? "" : ", ") + t;
  return ProblemResponse(Error{ErrorCode::kUnsupportedMediaType,
                               "this endpoint takes a body of type " + expected + ", not '" +
                                   (type.empty() ? std::string("(no Content-Type)") : type) + "'",
                               "Content-Type", "unsupported_media_type"});
}

}  // namespace

Awaitable<HttpResponse> Router::Handle(Context& context, HttpRequest& request) const {
  if (request.path.rfind("/api/", 0) != 0 && pages_) co_return pages_(request);
  if (request.path.rfind("/api/", 0) != 0)
    co_return ProblemResponse(
        Error::Make(ErrorCode::kNotFound, "no such page: the MIS serves only its API under /api/"));
  const Route* route = nullptr;
  bool path_known = false;
  std::map<std::string, std::string> params;
  for (const Route& r : routes_) {
    std::map<std::string, std::string> p;
    if (!server::MatchPath(r.path, request.path, &p)) continue;
    path_known = true;
    if (r.method == request.method) {
      route = &r;
      params = std::move(p);
      break;
    }
  }
  if (!route) {
    if (path_known)
      co_return ProblemResponse(
          Error{ErrorCode::kInvalidArgument,
                "method " + request.method + " is not allowed on " + request.path, "method",
                "method_not_allowed"});
    co_return ProblemResponse(
        Error::Make(ErrorCode::kNotFound, "no MIS API endpoint at " + request.path));
  }
  // Before authentication: a cross-origin "simple" request (text/plain, form data) never
  // reaches a handler.
  if (!route->schema.empty() || !route->media_types.empty()) {
    const std::vector<std::string> json = {"application/json"};
    if (auto refused = RefuseMediaType(request, route->schema.empty() ? route->media_types : json))
      co_return std::move(*refused);
  }
  Call call{request, Json::object(), std::nullopt, {}, std::move(params)};
  if (!route->permission.empty()) {
    const std::string auth = request.Header("authorization");
    if (auth.rfind("Bearer ", 0) != 0)
      co_return ProblemResponse(Error::Make(ErrorCode::kUnauthenticated,
                                            "sign in first: send 'Authorization: Bearer <token>'"));
    call.token = auth.substr(7);
    call.session = context.sessions().Use(call.token, context.clock().NowMicros());
    if (!call.session)
      co_return ProblemResponse(Error::Make(
          ErrorCode::kUnauthenticated, "the session token is unknown or expired; sign in again"));
    request.authenticated = true;
    if (!access::RoleGrants(call.role(), route->permission))
      co_return ProblemResponse(Error::Make(ErrorCode::kPermissionDenied,
                                            "your role " + call.role() + " does not grant '" +
                                                route->permission + "', which this needs"));
  }
  if (!route->schema.empty()) {
    auto decoded = server::DecodeRequest(request.body, route->schema);
    if (!decoded.ok()) co_return ProblemResponse(decoded.error());
    call.body = std::move(*decoded);
  } else if (route->media_types.empty() && !request.body.empty()) {
    co_return ProblemResponse(Error::Invalid("body", "this endpoint takes no request body"));
  }
  auto handling = route->handler(context, call);
  co_return co_await std::move(handling);
}

Route GetRoute(std::string path, std::string permission, std::string summary, Handler handler) {
  Route route;
  route.method = "GET";
  route.path = std::move(path);
  route.permission = std::move(permission);
  route.summary = std::move(summary);
  route.handler = std::move(handler);
  return route;
}

}  // namespace ordo::mis::http
