// The deviations capability's commands (glue: load state on the writer's connection,
// call the decision in domain/, reply with the deviation as written).
#pragma once

#include <string>

#include "engine/engine.h"
#include "mes/deviations/domain/deviation.h"
#include "mes/signatures/signing.h"

namespace ordo::deviations {

// deviations.deviation_opened (201). Reply: {deviation}.
engine::Command OpenDeviationCommand(engine::Actor actor, DeviationOpened draft);

// deviations.deviation_updated (200). Fails as DecideUpdate, or not_found (field id,
// deviation_missing). Reply: {deviation}.
engine::Command UpdateDeviationCommand(engine::Actor actor, DeviationUpdated update);

// signature.applied + deviations.disposition_signed (+ deviations.deviation_closed)
// (200). Fails as DecideDisposition, or not_found. Reply: {deviation,
// second_signature_required}.
engine::Command DispositionCommand(engine::Actor actor, std::string id, std::string disposition,
                                   std::string comment, signatures::SignerIdentity signer);

}  // namespace ordo::deviations
