// What a batch record still lacks before it can be reviewed and released. Pure.
#pragma once

#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "mes/batchrecord/domain/facts.h"

namespace ordo::batchrecord {

// kind: operation_not_complete | required_value_missing | verification_unsigned.
struct Missing {
  std::string kind, operation, item, message;
};
Json ToJson(const Missing& m);

// Every missing item, by operation position: an operation neither completed nor verified;
// a characteristic of the pinned operation without a sample or a parameter that execution
// requires (execution::ParameterRequired: manual or critical) without a value; an
// operation that needs a second-person verification without one.
std::vector<Missing> CheckCompleteness(const Facts& facts);

}  // namespace ordo::batchrecord
