// OpenAPI 3.0 schema fragments for response bodies.
#include "server/response_schema.h"

namespace ordo::server::schema {

namespace {

Json Typed(const char* type, const std::string& description) {
  Json s{{"type", type}};
  if (!description.empty()) s["description"] = description;
  return s;
}

}  // namespace

Json String(const std::string& description) { return Typed("string", description); }
Json Integer(const std::string& description) { return Typed("integer", description); }
Json Boolean(const std::string& description) { return Typed("boolean", description); }

Json Time(const std::string& description) {
  Json s = Typed("string", description.empty() ? "UTC time, ISO 8601" : description);
  s["format"] = "date-time";
  return s;
}

Json Nullable(Json schema) {
  schema["nullable"] = true;
  return schema;
}

Json Array(Json items) { return Json{{"type", "array"}, {"items", std::move(items)}}; }

Json Enum(Json schema, std::vector<std::string> values) {
  schema["enum"] = std::move(values);
  return schema;
}

Json AnyObject(const std::string& description) { return Typed("object", description); }

Json Any(const std::string& description) {
  Json s = Json::object();
  if (!description.empty()) s["description"] = description;
  return s;
}

Json Object(std::vector<std::pair<std::string, Json>> properties) {
  return Object(std::move(properties), {});
}

Json Object(std::vector<std::pair<std::string, Json>> properties,
            std::vector<std::pair<std::string, Json>> optional) {
  Json s{{"type", "object"}, {"properties", Json::object()}};
  Json required = Json::array();
  for (auto& [name, schema] : properties) {
    required.push_back(name);
    s["properties"][name] = std::move(schema);
  }
  for (auto& [name, schema] : optional) s["properties"][name] = std::move(schema);
  if (!required.empty()) s["required"] = required;
  return s;
}

Json Content(const std::string& media_type, Json schema) {
  return Json{{"content", {{media_type, {{"schema", std::move(schema)}}}}}};
}

Json LedgerEntrySchema() {
  return Object(
      {{"seq", Integer("position in the ledger, from 1")},
       {"time_us", Integer("server time (microseconds since 1970-01-01 UTC)")},
       {"time", Time("server time")},
       {"actor", String("login name of who acted")},
       {"role", String("the role the actor acted in")},
       {"type", String("event type, e.g. logbook.entry_recorded")},
       {"schema_version", Integer("version of this type's payload schema")},
       {"subject", Object({{"kind", String()},
                           {"id", String()},
                           {"version", Integer("the record's version after this entry")}})},
       {"payload", AnyObject("the event's data; its shape depends on `type`")},
       {"reason", Nullable(String("why, when the command gave a reason"))},
       {"signatures", Array(Integer("seq of an electronic signature entry"))},
       {"prev_hash", String("hash of the previous entry (hex SHA-256)")},
       {"hash", String("SHA-256 of prev_hash and the canonical entry, hex")}});
}

}  // namespace ordo::server::schema
