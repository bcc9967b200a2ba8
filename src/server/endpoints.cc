// The endpoint registry: the platform's own endpoints (health, the OpenAPI document)
// first, then every capability's, in registration order. The OpenAPI
// document derived from it is in openapi.cc.
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

Json HealthSchema() {
  return Json{{"type", "object"},
              {"required", {"status", "version", "commit", "head_seq"}},
              {"properties",
               {{"status",
                 {{"type", "string"},
                  {"enum", {"ok", "stopping"}},
                  {"description", "stopping during a graceful shutdown"}}},
                {"version", {{"type", "string"}, {"description", "the release, e.g. 0.1.0"}}},
                {"commit", {{"type", "string"}, {"description", "the git commit built"}}},
                {"head_seq",
                 {{"type", "integer"}, {"description", "sequence number of the ledger head"}}}}}};
}

std::vector<Endpoint>& Table() {
  static std::vector<Endpoint> table = [] {
    std::vector<Endpoint> platform = {
        {"GET", "/api/v1/health", "", {}, "public", "Liveness, build version and ledger head",
         &Health},
        {"GET", "/api/v1/openapi.json", "", {}, "public", "This API as OpenAPI 3", &OpenApi},
    };
    platform[0].response_schema = HealthSchema();
    platform[1].response_schema = {{"type", "object"},
                                   {"description", "an OpenAPI 3.0 document"}};
    for (auto& e : platform) e.tag = "platform";
    return platform;
  }();
  return table;
}

}  // namespace

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
