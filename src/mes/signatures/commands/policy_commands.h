// The signatures capability's engine commands: publishing and acknowledging the
// signature policy, and recording a failed signing.
#pragma once

#include <cstdint>
#include <string>

#include "engine/engine.h"

namespace ordo::signatures {

// PolicyPublished with the next version (see DecidePublishPolicy): `ordo init` publishes
// the first policy with it; later versions go through change requests (signing.h,
// CurrentPolicy), so it refuses with failed_precondition (reason
// change_control_required) once a policy exists. Reply: {"policy": {version, text, acknowledged: false}}, status 201.
engine::Command PublishSignaturePolicy(engine::Actor actor, std::string text);

// PolicyAcknowledged of `version` by the actor, which must be the current version and not
// yet acknowledged (see DecideAcknowledgePolicy). The caller has re-authenticated the
// actor. Reply: {"acknowledged": the payload}, status 200.
engine::Command AcknowledgeSignaturePolicy(engine::Actor actor, std::int64_t version);

// SignatureFailed: a failed signing attempt in `actor`'s session, naming the user id that
// was typed and why it failed (never the password). Never refused.
engine::Command RecordSignatureFailure(engine::Actor actor, std::string attempted_user,
                                       std::string client, std::string detail);

}  // namespace ordo::signatures
