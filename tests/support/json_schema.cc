// A small OpenAPI 3.0 schema checker for response tests.
#include "support/json_schema.h"

namespace ordo::testing {

namespace {

using Json = nlohmann::json;

const Json& Resolve(const Json& schema, const Json& document) {
  if (!schema.is_object() || !schema.contains("$ref")) return schema;
  const std::string ref = schema["$ref"].get<std::string>();  // "#/components/schemas/X"
  return document.at(Json::json_pointer(ref.substr(1)));
}

bool HasType(const Json& value, const std::string& type) {
  if (type == "object") return value.is_object();
  if (type == "array") return value.is_array();
  if (type == "string") return value.is_string();
  if (type == "integer") return value.is_number_integer();
  if (type == "number") return value.is_number();
  if (type == "boolean") return value.is_boolean();
  return false;
}

}  // namespace

std::vector<std::string> SchemaMismatches(const Json& raw, const Json& value, const Json& document,
                                          const std::string& path) {
  std::vector<std::string> out;
  const Json& schema = Resolve(raw, document);
  if (!schema.is_object()) return {path + ": schema is not an object"};
  if (value.is_null()) {
    if (!schema.value("nullable", false) && schema.contains("type"))
      out.push_back(path + ": null, but the schema does not allow null");
    return out;
  }
  if (schema.contains("type")) {
    const std::string type = schema["type"].get<std::string>();
    if (!HasType(value, type)) {
      out.push_back(path + ": expected " + type + ", got " + value.dump());
      return out;
    }
  }
  if (schema.contains("enum")) {
    bool found = false;
    for (const auto& v : schema["enum"]) found = found || v == value;
    if (!found)
      out.push_back(path + ": " + value.dump() + " is not one of " + schema["enum"].dump());
  }
  if (value.is_object()) {
    if (schema.contains("required"))
      for (const auto& name : schema["required"])
        if (!value.contains(name.get<std::string>()))
          out.push_back(path + "." + name.get<std::string>() + ": required but missing");
    if (schema.contains("properties"))
      for (const auto& [name, sub] : schema["properties"].items())
        if (value.contains(name)) {
          auto more = SchemaMismatches(sub, value[name], document, path + "." + name);
          out.insert(out.end(), more.begin(), more.end());
        }
  }
  if (value.is_array() && schema.contains("items"))
    for (std::size_t i = 0; i < value.size(); ++i) {
      auto more = SchemaMismatches(schema["items"], value[i], document,
                                   path + "[" + std::to_string(i) + "]");
      out.insert(out.end(), more.begin(), more.end());
    }
  return out;
}

}  // namespace ordo::testing
