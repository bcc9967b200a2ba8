// Building blocks for the OpenAPI schemas of success responses, used in the capabilities'
// endpoint tables (Endpoint::response_schema). A test validates real responses against
// the published document (tests/response_schema_test.cc), so a schema cannot drift from
// what the handler sends.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "core/canonical_json.h"

namespace ordo::server::schema {

Json String(const std::string& description = "");
Json Integer(const std::string& description = "");
Json Boolean(const std::string& description = "");
// A UTC time as ISO 8601 text, e.g. "2026-11-25T08:00:00.000000Z".
Json Time(const std::string& description = "");
// `schema` or JSON null.
Json Nullable(Json schema);
Json Array(Json items);
// `schema` restricted to `values` (a string's allowed values).
Json Enum(Json schema, std::vector<std::string> values);
// Any JSON object (content whose shape depends on data, e.g. master data content).
Json AnyObject(const std::string& description = "");
// Any JSON value.
Json Any(const std::string& description = "");
// An object with these properties, all required; more properties are allowed (a later
// release may add fields, never drop them).
Json Object(std::vector<std::pair<std::string, Json>> properties);
// As Object, with `optional` properties that may be absent.
Json Object(std::vector<std::pair<std::string, Json>> properties,
            std::vector<std::pair<std::string, Json>> optional);

// A body that is not JSON, for Endpoint::response_schema: {"content": {media type:
// {"schema": schema}}} (e.g. a file's bytes or an event stream).
Json Content(const std::string& media_type, Json schema);

// A ledger entry as the API shows it (ledger::ToJson): the hashed body, its hash and time.
Json LedgerEntrySchema();

}  // namespace ordo::server::schema
