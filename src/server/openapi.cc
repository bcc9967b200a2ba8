// The OpenAPI 3 document of the HTTP API, generated from the registered endpoints
// (server/endpoint.h) alone: nothing here names a capability or an endpoint. Per
// operation: a stable operationId (from method and path), the capability as its tag, a
// description (summary, the permission needed, the signature meaning if signed), the
// request schema, the path parameters, and the success response under the endpoint's
// real success_status with its response_schema (a generic object until one is set).
// `make test` lints the result with Spectral (spectral:oas, .spectral.yaml): no warnings.
#include <cctype>
#include <set>

#include "core/version.h"
#include "server/api.h"

namespace ordo::server {

namespace {

// Words of a path segment, each capitalised: "change-requests" -> "ChangeRequests",
// "openapi.json" -> "OpenapiJson".
std::string CamelWords(const std::string& text) {
  std::string out;
  bool start = true;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (!std::isalnum(u)) {
      start = true;
      continue;
    }
    out += start ? static_cast<char>(std::toupper(u)) : c;
    start = false;
  }
  return out;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// The names of the path's {parameters}, in order.
std::vector<std::string> PathParameters(const std::string& path) {
  std::vector<std::string> names;
  for (std::size_t open = path.find('{'); open != std::string::npos;
       open = path.find('{', open + 1)) {
    names.push_back(path.substr(open + 1, path.find('}', open) - open - 1));
  }
  return names;
}

const char* StatusText(int status) {
  switch (status) {
    case 200:
      return "OK";
    case 201:
      return "Created";
    case 202:
      return "Accepted";
    case 204:
      return "No Content";
    default:
      return "Success";
  }
}

std::string Description(const Endpoint& e) {
  std::string text = e.summary;
  if (!text.empty() && text.back() != '.') text += '.';
  if (e.permission.empty()) {
    text += "\n\nPublic: no authentication.";
  } else if (e.device_auth) {
    text += "\n\nPermission: `" + e.permission +
            "`, held by devices only: a registered source's API key as the bearer token "
            "(a user's session token is refused; otherwise 401).";
  } else {
    text += "\n\nPermission: `" + e.permission +
            "` (a bearer token from `POST /api/v1/session` whose roles grant it; otherwise "
            "401 or 403).";
  }
  if (!e.signature_meaning.empty())
    text +=
        "\n\nSigned (21 CFR Part 11): the body's `signature` object (`user`, `password`, "
        "`meaning`, `comment`) re-authenticates the signer and states the meaning `" +
        e.signature_meaning + "`.";
  if (!e.audit.empty()) text += "\n\nAudit category: `" + e.audit + "`.";
  return text;
}

// The success response's content. `response_schema` is either a schema of a JSON body, or
// {"content": {media type: {...}}} for a body that is not JSON (e.g. a file's bytes).
Json SuccessContent(const Endpoint& e) {
  if (e.response_schema.is_object() && e.response_schema.contains("content"))
    return e.response_schema["content"];
  Json schema = e.response_schema.is_null() ? Json{{"type", "object"}} : e.response_schema;
  return Json{{"application/json", {{"schema", schema}}}};
}

Json Operation(const Endpoint& e) {
  Json success{{"description", StatusText(e.success_status)}};
  if (e.success_status != 204) success["content"] = SuccessContent(e);
  Json op{{"operationId", OperationId(e.method, e.path)},
          {"tags", Json::array({e.tag})},
          {"summary", e.summary},
          {"description", Description(e)},
          {"x-ordo-audit-category", e.audit},
          {"responses",
           {{std::to_string(e.success_status), success},
            {"4XX", {{"$ref", "#/components/responses/Problem"}}},
            {"5XX", {{"$ref", "#/components/responses/Problem"}}}}}};
  if (!e.permission.empty()) {
    op["security"] = Json::array({{{"bearer", Json::array()}}});
    op["x-ordo-permission"] = e.permission;
  } else {
    op["security"] = Json::array();
  }
  if (!e.signature_meaning.empty()) op["x-ordo-signature-meaning"] = e.signature_meaning;
  if (!e.schema.empty()) {
    // One entry per accepted media type; any other Content-Type is answered 415.
    Json content = Json::object();
    for (const auto& type : e.media_types)
      content[type] = {{"schema", type == "application/json"
                                      ? SchemaToOpenApi(e.schema)
                                      : Json{{"type", "string"}, {"format", "binary"}}}};
    op["requestBody"] = {{"required", true}, {"content", content}};
  }
  Json parameters = Json::array();
  for (const auto& name : PathParameters(e.path)) {
    const bool integer = name == "version" || e.path.rfind("/api/v1/users/", 0) == 0;
    parameters.push_back({{"name", name},
                          {"in", "path"},
                          {"required", true},
                          {"description", "The `" + name + "` in the path."},
                          {"schema", {{"type", integer ? "integer" : "string"}}}});
  }
  if (!parameters.empty()) op["parameters"] = parameters;
  return op;
}

Json TagDescription(const std::string& tag) {
  if (tag == "platform")
    return "The HTTP runtime's own endpoints: liveness and the build, this document, and "
           "the problem types that every error response names.";
  return "Endpoints of the `" + tag + "` capability (src/mes/" + tag + "/).";
}

Json ProblemSchema() {
  return Json{
      {"type", "object"},
      {"description", "RFC 9457 problem details with ordo's extension members"},
      {"required", {"type", "title", "status", "code", "detail"}},
      {"properties",
       {{"type",
         {{"type", "string"},
          {"format", "uri-reference"},
          {"description",
           "the problem type: GET it (e.g. /api/v1/problems/not_found) for what it means "
           "and what to do; about:blank for errors of the transport"}}},
        {"title", {{"type", "string"}}},
        {"status", {{"type", "integer"}}},
        {"detail", {{"type", "string"}, {"description", "a sentence for people"}}},
        {"code", {{"type", "string"}, {"description", "stable machine-readable code"}}},
        {"field", {{"type", "string"}, {"description", "the offending input, if any"}}},
        {"reason", {{"type", "string"}, {"description", "finer stable code, if any"}}},
        {"retry_after_seconds", {{"type", "integer"}, {"description", "with 429"}}},
        {"errors",
         {{"type", "array"},
          {"description", "validation errors, one per field (or file and line); at most 50"},
          {"items", {{"type", "object"}}}}},
        {"errors_omitted",
         {{"type", "integer"},
          {"description", "how many further errors were found but not listed"}}}}}};
}

}  // namespace

std::string OperationId(const std::string& method, const std::string& path) {
  std::string id = Lower(method);
  const std::string base = "/api/v1/";
  std::size_t at = path.rfind(base, 0) == 0 ? base.size() : 0;
  while (at < path.size()) {
    std::size_t end = path.find('/', at);
    if (end == std::string::npos) end = path.size();
    const std::string segment = path.substr(at, end - at);
    if (segment.size() > 2 && segment.front() == '{' && segment.back() == '}')
      id += "By" + CamelWords(segment.substr(1, segment.size() - 2));
    else
      id += CamelWords(segment);
    at = end + 1;
  }
  return id;
}

Json Api::OpenApiDocument() {
  Json paths = Json::object();
  std::set<std::string> tagged;  // sorted: the top-level tags are alphabetical
  for (const auto& e : Endpoints()) {
    paths[e.path][Lower(e.method)] = Operation(e);
    tagged.insert(e.tag);
  }
  Json tags = Json::array();
  for (const auto& tag : tagged)
    tags.push_back({{"name", tag}, {"description", TagDescription(tag)}});
  return Json{
      {"openapi", "3.0.3"},
      {"info",
       {{"title", "ordo MES API"},
        {"version", Version()},
        {"description",
         "The HTTP API of ordo, a manufacturing execution system for regulated plants. "
         "Sign in with `POST /api/v1/session` and send the token as `Authorization: Bearer "
         "<token>`. Errors are RFC 9457 problem+json; their `type` resolves on this server. "
         "Every change is recorded in the tamper-evident production ledger. Build: commit " +
             std::string(GitCommit()) + "."},
        {"contact", {{"name", "ordo project"}}}}},
      {"servers",
       Json::array({{{"url", "/"}, {"description", "the server that serves this document"}}})},
      {"tags", tags},
      {"paths", paths},
      {"components",
       {{"securitySchemes",
         {{"bearer",
           {{"type", "http"},
            {"scheme", "bearer"},
            {"description", "the token of POST /api/v1/session"}}}}},
        {"responses",
         {{"Problem",
           {{"description", "problem+json with a stable code"},
            {"content",
             {{"application/problem+json",
               {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}},
        {"schemas", {{"Problem", ProblemSchema()}}}}}};
}

}  // namespace ordo::server
