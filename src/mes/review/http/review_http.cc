// Handlers of the review endpoints and their table.
#include "mes/review/http/review_http.h"

#include "mes/audit/permissions.h"
#include "mes/review/commands/review_audit_trail.h"
#include "mes/review/permissions.h"
#include "mes/review/store/review_view.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::review {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

Result<TimeMicros> TimeField(const Json& body, const std::string& field) {
  TimeMicros t = 0;
  if (!ParseIsoTime(body[field].get<std::string>(), &t))
    return Error::Invalid(field,
                          field +
                              " must be an ISO 8601 date and time with a UTC offset, e.g. "
                              "2026-11-01T00:00:00Z",
                          "invalid_time");
  return t;
}

// The command of a POST body (checked alone: ValidateReview).
Result<ReviewAuditTrail> CommandOf(const Json& body) {
  ReviewAuditTrail c;
  auto from = TimeField(body, "from");
  if (!from.ok()) return from.error();
  auto to = TimeField(body, "to");
  if (!to.ok()) return to.error();
  c.from_us = *from;
  c.to_us = *to;
  auto filters = ParseFilters(body.contains("filters") ? body["filters"] : Json());
  if (!filters.ok()) return filters.error();
  c.filters = std::move(*filters);
  if (body.contains("comment") && !body["comment"].get<std::string>().empty())
    c.comment = body["comment"].get<std::string>();
  if (Status s = ValidateReview(c, EventTypeNames()); !s.ok()) return s.error();
  return c;
}

Awaitable<HttpResponse> SignReview(Api& api, Call& call) {
  // The period and filters are checked before the signer is: bad input costs no
  // password check and records no failed signing.
  auto command = CommandOf(call.body);
  if (!command.ok()) co_return ProblemResponse(command.error());
  std::string meaning = kMeaning;
  auto authenticating = signatures::AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c =
      ReviewAuditTrailCommand(api.ActorOf(call), std::move(*command), std::move(identity));
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  // The session has signed: with signing_password_only, later signings may omit the user.
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

Awaitable<HttpResponse> ListAuditReviews(Api& api, Call& call) {
  auto before = server::IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return ProblemResponse(before.error());
  auto limit = server::IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  auto rows = ListReviews(api.reader(), *before, *limit);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json reviews = Json::array();
  for (const auto& row : *rows) {
    auto view = ReviewView(api.reader(), row);
    if (!view.ok()) co_return ProblemResponse(view.error());
    reviews.push_back(std::move(*view));
  }
  co_return JsonResponse(200, Json{{"reviews", reviews}});
}

Awaitable<HttpResponse> GetAuditReview(Api& api, Call& call) {
  const std::string id = call.params["id"];
  auto row = FindReview(api.reader(), id);
  if (!row.ok()) co_return ProblemResponse(row.error());
  if (!*row)
    co_return ProblemResponse(Error{ErrorCode::kNotFound,
                                    "there is no audit trail review '" + id + "'", "id",
                                    "review_missing"});
  auto view = ReviewView(api.reader(), **row);
  if (!view.ok()) co_return ProblemResponse(view.error());
  co_return JsonResponse(200, Json{{"review", *view}});
}

using namespace server::schema;

Json Microseconds(const std::string& description) {
  return Integer(description + " (microseconds since 1970-01-01 UTC)");
}

// signatures::ToJson of a review's signature.
Json ReviewSignatureSchema() {
  return Object({{"signature_id", Integer("seq of its signature.applied ledger entry")},
                 {"signer_id", Integer()},
                 {"signer", String("login name")},
                 {"printed_name", String("display name at the time of signing")},
                 {"meaning", Enum(String(), {kMeaning})},
                 {"comment", Nullable(String())},
                 {"record_kind", Enum(String(), {kSubjectKind})},
                 {"record_id", String("the review")},
                 {"record_version", Integer("always 1: a review never changes")},
                 {"content_hash", String("SHA-256 (hex) of the review record signed")},
                 {"time_us", Microseconds("when")},
                 {"time", Time("when")},
                 {"status", Enum(String("the re-check against the review as it is stored now"),
                                 {"valid", "broken", "earlier_revision"})}});
}

// ReviewView (store/review_view.h).
Json ReviewSchema() {
  return Object(
      {{"id", String("e.g. AR-000001")},
       {"seq", Integer("the review's ledger entry")},
       {"time", Time("when it was signed")},
       {"from", Time("start of the period (inclusive)")},
       {"to", Time("end of the period (exclusive)")},
       {"from_us", Microseconds("start of the period")},
       {"to_us", Microseconds("end of the period")},
       {"first_seq", Integer("the first ledger entry in the period")},
       {"last_seq", Integer("the last ledger entry in the period")},
       {"last_entry_hash", String("hash of entry last_seq when the review was signed")},
       {"entries_in_period", Integer("every ledger entry in the period")},
       {"entries_matched", Integer("the entries of the period the filters matched")},
       {"filters", Object({{"type", Nullable(String("event type; null: not filtered"))},
                           {"actor", Nullable(String("login name; null: not filtered"))},
                           {"subject", Nullable(String("subject id; null: not filtered"))}})},
       {"comment", Nullable(String("the reviewer's notes"))},
       {"reviewer_id", Integer()},
       {"reviewer", String("login name")},
       {"printed_name", String("display name at the time of signing")},
       {"signature_seq", Integer("seq of the signature.applied entry")},
       {"chain", Enum(String("whether the ledger still holds entry last_seq with "
                             "last_entry_hash"),
                      {"intact", "changed"})},
       {"signatures", Array(ReviewSignatureSchema())}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint sign{
      "POST",
      "/api/v1/audit-reviews",
      kAuditReview,
      {{{"from", F::kString, true, 64, "start of the period (ISO 8601, inclusive)"},
        {"to", F::kString, true, 64, "end of the period (ISO 8601, exclusive; not after now)"},
        {"filters", F::kObject, false, 0,
         "the audit trail filters used: {type, actor, subject} as in GET /api/v1/ledger"},
        {"comment", F::kString, false, 1000, "the reviewer's notes"},
        {"signature", F::kObject, true, 0, "{user, password, meaning: reviewed, comment}"}}},
      "command",
      "Sign a review of a period of the audit trail (meaning reviewed)",
      &SignReview};
  sign.success_status = 201;
  sign.signature_meaning = kMeaning;
  sign.response_schema = Object({{"review", ReviewSchema()}});
  server::Endpoint list{"GET",
                        "/api/v1/audit-reviews",
                        audit::kAuditRead,
                        {},
                        "read",
                        "Audit trail reviews, newest first (?before=&limit=)",
                        &ListAuditReviews};
  list.response_schema = Object({{"reviews", Array(ReviewSchema())}});
  server::Endpoint get{"GET",
                       "/api/v1/audit-reviews/{id}",
                       audit::kAuditRead,
                       {},
                       "read",
                       "An audit trail review with its signature",
                       &GetAuditReview};
  get.response_schema = Object({{"review", ReviewSchema()}});
  return {sign, list, get};
}

}  // namespace ordo::review
