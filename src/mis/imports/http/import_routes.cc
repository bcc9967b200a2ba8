// POST /api/v1/imports/{kind} (import_routes.h).
#include "mis/imports/http/import_routes.h"

#include "mis/access/roles.h"
#include "mis/imports/imports.h"
#include "server/problem.h"

namespace ordo::mis::imports {

namespace {

// Runs on the io thread with the store connection: an import blocks other requests for
// its duration (docs/mis.md, "Imports").
http::Awaitable<http::HttpResponse> Import(http::Context& context, http::Call& call) {
  const std::string content_type = server::MediaTypeOf(call.request.Header("content-type"));
  auto report = RunImport(context.db(), call.params.at("kind"), content_type, call.request.body,
                          call.session ? call.session->user_name : std::string(),
                          context.clock().NowMicros());
  if (!report.ok()) {
    http::HttpResponse refused = server::ProblemResponse(report.error());
    if (report.error().code == ErrorCode::kResourceExhausted) refused.status = 413;
    co_return refused;
  }
  co_return server::JsonResponse(report->duplicate_file ? 200 : 201, ToJson(*report));
}

}  // namespace

std::vector<http::Route> Routes() {
  http::Route route;
  route.method = "POST";
  route.path = "/api/v1/imports/{kind}";
  route.permission = access::kImportsRun;
  route.summary = "Import a CSV or JSON-lines file of one kind (docs/mis-imports.md)";
  route.handler = Import;
  route.media_types = {"text/csv", "application/x-ndjson"};
  return {route};
}

}  // namespace ordo::mis::imports
