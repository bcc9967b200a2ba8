// Handlers: master data reads and change control commands (docs/masterdata.md).
#include "domain/masterdata/diff.h"
#include "domain/masterdata/kinds.h"
#include "domain/masterdata/validate.h"
#include "mes/signatures/signing.h"
#include "server/api.h"
#include "server/legacy_handlers.h"
#include "server/query_params.h"
#include "store/masterdata_queries.h"
#include "store/masterdata_views.h"

namespace ordo::server {

namespace {

Result<const masterdata::KindDef*> KindParam(const std::map<std::string, std::string>& params) {
  const std::string kind = params.at("kind");
  const masterdata::KindDef* def = masterdata::FindKind(kind);
  if (!def) {
    std::string known;
    for (const auto& k : masterdata::Kinds()) known += (known.empty() ? "" : ", ") + k.kind;
    return Error{ErrorCode::kNotFound,
                 "there is no master data kind '" + kind + "'; kinds are: " + known, "kind",
                 "unknown_kind"};
  }
  return def;
}

std::string QueryText(const HttpRequest& request, const std::string& name) {
  auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

Result<TimeMicros> OptionalTime(const Json& body, const std::string& field) {
  if (!body.contains(field)) return TimeMicros{-1};
  TimeMicros t = 0;
  if (!ParseIsoTime(body[field].get<std::string>(), &t))
    return Error::Invalid(field, field +
                                     " must be an ISO 8601 date and time with a UTC offset, "
                                     "e.g. 2026-12-01T06:00:00Z");
  return t;
}

}  // namespace

Awaitable<HttpResponse> MasterdataKinds(Api& api, Call&) {
  co_return JsonResponse(200, Json{{"kinds", masterdata::KindsToJson()}});
}

Awaitable<HttpResponse> ListMasterdata(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto view = store::ListObjects(api.reader(), (*kind)->kind, QueryText(call.request, "q"),
                                 api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> GetMasterdataObject(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto view =
      store::ObjectView(api.reader(), (*kind)->kind, call.params["id"], api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> GetMasterdataVersion(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto version = IntParam(call.params, "version", 0, 1, INT64_MAX);
  if (!version.ok()) co_return ProblemResponse(version.error());
  auto view = store::VersionView(api.reader(), (*kind)->kind, call.params["id"], *version,
                                 api.clock().NowMicros());
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, *view);
}

Awaitable<HttpResponse> DiffMasterdata(Api& api, Call& call) {
  auto kind = KindParam(call.params);
  if (!kind.ok()) co_return ProblemResponse(kind.error());
  auto from = IntParam(call.request.query, "from", -1, 0, INT64_MAX);
  if (!from.ok()) co_return ProblemResponse(from.error());
  auto to = IntParam(call.request.query, "to", -1, 1, INT64_MAX);
  if (!to.ok()) co_return ProblemResponse(to.error());
  if (*from < 0 || *to < 0)
    co_return ProblemResponse(Error::Invalid(*from < 0 ? "from" : "to",
                                             "give both versions: ?from=N&to=M (from=0: empty)"));
  auto rows = store::VersionsOf(api.reader(), (*kind)->kind, call.params["id"]);
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
  auto changes = masterdata::DiffContent(**kind, *contents[0], *contents[1]);
  co_return JsonResponse(
      200, Json{{"from", *from}, {"to", *to}, {"changes", masterdata::ChangesToJson(changes)}});
}

Awaitable<HttpResponse> ValidateMasterdata(Api& api, Call& call) {
  const std::string kind = call.body["kind"].get<std::string>();
  const masterdata::KindDef* def = masterdata::FindKind(kind);
  if (!def)
    co_return ProblemResponse(Error::Invalid("kind", "unknown master data kind '" + kind + "'"));
  const Json& content = call.body["content"];
  const std::string id = content.contains("id") && content["id"].is_string()
                             ? content["id"].get<std::string>()
                             : std::string();
  Json errors = Json::array();
  for (const auto& e : masterdata::ValidateContent(*def, id, content))
    errors.push_back({{"field", e.field}, {"message", e.message}});
  co_return JsonResponse(200, Json{{"errors", errors}});
}

Awaitable<HttpResponse> ListChangeRequests(Api& api, Call& call) {
  const std::string state = QueryText(call.request, "state");
  auto rows = store::ListChangeRequests(api.reader(), state);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json out = Json::array();
  for (const auto& cr : *rows) {
    auto view = store::ChangeRequestView(api.reader(), cr, false);
    if (!view.ok()) co_return ProblemResponse(view.error());
    out.push_back(*view);
  }
  co_return JsonResponse(200, Json{{"change_requests", out}});
}

Awaitable<HttpResponse> GetChangeRequest(Api& api, Call& call) {
  auto cr = store::FindChangeRequest(api.reader(), call.params["id"]);
  if (!cr.ok()) co_return ProblemResponse(cr.error());
  if (!*cr)
    co_return ProblemResponse(Error::Make(
        ErrorCode::kNotFound, "there is no change request '" + call.params["id"] + "'"));
  auto view = store::ChangeRequestView(api.reader(), **cr, true);
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, Json{{"change_request", *view}});
}

Awaitable<HttpResponse> OpenChangeRequest(Api& api, Call& call) {
  masterdata::OpenChangeRequest command{call.body["title"].get<std::string>(),
                                        call.body["description"].get<std::string>(),
                                        call.body["reason"].get<std::string>(),
                                        call.body.value("impact", std::string()), std::nullopt};
  auto from = OptionalTime(call.body, "effective_from");
  if (!from.ok()) co_return ProblemResponse(from.error());
  if (*from >= 0) command.effective_from = *from;
  if (Status s = masterdata::ValidateOpenChangeRequest(command); !s.ok())
    co_return ProblemResponse(s.error());
  engine::Command c = app::OpenChangeRequest(api.ActorOf(call), std::move(command));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> SaveDraft(Api& api, Call& call) {
  masterdata::SaveDraft command{call.params["id"], call.params["kind"], call.params["object"],
                                call.body["content"], call.body.value("action", "define")};
  engine::Command c = app::SaveDraft(api.ActorOf(call), std::move(command));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> WithdrawDraft(Api& api, Call& call) {
  engine::Command c = app::WithdrawDraft(api.ActorOf(call), call.params["id"], call.params["kind"],
                                         call.params["object"]);
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> SignedChangeRequestCommand(Api& api, Call& call, std::string meaning) {
  auto authenticating = signatures::AuthenticateSigner(api, call, meaning);
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<app::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c =
      meaning == "authored"
          ? app::SubmitChangeRequest(api.ActorOf(call), call.params["id"], std::move(identity))
          : app::SignChangeRequest(api.ActorOf(call), call.params["id"], std::move(identity));
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  // The session has signed: with signing_password_only, later signings may omit the user.
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

Awaitable<HttpResponse> SubmitChangeRequest(Api& api, Call& call) {
  std::string meaning = "authored";
  auto pending = SignedChangeRequestCommand(api, call, std::move(meaning));
  co_return co_await std::move(pending);
}
Awaitable<HttpResponse> ReviewChangeRequest(Api& api, Call& call) {
  std::string meaning = "reviewed";
  auto pending = SignedChangeRequestCommand(api, call, std::move(meaning));
  co_return co_await std::move(pending);
}
Awaitable<HttpResponse> ApproveChangeRequest(Api& api, Call& call) {
  std::string meaning = "approved";
  auto pending = SignedChangeRequestCommand(api, call, std::move(meaning));
  co_return co_await std::move(pending);
}
Awaitable<HttpResponse> RejectChangeRequest(Api& api, Call& call) {
  std::string meaning = "rejected";
  auto pending = SignedChangeRequestCommand(api, call, std::move(meaning));
  co_return co_await std::move(pending);
}

Awaitable<HttpResponse> WithdrawChangeRequest(Api& api, Call& call) {
  engine::Command c = app::WithdrawChangeRequest(api.ActorOf(call), call.params["id"],
                                                 call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

}  // namespace ordo::server
