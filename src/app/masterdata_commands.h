// Application commands for electronic signatures, the signature policy, site settings,
// users' printed names, personnel qualifications and attachments. Each loads current
// state on the writer connection, calls the pure decision (src/domain/signatures) and
// replies with the view the API returns. The caller has already re-authenticated every
// signer (password checked off the writer). (The change control commands moved to
// src/mes/masterdata/commands/.)
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/canonical_json.h"
#include "engine/engine.h"

namespace ordo::app {

// A signer as the API authenticated them; the command adds the printed name and the
// policy acknowledgement from current state.
struct SignerIdentity {
  std::int64_t user_id = 0;
  std::string name;
  std::string meaning;
  std::optional<std::string> comment;
};

// signature.policy_published with the next version. Reply: {policy}.
engine::Command PublishSignaturePolicy(engine::Actor actor, std::string text);
// signature.policy_acknowledged of `version`, which must be the current one.
engine::Command AcknowledgeSignaturePolicy(engine::Actor actor, std::int64_t version);
// site.settings_changed. `settings` holds only known keys with checked values.
engine::Command ChangeSiteSettings(engine::Actor actor, Json settings, std::string reason);
// user.renamed: a new printed name (old signatures keep the name they were made with).
engine::Command RenameUser(engine::Actor actor, std::int64_t user_id, std::string display_name,
                           std::string reason);
// personnel.qualification_granted; the qualification must be in force; expires is
// YYYY-MM-DD or empty.
engine::Command GrantQualification(engine::Actor actor, std::int64_t user_id,
                                   std::string qualification, std::string expires);
// attachment.stored {sha256, name, media_type, size}, with the bytes in attachment_data
// in the same transaction. Fails with conflict (reason attachment_exists) when that
// content is already stored. Reply: {attachment}.
engine::Command StoreAttachment(engine::Actor actor, std::string name, std::string media_type,
                                std::string data);
// personnel.training_recorded; completed is YYYY-MM-DD. Reply: {training}.
engine::Command RecordTraining(engine::Actor actor, std::int64_t user_id, std::string course,
                               std::string completed, std::string trainer);
// signature.failed: a failed signing attempt in `actor`'s session, naming the user id
// that was typed and why it failed (never the password).
engine::Command SignatureFailed(engine::Actor actor, const std::string& attempted_user,
                                const std::string& client, const std::string& detail);

}  // namespace ordo::app
