// Handlers of the attachments endpoints and their table. Reading re-checks the hash of
// the stored bytes every time.
#include "mes/attachments/http/attachments_http.h"

#include "core/crypto.h"
#include "mes/attachments/commands/store_attachment.h"
#include "mes/attachments/store/attachments_store.h"
#include "mes/masterdata/permissions.h"
#include "server/api.h"
#include "server/response_schema.h"
#include "server/security_headers.h"

namespace ordo::attachments {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> Store(Api& api, Call& call) {
  // Check the request alone before it takes a place in the writer's queue.
  auto attachment = ParseNewAttachment(call.body["name"].get<std::string>(),
                                       call.body["media_type"].get<std::string>(),
                                       call.body["data"].get<std::string>());
  if (!attachment.ok()) co_return server::ProblemResponse(attachment.error());
  // The same bytes are stored once: answer with what is there.
  auto existing = FindAttachment(api.reader(), attachment->sha256);
  if (!existing.ok()) co_return server::ProblemResponse(existing.error());
  if (*existing) co_return server::JsonResponse(200, Json{{"attachment", ToJson(**existing)}});
  engine::Command command = StoreAttachment(api.ActorOf(call), std::move(*attachment));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  const std::string sha256 = call.params["sha256"];
  auto meta = FindAttachment(api.reader(), sha256);
  if (!meta.ok()) co_return server::ProblemResponse(meta.error());
  auto data = AttachmentData(api.reader(), sha256);
  if (!data.ok()) co_return server::ProblemResponse(data.error());
  if (!*meta || !*data)
    co_return server::ProblemResponse(
        Error::Make(ErrorCode::kNotFound, "there is no attachment " + sha256));
  if (Sha256Hex(**data) != sha256)
    co_return server::ProblemResponse(
        Error::Make(ErrorCode::kInternal, "integrity failure: the stored bytes of attachment " +
                                              sha256 + " no longer match their SHA-256"));
  HttpResponse r;
  r.status = 200;
  r.content_type = (*meta)->media_type;
  r.body = std::move(**data);
  // Always a download, never rendered in ordo's origin: a stored HTML or SVG file can
  // run no script there (sandbox) and its name cannot break the header.
  r.headers.emplace_back("Content-Disposition",
                         server::AttachmentContentDisposition((*meta)->name));
  r.headers.emplace_back("Content-Security-Policy", server::kDownloadContentSecurityPolicy);
  r.headers.emplace_back("X-Content-Type-Options", "nosniff");
  co_return r;
}

// An attachment's metadata (ToJson(AttachmentRow)).
Json AttachmentSchema() {
  using namespace server::schema;
  return Object({{"sha256", String("SHA-256 of the bytes, lower-case hex: the attachment's name")},
                 {"name", String("file name")},
                 {"media_type", String("e.g. image/png")},
                 {"size", Integer("bytes")},
                 {"seq", Integer("the ledger entry that stored it")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint store{"POST",
                         "/api/v1/attachments",
                         masterdata::kMasterdataEdit,
                         {{{"name", F::kString, true, 200, "file name"},
                           {"media_type", F::kString, true, 100, "e.g. image/png"},
                           {"data", F::kString, true, 1000000, "the file, base64"}}},
                         "command",
                         "Store an attachment; it is named by its SHA-256",
                         &Store};
  store.success_status = 201;
  server::Endpoint get{"GET",
                       "/api/v1/attachments/{sha256}",
                       masterdata::kMasterdataRead,
                       {},
                       "read",
                       "An attachment's bytes (its hash re-checked)",
                       &Get};
  // 201 when stored; the same bytes stored before answer 200 with the same body.
  store.response_schema = server::schema::Object({{"attachment", AttachmentSchema()}});
  // The bytes as stored, under the media type given when they were stored.
  Json bytes = server::schema::String("the file's bytes; Content-Type is its media_type");
  bytes["format"] = "binary";
  get.response_schema = server::schema::Content("*/*", bytes);
  return {store, get};
}

}  // namespace ordo::attachments
