// The personnel capability's engine commands: granting a qualification and recording a
// training.
#pragma once

#include "engine/engine.h"
#include "mes/personnel/domain/personnel.h"

namespace ordo::personnel {

// QualificationGranted (see DecideGrantQualification); the qualification must be in force
// at the command's time. Reply: {"grant": the payload plus seq and granted_by}, 201.
engine::Command GrantQualification(engine::Actor actor, GrantRequest request);

// TrainingRecorded (see DecideRecordTraining). Reply: {"training": the payload plus seq
// and recorded_by}, 201.
engine::Command RecordTraining(engine::Actor actor, TrainingRequest request);

}  // namespace ordo::personnel
