// Decodes and checks a JSON request body against a declared schema: valid UTF-8 JSON,
// an object, no duplicate keys, no unknown fields, the right types, required fields present,
// lengths in range. Every failure names the field and what was expected. This is the code the
// libFuzzer target drives.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/canonical_json.h"
#include "core/result.h"

namespace ordo::server {

// kObject / kObjectArray: a JSON object (array of objects) whose inside the handler
// checks (e.g. master data content against its kind, a signature's fields). kNumber: any
// JSON number (integer or decimal; the handler checks its range); kNumberArray: an array
// of them (e.g. a characteristic's sample).
enum class FieldType {
  kString,
  kInteger,
  kBoolean,
  kStringArray,
  kObject,
  kObjectArray,
  kNumber,
  kNumberArray
};

struct FieldSpec {
  std::string name;
  FieldType type = FieldType::kString;
  bool required = false;
  std::size_t max_length = 4000;  // strings: bytes; arrays: items
  std::string description;
};

struct RequestSchema {
  std::vector<FieldSpec> fields;
  bool empty() const { return fields.empty(); }
};

// Maximum nesting of arrays/objects accepted before parsing (guards the stack).
inline constexpr int kMaxJsonDepth = 16;

// Parses `body` and checks it against `schema`. On success the object holds only
// declared fields.
Result<Json> DecodeRequest(std::string_view body, const RequestSchema& schema);

// The schema as an OpenAPI 3 schema object.
Json SchemaToOpenApi(const RequestSchema& schema);

}  // namespace ordo::server
