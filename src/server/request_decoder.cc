// Request body decoding and schema checks.
#include "server/request_decoder.h"

#include <optional>
#include <set>

namespace ordo::server {

namespace {

// Nesting depth of `body`, counting brackets outside strings; stops early past the cap.
int NestingDepth(std::string_view body) {
  int depth = 0, max_depth = 0;
  bool in_string = false, escaped = false;
  for (char c : body) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
      continue;
    }
    if (c == '"')
      in_string = true;
    else if (c == '[' || c == '{') {
      max_depth = std::max(max_depth, ++depth);
      if (max_depth > kMaxJsonDepth) return max_depth;
    } else if (c == ']' || c == '}')
      --depth;
  }
  return max_depth;
}

const char* TypeName(FieldType t) {
  switch (t) {
    case FieldType::kString:
      return "a string";
    case FieldType::kInteger:
      return "an integer";
    case FieldType::kBoolean:
      return "true or false";
    case FieldType::kStringArray:
      return "an array of strings";
    case FieldType::kObject:
      return "a JSON object";
    case FieldType::kObjectArray:
      return "an array of JSON objects";
    case FieldType::kNumber:
      return "a number";
    case FieldType::kNumberArray:
      return "an array of numbers";
  }
  return "?";
}

}  // namespace

Result<Json> DecodeRequest(std::string_view body, const RequestSchema& schema) {
  if (body.empty())
    return Error::Invalid("body", "the request body is empty; expected a JSON object",
                          "empty_body");
  if (NestingDepth(body) > kMaxJsonDepth)
    return Error::Invalid(
        "body",
        "the JSON is nested too deeply (at most " + std::to_string(kMaxJsonDepth) + " levels)",
        "too_deep");
  // Duplicate keys are ambiguous (which one counts?): refuse them instead of keeping
  // the last one silently. One set of keys per open object.
  std::vector<std::set<std::string>> open_objects;
  std::optional<std::string> duplicate;
  Json::parser_callback_t watch = [&](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) open_objects.emplace_back();
    if (event == Json::parse_event_t::object_end && !open_objects.empty()) open_objects.pop_back();
    if (event == Json::parse_event_t::key && !open_objects.empty() && !duplicate &&
        !open_objects.back().insert(parsed.get<std::string>()).second)
      duplicate = parsed.get<std::string>();
    return true;
  };
  Json j = Json::parse(body, watch, false);
  if (j.is_discarded())
    return Error::Invalid("body", "the request body is not valid JSON (UTF-8)", "malformed_json");
  if (duplicate)
    return Error::Invalid(duplicate->empty() ? "(empty name)" : *duplicate,
                          "field '" + *duplicate + "' appears more than once", "duplicate_field");
  if (!j.is_object()) return Error::Invalid("body", "expected a JSON object", "not_an_object");
  for (auto it = j.begin(); it != j.end(); ++it) {
    bool known = false;
    for (const auto& f : schema.fields) known = known || f.name == it.key();
    if (!known) {
      std::string expected;
      for (const auto& f : schema.fields) expected += (expected.empty() ? "" : ", ") + f.name;
      const std::string field = it.key().empty() ? "(empty name)" : it.key();
      return Error::Invalid(field,
                            "unknown field '" + it.key() + "'; expected only: " +
                                (expected.empty() ? "(no fields)" : expected),
                            "unknown_field");
    }
  }
  for (const auto& f : schema.fields) {
    auto it = j.find(f.name);
    if (it == j.end() || it->is_null()) {
      if (f.required)
        return Error::Invalid(f.name,
                              "field '" + f.name + "' is required (" + TypeName(f.type) + ")",
                              "missing_field");
      if (it != j.end()) j.erase(it);
      continue;
    }
    bool ok = false;
    switch (f.type) {
      case FieldType::kString:
        ok = it->is_string() && it->get_ref<const std::string&>().size() <= f.max_length;
        break;
      case FieldType::kInteger:
        ok = it->is_number_integer();
        break;
      case FieldType::kBoolean:
        ok = it->is_boolean();
        break;
      case FieldType::kStringArray:
        ok = it->is_array() && it->size() <= f.max_length;
        if (ok)
          for (const auto& item : *it)
            ok = ok && item.is_string() && item.get_ref<const std::string&>().size() <= 200;
        break;
      case FieldType::kObject:
        ok = it->is_object();
        break;
      case FieldType::kObjectArray:
        ok = it->is_array() && it->size() <= f.max_length;
        if (ok)
          for (const auto& item : *it) ok = ok && item.is_object();
        break;
      case FieldType::kNumber:
        ok = it->is_number();
        break;
      case FieldType::kNumberArray:
        ok = it->is_array() && it->size() <= f.max_length;
        if (ok)
          for (const auto& item : *it) ok = ok && item.is_number();
        break;
    }
    if (!ok) {
      std::string limit =
          f.type == FieldType::kString ? " of at most " + std::to_string(f.max_length) + " bytes"
          : f.type == FieldType::kStringArray || f.type == FieldType::kObjectArray ||
                  f.type == FieldType::kNumberArray
              ? " with at most " + std::to_string(f.max_length) + " items"
              : "";
      return Error::Invalid(f.name, "field '" + f.name + "' must be " + TypeName(f.type) + limit,
                            "wrong_type");
    }
  }
  return j;
}

Json SchemaToOpenApi(const RequestSchema& schema) {
  Json properties = Json::object();
  Json required = Json::array();
  for (const auto& f : schema.fields) {
    Json p;
    switch (f.type) {
      case FieldType::kString:
        p = {{"type", "string"}, {"maxLength", f.max_length}};
        break;
      case FieldType::kInteger:
        p = {{"type", "integer"}};
        break;
      case FieldType::kBoolean:
        p = {{"type", "boolean"}};
        break;
      case FieldType::kStringArray:
        p = {{"type", "array"}, {"items", {{"type", "string"}}}, {"maxItems", f.max_length}};
        break;
      case FieldType::kObject:
        p = {{"type", "object"}};
        break;
      case FieldType::kObjectArray:
        p = {{"type", "array"}, {"items", {{"type", "object"}}}, {"maxItems", f.max_length}};
        break;
      case FieldType::kNumber:
        p = {{"type", "number"}};
        break;
      case FieldType::kNumberArray:
        p = {{"type", "array"}, {"items", {{"type", "number"}}}, {"maxItems", f.max_length}};
        break;
    }
    if (!f.description.empty()) p["description"] = f.description;
    properties[f.name] = p;
    if (f.required) required.push_back(f.name);
  }
  Json out{{"type", "object"}, {"additionalProperties", false}, {"properties", properties}};
  if (!required.empty()) out["required"] = required;
  return out;
}

}  // namespace ordo::server
