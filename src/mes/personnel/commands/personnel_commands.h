// The personnel capability's engine commands: granting and revoking a qualification and
// recording a training. A grant or a training record about the actor is refused, and
// dates are checked against the UTC day of the command's time (domain/duties.h).
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

// QualificationRevoked (see DecideRevokeQualification). Reply: {"revocation": the payload
// plus seq, revoked_by and reason}, 200.
engine::Command RevokeQualification(engine::Actor actor, RevokeGrantRequest request);

}  // namespace ordo::personnel
