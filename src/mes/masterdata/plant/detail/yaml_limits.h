// Limits on what one plant YAML file may expand to. yaml-cpp keeps an aliased node once
// and shares it, but every walk over the document (typing, validation, error paths)
// visits it once per alias: a 100 KiB anchor used 600 times is a 60 MB document. The
// check runs on yaml-cpp's event parser before the file is loaded. Private to
// src/mes/masterdata/plant.
#pragma once

#include <cstddef>
#include <optional>

#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant::detail {

// The limits of one ReadPlantFiles call (values documented in docs/masterdata.md).
struct YamlLimits {
  std::size_t max_aliases = 1000;                    // alias references per file
  std::size_t max_expanded_bytes = 4u << 20;         // one file with aliases expanded
  std::size_t max_total_expanded_bytes = 32u << 20;  // all files of one call
  std::size_t max_errors_per_file = 50;              // further problems are counted
  std::size_t max_error_text = 300;                  // characters of a field or message
};

// What CheckYamlExpansion measured.
struct YamlExpansion {
  std::size_t aliases = 0;
  std::size_t expanded_bytes = 0;  // scalar bytes plus a few bytes per node, aliases expanded
};

// Measures `file` in one pass of the event parser. Returns the measure, or a FileError
// naming the file and the limit: code yaml_alias_limit (more than max_aliases alias
// references, or an alias used inside its own anchor, which would make the document
// infinite) or yaml_too_large (more than `budget` bytes with aliases expanded). Stops
// at the first exceeded limit, so the work is bounded by the text size. YAML syntax
// errors are not reported here (the loader reports them at their line). Pure.
struct ExpansionCheck {
  YamlExpansion measured;
  std::optional<FileError> error;
};
ExpansionCheck CheckYamlExpansion(const PlantFile& file, const YamlLimits& limits,
                                  std::size_t budget);

}  // namespace ordo::masterdata::plant::detail
