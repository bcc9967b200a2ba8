// Handlers: change requests (list, read, open, drafts, the signed steps, withdraw).
#include "core/permissions.h"
#include "mes/masterdata/commands/change_control.h"
#include "mes/masterdata/domain/kinds.h"
#include "mes/masterdata/http/handlers.h"
#include "mes/masterdata/store/queries.h"
#include "mes/masterdata/store/views.h"
#include "mes/signatures/signing.h"

namespace ordo::masterdata::http {

namespace {

using server::JsonResponse;
using server::ProblemResponse;

std::string QueryText(const server::HttpRequest& request, const std::string& name) {
  auto it = request.query.find(name);
  return it == request.query.end() ? std::string() : it->second;
}

// -1 when `field` is absent.
Result<TimeMicros> OptionalTime(const Json& body, const std::string& field) {
  if (!body.contains(field)) return TimeMicros{-1};
  TimeMicros t = 0;
  if (!ParseIsoTime(body[field].get<std::string>(), &t))
    return Error::Invalid(field, field +
                                     " must be an ISO 8601 date and time with a UTC offset, "
                                     "e.g. 2026-12-01T06:00:00Z");
  return t;
}

Awaitable<HttpResponse> SignedChangeRequestCommand(Api& api, Call& call, std::string meaning) {
  auto authenticating = signatures::AuthenticateSigner(api, call, meaning);
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c =
      meaning == "authored"
          ? commands::SubmitChangeRequest(api.ActorOf(call), call.params["id"], std::move(identity))
          : commands::SignChangeRequest(api.ActorOf(call), call.params["id"], std::move(identity));
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  // The session has signed: with signing_password_only, later signings may omit the user.
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

}  // namespace

Awaitable<HttpResponse> ListChangeRequests(Api& api, Call& call) {
  const std::string state = QueryText(call.request, "state");
  auto rows = masterdata::ListChangeRequests(api.reader(), state);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json out = Json::array();
  for (const auto& cr : *rows) {
    auto view = ChangeRequestView(api.reader(), cr, false);
    if (!view.ok()) co_return ProblemResponse(view.error());
    out.push_back(*view);
  }
  co_return JsonResponse(200, Json{{"change_requests", out}});
}

Awaitable<HttpResponse> GetChangeRequest(Api& api, Call& call) {
  auto cr = FindChangeRequest(api.reader(), call.params["id"]);
  if (!cr.ok()) co_return ProblemResponse(cr.error());
  if (!*cr)
    co_return ProblemResponse(Error::Make(
        ErrorCode::kNotFound, "there is no change request '" + call.params["id"] + "'"));
  auto view = ChangeRequestView(api.reader(), **cr, true);
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
  if (Status s = ValidateOpenChangeRequest(command); !s.ok()) co_return ProblemResponse(s.error());
  engine::Command c = commands::OpenChangeRequest(api.ActorOf(call), std::move(command));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Status CheckDraftPermission(const Call& call, const std::string& kind) {
  const KindDef* def = FindKind(kind);
  if (!def || def->draft_permission.empty()) return Ok();
  if (call.session && !RoleFor(call.session->roles, def->draft_permission).empty()) return Ok();
  return Error::Make(ErrorCode::kPermissionDenied,
                     "drafting " + def->label + " needs the permission '" + def->draft_permission +
                         "', which your roles do not grant");
}

Awaitable<HttpResponse> SaveDraft(Api& api, Call& call) {
  masterdata::SaveDraft command{call.params["id"], call.params["kind"], call.params["object"],
                                call.body["content"], call.body.value("action", "define")};
  if (Status s = CheckDraftPermission(call, command.kind); !s.ok())
    co_return ProblemResponse(s.error());
  engine::Command c = commands::SaveDraft(api.ActorOf(call), std::move(command));
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> WithdrawDraft(Api& api, Call& call) {
  engine::Command c = commands::WithdrawDraft(api.ActorOf(call), call.params["id"],
                                              call.params["kind"], call.params["object"]);
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
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
  engine::Command c = commands::WithdrawChangeRequest(api.ActorOf(call), call.params["id"],
                                                      call.body["reason"].get<std::string>());
  auto running = api.RunCommand(call, std::move(c));
  co_return co_await std::move(running);
}

}  // namespace ordo::masterdata::http
