// Configuration as code (docs/masterdata.md section 6): master data objects as YAML files,
// one file per object, laid out and typed by the kinds table. Pure; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/masterdata/domain/kinds.h"

namespace ordo::masterdata::plant {

// One file of a plant folder; `path` is relative, e.g. "routings/RT-100.yaml".
struct PlantFile {
  std::string path;
  std::string text;
};

// One master data object read from (or to be written to) a file.
struct PlantObject {
  std::string kind;
  std::string id;
  Json content;
};

// One problem with a file. `line` is 1-based (0: not tied to a line); `field` is a content
// path as in masterdata::FieldError ("" for file-level problems such as YAML syntax).
struct FileError {
  std::string file;
  int line = 0;
  std::string field;
  std::string message;
  std::string code;  // "" or a stable code: yaml_alias_limit, yaml_too_large, too_many_errors
};

struct ReadResult {
  std::vector<PlantObject> objects;  // the objects of the files without errors, in file order
  std::vector<FileError> errors;     // empty: every file is valid
};

// Stable YAML for one object: "kind: <kind>\n", then the content's fields in the kinds
// table's order (nested objects and list items too; fields the table does not know follow
// in name order). Strings are plain unless YAML would read them as something else or
// they hold special characters, then double-quoted with JSON-style escapes; multi-line
// kText as a literal block (|, |- or |+ as the trailing newlines need); numbers as
// nlohmann::json dumps them; booleans true/false; empty lists omitted. The same content
// always gives the same bytes, and ReadPlantFiles reads them back to the same content.
std::string WriteObjectYaml(const masterdata::KindDef& kind, const Json& content);

// One file per object, "<kind directory>/<id>.yaml", sorted by path. Objects of an
// unknown kind are skipped.
std::vector<PlantFile> ExportFiles(const std::vector<PlantObject>& objects);

// Parses and checks `files`. Each must hold one YAML mapping with a top-level `kind:`
// naming a known kind; the other keys are the content, typed by the kinds table
// (numbers and integers from plain scalars, booleans from plain true/false, strings stay
// strings even when they look like numbers; a scalar where a list or mapping is expected,
// or an unknown key, is an error). Then masterdata::ValidateContent runs on every file
// that converted cleanly, and each FieldError is reported at the line of its field (or of
// the nearest ancestor present). Also errors: YAML syntax (at the line yaml-cpp reports),
// the same kind and id in two files (reported on the later file, naming the earlier one).
// File names and folders are not checked. Never throws.
// Bounded (docs/masterdata.md "Limits"): a file with more than 1000 YAML alias
// references, or more than 4 MiB with its aliases expanded (32 MiB for all files), is
// refused with code yaml_alias_limit / yaml_too_large before it is walked; at most 50
// problems are listed per file (then one too_many_errors line counts the rest), and a
// field or message longer than 300 characters is cut.
ReadResult ReadPlantFiles(const std::vector<PlantFile>& files);

// "file:line: field: message" per error, one per line ("file:line: message" without a
// field).
std::string FormatErrors(const std::vector<FileError>& errors);

}  // namespace ordo::masterdata::plant
