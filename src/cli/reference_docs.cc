// Markdown from the registries (event types, permissions) and the docs' generated blocks.
#include "cli/reference_docs.h"

#include "core/permissions.h"
#include "ledger/event_schema.h"

namespace ordo::cli {

namespace {

std::string Begin(const std::string& name) { return "<!-- BEGIN generated: " + name + " -->\n"; }
std::string End(const std::string& name) { return "<!-- END generated: " + name + " -->"; }

}  // namespace

std::string EventTypesTable() {
  std::string out = "| type | version | capability | what it records |\n|---|---|---|---|\n";
  for (const auto& t : ledger::EventTypes())
    out += "| `" + t.type + "` | " + std::to_string(t.version) + " | " + t.capability + " | " +
           t.summary + " |\n";
  return out;
}

std::string PermissionsTable() {
  std::string out = "| permission |";
  std::string rule = "|---|";
  for (const auto& role : AllRoles()) {
    out += " " + role + " |";
    rule += "---|";
  }
  out += " allows |\n" + rule + "---|\n";
  for (const auto& p : RegisteredPermissions()) {
    out += "| `" + p.name + "` |";
    for (const auto& role : AllRoles()) out += RoleGrants(role, p.name) ? " x |" : "  |";
    out += " " + p.description + " |\n";
  }
  return out;
}

const GeneratedBlock* GeneratedBlocks(std::size_t* count) {
  static const GeneratedBlock blocks[] = {
      {"event types", "docs/event-schema.md", &EventTypesTable},
      {"permissions", "docs/api.md", &PermissionsTable},
  };
  *count = sizeof(blocks) / sizeof(blocks[0]);
  return blocks;
}

Result<std::string> ExtractBlock(const std::string& document, const std::string& name) {
  const std::size_t begin = document.find(Begin(name));
  const std::size_t end = document.find(End(name));
  if (begin == std::string::npos || end == std::string::npos || end < begin)
    return Error::Make(ErrorCode::kNotFound, "no generated block '" + name + "' (markers " +
                                                 Begin(name).substr(0, Begin(name).size() - 1) +
                                                 " ... " + End(name) + ")");
  const std::size_t start = begin + Begin(name).size();
  return document.substr(start, end - start);
}

Result<std::string> ReplaceBlock(const std::string& document, const std::string& name,
                                 const std::string& content) {
  auto old = ExtractBlock(document, name);
  if (!old.ok()) return old.error();
  const std::size_t start = document.find(Begin(name)) + Begin(name).size();
  return document.substr(0, start) + content + document.substr(start + old->size());
}

}  // namespace ordo::cli
