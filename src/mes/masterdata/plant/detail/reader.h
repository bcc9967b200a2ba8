// The YAML reader with its content validation injected, so it can be tested with a fake
// validator. Private to src/mes/masterdata/plant.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mes/masterdata/domain/validate.h"
#include "mes/masterdata/plant/detail/yaml_limits.h"
#include "mes/masterdata/plant/plant_files.h"

namespace ordo::masterdata::plant::detail {

using Validator = std::function<std::vector<masterdata::FieldError>(
    const masterdata::KindDef& kind, const std::string& object_id, const Json& content)>;

// ReadPlantFiles with `validate` in place of masterdata::ValidateContent (empty: no
// content validation beyond the typing by the kinds table) and `limits` in place of the
// defaults.
ReadResult ReadPlantFilesWith(const std::vector<PlantFile>& files, const Validator& validate,
                              const YamlLimits& limits = {});

}  // namespace ordo::masterdata::plant::detail
