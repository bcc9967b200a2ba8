// Handlers: master data reads (the kinds table, validation, objects, versions, diffs).
#include "mes/masterdata/domain/diff.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/domain/validate.h"
#include "mes/masterdata/http/handlers.h"
#include "mes/masterdata/store/queries.h"
#include "mes/masterdata/store/views.h"
#include "server/query_params.h"

namespace ordo::masterdata::http {

namespace {

using server::JsonResponse;
using server::ProblemResponse;

Result<const KindDef*> KindParam(const std::map<std::string, std::string>& params) {
  const std::string kind = params.at("kind");
  const KindDef* def = FindKind(kind);
  if (!def) {
    std::string known;
    for (const auto& k : Kinds()) known += (known.empty() ? "" : ", ") + k.kind;
    return Error{ErrorCode::kNotFound,
                 "there is no master data kind '" + kind + "'; kinds are: " + known, "kind",
                 "unknown_kind"};
  }
  return def;
}

std::string QueryText(const server::HttpRequest& request, const std::string& name) {
  auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

}  // namespace

Awaitable<HttpResponse> MasterdataKinds(Api& api, Call&) {
  co_return JsonResponse(200, Json{{"kinds", KindsToJson()}});
}

Awaitable<HttpResponse> ListMasterdata(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto view = ListObjects(api.reader(), (*kind)->kind, QueryText(call.request, "q"),
                          api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> GetMasterdataObject(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto view = ObjectView(api.reader(), (*kind)->kind, call.params["id"], api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> GetMasterdataVersion(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto version = server::IntParam(call.params, "version", 0, 1, INT64_MAX);
  if (!version.ok()) co_return ProblemResponse(version.error());
  auto view = VersionView(api.reader(), (*kind)->kind, call.params["id"], *version,
                          api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> DiffMasterdata(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto from = server::IntParam(call.request.query, "from", -1, 0, INT64_MAX);
  if (!from.ok()) co_return ProblemResponse(from.error());
  auto to = server::IntParam(call.request.query, "to", -1, 1, INT64_MAX);
  if (!to.ok()) co_return ProblemResponse(to.error());
  if (*from < 0 || *to < 0)
    co_return ProblemResponse(Error::Invalid(*from < 0 ? "from" : "to",
                                             "give both versions: ?from=N&to=M (from=0: empty)"));
  auto rows = VersionsOf(api.reader(), (*kind)->kind, call.params["id"]);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  const Json* contents[2] = {nullptr, nullptr};
  const std::int64_t wanted[2] = {*from, *to};
  static const Json kNothing;
  for (int i = 0; i < 2; ++i) {
    if (wanted[i] == 0) contents[i] = &kNothing;
    for (const auto& r : *rows)
      if (r.version == wanted[i]) contents[i] = &r.content;
    if (!contents[i])
      co_return ProblemResponse(Error{ErrorCode::kNotFound,
                                      (*kind)->kind + " '" + call.params["id"] +
                                          "' has no version " + std::to_string(wanted[i]),
                                      i == 0 ? "from" : "to", "version_missing"});
  }
  auto changes = DiffContent(**kind, *contents[0], *contents[1]);
  co_return JsonResponse(200,
                         Json{{"from", *from}, {"to", *to}, {"changes", ChangesToJson(changes)}});
}

Awaitable<HttpResponse> ValidateMasterdata(Api& api, Call& call) {
  const std::string kind = call.body["kind"].get<std::string>();
  const KindDef* def = FindKind(kind);
  if (!def)
    co_return ProblemResponse(Error::Invalid("kind", "unknown master data kind '" + kind + "'"));
  const Json& content = call.body["content"];
  const std::string id = content.contains("id") && content["id"].is_string()
                             ? content["id"].get<std::string>()
                             : std::string();
  Json errors = Json::array();
  for (const auto& e : ValidateContent(*def, id, content))
    errors.push_back({{"field", e.field}, {"message", e.message}});
  co_return JsonResponse(200, Json{{"errors", errors}});
}

}  // namespace ordo::masterdata::http
