// Reference tables generated from what the capabilities registered: the event types and
// the role -> permission matrix. docs/ holds them between markers; a test fails when the
// docs and the registries differ, and `ordo reference update-docs` rewrites them.
#pragma once

#include <string>

#include "core/result.h"

namespace ordo::cli {

// Markdown table: type, schema version, capability, summary (sorted by type).
std::string EventTypesTable();
// Markdown table: permission, one column per role (x where held), what it allows.
std::string PermissionsTable();

// The generated blocks and the docs file each lives in (relative to the repository).
struct GeneratedBlock {
  const char* name;  // "event types", "permissions"
  const char* file;  // e.g. "docs/event-schema.md"
  std::string (*generate)();
};
const GeneratedBlock* GeneratedBlocks(std::size_t* count);

// The text between "<!-- BEGIN generated: NAME -->" and "<!-- END generated: NAME -->"
// in `document` (without the marker lines); not_found when the markers are missing.
Result<std::string> ExtractBlock(const std::string& document, const std::string& name);
// `document` with that block replaced by `content`; not_found when the markers are missing.
Result<std::string> ReplaceBlock(const std::string& document, const std::string& name,
                                 const std::string& content);

}  // namespace ordo::cli
