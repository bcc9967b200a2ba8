// The dispatch capability's published events. Sequencing itself is computed, never
// stored: the only fact dispatch records is a supervisor's move of an operation on a
// work center's list (applied on top of the rule by domain/sequencing.h, in seq order).
// Registered by capability.cc; projected into dsp_move (store/dispatch_store.h).
#pragma once

#include <string>

#include "core/canonical_json.h"

namespace ordo::dispatch {

// A supervisor moved an operation on a work center's dispatch list. Subject kind
// `work_center`, subject id = work_center; who moved it is the ledger entry's actor.
struct OperationMoved {
  static constexpr const char* kType = "dispatch.operation_moved";
  static constexpr int kVersion = 1;
  std::string work_center;
  std::string order_id;
  std::string operation;
  std::string direction;  // "up", "down" or "position" (DirectionName)
  int to_position = 0;    // direction "position": 1-based; else 0
  std::string reason;
};

void to_json(Json& j, const OperationMoved& e);
void from_json(const Json& j, OperationMoved& e);

}  // namespace ordo::dispatch
