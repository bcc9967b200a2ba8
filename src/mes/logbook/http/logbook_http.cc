// Handlers of the logbook endpoints and their table.
#include "mes/logbook/http/logbook_http.h"

#include "mes/logbook/commands/record_entry.h"
#include "mes/logbook/permissions.h"
#include "mes/logbook/store/logbook_store.h"
#include "server/api.h"
#include "server/query_params.h"
#include "server/response_schema.h"

namespace ordo::logbook {

namespace {

using server::Api;
using server::Awaitable;
using server::Call;
using server::HttpResponse;

Awaitable<HttpResponse> Record(Api& api, Call& call) {
  RecordEntry entry;
  entry.subject = call.body["subject"].get<std::string>();
  entry.category = call.body["category"].get<std::string>();
  entry.text = call.body["text"].get<std::string>();
  if (call.body.contains("corrects")) entry.corrects = call.body["corrects"].get<std::int64_t>();
  if (call.body.contains("reason")) entry.reason = call.body["reason"].get<std::string>();
  // Check the command alone before it takes a place in the writer's queue.
  if (Status s = ValidateRecordEntry(entry); !s.ok()) co_return server::ProblemResponse(s.error());
  engine::Command command = RecordLogbookEntry(api.ActorOf(call), std::move(entry));
  auto running = api.RunCommand(call, std::move(command));
  co_return co_await std::move(running);
}

Awaitable<HttpResponse> List(Api& api, Call& call) {
  auto before = server::IntParam(call.request.query, "before", 0, 0, INT64_MAX);
  if (!before.ok()) co_return server::ProblemResponse(before.error());
  auto limit = server::IntParam(call.request.query, "limit", 100, 1, 1000);
  if (!limit.ok()) co_return server::ProblemResponse(limit.error());
  std::string subject;
  if (auto it = call.request.query.find("subject"); it != call.request.query.end())
    subject = it->second;
  auto rows = ListLogbook(api.reader(), subject, *before, *limit);
  if (!rows.ok()) co_return server::ProblemResponse(rows.error());
  Json entries = Json::array();
  for (const auto& r : *rows) entries.push_back(ToJson(r));
  co_return server::JsonResponse(200, Json{{"entries", entries}});
}

// One logbook row as the API shows it (ToJson(LogbookRow)).
Json EntrySchema() {
  using namespace server::schema;
  return Object({{"seq", Integer("the entry's id: the seq of its ledger entry")},
                 {"subject", String("equipment or area id")},
                 {"subject_type",
                  String("equipment (an equipment id of master data when recorded), free_text "
                         "(an area not in master data) or unchecked (recorded before subjects "
                         "were compared with master data)")},
                 {"category", String()},
                 {"text", String()},
                 {"actor", String("who recorded it")},
                 {"role", String("the role it was recorded in")},
                 {"time", Time("server time of the record")},
                 {"corrects", Nullable(Integer("seq of the entry this one corrects"))},
                 {"reason", Nullable(String("why (corrections)"))},
                 {"corrected_by", Array(Integer("seq of a later correction"))}});
}

}  // namespace

std::vector<server::Endpoint> Endpoints() {
  using F = server::FieldType;
  server::Endpoint record{
      "POST",
      "/api/v1/logbook",
      kLogbookWrite,
      {{{"subject", F::kString, true, 64, "equipment or area id"},
        {"category", F::kString, true, 32,
         "use, cleaning, maintenance, calibration, shift_handover, deviation_note, other"},
        {"text", F::kString, true, 4000, "what happened"},
        {"corrects", F::kInteger, false, 0, "seq of the entry this corrects"},
        {"reason", F::kString, false, 1000, "why (required with corrects)"}}},
      "command",
      "Record a logbook entry or a correction",
      &Record};
  record.success_status = 201;
  record.response_schema = server::schema::Object({{"entry", EntrySchema()}});
  server::Endpoint list{
      "GET",        "/api/v1/logbook",
      kLogbookRead, {},
      "read",       "List logbook entries (?subject= ignoring case, &before=&limit=)",
      &List};
  list.response_schema =
      server::schema::Object({{"entries", server::schema::Array(EntrySchema())}});
  return {record, list};
}

}  // namespace ordo::logbook
