// The endpoint registry (the platform's own endpoints first) and the OpenAPI document
// derived from it.
#include "core/assert.h"
#include "core/version.h"
#include "server/api.h"

namespace ordo::server {

namespace {

Awaitable<HttpResponse> Health(Api& api, Call&) {
  co_return JsonResponse(200, Json{{"status", api.shutting_down() ? "stopping" : "ok"},
                                   {"version", Version()},
                                   {"commit", GitCommit()},
                                   {"head_seq", api.engine().head_seq()}});
}

Awaitable<HttpResponse> OpenApi(Api&, Call&) {
  co_return JsonResponse(200, Api::OpenApiDocument());
}

std::vector<Endpoint>& Table() {
  static std::vector<Endpoint> table = [] {
    std::vector<Endpoint> platform = {
        {"GET", "/api/v1/health", "", {}, "public", "Liveness and ledger head", &Health},
        {"GET", "/api/v1/openapi.json", "", {}, "public", "This API as OpenAPI 3", &OpenApi},
    };
    for (auto& e : platform) e.tag = "platform";
    return platform;
  }();
  return table;
}

}  // namespace

void RegisterEndpoints(const std::string& capability, std::vector<Endpoint> endpoints) {
  for (auto& e : endpoints) {
    ORDO_ASSERT(e.handler != nullptr);
    for (const auto& known : Table()) ORDO_ASSERT(known.method != e.method || known.path != e.path);
    e.tag = capability;
    Table().push_back(std::move(e));
  }
}

const std::vector<Endpoint>& RegisteredEndpoints() { return Table(); }

const std::vector<Endpoint>& Api::Endpoints() { return Table(); }

Json Api::OpenApiDocument() {
  Json paths = Json::object();
  for (const auto& e : Endpoints()) {
    std::string method = e.method;
    for (auto& c : method) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    Json op{{"summary", e.summary},
            {"x-ordo-audit-category", e.audit},
            {"responses",
             {{"200", {{"description", "success"}}},
              {"4XX",
               {{"description", "problem+json with a stable code"},
                {"content",
                 {{"application/problem+json",
                   {{"schema", {{"$ref", "#/components/schemas/Problem"}}}}}}}}}}}};
    if (!e.permission.empty()) {
      op["security"] = Json::array({{{"bearer", Json::array()}}});
      op["x-ordo-permission"] = e.permission;
    } else {
      op["security"] = Json::array();
    }
    if (!e.schema.empty())
      op["requestBody"] = {
          {"required", true},
          {"content", {{"application/json", {{"schema", SchemaToOpenApi(e.schema)}}}}}};
    Json parameters = Json::array();
    for (std::size_t open = e.path.find('{'); open != std::string::npos;
         open = e.path.find('{', open + 1)) {
      const std::string name = e.path.substr(open + 1, e.path.find('}', open) - open - 1);
      const bool integer = name == "version" || e.path.rfind("/api/v1/users/", 0) == 0;
      parameters.push_back({{"name", name},
                            {"in", "path"},
                            {"required", true},
                            {"schema", {{"type", integer ? "integer" : "string"}}}});
    }
    if (!parameters.empty()) op["parameters"] = parameters;
    paths[e.path][method] = op;
  }
  return Json{{"openapi", "3.0.3"},
              {"info", {{"title", "ordo MES API"}, {"version", Version()}}},
              {"paths", paths},
              {"components",
               {{"securitySchemes", {{"bearer", {{"type", "http"}, {"scheme", "bearer"}}}}},
                {"schemas",
                 {{"Problem",
                   {{"type", "object"},
                    {"properties",
                     {{"type", {{"type", "string"}}},
                      {"title", {{"type", "string"}}},
                      {"status", {{"type", "integer"}}},
                      {"detail", {{"type", "string"}}},
                      {"code", {{"type", "string"}}},
                      {"field", {{"type", "string"}}}}}}}}}}}};
}

}  // namespace ordo::server
