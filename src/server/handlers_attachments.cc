// Handlers: attachments of work instructions, stored and named by their SHA-256, so a
// routing version refers to exact bytes; reading re-checks the hash.
#include "app/masterdata_commands.h"
#include "core/crypto.h"
#include "server/api.h"
#include "server/legacy_handlers.h"
#include "store/masterdata_queries.h"

namespace ordo::server {

namespace {

bool IsMediaType(const std::string& t) {
  const auto slash = t.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == t.size()) return false;
  for (char c : t)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '/' && c != '.' && c != '+' &&
        c != '-')
      return false;
  return true;
}

Json AttachmentJson(const store::AttachmentRow& a) {
  return Json{{"sha256", a.sha256},
              {"name", a.name},
              {"media_type", a.media_type},
              {"size", a.size},
              {"seq", a.seq}};
}

}  // namespace

Awaitable<HttpResponse> StoreAttachment(Api& api, Call& call) {
  const std::string name = call.body["name"].get<std::string>();
  const std::string media_type = call.body["media_type"].get<std::string>();
  if (name.empty() || name.find_first_of("/\\\n\r") != std::string::npos)
    co_return ProblemResponse(Error::Invalid("name", "name must be a file name without / or \\"));
  if (!IsMediaType(media_type))
    co_return ProblemResponse(
        Error::Invalid("media_type", "media_type must look like type/subtype"));
  auto data = DecodeBase64(call.body["data"].get<std::string>());
  if (!data)
    co_return ProblemResponse(
        Error::Invalid("data", "data must be standard base64 (with padding)"));
  if (data->empty())
    co_return ProblemResponse(Error::Invalid("data", "an attachment cannot be empty"));
  // The same bytes are stored once: answer with what is there.
  auto existing = store::FindAttachment(api.reader(), Sha256Hex(*data));
  if (!existing.ok()) co_return ProblemResponse(existing.error());
  if (*existing) co_return JsonResponse(200, Json{{"attachment", AttachmentJson(**existing)}});
  engine::Command command =
      app::StoreAttachment(api.ActorOf(call), name, media_type, std::move(*data));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> GetAttachment(Api& api, Call& call) {
  const std::string sha256 = call.params["sha256"];
  auto meta = store::FindAttachment(api.reader(), sha256);
  if (!meta.ok()) co_return ProblemResponse(meta.error());
  auto data = store::AttachmentData(api.reader(), sha256);
  if (!data.ok()) co_return ProblemResponse(data.error());
  if (!*meta || !*data)
    co_return ProblemResponse(
        Error::Make(ErrorCode::kNotFound, "there is no attachment " + sha256));
  if (Sha256Hex(**data) != sha256)
    co_return ProblemResponse(
        Error::Make(ErrorCode::kInternal, "integrity failure: the stored bytes of attachment " +
                                              sha256 + " no longer match their SHA-256"));
  HttpResponse r;
  r.status = 200;
  r.content_type = (*meta)->media_type;
  r.body = std::move(**data);
  r.headers.emplace_back("Content-Disposition", "inline; filename=\"" + (*meta)->name + "\"");
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  co_return r;
}

}  // namespace ordo::server
