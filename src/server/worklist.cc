// The worklist registry and its collection (worklist.h).
#include "server/worklist.h"

#include <exception>

#include "core/assert.h"
#include "core/permissions.h"
#include "server/response_schema.h"

namespace ordo::server {

namespace {

std::vector<WorklistSource>& Sources() {
  static std::vector<WorklistSource> sources;
  return sources;
}

bool Granted(const Session& session, const std::string& permission) {
  return !RoleFor(session.roles, permission).empty();
}

}  // namespace

void RegisterWorklistSource(WorklistSource source) {
  ORDO_ASSERT(!source.name.empty() && !source.permission.empty() && source.fn);
  for (const auto& known : Sources()) ORDO_ASSERT(known.name != source.name);
  Sources().push_back(std::move(source));
}

const std::vector<WorklistSource>& RegisteredWorklistSources() { return Sources(); }

Worklist CollectWorklist(const std::vector<WorklistSource>& sources, storage::Database& db,
                         const Session& session, TimeMicros now) {
  Worklist out;
  for (const auto& source : sources) {
    if (!Granted(session, source.permission)) continue;
    try {
      auto items = source.fn(db, session, now);
      if (!items.ok()) {
        out.errors.push_back(
            {source.name, ErrorCodeName(items.error().code), items.error().message});
        continue;
      }
      for (auto& item : *items) out.items.push_back({source.name, std::move(item)});
    } catch (const std::exception& e) {
      out.errors.push_back({source.name, "internal", e.what()});
    } catch (...) {
      out.errors.push_back({source.name, "internal", "the source failed"});
    }
  }
  return out;
}

Json ToJson(const Worklist& worklist) {
  Json items = Json::array();
  for (const auto& [source, item] : worklist.items)
    items.push_back(
        Json{{"source", source},
             {"kind", item.kind},
             {"id", item.id},
             {"title", item.title},
             {"state", item.state},
             {"your_turn", item.your_turn},
             {"link", item.link},
             {"since", item.since_us > 0 ? Json(FormatUtcMicros(item.since_us)) : Json(nullptr)}});
  Json errors = Json::array();
  for (const auto& e : worklist.errors)
    errors.push_back(Json{{"source", e.source}, {"code", e.code}, {"message", e.message}});
  return Json{{"items", items}, {"errors", errors}};
}

Json WorklistSchema() {
  using namespace schema;
  Json item = Object(
      {{"source", String("the registered source, e.g. masterdata.change_requests")},
       {"kind", String("what sort of work, e.g. change_request.approve")},
       {"id", String("the record's id; empty for a summary item")},
       {"title", String("the record in words")},
       {"state", String("what is waited for, e.g. 'waiting for approval by quality (0 of 1)'")},
       {"your_turn", Boolean("true when the caller is the one to act, false when others are")},
       {"link", String("where the web UI shows the record: a hash route such as "
                       "#/change-requests/CR-000001")},
       {"since", Nullable(Time("since when it waits"))}});
  Json error = Object({{"source", String("the source that failed")},
                       {"code", String("its error code (as in problem+json)")},
                       {"message", String("what went wrong")}});
  return Object({{"items", Array(item)}, {"errors", Array(error)}});
}

}  // namespace ordo::server
