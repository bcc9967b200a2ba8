// Handlers of the deviations endpoints, their table and the worklist source.
#include "mes/deviations/http/deviations_http.h"

#include "mes/deviations/commands/deviation_commands.h"
#include "mes/deviations/deviations.h"
#include "mes/deviations/permissions.h"
#include "mes/deviations/store/deviations_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"
#include "server/worklist.h"

namespace ordo::deviations {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;
using server::JsonResponse;
using server::ProblemResponse;

std::string Text(const Json& body, const std::string& field) {
  return body.contains(field) && body[field].is_string() ? body[field].get<std::string>()
                                                         : std::string();
}

std::optional<std::string> Maybe(const Json& body, const std::string& field) {
  if (!body.contains(field) || !body[field].is_string()) return std::nullopt;
  return body[field].get<std::string>();
}

Awaitable<HttpResponse> Create(Api& api, Call& call) {
  DeviationOpened d;
  d.order_id = Text(call.body, "order_id");
  d.operation = Text(call.body, "operation");
  if (call.body.contains("lots")) call.body["lots"].get_to(d.lots);
  d.source = "manual";
  d.classification = call.body.contains("classification") ? Text(call.body, "classification")
                                                          : std::string("major");
  d.title = Text(call.body, "title");
  d.description = Text(call.body, "description");
  d.blocks_completion = call.body.value("blocks_completion", false);
  if (Status s = ValidateOpen(d); !s.ok()) co_return ProblemResponse(s.error());
  auto running = api.RunCommand(call, OpenDeviationCommand(api.ActorOf(call), std::move(d)));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> List(Api& api, Call& call) {
  const auto& q = call.request.query;
  std::string state, order;
  if (auto it = q.find("state"); it != q.end()) state = it->second;
  if (auto it = q.find("order"); it != q.end()) order = it->second;
  if (!state.empty() && state != kStateOpen && state != kStateClosed)
    co_return ProblemResponse(
        Error::Invalid("state", "state must be open or closed", "unknown_value"));
  auto limit = server::IntParam(q, "limit", 500, 1, 5000);
  if (!limit.ok()) co_return ProblemResponse(limit.error());
  auto rows = ListDeviations(api.reader(), state, order, *limit);
  if (!rows.ok()) co_return ProblemResponse(rows.error());
  Json list = Json::array();
  for (const auto& d : *rows) list.push_back(ToJson(d));
  co_return JsonResponse(200, Json{{"deviations", list}});
}

Awaitable<HttpResponse> Get(Api& api, Call& call) {
  const std::string id = call.params["id"];
  auto d = FindDeviation(api.reader(), id);
  if (!d.ok()) co_return ProblemResponse(d.error());
  if (!*d)
    co_return ProblemResponse(Error{ErrorCode::kNotFound, "there is no deviation '" + id + "'",
                                    "id", "deviation_missing"});
  co_return JsonResponse(200, Json{{"deviation", ToJson(**d)}});
}

Awaitable<HttpResponse> Update(Api& api, Call& call) {
  DeviationUpdated u;
  u.id = call.params["id"];
  u.classification = Maybe(call.body, "classification");
  u.description = Maybe(call.body, "description");
  u.investigation_note = Maybe(call.body, "investigation_note");
  u.root_cause = Maybe(call.body, "root_cause");
  u.capa = Maybe(call.body, "capa");
  auto running = api.RunCommand(call, UpdateDeviationCommand(api.ActorOf(call), std::move(u)));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> Disposition(Api& api, Call& call) {
  const std::string id = call.params["id"];
  const std::string disposition = Text(call.body, "disposition");
  const std::string comment = Text(call.body, "comment");
  // The input is checked before the signer is: bad input costs no password check.
  if (!IsDisposition(disposition))
    co_return ProblemResponse(Error::Invalid(
        "disposition", "disposition must be use_as_is, rework, scrap or return_to_supplier",
        "unknown_value"));
  std::string meaning = "dispositioned";
  auto authenticating = signatures::AuthenticateSigner(api, call, std::move(meaning));
  auto signer = co_await std::move(authenticating);
  if (auto* refused = std::get_if<HttpResponse>(&signer)) co_return std::move(*refused);
  auto& identity = std::get<signatures::SignerIdentity>(signer);
  // Never let the password reach the idempotency record's request hash.
  call.body["signature"].erase("password");
  engine::Command c = DispositionCommand(api.ActorOf(call), id, disposition, comment, identity);
  auto running = api.RunCommand(call, std::move(c));
  HttpResponse response = co_await std::move(running);
  if (response.status >= 200 && response.status < 300) api.sessions().MarkSigned(call.token);
  co_return response;
}

// Whether `user` may sign the next disposition: not the author, not a signer already.
bool MaySign(const Deviation& d, const std::string& user) {
  if (d.author == user) return false;
  for (const auto& x : d.dispositions)
    if (x.signer == user) return false;
  return true;
}

// Most open deviations one worklist shows: the oldest, the most overdue.
constexpr std::int64_t kMaxItems = 200;

Result<std::vector<server::WorklistItem>> Open(storage::Database& db,
                                               const server::Session& session, TimeMicros) {
  auto rows = OldestOpenDeviations(db, kMaxItems);
  if (!rows.ok()) return rows.error();
  std::vector<server::WorklistItem> items;
  for (const Deviation& d : *rows) {
    const int needed = SignaturesNeeded(d);
    const int have = static_cast<int>(d.dispositions.size());
    std::string waits = have == 0
                            ? "open: waiting for investigation and a signed disposition"
                            : "waiting for the second quality signature (" + std::to_string(have) +
                                  " of " + std::to_string(needed) + ")";
    items.push_back({"deviation.disposition", d.id,
                     d.id + " (" + d.classification + "): " + d.title + " - order " + d.order_id +
                         (d.operation.empty() ? "" : " operation " + d.operation),
                     waits, MaySign(d, session.user_name), "#/quality/deviations/" + d.id,
                     d.opened_us});
  }
  if (static_cast<std::int64_t>(items.size()) < kMaxItems) return items;
  // Capped: one summary item says how many are open in all.
  auto total = CountOpenDeviations(db);
  if (!total.ok()) return total.error();
  if (*total > kMaxItems)
    items.push_back({"deviation.more", "",
                     std::to_string(*total) + " open deviations in all; the " +
                         std::to_string(kMaxItems) + " oldest are listed",
                     "the newer ones are in the quality workspace", false,
                     "#/quality/deviations", 0});
  return items;
}

using namespace server::schema;

Json DeviationSchema() {
  return Object(
      {{"id", String("DV-000001...")},
       {"state", Enum(String(), {"open", "closed"})},
       {"order_id", String()},
       {"operation", String("the operation; empty when the deviation is about the order")},
       {"lots", Array(String("a lot involved"))},
       {"source", Enum(String(), {"manual", "parameter_out_of_limits", "over_consumption"})},
       {"exception_seq", Integer("the exception's ledger entry (0: none)")},
       {"classification", Enum(String(), {"minor", "major", "critical"})},
       {"title", String()},
       {"description", String()},
       {"blocks_completion", Boolean("the operation cannot complete while it is open")},
       {"author", String("login name of who opened it (may not sign its disposition)")},
       {"opened_seq", Integer()},
       {"opened_us", Integer()},
       {"closed_us", Integer("0 while open")},
       {"notes", Array(Object({{"text", String()}, {"actor", String()}, {"time_us", Integer()}}))},
       {"root_cause", String("a code of the deviation_category reason codes; empty: none yet")},
       {"capa", String("CAPA reference (free text)")},
       {"dispositions", Array(Object({{"disposition", String()},
                                      {"comment", String()},
                                      {"signer", String()},
                                      {"signature_seq", Integer()},
                                      {"time_us", Integer()}}))},
       {"signatures_needed", Integer("1, or 2 for a critical deviation")}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint create{
      "POST",
      "/api/v1/deviations",
      kDeviationsOpen,
      {{{"order_id", F::kString, true, 64, "the order it is about"},
        {"operation", F::kString, false, 16, "the operation it is about (optional)"},
        {"lots", F::kStringArray, false, 50, "lots involved"},
        {"classification", F::kString, false, 16, "minor, major (default) or critical"},
        {"title", F::kString, true, 200, "short title"},
        {"description", F::kString, false, 4000, "what happened"},
        {"blocks_completion", F::kBoolean, false, 0,
         "the operation cannot complete while it is open (default false)"}}},
      "command",
      "Open a deviation by hand (id DV-nnnnnn)",
      &Create};
  create.success_status = 201;
  create.response_schema = Object({{"deviation", DeviationSchema()}});

  server::Endpoint list{"GET",
                        "/api/v1/deviations",
                        kDeviationsRead,
                        {},
                        "read",
                        "List deviations, newest first (?state=open|closed, ?order=, ?limit=)",
                        &List};
  list.response_schema = Object({{"deviations", Array(DeviationSchema())}});

  server::Endpoint get{"GET",
                       "/api/v1/deviations/{id}",
                       kDeviationsRead,
                       {},
                       "read",
                       "A deviation with its notes and dispositions",
                       &Get};
  get.response_schema = Object({{"deviation", DeviationSchema()}});

  server::Endpoint update{
      "POST",
      "/api/v1/deviations/{id}/update",
      kDeviationsManage,
      {{{"classification", F::kString, false, 16, "minor, major or critical"},
        {"description", F::kString, false, 4000, "the description (replaces it)"},
        {"investigation_note", F::kString, false, 4000, "a note appended to the investigation"},
        {"root_cause", F::kString, false, 64,
         "a code of the reason codes of category deviation_category"},
        {"capa", F::kString, false, 4000, "CAPA reference (free text)"}}},
      "command",
      "Classify or investigate an open deviation",
      &Update};
  update.response_schema = Object({{"deviation", DeviationSchema()}});

  server::Endpoint disposition{
      "POST",
      "/api/v1/deviations/{id}/disposition",
      kDeviationsDisposition,
      {{{"disposition", F::kString, true, 32, "use_as_is, rework, scrap or return_to_supplier"},
        {"comment", F::kString, false, 4000, "why"},
        {"signature", F::kObject, true, 0, "{user, password, meaning: dispositioned, comment}"}}},
      "command",
      "Sign a disposition (signed, meaning dispositioned; critical needs two quality signers, "
      "never the author)",
      &Disposition};
  disposition.signature_meaning = "dispositioned";
  disposition.response_schema =
      Object({{"deviation", DeviationSchema()},
              {"second_signature_required",
               Boolean("a critical deviation waits for a second, different quality signer")}});
  return {create, list, get, update, disposition};
}

void RegisterWorklistSources() {
  server::RegisterWorklistSource({"deviations.open", kDeviationsDisposition,
                                  "open deviations waiting for investigation and a signed "
                                  "disposition by quality (the 200 oldest first; beyond them "
                                  "one summary item with the count of all open)",
                                  &Open});
}

}  // namespace ordo::deviations
