// The response schemas of the masterdata endpoints (Endpoint::response_schema), one per
// JSON shape the handlers and views send (store/views.cc, domain/kinds.cc, diff.cc and
// the signatures they show). tests/response_schema_test.cc checks real answers against
// them, so they name every key the views always send as required.
#pragma once

#include "core/canonical_json.h"

namespace ordo::masterdata::http {

// A row of the kinds table: {kind, label, directory, description, fields: [field]}, with
// each field's definition (nested fields as deep as the table goes).
Json KindSchema();
// A validation error: {field, message}.
Json FieldErrorSchema();
// One field-by-field difference: {path, old, new} (old/new: any JSON, null when the field
// was added or removed).
Json ChangeSchema();
// A signature on a change request, re-checked against the record it is shown with.
Json SignatureSchema();
// An object as listed: {kind, id, name, status, effective_version, latest_version,
// latest_state}.
Json ObjectRowSchema();
// One version of an object, with its content and its change request's signatures.
Json VersionSchema();
// A change request as listed (GET /api/v1/change-requests): the header and item_count.
Json ChangeRequestSummarySchema();
// A change request in full: the header with items (and their diffs), signatures and
// history.
Json ChangeRequestSchema();
// The answer of every change request command: {change_request: ChangeRequestSchema()}.
Json ChangeRequestReplySchema();

}  // namespace ordo::masterdata::http
