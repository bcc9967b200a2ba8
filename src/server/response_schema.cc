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

}  // namespace ordo::server::schema
