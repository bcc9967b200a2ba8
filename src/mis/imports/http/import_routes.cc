// POST /api/v1/imports/{kind} (import_routes.h).
#include "mis/imports/http/import_routes.h"

#include <functional>
#include <memory>
#include <optional>
#include <string_view>

#include "mis/access/roles.h"
#include "mis/imports/imports.h"
#include "mis/imports/store/apply.h"
#include "server/problem.h"

namespace ordo::mis::imports {

namespace {

// Checks and parses the file on the context's pool while the io thread serves other
// requests, then stores it on the io thread (the store connection is its own). The body
// is read in place: the call outlives the co_await, and the context joins its pool
// before the server ends.
http::Awaitable<http::HttpResponse> Import(http::Context& context, http::Call& call) {
  auto parsed = std::make_shared<std::optional<Result<ParsedImport>>>();
  std::function<Json()> work = [parsed, kind = call.params.at("kind"),
                                type = server::MediaTypeOf(call.request.Header("content-type")),
                                body = std::string_view(call.request.body)] {
    *parsed = PrepareImport(kind, type, body);
    return Json();
  };
  auto parsing = context.OffThread(std::move(work));
  co_await std::move(parsing);
  Result<ImportReport> report =
      (*parsed)->ok() ? ApplyImport(context.db(), ***parsed,
                                    call.session ? call.session->user_name : std::string(),
                                    context.clock().NowMicros())
                      : Result<ImportReport>((*parsed)->error());
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
