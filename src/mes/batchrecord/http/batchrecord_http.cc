// Handlers of the batch record endpoints, their table and the worklist source.
#include "mes/batchrecord/http/batchrecord_http.h"

#include "mes/batchrecord/commands/batchrecord_commands.h"
#include "mes/batchrecord/domain/html.h"
#include "mes/batchrecord/domain/review.h"
#include "mes/batchrecord/permissions.h"
#include "mes/batchrecord/store/batchrecord_store.h"
#include "mes/orders/orders.h"
#include "server/api.h"
#include "server/response_schema.h"
#include "server/security_headers.h"
#include "server/worklist.h"

namespace ordo::batchrecord {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

// ?format=json (default) | html; nullopt (and the refusal) otherwise.
Result<bool> WantsHtml(const Call& call) {
  const auto& q = call.request.query;
  auto it = q.find("format");
  if (it == q.end() || it->second == "json") return false;
  if (it->second == "html") return true;
  return Error::Invalid("format", "format must be json or html", "unknown_value");
}

HttpResponse Html(const std::string& body) {
  HttpResponse r;
  r.status = 200;
  r.content_type = "text/html; charset=utf-8";
  r.body = body;
  // The global API policy (default-src 'none') would block the page's inline print CSS.
  r.headers.emplace_back("Content-Security-Policy", server::kPrintableHtmlContentSecurityPolicy);
  return r;
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  const std::string id = call.params["id"];
  auto html = WantsHtml(call);
  if (!html.ok()) co_return ProblemResponse(html.error());
  auto view = RecordView(api.reader(), id);
  if (!view.ok()) co_return ProblemResponse(view.error());
  if (*html) co_return Html(RenderHtml(*view));
  co_return JsonResponse(200, Json{{"batch_record", *view}});
}

Awaitable<HttpResponse> GetVersion(Api& api, Call& call) {
  const std::string id = call.params["id"];
  const std::string n = call.params["n"];
  auto html = WantsHtml(call);
  if (!html.ok()) co_return ProblemResponse(html.error());
  std::int64_t version = 0;
  if (n.empty() || n.size() > 9 || n.find_first_not_of("0123456789") != std::string::npos ||
      (version = std::stoll(n)) < 1)
    co_return ProblemResponse(
        Error::Invalid("n", "the version must be a whole number from 1", "invalid_value"));
  auto order = orders::FindOrder(api.reader(), id);
  if (!order.ok()) co_return ProblemResponse(order.error());
  if (!*order)
    co_return ProblemResponse(
        Error{ErrorCode::kNotFound, "there is no order '" + id + "'", "id", "order_missing"});
  auto sealed = SealedRecordView(api.reader(), id, version);
  if (!sealed.ok()) co_return ProblemResponse(sealed.error());
  if (!*sealed)
    co_return ProblemResponse(Error{ErrorCode::kNotFound,
                                    "the batch record of " + id + " has no sealed version " + n,
                                    "n", "version_missing"});
  const Json& record = **sealed;
  if (*html) co_return Html(RenderHtml(record));
  co_return JsonResponse(200, Json{{"order_id", id},
                                   {"version", version},
                                   {"content_hash", record["content_hash"]},
                                   {"seq", record["release"]["versions"].back()["seq"]},
                                   {"record", record}});
}

Awaitable<HttpResponse> Review(Api& api, Call& call) {
  const std::string id = call.params["id"];
  std::vector<ReviewItem> items;
  const Json& raw = call.body.contains("items") ? call.body["items"] : Json::array();
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const Json& it = raw[i];
    ReviewItem item;
    for (const char* f : {"exception_id", "outcome", "comment"}) {
      if (it.contains(f) && !it[f].is_string())
        co_return ProblemResponse(Error::Invalid("items[" + std::to_string(i) + "]." + f,
                                                 std::string(f) + " must be a string",
                                                 "invalid_type"));
    }
    item.exception_id = it.value("exception_id", "");
    item.outcome = it.value("outcome", "");
    item.comment = it.value("comment", "");
    items.push_back(std::move(item));
  }
  if (Status s = ValidateReview(items); !s.ok()) co_return ProblemResponse(s.error());
  auto running = api.RunCommand(call, ReviewCommand(api.ActorOf(call), id, std::move(items)));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Release(Api& api, Call& call) {
  const std::string id = call.params["id"];
  std::optional<std::string> reason;
  if (call.body.contains("reason") && call.body["reason"].is_string())
    reason = call.body["reason"].get<std::string>();
  std::string meaning = "released";
  auto authenticating = signatures::AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c = ReleaseCommand(api.ActorOf(call), id, reason, identity);
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

constexpr std::int64_t kMaxWorkItems = 200;

Result<std::vector<server::WorklistItem>> AwaitingReview(storage::Database& db,
                                                         const server::Session&, TimeMicros) {
  auto orders = CompletedUnreleasedOrders(db, kMaxWorkItems);
  if (!orders.ok()) return orders.error();
  std::vector<server::WorklistItem> items;
  for (const auto& [id, since] : *orders) {
    auto view = RecordView(db, id);
    if (!view.ok()) continue;  // an order that cannot be read shows on its own page
    const std::size_t open = (*view)["review"]["open"].size();
    const std::string state = (*view)["state"].get<std::string>();
    std::string waits = open > 0 ? std::to_string(open) + " exception(s) to review"
                        : state == kReadyForRelease ? "ready for release"
                                                    : "record " + state;
    items.push_back({"batchrecord.review", id, "Batch record " + id, waits, true,
                     "#/quality/batch-records/" + id, since});
  }
  // A released record whose content changed since (its latest sealed hash differs from
  // the current content hash) waits for its next release. Only the records with an entry
  // after their seal that may change them are compiled (br_watch), page by page until 200
  // amended ones are found or the candidates run out, however old. Reads write nothing: a
  // candidate found unchanged is compiled again on the next read (the watch rule keeps
  // those rare).
  auto page = [&](std::int64_t after, std::int64_t limit) {
    return ChangedSinceSeal(db, after, limit);
  };
  auto is_amended = [&](const Candidate& c) {
    auto view = RecordView(db, c.order_id);
    return view.ok() && (*view)["state"] == kAmended;
  };
  auto amended = FirstAmended(page, is_amended, kMaxWorkItems, kMaxWorkItems);
  if (!amended.ok()) return amended.error();
  for (const auto& c : *amended)
    items.push_back({"batchrecord.review", c.order_id, "Batch record " + c.order_id,
                     "amended: release again", true, "#/quality/batch-records/" + c.order_id,
                     c.since_us});
  return items;
}

using namespace server::schema;

Json RecordSchema() {
  return Object(
      {{"order_id", String()},
       {"content_hash", String("SHA-256 of the canonical JSON without review and release")},
       {"state",
        Enum(String(), {kInProgress, kAwaitingReview, kReadyForRelease, kReleased, kAmended})},
       {"product", AnyObject("product, version, hash, routing")},
       {"order", AnyObject()},
       {"quantities", AnyObject("theoretical and actual quantity, yield with its limits")},
       {"bill_of_materials", Array(AnyObject())},
       {"consumed_lots", Array(AnyObject())},
       {"produced_lots", Array(AnyObject())},
       {"consumed_serials", Array(AnyObject("serial, material, bom_material, operation, who"))},
       {"produced_serials", Array(AnyObject("serial, material, operation, work_unit, who"))},
       {"operations", Array(AnyObject())},
       {"deviations", Array(AnyObject())},
       {"signatures", Array(AnyObject("a manifestation: printed name, time, meaning"))},
       {"exceptions",
        Array(Object(
            {{"id", String("EX-<seq>")},
             {"kind", Enum(String(), {kLimitViolation, kLateEntry, kCorrection, kRefusedAttempt,
                                      kOverConsumption, kDeviation, kYieldOutOfLimits})},
             {"message", String()}}))},
       {"completeness", Object({{"complete", Boolean()}, {"missing", Array(AnyObject())}})},
       {"review", Object({{"exceptions", Array(AnyObject())},
                          {"open", Array(String("exception id"))},
                          {"open_deviations", Array(String("DV id"))}})},
       {"release", Object({{"released", Boolean()}, {"versions", Array(AnyObject())}})}},
      {{"amendment", AnyObject("previous_hash, previous_version, changed paths")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint get{"GET",
                       "/api/v1/orders/{id}/batch-record",
                       kBatchRecordRead,
                       {},
                       "read",
                       "The order's electronic batch record with completeness, exceptions and "
                       "review state (?format=html: printable)",
                       &Get};
  get.response_schema = Object({{"batch_record", RecordSchema()}});

  server::Endpoint version{"GET",
                           "/api/v1/orders/{id}/batch-record/versions/{n}",
                           kBatchRecordRead,
                           {},
                           "read",
                           "A sealed version of the batch record (?format=html: printable)",
                           &GetVersion};
  version.response_schema =
      Object({{"order_id", String()},
              {"version", Integer()},
              {"content_hash", String()},
              {"seq", Integer("the batchrecord.released entry")},
              {"record", AnyObject("the sealed record with the review in force when "
                                   "it was sealed and its release block")}});

  server::Endpoint review{
      "POST",
      "/api/v1/orders/{id}/batch-record/review",
      kBatchRecordReview,
      {{{"items", F::kObjectArray, true, 500,
         "[{exception_id: EX-<seq>, outcome: acknowledged|dispositioned, comment}]"}}},
      "command",
      "Review exceptions of a batch record (review by exception)",
      &Review};
  review.response_schema = Object({{"batch_record", RecordSchema()}});

  server::Endpoint release{
      "POST",
      "/api/v1/orders/{id}/batch-record/release",
      kBatchRecordRelease,
      {{{"reason", F::kString, false, 2000,
         "why an amended record is released again (required then)"},
        {"signature", F::kObject, true, 0, "{user, password, meaning: released, comment}"}}},
      "command",
      "Release (seal) the batch record: signed, meaning released; signs a ledger checkpoint "
      "and releases the quarantined lots the order produced",
      &Release};
  release.signature_meaning = "released";
  release.response_schema =
      Object({{"batch_record", RecordSchema()},
              {"checkpoint_seq", Integer("the seq of the signed checkpoint")}});
  return {get, version, review, release};
}

void RegisterWorklistSources() {
  server::RegisterWorklistSource({"batchrecord.awaiting_review", kBatchRecordReview,
                                  "completed orders whose batch record is not released: review "
                                  "by exception, then release",
                                  &AwaitingReview});
}

}  // namespace ordo::batchrecord
