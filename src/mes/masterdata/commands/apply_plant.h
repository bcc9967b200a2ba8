// The engine command of `POST /api/v1/plant/apply` and of the demo plant: one change
// request with a draft for every object read from plant files that differs from its
// version in force.
#pragma once

#include <string>
#include <vector>

#include "engine/engine.h"
#include "mes/masterdata/domain/change_control.h"

namespace ordo::masterdata::commands {

// One object read from a plant file, with where it came from (for error messages).
struct PlantObjectSource {
  std::string kind, id, file;
  Json content;
};

// ChangeRequestOpened + one DraftSaved per object whose content differs from its version
// in force, in one transaction (201): any refusal (e.g. an open draft of the object
// elsewhere) names the file and nothing is written. Fails as DecideApplyPlant, e.g. with
// failed_precondition (reason no_change) when nothing differs. Reply:
// {change_request, unchanged}.
engine::Command ApplyPlant(engine::Actor actor, masterdata::OpenChangeRequest command,
                           std::vector<PlantObjectSource> objects);

}  // namespace ordo::masterdata::commands
